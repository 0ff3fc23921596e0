import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DISK_KEYS, canonicalEvent, decodeEvent, encodeEvent } from '../../src/progress/format.js';
import { parseJournal } from '../../src/progress/parse.js';
import { progressSchemas, type ProgressEvent } from '../../src/progress/schema.js';
import { eventKey, uniqueEvents } from '../../src/progress/state.js';

const id = fc.stringMatching(/^[a-z0-9-]{1,20}$/);
const at = fc
  .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
  .map((d) => d.toISOString());
const event: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc.record({ e: fc.constant('rating' as const), at, topic: id, value: fc.integer({ min: 0, max: 4 }) }),
  fc.record(
    {
      e: fc.constant('answer' as const),
      at,
      topic: id,
      question: id,
      choice: fc.nat(9),
      correct: fc.boolean(),
      session: id,
    },
    { requiredKeys: ['e', 'at', 'topic', 'question', 'choice', 'correct'] },
  ),
  fc.record({
    e: fc.constant('status' as const),
    at,
    topic: id,
    status: fc.constantFrom('todo' as const, 'learning' as const, 'done' as const, 'skip' as const),
  }),
  fc.record({
    e: fc.constant('session' as const),
    at,
    session: id,
    area: id,
    phase: fc.constantFrom('start' as const, 'end' as const),
  }),
);

const HEADER = '{"format":"pyroad-progress","version":2,"created":"2026-01-01T00:00:00.000Z"}\n';

describe('the on-disk encoding', () => {
  it('has a short key for every field of every event', () => {
    const schemas = progressSchemas();
    for (const schema of [schemas.rating, schemas.answer, schemas.status, schemas.session])
      for (const key of Object.keys(schema.shape)) expect(DISK_KEYS).toHaveProperty(key);
    const shorts = Object.values(DISK_KEYS);
    expect(new Set(shorts).size).toBe(shorts.length);
  });

  it('decode(encode(e)) is e, and the validated and fast readers agree', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 20 }), (events) => {
        for (const e of events) expect(decodeEvent(encodeEvent(e))).toEqual(e);
        const text = HEADER + events.map((e) => `${JSON.stringify(encodeEvent(e))}\n`).join('');
        const slow = parseJournal(text, { validate: true });
        const fast = parseJournal(text, { validate: false });
        expect(slow.problems).toEqual([]);
        expect(fast.problems).toEqual([]);
        expect(slow.events.map(canonicalEvent)).toEqual(events.map(canonicalEvent));
        expect(fast.events.map(canonicalEvent)).toEqual(events.map(canonicalEvent));
      }),
    );
  });

  it('compares events whatever the order of their fields', () => {
    const a: ProgressEvent = { e: 'rating', at: '2026-01-01T00:00:00.000Z', topic: 'loops', value: 2 };
    const b = { value: 2, topic: 'loops', at: '2026-01-01T00:00:00.000Z', e: 'rating' } as ProgressEvent;
    expect(eventKey(a)).toBe(eventKey(b));
    expect(uniqueEvents([a, b, a])).toEqual([a]);
  });
});

describe('parseJournal', () => {
  it('numbers lines from 1 (the header) and skips blank lines', () => {
    const text = `${HEADER}\n{"e":"rating","t":"2026-01-01T00:00:00Z","tp":"x","v":1}\nnot json\n`;
    const parsed = parseJournal(text, { validate: true });
    expect(parsed.events).toHaveLength(1);
    expect(parsed.problems).toEqual([{ line: 4, message: expect.stringMatching(/^line 4 is not valid JSON/) }]);
  });

  it('sends a surprise on the fast path back for validation', () => {
    const parsed = parseJournal(`${HEADER}not json\n`, { validate: false });
    expect(parsed.problemCount).toBeGreaterThan(0);
  });

  it('tells a header cut off mid-write from a file that never was a journal', () => {
    const cut = parseJournal('{"format":"pyroad-progress","ver', { validate: true });
    expect(cut.problems[0]!.message).toMatch(/cut off while being written/);
    const binary = parseJournal('\u0000\u00ffPNG\u0001garbage', { validate: true });
    expect(binary.problems[0]!.message).toBe(
      'the file has no header line and does not start like a pyroad progress journal ({"format":"pyroad-progress", ...})',
    );
  });
});
