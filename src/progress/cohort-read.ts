import { EXPORT_FORMAT, EXPORT_OLDEST_VERSION, EXPORT_VERSION } from './export.js';
import { parseImport } from './import.js';
import { isPlainEvent } from './quick-check.js';
import { progressSchemas, type ProgressEvent, type ProgressSchemas } from './schema.js';

export interface CohortExport {
  events: ProgressEvent[];
  roadmapTitle?: string;
  /** The learner's `name` setting, when the export carries one. */
  name?: string;
  /** Why it cannot be used, one line; the first of `pyroad import`'s problems. */
  problem?: string;
}

/**
 * An export for `pyroad cohort`. Pure. The learner's events are checked exactly as `pyroad import`
 * checks them; the computed summary, which the cohort recomputes anyway, is not (checking it
 * took two thirds of the time over 500 exports). Anything that is not a well-formed export goes
 * through `parseImport`, so a problem is worded as `import` words it.
 */
export function readCohortExport(text: string): CohortExport {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const doc = data as
    | {
        format?: unknown;
        version?: unknown;
        roadmap?: { title?: unknown };
        learner?: { name?: unknown };
        progress?: { events?: unknown };
      }
    | undefined;
  const learnerName = doc?.learner?.name;
  const name = typeof learnerName === 'string' && learnerName.trim() !== '' ? { name: learnerName.trim() } : {};
  const raw = doc?.progress?.events;
  if (
    doc?.format === EXPORT_FORMAT &&
    typeof doc.version === 'number' &&
    doc.version >= EXPORT_OLDEST_VERSION &&
    doc.version <= EXPORT_VERSION &&
    typeof doc.roadmap?.title === 'string' &&
    Array.isArray(raw)
  ) {
    const events: ProgressEvent[] = [];
    // The shapes a quiz writes are checked without zod (quick-check.ts); zod, loaded only when
    // needed, judges the rest.
    let schema: ProgressSchemas['event'] | undefined;
    for (const e of raw) {
      if (isPlainEvent(e)) {
        events.push(e);
        continue;
      }
      const ok = (schema ??= progressSchemas().event).safeParse(e);
      if (!ok.success) break;
      events.push(ok.data);
    }
    // No de-duplication: `pyroad export` writes each event once, and over 500 exports looking
    // for duplicates cost a fifth of the run.
    if (events.length === raw.length) return { events, roadmapTitle: doc.roadmap.title, ...name };
  }
  const parsed = parseImport(text);
  if (parsed.problems.length) return { events: [], problem: parsed.problems[0]! };
  if (parsed.kind !== 'export')
    return {
      events: [],
      problem: `this is a ${parsed.kind ?? 'file'}, not an export; make one with \`pyroad export\``,
    };
  return {
    events: parsed.events,
    ...(parsed.roadmapTitle === undefined ? {} : { roadmapTitle: parsed.roadmapTitle }),
    ...name,
  };
}
