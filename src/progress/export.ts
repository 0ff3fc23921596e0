import type { z } from 'zod';
import type { Summary } from '../coach/types.js';
import type { Stage } from '../roadmap/schema.js';
import { VERSION } from '../version.js';
import { canonicalEvent } from './format.js';
import { defineProgressSchemas, type ProgressEvent } from './schema.js';
import { requireZod } from '../zod.js';

/**
 * `pyroad export`: the progress plus a computed summary, as one JSON document. The zod schema
 * below is the single source of truth: `pyroad import` validates with it, and
 * schema/export.schema.json is generated from it (`npm run schema`; a test fails
 * when the file is out of date).
 *
 * Compatibility: `version` goes up only when a reader of the previous version would misread a
 * document; new optional fields keep the version. `progress` is checked strictly on import
 * (unknown fields are errors); `summary` is computed, informative, and ignored by import.
 */
export const EXPORT_FORMAT = 'pyroad-export';
/**
 * 2 added the evidence events (check and exercise runs, evidence links, ticks, job
 * applications), which a version-1 reader would refuse. Version 1 documents still import: they
 * are version 2 documents without those events.
 */
export const EXPORT_VERSION = 2;
/** The oldest export version this pyroad imports. */
export const EXPORT_OLDEST_VERSION = 1;

// Kept here rather than imported from the roadmap schema, which would load a second zod; the
// type checks at the end of the file keep both lists in step.
const STAGE_IDS = ['skills', 'prove', 'apply'] as const satisfies readonly Stage[];
const CALIBRATIONS = ['over-confident', 'under-confident', 'consistent', 'unknown'] as const;
const KINDS = [
  'start',
  'learn',
  'review',
  'assess',
  'project',
  'certificate',
  'job',
  'prove',
  'apply',
  'follow-up',
  'practice',
] as const;

