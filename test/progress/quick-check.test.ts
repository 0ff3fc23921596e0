import { describe, expect, it } from 'vitest';
import { isPlainCheckEvent } from '../../src/progress/quick-check.js';
import { progressSchemas, type ProgressEvent } from '../../src/progress/schema.js';

const good = {
  e: 'check',
  at: '2026-12-04T10:00:00.000Z',
  topic: 'notes-api-project',
  fingerprint: '0123456789abcdef',
  total: 18,
  passed: 16,
  failed: ['create-note', 'delete-note'],
};

// Each is a check event pyroad must never write: the quick path must say "ask zod" (false),
// and zod must refuse it.
const bad: [string, Record<string, unknown>][] = [
  ['an unknown key', { ...good, extra: 1 }],
  ['another kind', { ...good, e: 'exercise' }],
  ['a date that does not exist', { ...good, at: '2026-02-30T10:00:00.000Z' }],
  ['a time without a zone', { ...good, at: '2026-12-04T10:00:00.000' }],
  ['an empty topic', { ...good, topic: '' }],
  ['a topic with an escape sequence', { ...good, topic: 'x\u001b[2J' }],
  ['a fingerprint in capitals', { ...good, fingerprint: 'ABCDEF0123' }],
  ['a short fingerprint', { ...good, fingerprint: 'abc' }],
  ['a negative count', { ...good, passed: -1 }],
  ['a fractional count', { ...good, total: 1.5 }],
  ['a count too large', { ...good, total: 10_001 }],
  ['a failed id that is not a string', { ...good, failed: [3] }],
  ['a failed id with a bidi override', { ...good, failed: ['a\u202eb'] }],
  ['subset false', { ...good, subset: false }],
];

describe('the check event validated without zod (quick-check.ts)', () => {
  it('accepts what check.ts writes, full runs and subsets, and zod agrees', () => {
    const schema = progressSchemas().event;
    for (const event of [good, { ...good, subset: true }, { ...good, failed: [], passed: 18 }]) {
      expect(isPlainCheckEvent(event as ProgressEvent)).toBe(true);
      expect(schema.safeParse(event).success).toBe(true);
    }
  });

  it.each(bad)('leaves %s to zod, which refuses it', (_, event) => {
    expect(isPlainCheckEvent(event as unknown as ProgressEvent)).toBe(false);
    expect(progressSchemas().event.safeParse(event).success).toBe(false);
  });

  it('leaves every other kind of event to zod', () => {
    const rating = { e: 'rating', at: good.at, topic: 'python-functions', value: 3 };
    expect(isPlainCheckEvent(rating as ProgressEvent)).toBe(false);
  });
});
