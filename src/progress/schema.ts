import type { z } from 'zod';
import { PROGRESS_FORMAT, STATUSES } from './format.js';
import { requireZod } from '../zod.js';

export { PROGRESS_FORMAT, PROGRESS_VERSION, RATING_LABELS, STATUSES, type Status } from './format.js';

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
  const id = zod.string().min(1);
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

  const event = zod.discriminatedUnion('e', [rating, answer, status, session]);

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

  return { header, rating, answer, status, session, event, v1 };
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
