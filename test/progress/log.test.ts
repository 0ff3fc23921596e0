import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents, sessionRatings, uniqueEvents } from '../../src/progress/state.js';
import { anyEvent, answer, rating, status } from './helpers.js';

describe('the event log', () => {
  it('gives back exactly the events put in, in order, whatever form their times have', () => {
    fc.assert(
      fc.property(fc.array(anyEvent, { maxLength: 80 }), fc.array(anyEvent, { maxLength: 20 }), (events, more) => {
        const log = EventLog.of(events);
        expect(log.events()).toEqual(events);
        const longer = log.concat(more);
        expect(longer.events()).toEqual([...events, ...more]);
        expect(log.events()).toEqual(events); // concat leaves the original as it was
        expect(longer.prefix(events.length).events()).toEqual(events);
      }),
    );
  });

  it('grows past its first capacity', () => {
    const log = new EventLog(2);
    const events = Array.from({ length: 300 }, (_, i) => answer(`q${i % 9}`, `t${i % 4}`, i % 3, i % 2 === 0));
    for (const event of events) log.push(event);
    expect(log.length).toBe(300);
    expect(log.events()).toEqual(events);
  });
});

describe('the progress state folded from the log', () => {
  it('keeps the latest rating and status by time, not by how the times are written', () => {
    // 12:00+02:00 is 10:00Z: earlier than 11:00Z, although it sorts later as text.
    const state = foldEvents([
      rating('loops', 4, '2026-01-31T11:00:00.000Z'),
      rating('loops', 1, '2026-01-31T12:00:00+02:00'),
      status('loops', 'done', '2026-01-31T11:00:00.000Z'),
      status('loops', 'skip', '2026-01-31T12:00:00+02:00'),
    ]);
    const loops = state.topics.get('loops')!;
    expect(loops.rating).toEqual({ value: 4, at: '2026-01-31T11:00:00.000Z' });
    expect(loops.status).toEqual({ status: 'done', at: '2026-01-31T11:00:00.000Z' });
    expect(loops.ratingCount).toBe(2);
  });

  it('lets the later line win at the same instant, and counts every answer', () => {
    const at = '2026-02-01T09:00:00.000Z';
    const state = foldEvents([rating('x', 2, at), answer('q1', 'x'), rating('x', 3, at), answer('q2', 'x')]);
    const x = state.topics.get('x')!;
    expect(x.rating?.value).toBe(3);
    expect(x.answerCount).toBe(2);
    expect(x.answers.map((a) => a.question)).toEqual(['q1', 'q2']);
  });

  it('keeps the later of two equal events when dropping duplicates, so the state stays the same', () => {
    const at = '2026-02-01T09:00:00.000Z';
    const journal = [status('x', 'done', at), status('x', 'skip', at), status('x', 'done', at)];
    expect(foldEvents(journal).topics.get('x')!.status?.status).toBe('done');
    const unique = uniqueEvents(journal);
    expect(unique.map((e) => (e.e === 'status' ? e.status : ''))).toEqual(['skip', 'done']);
    expect(foldEvents(unique).topics.get('x')!.status?.status).toBe('done');
  });

  it('sums answers in canonical order even when the journal holds them out of order', () => {
    const t = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
    const state = foldEvents([
      answer('q3', 'x', 0, true, t(12)),
      answer('q1', 'x', 0, true, t(9)),
      answer('q2', 'x', 1, false, t(9)),
    ]);
    const seen: [number, boolean][] = [];
    state.topics.get('x')!.eachAnswer((time, correct) => seen.push([time, correct]));
    expect(seen).toEqual([
      [Date.parse(t(9)), false],
      [Date.parse(t(9)), true],
      [Date.parse(t(12)), true],
    ]);
  });

  it('works out sessions and their ratings, and keeps them current as events are applied', () => {
    const session = (phase: 'start' | 'end', at: string): ProgressEvent => ({
      e: 'session',
      at,
      session: 's1',
      area: 'basics',
      phase,
    });
    const state = foldEvents([
      rating('x', 1, '2026-04-01T08:00:00.000Z'), // before the session: not its
      session('start', '2026-04-01T09:00:00.000Z'),
      rating('x', 2, '2026-04-01T09:01:00.000Z'),
      { ...answer('q1', 'x', 0, true, '2026-04-01T09:02:00.000Z'), session: 's1' } as ProgressEvent,
    ]);
    const s1 = state.sessions.get('s1')!;
    expect(s1).toMatchObject({ area: 'basics', started: '2026-04-01T09:00:00.000Z' });
    expect([...s1.answered]).toEqual(['q1']);
    expect(sessionRatings(state, s1, new Set(['x']))).toEqual(new Map([['x', 2]]));
    state.apply(session('end', '2026-04-01T09:30:00.000Z'));
    expect(state.sessions.get('s1')?.ended).toBe('2026-04-01T09:30:00.000Z');
    state.apply(rating('x', 4, '2026-04-01T10:00:00.000Z')); // after the end: not the session's
    expect(sessionRatings(state, s1, new Set(['x']))).toEqual(new Map([['x', 2]]));
    expect(state.topics.get('x')!.rating?.value).toBe(4);
  });
});
