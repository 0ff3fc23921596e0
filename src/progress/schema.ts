import type { z } from 'zod';
import { APPLICATION_STAGES, PROGRESS_FORMAT, STATUSES, TICK_LISTS } from './format.js';
import { hasControlOrBidi } from '../render/untrusted.js';
import { requireZod } from '../zod.js';

export {
  APPLICATION_STAGES,
  PROGRESS_FORMAT,
  PROGRESS_VERSION,
  RATING_LABELS,
  STATUSES,
  TICK_LISTS,
  type ApplicationStage,
  type Status,
  type TickList,
} from './format.js';

/**
 * Progress is an append-only journal (`progress.jsonl`): a header line, then one event per line,
 * with short keys on disk (format.ts). State is a fold over the events (state.ts). Version 1 was
 * a single JSON document (`progress.json`); migrate.ts turns it into a journal and keeps the
 * original as a backup.
 *
 * The schemas are built by a function of zod so that they can be created lazily (zod.ts):
 * `progressSchemas()` is called only when a file has to be validated.
 */
export function defineProgressSchemas(zod: typeof z) {
  const isoTime = zod.iso.datetime({ offset: true });
  // Progress travels between machines and people (export, import): no string in it may carry a
  // character a terminal would obey or that reverses text.
  const noControls = (s: string) => !hasControlOrBidi(s);
  const controlsMessage = 'must not contain control or text-direction characters';
  const id = zod.string().min(1).refine(noControls, controlsMessage);
  const at = isoTime.describe('When it happened (ISO 8601).');
  const topic = id.describe('Topic id in the roadmap.');

  const header = zod.strictObject({
    format: zod.literal(PROGRESS_FORMAT),
    version: zod.int().min(1),
    created: isoTime,
  });

  const rating = zod
    .strictObject({
      e: zod.literal('rating'),
      at,
      topic,
      value: zod
        .int()
        .min(0)
        .max(4)
        .describe(
          '0 never heard of it, 1 heard of it, 2 could use it with help, 3 use it on my own, 4 could teach it.',
        ),
    })
    .describe('A self-rating of a topic.');

  const answer = zod
    .strictObject({
      e: zod.literal('answer'),
      at,
      topic,
      question: id.describe('Question id in the roadmap.'),
      choice: zod
        .int()
        .min(0)
        .max(99)
        .describe('Index of the chosen choice as written in the roadmap file (0-based; a question has 3 to 5).'),
      correct: zod.boolean().describe('Whether that was the right answer.'),
      session: id.optional().describe('The assess session it belongs to, so an interrupted session can be resumed.'),
      source: zod
        .enum(['placement'])
        .optional()
        .describe(
          '"placement" for an answer given in the placement (`pyroad assess --placement`); absent for an area quiz.',
        ),
    })
    .describe('An answer to a knowledge-check question.');

  const status = zod
    .strictObject({
      e: zod.literal('status'),
      at,
      topic,
      status: zod.enum(STATUSES).describe('Set with `pyroad mark`.'),
    })
    .describe("A topic's status set by hand.");

  const session = zod
    .strictObject({
      e: zod.literal('session'),
      at,
      session: id.describe('Session id.'),
      area: id.describe('Area id.'),
      phase: zod.enum(['start', 'end']),
    })
    .describe('An assess session starting or finishing; an unfinished one can be resumed.');

  // Hands-on evidence and the prove and apply stages: what the learner has done, kept apart from
  // what they know (DESIGN.md, "Evidence"). One model for every kind: an event names the topic
  // (a project is a topic) it is evidence for.
  const ref = zod
    .string()
    .regex(/^[a-z0-9-]{1,40}$/, 'must be a short id of lowercase letters, digits and dashes')
    .describe('A stable id for the thing the event is about, unique in this journal (made when it is added).');
  const shortText = (max: number) => zod.string().trim().min(1).max(max).refine(noControls, controlsMessage);
  const fingerprint = zod
    .string()
    .regex(/^[0-9a-f]{8,64}$/)
    .describe('A hash of what was run (the checks or the exercise tests), so a result is tied to that version.');

  const check = zod
    .strictObject({
      e: zod.literal('check'),
      at,
      topic: topic.describe("The project's topic id."),
      fingerprint,
      total: zod.int().min(0).max(10_000).describe('Checks run.'),
      passed: zod.int().min(0).max(10_000).describe('Of which passed.'),
      failed: zod.array(id).max(10_000).describe('Ids of the checks that failed.'),
      subset: zod.literal(true).optional().describe('Only some of the checks were run (--only, --from).'),
    })
    .describe("A run of a project's HTTP checks against the learner's server (`pyroad check`).");

  const exercise = zod
    .strictObject({
      e: zod.literal('exercise'),
      at,
      topic,
      exercise: id.describe('Exercise id in the roadmap.'),
      fingerprint,
      passed: zod.boolean().describe("Whether the exercise's tests passed."),
      ms: zod.int().min(0).max(86_400_000).optional().describe('How long the run took.'),
    })
    .describe("A run of an exercise's tests on the learner's code (`pyroad practice check`).");

  const evidence = zod
    .strictObject({
      e: zod.literal('evidence'),
      at,
      topic: topic.describe('The topic or project id it is evidence for.'),
      ref,
      url: shortText(2000).describe('https URL (http only on localhost), or a file path.'),
      note: shortText(500).optional(),
    })
    .describe('A link attached as evidence: a repository, a deployed site, a package, a certificate.');

  const evidenceRemoved = zod
    .strictObject({ e: zod.literal('evidence-removed'), at, topic, ref })
    .describe('An evidence link taken back (the link it names stays in the history).');

  const tick = zod
    .strictObject({
      e: zod.literal('tick'),
      at,
      topic,
      list: zod.enum(TICK_LISTS).describe("A project's milestones or a topic's checklist."),
      item: zod.int().min(0).max(999).describe('0-based position of the item in that list.'),
      done: zod.boolean().describe('Ticked (true) or unticked (false).'),
    })
    .describe('A milestone or checklist item ticked or unticked.');

  const application = zod
    .strictObject({
      e: zod.literal('application'),
      at,
      ref,
      stage: zod.enum(APPLICATION_STAGES),
      company: shortText(200).optional().describe('Set when the application is added.'),
      role: shortText(200).optional().describe('Set when the application is added.'),
      url: shortText(2000).optional(),
      stack: zod.array(shortText(60)).max(50).optional().describe('Technologies the job ad names.'),
      source: shortText(60).optional().describe('Where the job was found: board, referral, recruiter, ...'),
      date: zod.iso.date().optional().describe('A date this stage is about, e.g. the interview day.'),
      note: shortText(1000).optional(),
    })
    .describe('A job application added (stage "applied") or moved to another stage (`pyroad apply`).');

  const event = zod.discriminatedUnion('e', [
    rating,
    answer,
    status,
    session,
    check,
    exercise,
    evidence,
    evidenceRemoved,
    tick,
    application,
  ]);

  /** The version-1 document, kept only so it can be migrated. */
  const v1 = zod.strictObject({
    version: zod.literal(1),
    ratings: zod.record(zod.string(), zod.strictObject({ value: zod.int().min(0).max(4), at: isoTime })),
    statuses: zod.record(zod.string(), zod.strictObject({ status: zod.enum(STATUSES), at: isoTime })),
    answers: zod.array(
      zod.strictObject({
        question: id,
        topic: id,
        choice: zod.int().min(0),
        correct: zod.boolean(),
        at: isoTime,
      }),
    ),
  });

  return {
    header,
    rating,
    answer,
    status,
    session,
    check,
    exercise,
    evidence,
    evidenceRemoved,
    tick,
    application,
    event,
    v1,
  };
}

