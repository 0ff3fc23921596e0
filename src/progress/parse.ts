import { PROGRESS_FORMAT, PROGRESS_VERSION, decodeEvent, diskKey, type JournalHeader } from './format.js';
import { describeIssue, progressSchemas, type ProgressEvent } from './schema.js';
import { jsonSyntaxMessage } from '../json-error.js';

/**
 * Parsing the journal is pure: text in, events and problems out. store.ts does the reading,
 * locking and writing.
 */
export interface JournalProblem {
  line: number;
  message: string;
}

export interface ParsedJournal {
  header?: JournalHeader;
  events: ProgressEvent[];
  /** An incomplete last line (no newline, not a whole event): what a crash mid-save leaves. */
  torn?: { line: number; text: string };
  /** Problems that make the file unusable; empty when it is fine. */
  problems: JournalProblem[];
  /** How many problems there were in all (`problems` keeps the first few). */
  problemCount: number;
  /** The header declares a format version newer than this pyroad's; nothing else was read. */
  newerVersion?: number;
}

const MAX_PROBLEMS = 10;

function parseJson(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    // A line is short: say the column rather than V8's "position".
    return { error: jsonSyntaxMessage(error, { at: (n) => `at column ${n + 1}` }) };
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks line 1. Returns the header, or a problem, or the newer version it declares. */
function parseHeader(
  line: string,
  validate: boolean,
): { header: JournalHeader } | { problem: string } | { newer: number } {
  const parsed = parseJson(line);
  if ('error' in parsed)
    return { problem: `line 1 is not valid JSON (${parsed.error}), so this is not a pyroad progress journal` };
  const value = parsed.value;
  if (!isObject(value) || value.format !== PROGRESS_FORMAT)
    return {
      problem: `line 1 is not a pyroad progress header (it should start with {"format":"${PROGRESS_FORMAT}", ...})`,
    };
  if (typeof value.version === 'number' && value.version > PROGRESS_VERSION) return { newer: value.version };
  if (value.version !== PROGRESS_VERSION)
    return {
      problem: `line 1 declares format version ${JSON.stringify(value.version)}, but a journal is version ${PROGRESS_VERSION}`,
    };
  if (validate) {
    const result = progressSchemas().header.safeParse(value);
    if (!result.success)
      return { problem: `line 1 (the header): ${result.error.issues.map((i) => describeIssue(i)).join('; ')}` };
  }
  return { header: value as unknown as JournalHeader };
}

/** One event line, validated. */
export function parseEventLine(text: string): { event: ProgressEvent } | { problem: string } {
  const parsed = parseJson(text);
  if ('error' in parsed) return { problem: `is not valid JSON (${parsed.error})` };
  if (!isObject(parsed.value)) return { problem: 'is not a JSON object' };
  const result = progressSchemas().event.safeParse(decodeEvent(parsed.value));
  if (result.success) return { event: result.data };
  return { problem: result.error.issues.map((i) => describeIssue(i, diskKey)).join('; ') };
}

/**
 * The journal's text as events. With `validate: false` (the file was validated before, see
 * stamp.ts) lines are only JSON-parsed and decoded, without zod; any surprise there is reported as
 * a problem so the caller can retry with validation for precise messages.
 */
export function parseJournal(text: string, opts: { validate: boolean }): ParsedJournal {
  const result: ParsedJournal = { events: [], problems: [], problemCount: 0 };
  const problem = (line: number, message: string) => {
    result.problemCount++;
    if (result.problems.length < MAX_PROBLEMS) result.problems.push({ line, message });
  };
  const firstNewline = text.indexOf('\n');
  if (firstNewline < 0) {
    // One line and no end: a header cut off mid-write, or a file that never was a journal.
    problem(
      1,
      text.trimStart().startsWith('{')
        ? 'the file has a single incomplete line and no header; it was cut off while being written'
        : `the file has no header line and does not start like a pyroad progress journal ({"format":"${PROGRESS_FORMAT}", ...})`,
    );
    return result;
  }
  const header = parseHeader(text.slice(0, firstNewline), opts.validate);
  if ('problem' in header) {
    problem(1, header.problem);
    return result;
  }
  if ('newer' in header) {
    result.newerVersion = header.newer;
    return result;
  }
  result.header = header.header;

  // Everything after the last newline is a line still being (or never finished being) written.
  const lastNewline = text.lastIndexOf('\n');
  const body = text.slice(firstNewline + 1, lastNewline + 1);
  const tail = text.slice(lastNewline + 1);

  if (!opts.validate) {
    const events = fastParse(body);
    if (!events) {
      problem(2, 'changed since it was last checked; validating it again');
      return result;
    }
    result.events = events;
  } else {
    let line = 1;
    let start = firstNewline + 1;
    while (start <= lastNewline) {
      const end = text.indexOf('\n', start);
      line++;
      const lineText = text.slice(start, end);
      start = end + 1;
      if (lineText.trim() === '') continue;
      const parsed = parseEventLine(lineText);
      if ('event' in parsed) result.events.push(parsed.event);
      else problem(line, `line ${line} ${parsed.problem}`);
    }
  }

  if (tail !== '') {
    const line = countNewlines(body) + 2;
    // A complete event that only lacks its newline (say, an edited file) is kept; a line cut off
    // mid-write is never valid JSON (an object is complete only at its last brace), so it is torn.
    const parsed = parseJson(tail);
    if ('error' in parsed || !isObject(parsed.value)) result.torn = { line, text: tail };
    else if (!opts.validate) result.events.push(decodeEvent(parsed.value) as ProgressEvent);
    else {
      const event = parseEventLine(tail);
      if ('event' in event) result.events.push(event.event);
      else problem(line, `line ${line} ${event.problem}`);
    }
  }
  return result;
}

function countNewlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Lines known to be valid: only JSON-parsed and renamed (per line is faster than one big parse). */
function fastParse(body: string): ProgressEvent[] | undefined {
  if (body === '') return [];
  const lines = body.split('\n');
  lines.pop(); // the body ends with a newline
  const out: ProgressEvent[] = [];
  try {
    for (const line of lines) {
      if (line === '') continue;
      const disk: unknown = JSON.parse(line);
      if (!isObject(disk)) return undefined;
      out.push(decodeEvent(disk) as ProgressEvent);
    }
  } catch {
    return undefined;
  }
  return out;
}
