import { hasControlOrBidi } from '../render/untrusted.js';
import { STATUSES } from './format.js';
import type { ProgressEvent } from './schema.js';

/**
 * A check event (`pyroad check`) validated without zod. Loading zod costs ~100 ms, a third of a
 * whole `pyroad check` run against a server that answers at once (issue 16: under 300 ms above
 * `node -e 0`). This accepts only a strict subset of what the zod schema (schema.ts) accepts,
 * the exact shape check.ts writes, so a `false` just means "ask zod"; the unit test holds it to
 * that. Pure.
 */

const KEYS = new Set(['e', 'at', 'topic', 'fingerprint', 'total', 'passed', 'failed', 'subset']);
/** What `Date.toISOString()` gives, the only form pyroad writes. */
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const MAX = 10_000;

const isId = (v: unknown): boolean => typeof v === 'string' && v.length > 0 && !hasControlOrBidi(v);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number) => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);

/**
 * A time exactly as `Date.toISOString()` writes it: the form, and a real date and time (V8's
 * Date.parse would take 2026-02-30 as 2 March). The same answer as parsing and formatting it
 * again, without making a Date and a string for each of 150,000 events.
 */
export function isPlainTime(at: unknown): boolean {
  if (typeof at !== 'string') return false;
  if (!ISO.test(at)) return false;
  // Straight-line reads (the pattern has checked these are digits): every event of every journal
  // comes here, and on a short run (`next`, `status`) it is cold code, where even a two-line
  // helper called six times per event costs several times the arithmetic.
  const month = (at.charCodeAt(5) - 48) * 10 + at.charCodeAt(6) - 48;
  const day = (at.charCodeAt(8) - 48) * 10 + at.charCodeAt(9) - 48;
  const hour = (at.charCodeAt(11) - 48) * 10 + at.charCodeAt(12) - 48;
  const minute = (at.charCodeAt(14) - 48) * 10 + at.charCodeAt(15) - 48;
  const second = (at.charCodeAt(17) - 48) * 10 + at.charCodeAt(18) - 48;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return false;
  const year =
    (at.charCodeAt(0) - 48) * 1000 +
    (at.charCodeAt(1) - 48) * 100 +
    (at.charCodeAt(2) - 48) * 10 +
    at.charCodeAt(3) -
    48;
  return day <= (month === 2 && isLeap(year) ? 29 : DAYS[month - 1]!);
}
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX;

export function isPlainCheckEvent(event: ProgressEvent): boolean {
  const e = event as unknown as Record<string, unknown>;
  if (typeof e !== 'object' || e === null || e.e !== 'check') return false;
  for (const key of Object.keys(e)) if (!KEYS.has(key)) return false;
  if (!isPlainTime(e.at)) return false;
  if (!isId(e.topic)) return false;
  if (typeof e.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(e.fingerprint)) return false;
  if (!isCount(e.total) || !isCount(e.passed)) return false;
  if (!Array.isArray(e.failed) || e.failed.length > MAX || !e.failed.every(isId)) return false;
  return e.subset === undefined ? !('subset' in e) : e.subset === true;
}

/**
 * The events a quiz writes (rating, answer, session, status) and check events, validated without
 * zod, for `pyroad cohort`: 500 exports of a month of progress are ~150,000 events, and zod took
 * ~0.5 s to check them plus ~0.35 s to load (issue 19: the cohort in under 2 s). The same contract
 * as isPlainCheckEvent: only a strict subset of what schema.ts accepts, the exact shapes pyroad
 * writes; `false` means "ask zod", which also words any problem. The unit test holds it to that.
 */
export function isPlainEvent(value: unknown): value is ProgressEvent {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  if (e.e === 'check') return isPlainCheckEvent(value as ProgressEvent);
  const shape = SHAPES[e.e as string];
  if (shape === undefined || !Object.hasOwn(SHAPES, e.e as string)) return false;
  for (const key of Object.keys(e)) if (!Object.hasOwn(shape, key)) return false;
  for (const [key, check] of Object.entries(shape)) {
    const v = e[key];
    if (v === undefined ? !(check.optional && !(key in e)) : !check.ok(v)) return false;
  }
  return true;
}

interface Field {
  ok: (v: unknown) => boolean;
  optional?: true;
}
const kind = (name: string): Field => ({ ok: (v) => v === name });
const required = (ok: (v: unknown) => boolean): Field => ({ ok });
const optional = (ok: (v: unknown) => boolean): Field => ({ ok, optional: true });
const intIn = (min: number, max: number) => (v: unknown) =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;
const oneOf = (values: readonly string[]) => (v: unknown) => typeof v === 'string' && values.includes(v);

/** Field by field, what schema.ts's zod schemas say for these kinds (strict objects). */
const SHAPES: Record<string, Record<string, Field>> = {
  rating: { e: kind('rating'), at: required(isPlainTime), topic: required(isId), value: required(intIn(0, 4)) },
  answer: {
    e: kind('answer'),
    at: required(isPlainTime),
    topic: required(isId),
    question: required(isId),
    choice: required(intIn(0, 99)),
    correct: required((v) => typeof v === 'boolean'),
    session: optional(isId),
    source: optional(oneOf(['placement'])),
  },
  session: {
    e: kind('session'),
    at: required(isPlainTime),
    session: required(isId),
    area: required(isId),
    phase: required(oneOf(['start', 'end'])),
  },
  status: { e: kind('status'), at: required(isPlainTime), topic: required(isId), status: required(oneOf(STATUSES)) },
};