export type ProgressSchemas = ReturnType<typeof defineProgressSchemas>;

let schemas: ProgressSchemas | undefined;
/** The schemas, built (and zod loaded) on first call. */
export const progressSchemas = (): ProgressSchemas => (schemas ??= defineProgressSchemas(requireZod()));

export type ProgressHeader = z.infer<ProgressSchemas['header']>;
export type RatingEvent = z.infer<ProgressSchemas['rating']>;
export type AnswerEvent = z.infer<ProgressSchemas['answer']>;
export type StatusEvent = z.infer<ProgressSchemas['status']>;
export type SessionEvent = z.infer<ProgressSchemas['session']>;
export type CheckEvent = z.infer<ProgressSchemas['check']>;
export type ExerciseEvent = z.infer<ProgressSchemas['exercise']>;
export type EvidenceEvent = z.infer<ProgressSchemas['evidence']>;
export type EvidenceRemovedEvent = z.infer<ProgressSchemas['evidenceRemoved']>;
export type TickEvent = z.infer<ProgressSchemas['tick']>;
export type ApplicationEvent = z.infer<ProgressSchemas['application']>;
/** The rare kinds that the event log keeps whole (log.ts): evidence and the prove/apply stages. */
export type RecordEvent =
  CheckEvent | ExerciseEvent | EvidenceEvent | EvidenceRemovedEvent | TickEvent | ApplicationEvent;
export type ProgressEvent = z.infer<ProgressSchemas['event']>;
export type ProgressV1 = z.infer<ProgressSchemas['v1']>;

/** One zod issue as a short phrase, with the field named as it appears in the file. */
export function describeIssue(issue: z.core.$ZodIssue, name: (key: string) => string = (k) => k): string {
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : name(String(p)))).join('.');
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `"${name(k)}"`).join(', ');
    return `${path ? `${path}: ` : ''}unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  const message =
    issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
      ? `missing (expected ${issue.expected})`
      : issue.message;
  return path ? `field "${path}": ${message}` : message;
}
