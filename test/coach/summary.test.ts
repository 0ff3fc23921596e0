import { describe, expect, it } from 'vitest';
import { planPath } from '../../src/coach/path.js';
import { STAGE_WEIGHTS } from '../../src/coach/readiness.js';
import { summarize, summarizeNext } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import {
  DAY,
  NOW,
  area,
  assessed,
  daysAgo,
  masterArea,
  pathRoadmap,
  roadmapOf,
  stateOf,
  status,
  topic,
} from './fixtures.js';

const index = pathRoadmap();
const sum = (...events: (ProgressEvent | ProgressEvent[])[]) => summarize(index, stateOf(...events), NOW);
const skillsAreas = ['the-job', 'python', 'networking', 'sql', 'nosql'];

describe('the path plan', () => {
  it('treats a leading area nothing builds on as an orientation, and starts at the first foundation', () => {
    const plan = planPath(index.roadmap);
    expect([...plan.orientation]).toEqual(['the-job']);
    expect(plan.foundation?.id).toBe('python');
  });

  it('has no orientation when no area builds on another', () => {
    const flat = roadmapOf([area('a', [topic('x')]), area('b', [topic('y')])]);
    const plan = planPath(flat.roadmap);
    expect(plan.orientation.size).toBe(0);
    expect(plan.foundation?.id).toBe('a');
  });
});

describe('stage, readiness and gaps', () => {
  it('a fresh user is in "skills" with readiness 0', () => {
    const s = sum();
    expect(s.stage).toBe('skills');
    expect(s.readiness).toBe(0);
    expect(s.mastery).toBe(0);
  });

  it('moves to "prove" once 80% of the skills topics are complete, then to "apply"', () => {
    const skills = skillsAreas.map((a) => masterArea(index, a));
    expect(sum(...skills).stage).toBe('prove');
    expect(sum(...skills, masterArea(index, 'portfolio'), masterArea(index, 'certificates')).stage).toBe('apply');
  });

  it('readiness weighs skills 60%, prove 30%, apply 10%', () => {
    const skills = skillsAreas.map((a) => masterArea(index, a));
    expect(sum(...skills).readiness).toBeCloseTo(STAGE_WEIGHTS.skills, 3);
    const everything = index.roadmap.areas.map((a) => masterArea(index, a.id));
    expect(sum(...everything).readiness).toBe(1);
  });

  it('skipped topics count for nothing either way', () => {
    const s = sum(masterArea(index, 'python'), status('backend-role', 'skip'), status('backend-ops', 'skip'));
    const withJob = sum(masterArea(index, 'python'));
    expect(s.readiness).toBeGreaterThan(withJob.readiness);
  });

  it('a project counts only when it is done', () => {
    const quizOnly = sum(assessed('api-project', { rating: 4, right: 4 }));
    const done = sum(status('api-project', 'done'));
    expect(quizOnly.topics.find((t) => t.topic === 'api-project')).toMatchObject({ mastered: false, mastery: 0.5 });
    expect(done.topics.find((t) => t.topic === 'api-project')).toMatchObject({ mastered: true, mastery: 1 });
  });

  it('names the biggest gaps, weighting areas the rest of the path builds on', () => {
    const s = sum();
    expect(s.gaps).toHaveLength(3);
    expect(s.gaps[0]).toMatch(/^Area python: 0% mastered, 3 of 3 topics to go \(3 areas build on it\)$/);
    expect(sum(masterArea(index, 'python')).gaps.join('\n')).not.toMatch(/Area python/);
  });
});

describe('topic and area summaries', () => {
  const s = sum(
    assessed('py-basics', { rating: 4, right: 1, at: daysAgo(3) }),
    assessed('py-functions', { rating: 1, right: 4, at: daysAgo(3) }),
    status('py-classes', 'learning'),
  );
  const t = (id: string) => s.topics.find((x) => x.topic === id)!;

  it('report rating, quiz score, calibration, status, dates', () => {
    expect(t('py-basics')).toMatchObject({
      rating: 4,
      quizScore: 0.25,
      answered: 4,
      correct: 1,
      calibration: 'over-confident',
      mastered: false,
      lastAssessed: daysAgo(3),
      due: true,
    });
    expect(t('py-functions').calibration).toBe('under-confident');
    expect(t('py-classes')).toMatchObject({ status: 'learning', answered: 0, calibration: 'unknown', due: false });
    expect(t('py-classes').nextReview).toBeUndefined();
  });

  it('say whether a topic can be learned now', () => {
    expect(t('py-functions').ready).toBe(true);
    expect(t('http').ready).toBe(false);
  });

  it('aggregate per area', () => {
    const python = s.areas.find((a) => a.area === 'python')!;
    expect(python).toMatchObject({ topics: 3, mastered: 1, due: 1, selfScore: 0.625 });
    expect(python.quizScore).toBeCloseTo(0.625, 3);
    expect(python.mastery).toBeGreaterThan(0.3);
    expect(s.due).toEqual(['py-basics']);
  });

  it('is JSON-ready: dates as ISO strings, nothing lost in a round trip', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
    expect(s.generatedAt).toBe(NOW.toISOString());
  });
});

