import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HOURS,
  HIGH,
  LOW,
  dateAfter,
  isCalendarDay,
  makePlan,
  topicHours,
  type PlanInput,
} from '../../src/coach/plan.js';
import { Coach } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, assessed, daysAgo, masterArea, pathRoadmap, stateOf, status, topic } from './fixtures.js';

const index = pathRoadmap();
const planOf = (events: (ProgressEvent | ProgressEvent[])[] = [], opts: Partial<PlanInput> = {}) => {
  const state = stateOf(...events);
  const coach = new Coach(index, state, NOW);
  return makePlan({
    goal: 'junior roles',
    facts: coach.facts,
    orientation: coach.plan.orientation,
    log: state.log,
    now: NOW,
    hoursPerWeek: 8,
    hoursSource: 'setting',
    ...opts,
  });
};

// pathRoadmap has no `hours:`: 10 skills topics at 3 h, a project (20 h) and a certificate
// topic (3 h) to prove them, a checklist (3 h) to apply.
const TOTAL = 10 * DEFAULT_HOURS.topic + DEFAULT_HOURS.project + DEFAULT_HOURS.topic + DEFAULT_HOURS.checklist;

describe('topic hours', () => {
  it('come from `hours:`, else a default by kind', () => {
    expect(topicHours({ ...topic('a'), hours: 7.5 })).toBe(7.5);
    expect(topicHours(topic('a'))).toBe(DEFAULT_HOURS.topic);
    expect(topicHours(topic('p', { project: { proves: ['a'], milestones: ['x'], done_when: 'y' } }))).toBe(
      DEFAULT_HOURS.project,
    );
  });
});

describe('a plan with no history', () => {
  const plan = planOf();

  it('is a range from the estimates, and says so', () => {
    expect(plan.basis).toBe('estimate');
    expect(plan.pace).toBeUndefined();
    expect(plan.hours.low).toBeCloseTo(TOTAL * LOW, 5);
    expect(plan.hours.high).toBeCloseTo(TOTAL * HIGH, 5);
    expect(plan.ready).toEqual({ low: dateAfter(NOW, TOTAL * LOW, 8), high: dateAfter(NOW, TOTAL * HIGH, 8) });
    expect(plan.ready!.low < plan.ready!.high).toBe(true);
  });

  it('dates the stages in order: skills, then prove, then apply', () => {
    expect(plan.stages.map((s) => s.stage)).toEqual(['skills', 'prove', 'apply']);
    const [skills, prove, apply] = plan.stages.map((s) => s.by!.low);
    expect(skills! < prove! && prove! < apply!).toBe(true);
    expect(apply).toBe(plan.ready!.low);
  });

  it('fills 4 weeks at the hours per week, starting on Python with the orientation alongside', () => {
    expect(plan.weeks).toHaveLength(4);
    expect(plan.weeks[0]!.from).toBe('2026-03-01');
    expect(plan.weeks[0]!.to).toBe('2026-03-07');
    for (const w of plan.weeks) expect(w.items.reduce((s, i) => s + i.hours, 0)).toBeCloseTo(8, 5);
    expect(plan.weeks[0]!.items.map((i) => i.topic)).toEqual(['py-basics', 'backend-role', 'backend-ops']);
    expect(plan.weeks[1]!.items[0]).toMatchObject({ topic: 'backend-ops', continued: true, hours: 1 });
  });

  it('is sooner at more hours a week', () => {
    expect(planOf([], { hoursPerWeek: 16 }).ready!.high < plan.ready!.high).toBe(true);
  });
});

describe('progress shortens it', () => {
  it('a mastered area counts no more hours; an untouched topic counts in full', () => {
    const plan = planOf([masterArea(index, 'python', daysAgo(2))]);
    expect(plan.hours.low).toBeCloseTo((TOTAL - 3 * DEFAULT_HOURS.topic) * LOW, 5);
    expect(plan.weeks[0]!.items.map((i) => i.topic).slice(0, 2)).toEqual(['http', 'backend-role']);
  });

  it('due re-checks come first in week 1', () => {
    const plan = planOf([masterArea(index, 'python', daysAgo(200))]);
    expect(plan.weeks[0]!.reviews).toEqual(['py-basics', 'py-functions', 'py-classes']);
  });

  it('when everything is done, there is no date and no week to plan', () => {
    const done = index.roadmap.areas.flatMap((a) => a.topics.map((t) => status(t.id, 'done', daysAgo(1))));
    const plan = planOf(done);
    expect(plan.ready).toBeUndefined();
    expect(plan.stages.every((s) => s.done)).toBe(true);
    expect(plan.weeks).toEqual([]);
  });
});

describe("the learner's own pace", () => {
  // Marked learning two weeks ago and passed a week later: 1 week at 8 h for a 3 h topic.
  const learned = (id: string) => [status(id, 'learning', daysAgo(14)), ...assessed(id, { right: 4, at: daysAgo(7) })];

  it('replaces the estimate after 3 finished topics: one date, no range', () => {
    const plan = planOf([...learned('py-basics'), ...learned('py-functions'), ...learned('py-classes')]);
    expect(plan.basis).toBe('pace');
    expect(plan.pace).toMatchObject({ topics: 3, estimated: 9, measured: 24, factor: 2.67 });
    expect(plan.hours.low).toBe(plan.hours.high);
    expect(plan.ready!.low).toBe(plan.ready!.high);
    // Slower than the estimate: later than the estimate's optimistic end.
    expect(plan.ready!.low > planOf().ready!.low).toBe(true);
  });

  it('is not used with fewer than 3, and topics known without a learning mark do not count', () => {
    const plan = planOf([...learned('py-basics'), ...learned('py-functions'), masterArea(index, 'sql', daysAgo(3))]);
    expect(plan.basis).toBe('estimate');
    expect(plan.measuredTopics).toBe(2);
  });
});

describe('--until', () => {
  it('answers with the hours a week it takes, as a range without history', () => {
    const plan = planOf([], { until: '2026-05-24' }); // 12 weeks ahead
    expect(plan.until).toEqual({
      date: '2026-05-24',
      weeks: 12,
      hoursPerWeek: {
        low: Math.round(((TOTAL * LOW) / 12) * 10) / 10,
        high: Math.round(((TOTAL * HIGH) / 12) * 10) / 10,
      },
    });
  });
});

describe('isCalendarDay', () => {
  it.each([
    ['2027-06-01', true],
    ['2027-02-29', false],
    ['2028-02-29', true],
    ['2027-6-1', false],
    ['tomorrow', false],
  ])('%s → %s', (s, ok) => expect(isCalendarDay(s)).toBe(ok));
});
