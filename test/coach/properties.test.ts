import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarize } from '../../src/coach/summary.js';
import type { Recommendation, Summary } from '../../src/coach/types.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import type { RoadmapIndex } from '../../src/roadmap/query.js';
import type { Stage } from '../../src/roadmap/schema.js';
import { DAY, NOW, area, roadmapOf, stateOf, topic } from './fixtures.js';

/**
 * Random roadmaps (prerequisites always point backwards, so topics and areas form a DAG) and
 * random progress on them; the coach's rules must hold for every one.
 */
const STAGES: Stage[] = ['skills', 'prove', 'apply'];

interface AreaSpec {
  topics: { prereqs: number[]; questions: number; kind: 'plain' | 'project' | 'checklist' }[];
  areaPrereqs: number[];
  stage: number;
}

/** Plain data (so a failing case prints small); `build` turns it into a roadmap. */
const roadmapSpecArb = fc.array(
  fc.record({
    topics: fc.array(
      fc.record({
        prereqs: fc.array(fc.nat(), { maxLength: 3 }),
        questions: fc.integer({ min: 0, max: 4 }),
        kind: fc.constantFrom(
          'plain' as const,
          'plain' as const,
          'plain' as const,
          'project' as const,
          'checklist' as const,
        ),
      }),
      { minLength: 1, maxLength: 6 },
    ),
    areaPrereqs: fc.array(fc.nat(), { maxLength: 2 }),
    stage: fc.nat({ max: 2 }),
  }),
  { minLength: 1, maxLength: 6 },
);

function build(areas: AreaSpec[]): RoadmapIndex {
  let n = 0;
  const ids: string[] = [];
  return roadmapOf(
    areas.map((a, ai) =>
      area(
        `a${ai}`,
        a.topics.map((t) => {
          const id = `t${n}`;
          const prerequisites = n === 0 ? [] : [...new Set(t.prereqs.map((p) => ids[p % n]!))];
          const made = topic(id, {
            prerequisites,
            questions: t.questions,
            ...(t.kind === 'project'
              ? {
                  project: {
                    proves: prerequisites.length ? prerequisites : [id],
                    milestones: ['Build it'],
                    done_when: 'It runs.',
                  },
                }
              : {}),
            ...(t.kind === 'checklist' ? { checklist: ['Do the thing'] } : {}),
          });
          ids.push(id);
          n++;
          return made;
        }),
        {
          stage: STAGES[a.stage]!,
          prerequisites: ai === 0 ? [] : [...new Set(a.areaPrereqs.map((p) => `a${p % ai}`))],
        },
      ),
    ),
  );
}

/** Random events on a roadmap's topics, each at a distinct minute within the last 300 days. */
function progressArb(topicCount: number) {
  const topicIds = Array.from({ length: topicCount }, (_, i) => `t${i}`);
  const event = fc.record({
    topic: fc.constantFrom(...topicIds),
    kind: fc.constantFrom('rating', 'answer', 'answer', 'answer', 'status'),
    value: fc.nat({ max: 4 }),
    correct: fc.boolean(),
    status: fc.constantFrom('todo', 'learning', 'done', 'skip' as const),
    minutesAgo: fc.integer({ min: 1, max: 300 * 24 * 60 }),
  });
  return fc.uniqueArray(event, { maxLength: 60, selector: (e) => e.minutesAgo }).map((list) =>
    list.map((e): ProgressEvent => {
      const at = new Date(NOW.getTime() - e.minutesAgo * 60_000).toISOString();
      if (e.kind === 'rating') return { e: 'rating', at, topic: e.topic, value: e.value };
      if (e.kind === 'status') return { e: 'status', at, topic: e.topic, status: e.status };
      return {
        e: 'answer',
        at,
        topic: e.topic,
        question: `${e.topic}-q1`,
        choice: e.correct ? 0 : 1,
        correct: e.correct,
      };
    }),
  );
}

const scenarioArb = roadmapSpecArb.chain((spec) => {
  const topics = spec.reduce((n, a) => n + a.topics.length, 0);
  return fc.record({
    spec: fc.constant(spec),
    events: progressArb(topics),
    laterDays: fc.integer({ min: 0, max: 400 }),
    limit: fc.integer({ min: 1, max: 12 }),
    areaFilter: fc.option(
      fc.nat({ max: spec.length - 1 }).map((i) => `a${i}`),
      { nil: undefined },
    ),
  });
});

