import { hasControlOrBidi } from '../render/untrusted.js';
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
const isCount = (v: unknown): boolean => Number.isInteger(v) && (v as number) >= 0 && (v as number) <= MAX;

export function isPlainCheckEvent(event: ProgressEvent): boolean {
  const e = event as unknown as Record<string, unknown>;
  if (typeof e !== 'object' || e === null || e.e !== 'check') return false;
  for (const key of Object.keys(e)) if (!KEYS.has(key)) return false;
  const at = e.at;
  if (typeof at !== 'string' || !ISO.test(at) || Number.isNaN(Date.parse(at)) || new Date(at).toISOString() !== at)
    return false;
  if (!isId(e.topic)) return false;
  if (typeof e.fingerprint !== 'string' || !/^[0-9a-f]{8,64}$/.test(e.fingerprint)) return false;
  if (!isCount(e.total) || !isCount(e.passed)) return false;
  if (!Array.isArray(e.failed) || e.failed.length > MAX || !e.failed.every(isId)) return false;
  return e.subset === undefined ? !('subset' in e) : e.subset === true;
}
