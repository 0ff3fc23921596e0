import { describe, expect, it } from 'vitest';
import { handsOnEvidence, isProven, passedExercises } from '../../src/coach/evidence.js';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';

const T = (n: number) => new Date(Date.parse('2026-05-01T10:00:00.000Z') + n * 60_000).toISOString();
const check = (n: number, passed: number, total: number, extra: Partial<ProgressEvent> = {}): ProgressEvent =>
  ({
    e: 'check',
    at: T(n),
    topic: 'notes-api-project',
    fingerprint: 'aaaa1111aaaa1111',
    total,
    passed,
    failed: Array.from({ length: total - passed }, (_, i) => `c${i}`),
    ...extra,
  }) as ProgressEvent;

describe('hands-on evidence, folded from the journal', () => {
  it('a project is proven by its latest full, all-passing run of the current checks', () => {
    const h = handsOnEvidence(EventLog.of([check(1, 13, 15), check(2, 15, 15), check(3, 1, 2, { subset: true })]));
    const p = h.get('notes-api-project')!;
    expect(p.lastCheck).toMatchObject({ passed: 1, total: 2, subset: true });
    expect(p.lastFullCheck).toMatchObject({ passed: 15, total: 15, at: T(2) });
    expect(isProven(p, 'aaaa1111aaaa1111')).toBe(true);
    // The checks changed since: the old pass is no proof of the new ones.
    expect(isProven(p, 'bbbb2222bbbb2222')).toBe(false);
    // A subset that passes proves nothing.
    const subsetOnly = handsOnEvidence(EventLog.of([check(1, 2, 2, { subset: true })])).get('notes-api-project');
    expect(isProven(subsetOnly, 'aaaa1111aaaa1111')).toBe(false);
  });

  it('an exercise counts from its first pass; a later failing run does not undo it', () => {
    const ex = (n: number, passed: boolean): ProgressEvent => ({
      e: 'exercise',
      at: T(n),
      topic: 'python-decorators',
      exercise: 'timed-decorator',
      fingerprint: 'cccc3333cccc3333',
      passed,
    });
    const h = handsOnEvidence(EventLog.of([ex(1, false), ex(2, true), ex(3, false)])).get('python-decorators')!;
    expect(passedExercises(h)).toEqual([
      {
        exercise: 'timed-decorator',
        runs: 3,
        passedAt: T(2),
        passedFingerprint: 'cccc3333cccc3333',
        lastRun: T(3),
        lastPassed: false,
      },
    ]);
  });

  it('ticks: the latest wins (by time, then line); links: removed ones are gone', () => {
    const tick = (n: number, item: number, done: boolean): ProgressEvent => ({
      e: 'tick',
      at: T(n),
      topic: 'portfolio-site-project',
      list: 'milestone',
      item,
      done,
    });
    const h = handsOnEvidence(
      EventLog.of([
        tick(1, 0, true),
        tick(2, 1, true),
        tick(3, 1, false),
        tick(5, 2, true),
        tick(4, 2, false), // older, written later (an import): the tick at 5 still wins
        { e: 'evidence', at: T(6), topic: 'portfolio-site-project', ref: 'a1', url: 'https://github.com/ada/site' },
        { e: 'evidence', at: T(7), topic: 'portfolio-site-project', ref: 'b2', url: 'https://ada.dev', note: 'live' },
        { e: 'evidence-removed', at: T(8), topic: 'portfolio-site-project', ref: 'a1' },
      ]),
    ).get('portfolio-site-project')!;
    expect([...h.ticked.milestone].sort()).toEqual([0, 2]);
    expect(h.links).toEqual([{ ref: 'b2', url: 'https://ada.dev', note: 'live', at: T(7) }]);
  });
});
