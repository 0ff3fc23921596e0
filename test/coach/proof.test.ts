import { describe, expect, it } from 'vitest';
import { checksFingerprint } from '../../src/check/fingerprint.js';
import { checksSchema } from '../../src/check/schema.js';
import { PROOF, proofsByTopic, withProof } from '../../src/coach/proof.js';
import { projectStage } from '../../src/coach/portfolio.js';
import { handsOnEvidence } from '../../src/coach/evidence.js';
import { summarize } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, area, assessed, daysAgo, roadmapOf, stateOf, topic } from './fixtures.js';

/** Issue 16 "Evidence": a project proven by its checks is hands-on evidence for the topics it proves. */
const checks = checksSchema.parse(
  ['a', 'b'].map((id) => ({ id, title: id, why: 'W', request: { path: '/' }, expect: { status: 200 } })),
);
const fp = checksFingerprint(checks);
const index = roadmapOf([
  area('api', [topic('endpoints'), topic('auth'), topic('errors')]),
  area(
    'portfolio',
    [
      topic('notes-api', {
        prerequisites: ['endpoints'],
        project: {
          proves: ['endpoints', 'auth'],
          milestones: ['Build it', 'Test it'],
          done_when: 'Checks pass.',
          checks,
        },
      }),
    ],
    { stage: 'prove' },
  ),
]);
const topics = [...index.topics.values()].map((t) => t.topic);
const run = (passed: number, extra: Partial<Extract<ProgressEvent, { e: 'check' }>> = {}): ProgressEvent => ({
  e: 'check',
  at: daysAgo(1),
  topic: 'notes-api',
  fingerprint: fp,
  total: 2,
  passed,
  failed: passed === 2 ? [] : ['b'],
  ...extra,
});
const proofs = (...events: ProgressEvent[]) => proofsByTopic(topics, handsOnEvidence(stateOf(...events).log));
const topicOf = (s: ReturnType<typeof summarize>, id: string) => s.topics.find((t) => t.topic === id)!;

describe('which topics a proven project proves', () => {
  it('a full passing run of the current checks proves each topic in `proves:`', () => {
    const p = proofs(run(2));
    expect([...p.keys()]).toEqual(['endpoints', 'auth']);
    expect(p.get('auth')).toEqual([
      { project: 'notes-api', title: 'Title of notes-api', passed: 2, total: 2, at: daysAgo(1) },
    ]);
  });

  it.each<[string, ProgressEvent[]]>([
    ['no run', []],
    ['a failing run', [run(1)]],
    ['a passing subset', [run(2, { subset: true })]],
    ['checks that have changed since', [run(2, { fingerprint: '0123456789abcdef' })]],
  ])('proves nothing after %s', (_, events) => expect(proofs(...events).size).toBe(0));
});

describe('proof in mastery', () => {
  it('lifts mastery to the floor and counts the topic as mastered; a higher mastery stays', () => {
    expect(withProof(0.1, false, false, [])).toEqual({ mastery: 0.1, complete: false });
    const one = proofs(run(2)).get('auth');
    expect(withProof(0.1, false, false, one)).toEqual({ mastery: PROOF.floor, complete: true });
    expect(withProof(0.9, true, false, one)).toEqual({ mastery: 0.9, complete: true });
    // A poor quiz keeps the topic open: the coach keeps "knows" apart from "has done".
    expect(withProof(0.2, false, true, one)).toEqual({ mastery: PROOF.floor, complete: false });
  });

  it('status: the proved topics, the project and readiness all move; other topics do not', () => {
    const before = summarize(index, stateOf(assessed('auth', { rating: 1, right: 1, of: 4 })), NOW);
    const after = summarize(index, stateOf(assessed('auth', { rating: 1, right: 1, of: 4 }), run(2)), NOW);
    expect(topicOf(before, 'endpoints')).toMatchObject({ mastery: 0, mastered: false });
    expect(topicOf(after, 'endpoints')).toMatchObject({
      mastery: 0.75,
      mastered: true,
      provenBy: [{ project: 'notes-api', passed: 2, total: 2, at: daysAgo(1) }],
    });
    // One right answer in four is a poor quiz: lifted, but not mastered.
    expect(topicOf(after, 'auth')).toMatchObject({ mastery: 0.75, mastered: false });
    expect(topicOf(after, 'errors')).toMatchObject({ mastery: 0, mastered: false });
    expect(topicOf(after, 'errors').provenBy).toBeUndefined();
    // The project itself: proven by its checks with nothing ticked, full credit.
    expect(topicOf(after, 'notes-api')).toMatchObject({ mastery: 1, mastered: true });
    expect(after.portfolio!.work).toEqual([
      expect.objectContaining({
        topic: 'notes-api',
        stage: 'proven',
        checks: `proven by 2/2 checks on ${daysAgo(1).slice(0, 10)}`,
      }),
    ]);
    expect(after.readiness).toBeGreaterThan(before.readiness);
  });

  it('a failing run proves nothing and says how far it got', () => {
    const s = summarize(index, stateOf(run(1)), NOW);
    expect(topicOf(s, 'endpoints')).toMatchObject({ mastery: 0, mastered: false });
    expect(s.portfolio!.work[0]).toMatchObject({ stage: 'todo', checks: expect.stringContaining('1/2 passed') });
  });

  it('passing checks prove a project whatever is ticked', () => {
    expect(projectStage({ ticked: 0, total: 2, links: 0, hasChecks: true, checksPassed: true }, false)).toBe('proven');
    expect(projectStage({ ticked: 2, total: 2, links: 1, hasChecks: true, checksPassed: false }, false)).toBe('built');
  });
});

describe('the last 30 days', () => {
  it('a check run is not an assessment', () => {
    const s = summarize(index, stateOf(run(2)), NOW);
    expect(s.recent).toMatchObject({ answered: 0, topicsAssessed: 0 });
    expect(s.recent!.readiness).toBeGreaterThan(0);
    const assessedToo = summarize(index, stateOf(run(2), assessed('errors', { rating: 2, right: 2, of: 2 })), NOW);
    expect(assessedToo.recent).toMatchObject({ answered: 2, topicsAssessed: 1 });
  });
});