describe('history and the last 30 days', () => {
  const events = [
    assessed('py-basics', { rating: 2, right: 2, at: daysAgo(45) }),
    assessed('py-basics', { rating: 3, right: 4, at: daysAgo(10) }),
    assessed('py-functions', { rating: 3, right: 3, at: daysAgo(10) }),
    assessed('py-classes', { rating: 3, right: 3, at: daysAgo(2) }),
  ];
  const s = sum(...events);

  it('has one point per day with activity, mastery rising', () => {
    expect(s.history.map((p) => p.date)).toEqual([daysAgo(45), daysAgo(10), daysAgo(2)].map((d) => d.slice(0, 10)));
    expect(s.history.map((p) => p.answered)).toEqual([4, 8, 4]);
    const m = s.history.map((p) => p.mastery);
    expect(m[0]).toBeLessThan(m[1]!);
    expect(m[1]).toBeLessThan(m[2]!);
    expect(s.history.at(-1)!.mastery).toBe(s.mastery);
    expect(s.history.at(-1)!.readiness).toBe(s.readiness);
  });

  it('sums up the change over the last 30 days', () => {
    expect(s.recent).toMatchObject({ days: 30, answered: 12, topicsAssessed: 3, masteryBefore: s.history[0]!.mastery });
    expect(s.recent!.mastery).toBeCloseTo(s.mastery! - s.history[0]!.mastery, 3);
    expect(s.recent!.readiness).toBeGreaterThan(0);
  });

  it('can be left out (what `next` does), changing nothing else', () => {
    const lean = summarize(index, stateOf(...events), NOW, { history: false });
    expect(lean.history).toEqual([]);
    expect(lean.recent).toBeUndefined();
    expect({ ...lean, history: s.history, recent: s.recent }).toEqual(s);
  });

  it('ignores progress on topics the roadmap does not have', () => {
    const other = sum(...events, assessed('not-in-roadmap', { rating: 4, right: 4, at: daysAgo(5) }));
    expect(other.history).toEqual(s.history);
    expect(other.topics).toEqual(s.topics);
  });

  it('mastery does not drift with the clock; reviews do', () => {
    const later = summarize(index, stateOf(...events), new Date(NOW.getTime() + 90 * DAY));
    expect(later.topics.map((t) => t.mastery)).toEqual(s.topics.map((t) => t.mastery));
    expect(later.due.length).toBeGreaterThan(s.due.length);
  });
});

describe('summarizeNext (what `next` computes)', () => {
  it('gives the same recommendations, stage, readiness and due reviews as summarize', () => {
    const events = [
      masterArea(index, 'python', daysAgo(50)),
      assessed('http', { rating: 4, right: 0 }),
      status('sql-queries', 'learning'),
    ];
    for (const opts of [{}, { limit: 5 }, { limit: 2, area: 'python' }, { area: 'nosql' }]) {
      const full = summarize(index, stateOf(...events), NOW, opts);
      const next = summarizeNext(index, stateOf(...events), NOW, opts);
      expect(next).toMatchObject({
        stage: full.stage,
        readiness: full.readiness,
        due: full.due,
        recommendations: full.recommendations,
      });
    }
  });

  it('counts the due reviews the recommendations leave out', () => {
    const now = new Date(NOW.getTime() + 200 * DAY);
    const events = [masterArea(index, 'python', daysAgo(2)), masterArea(index, 'the-job', daysAgo(2))];
    const one = summarizeNext(index, stateOf(...events), now, { limit: 2 });
    expect(one.recommendations.filter((r) => r.kind === 'review')).toHaveLength(1);
    expect(one.due).toHaveLength(5);
    expect(one.moreDue).toBe(one.recommendations[1]!.area === 'python' ? 2 : 3);
  });

  it('counts a due topic that is not mastered as left out, unless a recommendation names it', () => {
    const now = new Date(NOW.getTime() + 200 * DAY);
    // python: two topics mastered, py-classes answered poorly; all three due by now.
    const events = [
      assessed('py-basics', { rating: 4, right: 4, at: daysAgo(2) }),
      assessed('py-functions', { rating: 4, right: 4, at: daysAgo(2) }),
      assessed('py-classes', { rating: 2, right: 1, at: daysAgo(2) }),
    ];
    // limit 2: the review card and another step, not py-classes: it is the one review left over.
    const two = summarizeNext(index, stateOf(...events), now, { limit: 2 });
    expect(two.due).toEqual(['py-classes', 'py-basics', 'py-functions']);
    expect(two.recommendations.some((r) => r.kind === 'review' && r.area === 'python' && !r.topic)).toBe(true);
    expect(two.recommendations.some((r) => r.topic === 'py-classes')).toBe(false);
    expect(two.moreDue).toBe(1);
    // limit 5: py-classes is named as a learning step, so nothing is left over.
    const five = summarizeNext(index, stateOf(...events), now, { limit: 5 });
    expect(five.recommendations.some((r) => r.topic === 'py-classes')).toBe(true);
    expect(five.moreDue).toBe(0);
  });
});
