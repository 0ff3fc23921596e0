import { LineCounter, isMap, isScalar, isSeq, parseAllDocuments, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { didYouMean } from '../didyoumean.js';
import { scanCharacters } from './characters.js';
import type { Problem } from './problems.js';
import {
  ROADMAP_VERSION,
  areaSchema,
  exerciseSchema,
  projectSchema,
  questionSchema,
  resourceSchema,
  roadmapFileSchema,
  topicSchema,
  type Area,
  type Question,
  type RoadmapFile,
  type Topic,
} from './schema.js';

/** Larger roadmap files are refused before parsing: the shipped one is well under 1 MB. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;

export type Path = readonly (string | number)[];

/** Finds the line:col of a value (or of a key, for unknown-field problems) in one parsed file. */
export interface Locator {
  at(path: Path, key?: string): { line: number; col: number };
}

export interface ParsedFile {
  file: string;
  /** The file's content; when it has schema problems, with stand-ins for what failed (see salvage). */
  data?: RoadmapFile;
  /** Every id written in the file, valid or not, so references to a broken area are not "unknown". */
  ids?: Set<string>;
  locate: Locator;
  problems: Problem[];
  /** Things that do not stop the roadmap from loading but that an author should look at. */
  warnings?: Problem[];
}

/** Known fields of each kind of object, for "unknown field" did-you-mean suggestions. */
const shapes: Record<string, z.ZodObject> = {
  '': roadmapFileSchema,
  areas: areaSchema,
  topics: topicSchema,
  questions: questionSchema,
  resources: resourceSchema,
  project: projectSchema,
  exercises: exerciseSchema,
};

function knownKeys(path: Path): string[] {
  const last = [...path].reverse().find((s): s is string => typeof s === 'string') ?? '';
  return Object.keys(shapes[last]?.shape ?? {});
}

function makeLocator(doc: Document | undefined, lines: LineCounter): Locator {
  const pos = (offset: number) => {
    const { line, col } = lines.linePos(offset);
    return { line, col };
  };
  return {
    at(path, key) {
      if (!doc) return { line: 1, col: 1 };
      // Walk down as far as the path exists; a missing field points at its parent.
      let node: unknown = doc.contents;
      for (const segment of path) {
        let next: unknown;
        if (isMap(node)) next = node.items.find((p) => isScalar(p.key) && p.key.value === segment)?.value;
        else if (isSeq(node) && typeof segment === 'number') next = node.items[segment];
        if (next == null) break;
        node = next;
      }
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return pos(keyNode.range[0]);
      }
      const range = (node as Node | null)?.range;
      return range ? pos(range[0]) : { line: 1, col: 1 };
    },
  };
}

function looksBinary(bytes: Uint8Array): boolean {
  if (bytes.includes(0)) return true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return false;
  } catch {
    return true;
  }
}

/** A yaml error message without its trailing " at line N, column M:" and source excerpt. */
const cleanYamlMessage = (message: string): string =>
  (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '').replace(/:$/, '');

/**
 * Parses one roadmap file: YAML syntax, then the zod schema. Pure: bytes in, data or problems out.
 * `file` is only used to name the file in problems.
 */
export function parseRoadmapFile(file: string, bytes: Uint8Array): ParsedFile {
  const lines = new LineCounter();
  const fail = (message: string, line = 1, col = 1): ParsedFile => ({
    file,
    locate: makeLocator(undefined, lines),
    problems: [{ file, line, col, message }],
  });

  if (bytes.length > MAX_FILE_BYTES)
    return fail(
      `file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; a roadmap file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB)`,
    );
  if (looksBinary(bytes)) return fail('not a text file (binary data or invalid UTF-8)');
  let text = new TextDecoder('utf-8').decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return fail('file is empty; a roadmap needs at least `version:` and `areas:`');

  const docs = parseAllDocuments(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: true });
  if (!Array.isArray(docs)) return fail('file holds no YAML document');
  if (docs.length > 1) {
    const second = docs[1]!;
    const { line, col } = lines.linePos(second.range[0]);
    return fail('file holds several YAML documents (separated by ---); put one roadmap per file', line, col);
  }
  const doc = docs[0];
  if (!doc) return fail('file holds no YAML document');
  const locate = makeLocator(doc, lines);
  // After the first syntax error the parser's view of the rest is a guess: report that one only.
  const syntax = doc.errors.slice(0, 1).map((e): Problem => {
    const start = e.linePos?.[0] ?? { line: 1, col: 1 };
    return { file, line: start.line, col: start.col, message: cleanYamlMessage(e.message) };
  });
  if (syntax.length > 0) return { file, locate, problems: syntax };

  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) return fail('too many YAML aliases (more than 100 expansions); refusing to expand it');
    return fail(`cannot read YAML: ${message}`);
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return {
      file,
      locate,
      problems: [{ file, ...locate.at([]), message: 'expected a mapping with `version:` and `areas:`' }],
    };

  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && Number.isInteger(version) && version > ROADMAP_VERSION)
    return {
      file,
      locate,
      problems: [
        {
          file,
          ...locate.at(['version']),
          message: `roadmap format version ${version} is newer than this pyroad understands (up to ${ROADMAP_VERSION}); upgrade pyroad to read it`,
        },
      ],
    };

  // Characters a terminal would obey are found first, with the field's path, in the same run as
  // every other problem.
  const characters = scanCharacters(raw);
  const located = (severity: 'error' | 'warning') =>
    characters
      .filter((c) => c.severity === severity)
      .map((c): Problem => ({ file, ...locate.at(c.path, c.key), message: c.message }));
  const charProblems = located('error');
  const warnings = located('warning');
  const result = roadmapFileSchema.safeParse(raw);
  if (result.success && charProblems.length === 0) return { file, data: result.data, locate, problems: [], warnings };
  const problems = [
    ...charProblems,
    ...(result.success ? [] : result.error.issues.flatMap((issue) => describeIssue(file, locate, issue, raw))),
  ];
  return {
    file,
    locate,
    problems,
    warnings,
    ...(result.success ? { data: result.data } : salvage(raw as Record<string, unknown>)),
  };
}