export function defineExportSchemas(zod: typeof z) {
  const progress = defineProgressSchemas(zod);
  const fraction = zod.number().min(0).max(1);
  const count = zod.int().min(0);
  const isoTime = zod.iso.datetime({ offset: true });
  const stage = zod
    .enum(STAGE_IDS)
    .describe('skills = get the skills, prove = prove them, apply = put yourself out there.');
  const calibration = zod
    .enum(CALIBRATIONS)
    .describe('How the self-rating compares with the quiz results; "unknown" until there are enough answers.');

  const topic = zod
    .object({
      topic: zod.string().describe('Topic id.'),
      area: zod.string().describe('Area id.'),
      title: zod.string(),
      mastery: fraction.describe(
        '0..1, from the self-rating and the quiz answers (the quiz weighs more as answers accumulate).',
      ),
      rating: zod
        .int()
        .min(0)
        .max(4)
        .optional()
        .describe('Latest self-rating, 0 (never heard of it) to 4 (could teach it).'),
      quizScore: fraction.optional().describe('Recency-weighted share of correct answers.'),
      answered: count.describe('Quiz answers given.'),
      correct: count.describe('Of which correct.'),
      calibration,
      status: zod.enum(['todo', 'learning', 'done', 'skip']),
      mastered: zod.boolean(),
      lastAssessed: isoTime.optional(),
      nextReview: isoTime.optional().describe('When a short re-assessment is due.'),
      due: zod.boolean().describe('A re-assessment is due now.'),
      ready: zod.boolean().optional().describe('Every prerequisite is complete or skipped.'),
      retrievability: fraction.optional().describe('Estimated chance that it is still known now.'),
      passedBefore: zod
        .array(zod.string())
        .optional()
        .describe('Mastered before these prerequisites (topic or area titles).'),
      provenBy: zod
        .array(zod.object({ project: zod.string(), passed: count, total: count, at: isoTime }))
        .optional()
        .describe(
          'Projects whose checks all passed (a full run of their current version) that list this topic in `proves:`: hands-on evidence, which lifts its mastery to at least 0.75.',
        ),
    })
    .describe('One topic of the roadmap.');

  const area = zod.object({
    area: zod.string().describe('Area id.'),
    title: zod.string(),
    stage,
    mastery: fraction,
    selfScore: fraction.optional().describe('Average self-rating, as 0..1.'),
    quizScore: fraction.optional(),
    topics: count,
    mastered: count,
    calibration,
    due: count.describe('Topics due for a re-assessment.'),
    band: zod
      .string()
      .optional()
      .describe('Rasch ability band with its uncertainty, e.g. "likely intermediate, could be beginner".'),
  });

  const recommendation = zod.object({
    kind: zod.enum(KINDS),
    area: zod.string(),
    topic: zod.string().optional(),
    title: zod.string(),
    reason: zod.string().describe('Why this, now: one sentence.'),
    action: zod.object({
      text: zod.string(),
      url: zod.string().optional(),
      command: zod.string().optional(),
    }),
  });

  const historyPoint = zod.object({
    date: zod.string().describe('A UTC day, YYYY-MM-DD.'),
    mastery: fraction,
    answered: count,
    readiness: fraction.optional(),
  });

  const recent = zod.object({
    days: count,
    since: isoTime,
    mastery: zod.number().min(-1).max(1),
    readiness: zod.number().min(-1).max(1),
    masteryBefore: fraction,
    readinessBefore: fraction,
    answered: count,
    topicsAssessed: count,
  });

  const portfolio = zod
    .object({
      work: zod.array(
        zod.object({
          topic: zod.string(),
          title: zod.string(),
          kind: zod.enum(['project', 'checklist']),
          done: count,
          total: count,
          ticked: zod.array(count).describe('The items ticked, numbered from 1.'),
          label: zod.string().describe('"4 of 7 milestones".'),
          stage: zod
            .enum(['todo', 'building', 'built', 'proven'])
            .optional()
            .describe(
              'A project: built when every milestone is ticked (or it is marked done), proven once its checks pass or, without checks, a link to it is attached.',
            ),
          checks: zod
            .string()
            .optional()
            .describe('The latest `pyroad check` run: "proven by 18/18 checks on 2026-12-04", or how far it got.'),
        }),
      ),
      links: zod.array(
        zod.object({
          n: count.describe('Its number in `pyroad evidence list`.'),
          topic: zod.string(),
          title: zod.string(),
          url: zod.string().describe('An https URL (http only on localhost) or a file path.'),
          note: zod.string().optional(),
          at: isoTime,
        }),
      ),
      applications: zod.array(
        zod.object({
          n: count.describe('Its number in `pyroad apply list`.'),
          company: zod.string(),
          role: zod.string(),
          stage: zod.string(),
          appliedAt: isoTime,
          updatedAt: isoTime,
          url: zod.string().optional(),
          stack: zod.array(zod.string()),
          source: zod.string().optional(),
          interviewOn: zod.string().optional(),
        }),
      ),
      funnel: zod.object({
        applied: count,
        screened: count,
        interviewed: count,
        offers: count,
        rejected: count,
        withdrawn: count,
        open: count,
        responseRate: fraction.describe('Share of applications the company answered.'),
      }),
    })
    .describe('Projects and checklists ticked, evidence links and job applications.');

  const summary = zod
    .object({
      generatedAt: isoTime,
      stage: stage.describe('The stage the learner is in.'),
      readiness: fraction.describe(
        "0..1 toward the roadmap's goal (the shipped roadmap's: ready to apply for junior Python back-end roles).",
      ),
      gaps: zod.array(zod.string()).describe('The biggest gaps, with a short note each.'),
      areas: zod.array(area),
      topics: zod.array(topic),
      due: zod.array(zod.string()).describe('Topic ids due for a re-assessment.'),
      recommendations: zod.array(recommendation),
      history: zod.array(historyPoint).describe('One point per day with activity.'),
      mastery: fraction.optional().describe('Mean mastery over all topics not skipped.'),
      recent: recent.optional().describe('How mastery and readiness moved in the last 30 days.'),
      portfolio: portfolio.optional(),
    })
    .describe('Computed by the coach when the export was made; informative only, ignored by `pyroad import`.');

  const document = zod
    .strictObject({
      $schema: zod.string().optional().describe('Editor hint, ignored.'),
      format: zod.literal(EXPORT_FORMAT),
      version: zod
        .int()
        .min(EXPORT_OLDEST_VERSION)
        .max(EXPORT_VERSION)
        .describe(
          `Export format version; this pyroad writes ${EXPORT_VERSION} and reads ${EXPORT_OLDEST_VERSION} to ${EXPORT_VERSION}.`,
        ),
      exportedAt: isoTime,
      pyroad: zod.string().describe('The pyroad version that wrote it.'),
      roadmap: zod.strictObject({ title: zod.string().describe('The roadmap the progress refers to.') }),
      learner: zod
        .strictObject({ name: zod.string().describe('The `name` setting: how `pyroad cohort` shows the learner.') })
        .optional()
        .describe('Who exported it; written only when the learner set a name (`pyroad config set name`).'),
      progress: zod
        .strictObject({
          events: zod
            .array(progress.event)
            .describe(
              'Everything recorded, in the order it happened: self-ratings (0..4), quiz answers (question id, 0-based choice, correct), statuses, assess sessions, and (version 2) check and exercise runs, evidence links, milestone and checklist ticks and job applications. The current state is a fold: for ratings and statuses the latest `at` wins.',
            ),
        })
        .describe("The learner's own records; `pyroad import` merges these."),
      summary,
    })
    .meta({ title: 'pyroad export', description: 'Progress exported by `pyroad export` (JSON).' });

  return { document, summary };
}

export type ExportSchemas = ReturnType<typeof defineExportSchemas>;
export type ExportDocument = z.infer<ExportSchemas['document']>;

let schemas: ExportSchemas | undefined;
export const exportSchemas = (): ExportSchemas => (schemas ??= defineExportSchemas(requireZod()));

/** The JSON Schema shipped as schema/export.schema.json. */
export function exportJsonSchema(): Record<string, unknown> {
  return requireZod().toJSONSchema(exportSchemas().document, { io: 'input' }) as Record<string, unknown>;
}

export const exportJsonSchemaText = (): string => `${JSON.stringify(exportJsonSchema(), null, 2)}\n`;

/**
 * The export document. Pure. `events` should be free of exact duplicates (uniqueEvents) and
 * `summary` computed from exactly those events, so that export → import → export is identical.
 */
export function buildExport(input: {
  events: ProgressEvent[];
  summary: Summary;
  roadmapTitle: string;
  now: Date;
  /** The `name` setting; left out of the document when empty. */
  learnerName?: string;
}): ExportDocument {
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: input.now.toISOString(),
    pyroad: VERSION,
    roadmap: { title: input.roadmapTitle },
    ...(input.learnerName ? { learner: { name: input.learnerName } } : {}),
    progress: { events: input.events.map(canonicalEvent) },
    summary: input.summary,
  };
}

// The schema must describe exactly what the coach produces: these fail to compile when the two drift.
type SchemaSummary = z.infer<ExportSchemas['summary']>;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const summaryInSync: Same<Omit<SchemaSummary, never>, Summary> = true;
const stagesInSync: Same<(typeof STAGE_IDS)[number], Stage> = true;
void summaryInSync;
void stagesInSync;
