import type { RoadmapIndex } from '../roadmap/query.js';
import type { Renames } from './state.js';
import { PROGRESS_FORMAT } from './format.js';
import { EXPORT_FORMAT, EXPORT_OLDEST_VERSION, EXPORT_VERSION, exportSchemas } from './export.js';
import { parseV1 } from './migrate.js';
import { parseJournal } from './parse.js';
import { describeIssue, progressSchemas, type ProgressEvent } from './schema.js';
import { uniqueEvents } from './state.js';
import { jsonSyntaxMessage } from '../json-error.js';

/**
 * What `pyroad import` accepts, parsed and checked. Pure: text in, events or every problem out.
 * Besides an export (the usual case) it reads a progress journal (`progress.jsonl`, e.g. a backup
 * kept by `reset` or `import --replace`) and an old `progress.json`, so every backup pyroad makes
 * can be brought back the same way.
 */
export type ImportKind = 'export' | 'journal' | 'progress.json (version 1)';

export interface ImportParse {
  kind?: ImportKind;
  /** Without exact duplicates, in the file's order (when there are problems: the valid ones). */
  events: ProgressEvent[];
  /** The roadmap the export was made with, when it says. */
  roadmapTitle?: string;
  /** Each one line, ready to print; nothing may be imported when there is any. */
  problems: string[];
  warnings: string[];
}

