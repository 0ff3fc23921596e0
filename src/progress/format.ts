/**
 * The progress format's fixed facts, without zod: the journal reader's hot path imports only this.
 * The zod schemas (schema.ts) are loaded only when a file has to be validated.
 */
export const PROGRESS_VERSION = 2;
export const PROGRESS_FORMAT = 'pyroad-progress';

export const STATUSES = ['todo', 'learning', 'done', 'skip'] as const;
export type Status = (typeof STATUSES)[number];

/** The lists of a topic a learner can tick (`pyroad mark ID --milestone N`, `--item N`). */
export const TICK_LISTS = ['milestone', 'checklist'] as const;
export type TickList = (typeof TICK_LISTS)[number];

/** Where a job application stands (`pyroad apply`), in the order it usually moves. */
export const APPLICATION_STAGES = ['applied', 'screen', 'interview', 'offer', 'rejected', 'withdrawn'] as const;
export type ApplicationStage = (typeof APPLICATION_STAGES)[number];

/** Self-rating scale, 0..4, with what each step means. */
export const RATING_LABELS = [
  'never heard of it',
  'heard of it',
  'could use it with help',
  'use it on my own',
  'could teach it',
] as const;

/** The version-1 document, migrated to the journal on load; it lived next to the journal. */
export const V1_FILE_NAME = 'progress.json';
/** Where the version-1 document is kept after its migration. */
export const V1_BACKUP_NAME = 'progress.v1-backup.json';
/** Incomplete last lines (from a crash mid-save) are moved here before the journal is trimmed. */
export const TORN_FILE_SUFFIX = '.torn';

/**
 * Field names on disk. With 100,000 answers the journal must stay well under 20 MB, so every
 * event key is one or two letters in the file; in memory, events keep their readable names
 * (schema.ts). `e` (the event type) is the same in both.
 */
export const DISK_KEYS = {
  e: 'e',
  at: 't',
  topic: 'tp',
  question: 'q',
  choice: 'c',
  correct: 'ok',
  session: 's',
  value: 'v',
  status: 'st',
  area: 'a',
  phase: 'ph',
  // Evidence and the prove/apply stages (DESIGN.md, "Evidence"): rare events, so readable keys.
  exercise: 'x',
  fingerprint: 'fp',
  total: 'n',
  passed: 'ps',
  failed: 'fl',
  subset: 'sub',
  ms: 'ms',
  ref: 'r',
  url: 'u',
  note: 'nt',
  list: 'l',
  item: 'i',
  done: 'd',
  company: 'co',
  role: 'ro',
  stack: 'sk',
  source: 'src',
  stage: 'sg',
  date: 'dt',
} as const;

type LongKey = keyof typeof DISK_KEYS;
const FIELD_ORDER = Object.keys(DISK_KEYS) as LongKey[];

/** The same event with its fields in one fixed order (for stable output and comparison). */
export function canonicalEvent<T extends object>(event: T): T {
  const source = event as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (source[key] !== undefined) out[key] = source[key];
  return out as T;
}
const LONG_KEYS: Record<string, LongKey> = Object.fromEntries(
  Object.entries(DISK_KEYS).map(([long, short]) => [short, long as LongKey]),
);

/** An event as written to the journal (short keys). */
export function encodeEvent(event: object): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(event)) {
    if (value === undefined) continue;
    out[DISK_KEYS[key as LongKey] ?? key] = value;
  }
  return out;
}

/**
 * An event as read from the journal, with its readable keys. Unknown keys are kept as they are,
 * so that validation reports them; `unknownKey` names the first one for the fast path.
 */
export function decodeEvent(disk: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in disk) out[LONG_KEYS[key] ?? `?${key}`] = disk[key];
  return out;
}

/** The on-disk name of a field, for messages that point into the file. */
export function diskKey(key: string): string {
  if (key.startsWith('?')) return key.slice(1);
  return DISK_KEYS[key as LongKey] ?? key;
}

export interface JournalHeader {
  format: typeof PROGRESS_FORMAT;
  version: number;
  created: string;
}

export const journalHeader = (created: string): JournalHeader => ({
  format: PROGRESS_FORMAT,
  version: PROGRESS_VERSION,
  created,
});