/**
 * When a file has schema problems, the semantic checks still run on everything else, so one run
 * reports every problem: parts that fail the schema are replaced, in place, by stand-ins that
 * keep their id and their prerequisites (so duplicates and unknown references are still found)
 * and cannot cause problems of their own.
 */
function salvage(raw: Record<string, unknown>): Pick<ParsedFile, 'data' | 'ids'> {
  const rawAreas = Array.isArray(raw.areas) ? (raw.areas as unknown[]) : [];
  const ids = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') {
      const { id } = value as { id?: unknown };
      if (typeof id === 'string') ids.add(id);
      Object.values(value).forEach(collect);
    }
  };
  collect(rawAreas);
  // Includes are followed even when this file is broken, so ids defined there are still known.
  const include = idList(raw.include);
  return { data: { version: 1, include, areas: rawAreas.map(salvageArea) }, ids };
}

/**
 * The stand-ins salvage made for areas, topics and questions that failed the schema: checks that
 * need real content (authoring warnings) skip them, so a broken file still gets those warnings for
 * the rest of its content in the same run.
 */
export const STAND_INS = new WeakSet<object>();
const standIn = <T extends object>(value: T): T => (STAND_INS.add(value), value);

type Loose = Record<string, unknown>;
const asLoose = (value: unknown): Loose => (value && typeof value === 'object' ? (value as Loose) : {});
let standIns = 0;
/** The id as written, or one no reference can name. */
const idOf = (value: Loose): string => (typeof value.id === 'string' ? value.id : `\u0000${standIns++}`);
const idList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
const listOf = <T>(value: unknown, each: (item: unknown) => T): T[] => (Array.isArray(value) ? value.map(each) : []);

function salvageArea(value: unknown): Area {
  const parsed = areaSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const raw = asLoose(value);
  return standIn({
    id: idOf(raw),
    title: '',
    stage: 'skills',
    summary: '',
    prerequisites: idList(raw.prerequisites),
    topics: listOf(raw.topics, salvageTopic),
  });
}

function salvageTopic(value: unknown): Topic {
  const parsed = topicSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const raw = asLoose(value);
  // A project's `proves` are references: kept, so they are checked in the same run.
  const project = raw.project && typeof raw.project === 'object' ? asLoose(raw.project) : undefined;
  return standIn({
    id: idOf(raw),
    title: '',
    summary: '',
    prerequisites: idList(raw.prerequisites),
    resources: [],
    questions: listOf(raw.questions, salvageQuestion),
    ...(project ? { project: { proves: idList(project.proves), milestones: [], done_when: '' } } : {}),
  });
}

function salvageQuestion(value: unknown): Question {
  const parsed = questionSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const raw = asLoose(value);
  // The choices as written, when they are text, so a repeated choice is found in the same run.
  const written =
    Array.isArray(raw.choices) && raw.choices.length > 0 && raw.choices.every((c) => typeof c === 'string');
  return standIn({
    id: idOf(raw),
    prompt: '',
    choices: written ? (raw.choices as string[]) : ['\u0000a', '\u0000b'],
    answer: 0,
    difficulty: 'medium' as const,
  });
}

function describeIssue(file: string, locate: Locator, issue: z.core.$ZodIssue, raw: unknown): Problem[] {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeys(path);
    return issue.keys.map((key) => ({
      file,
      ...locate.at(path, key),
      message: `unknown field "${key}"${didYouMean(key, known)}`,
    }));
  }
  // line:col already says where; name only the field itself.
  const field = path.at(-1);
  const where = typeof field === 'string' ? `${field}: ` : typeof field === 'number' ? `item ${field}: ` : '';
  let message = issue.message;
  if (issue.code === 'invalid_type') {
    const value = valueAt(raw, path);
    if (value === undefined && typeof field === 'string')
      return [{ file, ...locate.at(path.slice(0, -1)), message: `missing required field "${field}"` }];
    message = `expected ${article(issue.expected)}${issue.expected}, got ${describeValue(value)}`;
  } else if (issue.code === 'invalid_value' && 'values' in issue) {
    const value = valueAt(raw, path);
    const values = issue.values.map(String);
    message = `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${typeof value === 'string' ? didYouMean(value, values) : ''}`;
  } else if (issue.code === 'too_small' && issue.origin === 'array') {
    message = issue.message.startsWith('Too small') ? `needs at least ${String(issue.minimum)} items` : issue.message;
  }
  return [{ file, ...locate.at(path), message: `${where}${message}` }];
}

function valueAt(raw: unknown, path: Path): unknown {
  let value = raw;
  for (const segment of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string | number, unknown>)[segment];
  }
  return value;
}

const article = (word: string) => (/^[aeiou]/.test(word) ? 'an ' : 'a ');

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string')
    return `the text ${JSON.stringify(value.length > 30 ? value.slice(0, 27) + '...' : value)}`;
  return `${typeof value} ${String(value)}`;
}
