import { Validator, type OutputUnit } from '@cfworker/json-schema';
import type { Check, HeaderRule } from './schema.js';
import { atPointer, expand, expandRegExp, type CaptureValue, type Captures } from './template.js';

/**
 * Judging one answer against one check: pure, no I/O. The runner (run.ts) sends the request and
 * hands the answer here; the command renders the verdict.
 */

/** An HTTP answer as the runner read it. */
export interface Answer {
  status: number;
  statusText: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Readonly<Record<string, string>>;
  /** The body as text (UTF-8), at most the runner's cap. */
  body: string;
}

/** One thing that differs from what the check expects. */
export interface Difference {
  /** What differs: "status", "header Location", "JSON /title", "body", "capture {{id}}". */
  what: string;
  expected: string;
  got: string;
}

export interface Verdict {
  passed: boolean;
  differences: Difference[];
  /** Values this answer gave for the check's captures (those it could give). */
  captures: Record<string, CaptureValue>;
}

/** How much of a value or body a difference quotes. */
export const EXCERPT = 120;

export function excerpt(text: string, max = EXCERPT): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const show = (value: unknown): string => (value === undefined ? 'nothing' : excerpt(JSON.stringify(value) ?? ''));

const statusText = (a: Answer) => `${a.status}${a.statusText ? ` ${a.statusText}` : ''}`;

/** The body as JSON, or a reason it is not. */
function parseBody(answer: Answer): { ok: true; value: unknown } | { ok: false; reason: string } {
  if (answer.body.trim() === '') return { ok: false, reason: 'an empty body' };
  try {
    return { ok: true, value: JSON.parse(answer.body) as unknown };
  } catch {
    return { ok: false, reason: `a body that is not JSON: ${excerpt(answer.body)}` };
  }
}

function judgeHeader(name: string, rule: HeaderRule, answer: Answer, captures: Captures): Difference | undefined {
  const got = answer.headers[name.toLowerCase()];
  const what = `header ${name}`;
  const gotText = got === undefined ? 'no such header' : excerpt(got);
  if (typeof rule === 'string') rule = { equals: rule };
  if (rule.present === false) return got === undefined ? undefined : { what, expected: 'no such header', got: gotText };
  if (got === undefined) {
    const expected =
      rule.equals !== undefined
        ? `"${expand(rule.equals, captures)}"`
        : rule.contains !== undefined
          ? `a value containing "${expand(rule.contains, captures)}"`
          : rule.matches !== undefined
            ? `a value matching /${expand(rule.matches, captures)}/`
            : 'present';
    return { what, expected, got: gotText };
  }
  if (rule.equals !== undefined && got !== expand(rule.equals, captures))
    return { what, expected: `"${expand(rule.equals, captures)}"`, got: gotText };
  if (rule.contains !== undefined && !got.includes(expand(rule.contains, captures)))
    return { what, expected: `a value containing "${expand(rule.contains, captures)}"`, got: gotText };
  if (rule.matches !== undefined) {
    const source = expandRegExp(rule.matches, captures);
    // The value is capped: a pattern from a roadmap never runs over an unbounded string.
    if (!new RegExp(source).test(got.slice(0, 2000)))
      return { what, expected: `a value matching /${expand(rule.matches, captures)}/`, got: gotText };
  }
  return undefined;
}

/** Keywords that only say "something inside did not match": the inner error is the useful one. */
const CONTAINER_KEYWORDS = new Set([
  'properties',
  'patternProperties',
  'additionalProperties',
  'items',
  'prefixItems',
  'allOf',
  '$ref',
  '$dynamicRef',
  'if',
  'then',
  'else',
  'dependentSchemas',
  'unevaluatedProperties',
  'unevaluatedItems',
]);

/** "#/items/0/id" → "/items/0/id" (a JSON Pointer; "/" alone for the whole body). */
const pointerOf = (location: string): string => decodeURIComponent(location.replace(/^#/, ''));

function schemaDifferences(schema: Record<string, unknown>, value: unknown): Difference[] {
  const result = new Validator(schema as never, '2020-12', false).validate(value);
  if (result.valid) return [];
  const leaves = result.errors.filter((e: OutputUnit) => !CONTAINER_KEYWORDS.has(e.keyword));
  const chosen = (leaves.length ? leaves : result.errors).slice(0, 3);
  return chosen.map((e) => {
    const pointer = pointerOf(e.instanceLocation);
    return {
      what: `JSON ${pointer || '/'}`,
      expected: e.error.replace(/^Instance /, 'value '),
      got: show(atPointer(value, pointer)),
    };
  });
}

/** Judges an answer. `captures` are the values kept so far; the check's own are added to them. */
export function judge(check: Check, answer: Answer, captures: Captures): Verdict {
  const { expect } = check;
  const differences: Difference[] = [];
  const wanted = Array.isArray(expect.status) ? expect.status : [expect.status];
  if (!wanted.includes(answer.status))
    differences.push({
      what: 'status',
      expected: wanted.length === 1 ? String(wanted[0]) : `one of ${wanted.join(', ')}`,
      got: statusText(answer),
    });

  const parsed = expect.json !== undefined || Object.values(check.capture ?? {}).some((c) => c.json !== undefined);
  const body = parsed ? parseBody(answer) : undefined;

  // Captures first: a header rule may use what this answer just gave (Location ends with the id).
  const own: Record<string, CaptureValue> = {};
  for (const [name, capture] of Object.entries(check.capture ?? {})) {
    let value: unknown;
    let where: string;
    if (capture.header !== undefined) {
      value = answer.headers[capture.header.toLowerCase()];
      where = `header ${capture.header}`;
    } else {
      value = body?.ok ? atPointer(body.value, capture.json!) : undefined;
      where = `JSON ${capture.json}`;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') own[name] = value;
    else
      differences.push({
        what: `capture {{${name}}}`,
        expected: `a string or number at ${where}`,
        got: body && !body.ok && capture.json !== undefined ? body.reason : show(value),
      });
  }
  const all = { ...captures, ...own };

  for (const [name, rule] of Object.entries(expect.headers ?? {})) {
    const d = judgeHeader(name, rule, answer, all);
    if (d) differences.push(d);
  }

  if (expect.json !== undefined && body) {
    if (!body.ok) differences.push({ what: 'body', expected: 'JSON', got: body.reason });
    else differences.push(...schemaDifferences(expect.json, body.value));
  }
  if (expect.empty === true && answer.body.length > 0)
    differences.push({ what: 'body', expected: 'no body', got: excerpt(answer.body) });

  // A capture that failed is already a difference; no need to repeat the body's.
  return { passed: differences.length === 0, differences: dedupe(differences), captures: own };
}

const dedupe = (list: Difference[]): Difference[] => {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.what}\u0000${d.expected}\u0000${d.got}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};