/** The rules restated independently of the implementation, from the summary's own topic list. */
function reference(index: RoadmapIndex, summary: Summary) {
  const byId = new Map(summary.topics.map((t) => [t.topic, t]));
  const settled = (id: string) => {
    const t = byId.get(id);
    return !t || t.mastered || t.status === 'skip';
  };
  const areaFinished = (id: string) => (index.areas.get(id)?.topics ?? []).every((t) => settled(t.id));
  const ready = (id: string) => {
    const { topic: t, area: a } = index.topics.get(id)!;
    return t.prerequisites.every(settled) && a.prerequisites.every(areaFinished);
  };
  const toLearn = (id: string) => !settled(id);
  return { byId, ready, toLearn };
}

const isDueReview = (r: Recommendation, s: Summary) =>
  r.kind === 'review' && (r.topic === undefined || s.topics.find((t) => t.topic === r.topic)!.mastered);

describe('coach properties over random roadmaps and progress', () => {
  it('prerequisites, skips, reviews, reasons and actions', () => {
    fc.assert(
      fc.property(scenarioArb, ({ spec, events, laterDays, limit, areaFilter }) => {
        const index = build(spec);
        const now = new Date(NOW.getTime() + laterDays * DAY);
        const summary = summarize(index, stateOf(events), now, { limit, area: areaFilter });
        const { byId, ready, toLearn } = reference(index, summary);
        const anyReady = [...index.topics.keys()].some((id) => toLearn(id) && ready(id));

        expect(summary.recommendations.length).toBeLessThanOrEqual(limit);
        for (const r of summary.recommendations) {
          // Every recommendation explains itself and says what to do.
          expect(r.reason).toMatch(/\S.*\.$/);
          expect(r.action.text.trim()).not.toBe('');
          expect(r.action.url ?? r.action.command).toBeTruthy();
          if (!r.topic) continue;
          const t = byId.get(r.topic)!;
          // Skipped topics are never recommended.
          expect(t.status).not.toBe('skip');
          if (t.mastered) {
            // Mastered (or done) topics only come back as due reviews.
            expect(r.kind).toBe('review');
            expect(t.due).toBe(true);
          } else if (anyReady) {
            // Never a topic with unmet prerequisites while one with met prerequisites is left.
            expect(ready(r.topic), `${r.topic} recommended with unmet prerequisites`).toBe(true);
          }
        }
        // --area keeps to the area, except for what the area waits on (and the reason says so).
        if (areaFilter)
          for (const r of summary.recommendations)
            expect(
              r.area === areaFilter || r.reason.startsWith(`${index.areas.get(areaFilter)!.title} builds on it`),
            ).toBe(true);
        // The history ends where the summary is.
        const last = summary.history.at(-1);
        if (last) {
          expect(last.mastery).toBeCloseTo(summary.mastery!, 2);
          expect(last.readiness!).toBeCloseTo(summary.readiness, 2);
        }
        // Scores stay in range.
        expect(summary.readiness).toBeGreaterThanOrEqual(0);
        expect(summary.readiness).toBeLessThanOrEqual(1);
        for (const t of summary.topics) expect(t.mastery >= 0 && t.mastery <= 1).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('due reviews never take more than one of the top three while something new is left', () => {
    fc.assert(
      fc.property(scenarioArb, ({ spec, events, laterDays }) => {
        const index = build(spec);
        const now = new Date(NOW.getTime() + laterDays * DAY);
        const state = stateOf(events);
        const top = summarize(index, state, now, { limit: 3 });
        const all = summarize(index, state, now, { limit: 1000 });
        const learning = all.recommendations.filter((r) => !isDueReview(r, all)).length;
        const reviewsInTop = top.recommendations.filter((r) => isDueReview(r, top)).length;
        expect(reviewsInTop).toBeLessThanOrEqual(Math.max(1, 3 - learning));
      }),
      { numRuns: 200 },
    );
  });

  it('is deterministic: same inputs and clock, and the same events in another journal order, give the same output', () => {
    fc.assert(
      fc.property(scenarioArb, fc.integer(), ({ spec, events, laterDays, limit }, seed) => {
        const index = build(spec);
        const now = new Date(NOW.getTime() + laterDays * DAY);
        const once = JSON.stringify(summarize(index, stateOf(events), now, { limit }));
        expect(JSON.stringify(summarize(index, stateOf(structuredClone(events)), new Date(now), { limit }))).toBe(once);
        const shuffled = [...events].sort((a, b) => ((hash(a.at) ^ seed) >>> 0) - ((hash(b.at) ^ seed) >>> 0));
        expect(JSON.stringify(summarize(index, stateOf(shuffled), now, { limit }))).toBe(once);
      }),
      { numRuns: 200 },
    );
  });
});

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h;
}