/** "line 3, column 14" for a JSON.parse error, when the engine says where. */
function jsonErrorWhere(text: string, error: Error): string {
  const lineCol = /line (\d+) column (\d+)/.exec(error.message);
  if (lineCol) return `line ${lineCol[1]}, column ${lineCol[2]}`;
  const position = /position (\d+)/.exec(error.message);
  if (!position) return '';
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const col = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

const pathText = (path: PropertyKey[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('');

export function parseImport(text: string): ImportParse {
  const result: ImportParse = { events: [], problems: [], warnings: [] };
  if (text.trim() === '') {
    result.problems.push(
      text === ''
        ? 'the file is empty (0 bytes); expected a pyroad export'
        : 'the file is blank; expected a pyroad export',
    );
    return result;
  }
  let data: unknown;
  let jsonError: Error | undefined;
  try {
    data = JSON.parse(text);
  } catch (error) {
    jsonError = error as Error;
  }
  if (jsonError) {
    // Not one JSON document: maybe a journal (one JSON object per line, a header first).
    const firstLine = text.slice(0, text.indexOf('\n') + 1 || undefined);
    if (firstLine.includes(`"${PROGRESS_FORMAT}"`)) return fromJournal(text, result);
    const where = jsonErrorWhere(text, jsonError);
    const trimmed = text.trimStart();
    const hint = trimmed.startsWith('# Progress')
      ? '; this looks like a Markdown export, and only JSON exports (`pyroad export`) can be imported'
      : /^[a-z_]+(,[a-z_]+){3,}\r?\n/i.test(trimmed)
        ? '; this looks like a CSV export, and only JSON exports (`pyroad export`) can be imported'
        : '';
    result.problems.push(`${where ? `${where}: ` : ''}not valid JSON (${jsonSyntaxMessage(jsonError)})${hint}`);
    return result;
  }
  const object =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  if (object?.format === PROGRESS_FORMAT) return fromJournal(text, result);
  if (object && object.format === undefined && object.version === 1 && 'answers' in object) {
    result.kind = 'progress.json (version 1)';
    const v1 = parseV1(text);
    if ('problems' in v1) result.problems.push(...v1.problems);
    else if ('events' in v1) result.events = uniqueEvents(v1.events);
    return result;
  }
  if (object?.format !== EXPORT_FORMAT) {
    result.problems.push(
      `this is not a pyroad export (it has no "format": "${EXPORT_FORMAT}"); create one with \`pyroad export\``,
    );
    return result;
  }
  result.kind = 'export';
  if (typeof object.version === 'number' && object.version > EXPORT_VERSION) {
    result.problems.push(
      `it was written by a newer pyroad (export version ${object.version}; this pyroad reads versions ${EXPORT_OLDEST_VERSION} to ${EXPORT_VERSION}); upgrade pyroad (npm install -g pyroad@latest) to import it`,
    );
    return result;
  }
  const parsed = exportSchemas().document.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = pathText(issue.path);
      const message = describeIssue({ ...issue, path: [] });
      result.problems.push(path ? `${path}: ${message}` : message);
    }
    // The events that are fine on their own are still checked against the roadmap, so that one
    // run reports unknown ids too.
    const events = (object.progress as { events?: unknown } | undefined)?.events;
    if (Array.isArray(events)) {
      const schema = progressSchemas().event;
      result.events = uniqueEvents(
        events.flatMap((e) => {
          const ok = schema.safeParse(e);
          return ok.success ? [ok.data] : [];
        }),
      );
    }
    if (typeof (object.roadmap as { title?: unknown } | undefined)?.title === 'string')
      result.roadmapTitle = (object.roadmap as { title: string }).title;
    return result;
  }
  result.roadmapTitle = parsed.data.roadmap.title;
  result.events = uniqueEvents(parsed.data.progress.events);
  return result;
}

function fromJournal(text: string, result: ImportParse): ImportParse {
  result.kind = 'journal';
  const parsed = parseJournal(text, { validate: true });
  if (parsed.newerVersion !== undefined)
    result.problems.push(
      `it was written by a newer pyroad (format version ${parsed.newerVersion}); upgrade pyroad to import it`,
    );
  for (const p of parsed.problems)
    result.problems.push(p.message.startsWith('line ') ? p.message : `line ${p.line}: ${p.message}`);
  if (parsed.problemCount > parsed.problems.length)
    result.problems.push(`... and ${parsed.problemCount - parsed.problems.length} more`);
  if (parsed.torn)
    result.warnings.push(`ignoring the incomplete last line ${parsed.torn.line} (a save was interrupted)`);
  result.events = uniqueEvents(parsed.events);
  return result;
}

const listIds = (label: string, ids: Set<string>): string => {
  const sorted = [...ids].sort();
  const shown = sorted.slice(0, 20).join(', ');
  return `${label} (${ids.size}): ${shown}${sorted.length > 20 ? `, ... and ${sorted.length - 20} more` : ''}`;
};

/**
 * References to the roadmap in use: an answer to a known question must belong to its topic and
 * have that choice (problems). Ids the roadmap lacks (another roadmap's, or renamed without
 * `formerly:`) are not problems: their records are kept, and listed in `unknown`, so one home
 * used with two roadmaps round-trips. Ids a topic or question lists under `formerly:` are known.
 */
export function checkReferences(
  events: ProgressEvent[],
  index: RoadmapIndex,
  exportedWith?: string,
  renames?: Renames,
): { problems: string[]; unknown: string[] } {
  const topicOf = (id: string) => renames?.topics.get(id) ?? id;
  const questionOf = (id: string) => renames?.questions.get(id) ?? id;
  const topics = new Set<string>();
  const questions = new Set<string>();
  const areas = new Set<string>();
  const other: string[] = [];
  for (const event of events) {
    if (event.e === 'session') {
      if (!index.areas.has(event.area)) areas.add(event.area);
      continue;
    }
    if (!('topic' in event)) continue;
    if (!index.topics.has(topicOf(event.topic))) topics.add(event.topic);
    if (event.e !== 'answer') continue;
    const question = index.questions.get(questionOf(event.question));
    if (!question) questions.add(event.question);
    else if (question.topic.id !== topicOf(event.topic))
      other.push(`question "${event.question}" belongs to topic "${question.topic.id}", not "${event.topic}"`);
    else if (event.choice >= question.question.choices.length)
      other.push(
        `an answer to "${event.question}" chose choice ${event.choice}, but that question has ${question.question.choices.length} choices (0 to ${question.question.choices.length - 1})`,
      );
  }
  const unknown: string[] = [];
  if (topics.size) unknown.push(listIds('unknown topic ids', topics));
  if (questions.size) unknown.push(listIds('unknown question ids', questions));
  if (areas.size) unknown.push(listIds('unknown area ids', areas));
  const problems = [...new Set(other)].slice(0, 20);
  const elsewhere =
    exportedWith !== undefined && exportedWith !== index.roadmap.title
      ? `it was exported with the roadmap "${exportedWith}", but the roadmap in use is "${index.roadmap.title}"`
      : undefined;
  if (problems.length && elsewhere) problems.push(`${elsewhere}; pass that roadmap with --roadmap FILE to import it`);
  if (unknown.length)
    unknown.push(
      `${elsewhere ? `${elsewhere}; ` : ''}their records are kept and count again with a roadmap that has those ids (--roadmap FILE), or once a topic lists the old id under "formerly:"`,
    );
  return { problems, unknown };
}

/** "12 answers, 3 ratings, 1 status" */
export function describeEvents(events: ProgressEvent[]): string {
  const counts: Record<ProgressEvent['e'], number> = {
    answer: 0,
    rating: 0,
    status: 0,
    session: 0,
    check: 0,
    exercise: 0,
    evidence: 0,
    'evidence-removed': 0,
    tick: 0,
    application: 0,
  };
  for (const event of events) counts[event.e]++;
  const parts: string[] = [];
  const add = (n: number, one: string, many: string) => n && parts.push(`${n} ${n === 1 ? one : many}`);
  add(counts.answer, 'answer', 'answers');
  add(counts.rating, 'rating', 'ratings');
  add(counts.status, 'status', 'statuses');
  add(counts.session, 'session event', 'session events');
  add(counts.check, 'check run', 'check runs');
  add(counts.exercise, 'exercise run', 'exercise runs');
  add(counts.evidence + counts['evidence-removed'], 'evidence change', 'evidence changes');
  add(counts.tick, 'tick', 'ticks');
  add(counts.application, 'application change', 'application changes');
  return parts.join(', ') || 'nothing';
}
