import { describe, expect, it } from 'vitest';
import { checkLine, checkStep, proofOf } from '../../src/coach/checks.js';
import type { CheckRun, HandsOn } from '../../src/coach/evidence.js';
import { checksFingerprint } from '../../src/check/fingerprint.js';
import { checksSchema } from '../../src/check/schema.js';
import type { Topic } from '../../src/roadmap/schema.js';

const checks = checksSchema.parse(
  ['a', 'b', 'c'].map((id) => ({ id, title: id, why: 'W', request: { path: '/' }, expect: { status: 200 } })),
);
const topic = {
  id: 'api-project',
  title: 'API project',
  project: { proves: ['x'], milestones: ['m'], done_when: 'done', checks },
} as unknown as Topic;
const fp = checksFingerprint(checks);
const run = (passed: number, failed: string[], extra: Partial<CheckRun> = {}): CheckRun => ({
  at: '2026-12-04T10:00:00.000Z',
  fingerprint: fp,
  total: 3,
  passed,
  failed,
  subset: false,
  ...extra,
});
const hands = (runs: Partial<HandsOn>): HandsOn => ({
  topic: topic.id,
  exercises: new Map(),
  ticked: { milestone: new Set(), checklist: new Set() },
  links: [],
  ...runs,
});
const base = { area: 'web', topic: topic.id, title: topic.title };

describe('project checks in the coach', () => {
  it('says a project is proven when the current checks all passed in a full run', () => {
    const passing = run(3, []);
    expect(proofOf(topic, hands({ lastPassingCheck: passing, lastFullCheck: passing, lastCheck: passing }))).toBe(
      'proven by 3/3 checks on 2026-12-04',
    );
    const old = run(3, [], { fingerprint: '0123456789abcdef' });
    expect(proofOf(topic, hands({ lastPassingCheck: old, lastFullCheck: old }))).toBeUndefined();
    expect(checkLine(topic, hands({ lastPassingCheck: old, lastFullCheck: old }))).toContain('checks have changed');
  });

  it('takes the proof back when a later full run fails, and says when it last passed', () => {
    const passing = run(3, []);
    const failing = run(0, ['a', 'b', 'c'], { at: '2026-12-05T09:00:00.000Z' });
    const h = hands({ lastPassingCheck: passing, lastFullCheck: failing, lastCheck: failing });
    expect(proofOf(topic, h)).toBeUndefined();
    expect(checkLine(topic, h)).toBe(
      'last check run on 2026-12-05: 0/3 passed (it passed 3/3 on 2026-12-04; run them all again to prove it)',
    );
    // A later subset run that fails does not: only a full run decides.
    const subset = run(0, ['a'], { at: '2026-12-05T09:00:00.000Z', subset: true, total: 1 });
    expect(proofOf(topic, hands({ lastPassingCheck: passing, lastFullCheck: passing, lastCheck: subset }))).toBe(
      'proven by 3/3 checks on 2026-12-04',
    );
  });

  it('suggests running the checks once the learner works on the project, naming what failed', () => {
    expect(checkStep(topic, 'todo', undefined, base)).toBeUndefined();
    expect(checkStep(topic, 'learning', undefined, base)).toMatchObject({
      action: { command: 'pyroad check api-project' },
    });
    const failed = run(1, ['b', 'c']);
    expect(checkStep(topic, 'todo', hands({ lastCheck: failed, lastFullCheck: failed }), base)?.reason).toBe(
      'Its last check run (2026-12-04) passed 1 of 3; still failing: b, c.',
    );
    const passing = run(3, []);
    expect(
      checkStep(
        topic,
        'learning',
        hands({ lastCheck: passing, lastFullCheck: passing, lastPassingCheck: passing }),
        base,
      ),
    ).toBeUndefined();
  });
});
