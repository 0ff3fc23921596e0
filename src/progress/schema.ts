import { z } from 'zod';

/**
 * Progress is an append-only journal (`progress.jsonl`): a header line, then one event per line.
 * State is a fold over the events (see state.ts). Version 1 was a single JSON document
 * (`progress.json`); migrate.ts turns it into a journal and keeps the original as a backup.
 */
export const PROGRESS_VERSION = 2;
export const PROGRESS_FORMAT = 'pyroad-progress';

export const STATUSES = ['todo', 'learning', 'done', 'skip'] as const;
export type Status = (typeof STATUSES)[number];

/** Self-rating scale, 0..4, with what each step means. */
export const RATING_LABELS = [
  'never heard of it',
  'heard of it',
  'could use it with help',
  'use it on my own',
  'could teach it',
] as const;

const isoTime = z.iso.datetime({ offset: true });
const id = z.string().min(1);

export const headerSchema = z.strictObject({
  format: z.literal(PROGRESS_FORMAT),
  version: z.int().min(1),
  created: isoTime,
});

export const ratingEventSchema = z.strictObject({
  e: z.literal('rating'),
  at: isoTime,
  topic: id,
  value: z.int().min(0).max(4),
});

export const answerEventSchema = z.strictObject({
  e: z.literal('answer'),
  at: isoTime,
  topic: id,
  question: id,
  /** Index of the chosen choice as written in the roadmap file (0-based). */
  choice: z.int().min(0),
  correct: z.boolean(),
  /** The assess session it belongs to, so an interrupted session can be resumed. */
  session: id.optional(),
});

export const statusEventSchema = z.strictObject({
  e: z.literal('status'),
  at: isoTime,
  topic: id,
  status: z.enum(STATUSES),
});

/** An assess session starting or finishing; an unfinished one can be resumed. */
export const sessionEventSchema = z.strictObject({
  e: z.literal('session'),
  at: isoTime,
  session: id,
  area: id,
  phase: z.enum(['start', 'end']),
});

export const eventSchema = z.discriminatedUnion('e', [
  ratingEventSchema,
  answerEventSchema,
  statusEventSchema,
  sessionEventSchema,
]);

export type ProgressHeader = z.infer<typeof headerSchema>;
export type RatingEvent = z.infer<typeof ratingEventSchema>;
export type AnswerEvent = z.infer<typeof answerEventSchema>;
export type StatusEvent = z.infer<typeof statusEventSchema>;
export type SessionEvent = z.infer<typeof sessionEventSchema>;
export type ProgressEvent = z.infer<typeof eventSchema>;

/** The version-1 document, kept only so it can be migrated. */
export const progressV1Schema = z.strictObject({
  version: z.literal(1),
  ratings: z.record(z.string(), z.strictObject({ value: z.int().min(0).max(4), at: isoTime })),
  statuses: z.record(z.string(), z.strictObject({ status: z.enum(STATUSES), at: isoTime })),
  answers: z.array(
    z.strictObject({
      question: id,
      topic: id,
      choice: z.int().min(0),
      correct: z.boolean(),
      at: isoTime,
    }),
  ),
});
export type ProgressV1 = z.infer<typeof progressV1Schema>;
