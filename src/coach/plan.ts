import { KIND, type EventLog } from '../progress/log.js';
import type { Stage, Topic } from '../roadmap/schema.js';
import type { TopicFacts } from './facts.js';
import { STAGE_LIST, STAGE_ORDER } from './path.js';
import { isoDay, isoTime } from '../iso-time.js';

/**
 * A dated plan to the roadmap's goal (`pyroad plan`). Pure: facts, the journal and a clock in, a
 * plan out.
 *
 * The estimate:
 * - Each topic's time is its `hours:` (roadmap-format.md); a roadmap without it gets
 *   DEFAULT_HOURS by kind (a project, a job-search checklist, any other topic).
 * - What is left of a topic: nothing when it is complete or skipped; otherwise its hours times
 *   what is not yet known (1 − mastery), never less than MIN_LEFT of it (reading it through once
 *   more and passing its quiz take time too).
 * - With no history of the learner's own pace the estimate is a range, from LOW to HIGH times the
 *   roadmap's hours: people new to a subject often need longer than a writer's estimate.
 * - The learner's pace, once known: a topic marked `learning` (`pyroad mark ID learning`) that is
 *   complete now was worked on from that mark to when it was finished (the later of its `done`
 *   mark and its last answer). That calendar time, at the learner's hours per week, against the
 *   topic's estimate, over every such topic, gives a factor (clamped to PACE_RANGE). With
 *   MIN_PACE_TOPICS or more of them the plan uses it: one expected date, no longer a range.
 */

/** Hours for a topic whose roadmap does not say (documented in docs/roadmap-format.md). */
export const DEFAULT_HOURS = { topic: 3, project: 20, checklist: 3 } as const;
/** A topic not yet complete keeps at least this share of its hours. */
export const MIN_LEFT = 0.25;
/** Without a measured pace: the range of the estimate, as factors on the roadmap's hours. */
export const LOW = 0.8;
export const HIGH = 1.5;
/** Measured topics needed before the learner's pace replaces the roadmap's estimate. */
export const MIN_PACE_TOPICS = 3;
export const PACE_RANGE: readonly [number, number] = [0.33, 3];
/** Weeks shown week by week. */
export const PLAN_WEEKS = 4;
/** Time set aside in week 1 for each topic due for a re-check. */
export const REVIEW_HOURS = 0.5;

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

export const topicHours = (topic: Topic): number =>
  topic.hours ??
  (topic.project ? DEFAULT_HOURS.project : topic.checklist ? DEFAULT_HOURS.checklist : DEFAULT_HOURS.topic);

export interface Pace {
  /** Measured hours over estimated hours; above 1 is slower than the estimate. */
  factor: number;
  /** The topics it rests on. */
  topics: number;
  /** Their estimated hours and the hours measured for them. */
  estimated: number;
  measured: number;
}

export interface PlanItem {
  topic: string;
  area: string;
  title: string;
  /** Hours of it planned in this week (at the plan's pace). */
  hours: number;
  /** Started in an earlier week. */
  continued?: true;
}

export interface PlanWeek {
  week: number;
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
  /** Topics due for a re-check, done first. */
  reviews: string[];
  items: PlanItem[];
}

export interface StagePlan {
  stage: Stage;
  /** Hours left in this stage, at the plan's pace (low and high; equal when the pace is measured). */
  hours: { low: number; high: number };
  /** The date it should be finished (low and high; equal when the pace is measured); absent when done. */
  by?: { low: string; high: string };
  done: boolean;
}

export interface Plan {
  generatedAt: string;
  goal: string;
  hoursPerWeek: number;
  /** Where the hours per week come from: typed now, or the setting (its default until set). */
  hoursSource: 'flag' | 'setting' | 'default';
  /** "estimate": the roadmap's hours as a range; "pace": corrected by the learner's measured pace. */
  basis: 'estimate' | 'pace';
  pace?: Pace;
  /** Measured topics so far, when fewer than needed for a pace. */
  measuredTopics: number;
  /** Hours left to the goal, low and high. */
  hours: { low: number; high: number };
  /** When the goal should be reached (low and high), absent when nothing is left. */
  ready?: { low: string; high: string };
  stages: StagePlan[];
  weeks: PlanWeek[];
  /** With --until: the hours a week needed to be ready by then. */
  until?: { date: string; weeks: number; hoursPerWeek: { low: number; high: number } };
}

export interface PlanInput {
  goal: string;
  facts: readonly TopicFacts[];
  log: EventLog;
  now: Date;
  hoursPerWeek: number;
  hoursSource: Plan['hoursSource'];
  /** Orientation areas (path.ts): read alongside the first foundation topic, not before it. */
  orientation?: ReadonlySet<string>;
  /** A date (YYYY-MM-DD) to be ready by: the plan then says the hours a week it takes. */
  until?: string;
}

/** The learner's measured pace from topics marked `learning` and finished since (see above). */
export function measurePace(
  facts: readonly TopicFacts[],
  log: EventLog,
  hoursPerWeek: number,
): { pace?: Pace; measured: number } {
  const started = new Map<string, number>();
  const finished = new Map<string, number>();
  for (let i = 0; i < log.length; i++) {
    const kind = log.kind[i];
    if (kind !== KIND.status && kind !== KIND.answer) continue;
    const t = log.time[i]!;
    if (Number.isNaN(t)) continue;
    const topic = log.strings[log.id[i]!]!;
    if (kind === KIND.status && log.status(i) === 'learning') {
      if (!started.has(topic)) started.set(topic, t);
    } else if (kind === KIND.answer || log.status(i) === 'done') {
      const s = started.get(topic);
      if (s !== undefined && t >= s) finished.set(topic, Math.max(t, finished.get(topic) ?? t));
    }
  }
  let estimated = 0;
  let measured = 0;
  let topics = 0;
  for (const f of facts) {
    const s = started.get(f.topic.id);
    const e = finished.get(f.topic.id);
    if (!f.complete || f.skipped || s === undefined || e === undefined) continue;
    topics++;
    estimated += topicHours(f.topic);
    // At least a day: a topic finished the day it was started still took an evening.
    measured += (Math.max(e - s, DAY_MS) / WEEK_MS) * hoursPerWeek;
  }
  if (topics < MIN_PACE_TOPICS) return { measured: topics };
  const factor = clamp(measured / estimated, PACE_RANGE[0], PACE_RANGE[1]);
  return {
    pace: { factor: round2(factor), topics, estimated: round1(estimated), measured: round1(measured) },
    measured: topics,
  };
}

/** What is left of one topic, in the roadmap's hours. */
export function hoursLeft(f: TopicFacts): number {
  if (f.complete || f.skipped) return 0;
  return topicHours(f.topic) * Math.max(MIN_LEFT, 1 - f.mastery);
}

export function makePlan(input: PlanInput): Plan {
  const { facts, now, hoursPerWeek } = input;
  const { pace, measured } = measurePace(facts, input.log, hoursPerWeek);
  const low = pace ? pace.factor : LOW;
  const high = pace ? pace.factor : HIGH;
  const mid = pace ? pace.factor : 1;
  const order = pathOrder(facts, input.orientation);
  const due = facts.filter((f) => f.due && !f.skipped).map((f) => f.topic.id);
  const reviewHours = due.length * REVIEW_HOURS;

  // Stage by stage: hours left and the date each should be finished.
  let cumulative = reviewHours;
  const stages: StagePlan[] = STAGE_LIST.map((stage) => {
    const left = order.filter((f) => f.area.stage === stage).reduce((sum, f) => sum + hoursLeft(f), 0);
    cumulative += left;
    const done = left === 0 && !facts.some((f) => f.area.stage === stage && !f.complete && !f.skipped);
    const s: StagePlan = { stage, hours: { low: round1(left * low), high: round1(left * high) }, done };
    if (!done)
      s.by = {
        low: dateAfter(now, cumulative * low, hoursPerWeek),
        high: dateAfter(now, cumulative * high, hoursPerWeek),
      };
    return s;
  });
  const total = cumulative;

  const plan: Plan = {
    generatedAt: isoTime(now),
    goal: input.goal,
    hoursPerWeek,
    hoursSource: input.hoursSource,
    basis: pace ? 'pace' : 'estimate',
    measuredTopics: measured,
    hours: { low: round1(total * low), high: round1(total * high) },
    stages,
    weeks: weeksOf(order, due, now, hoursPerWeek, mid),
  };
  if (pace) plan.pace = pace;
  if (total > 0)
    plan.ready = { low: dateAfter(now, total * low, hoursPerWeek), high: dateAfter(now, total * high, hoursPerWeek) };
  if (input.until !== undefined) {
    const weeks = Math.max(1, (Date.parse(`${input.until}T00:00:00Z`) - startOfDay(now)) / WEEK_MS);
    plan.until = {
      date: input.until,
      weeks: round1(weeks),
      hoursPerWeek: { low: round1((total * low) / weeks), high: round1((total * high) / weeks) },
    };
  }
  return plan;
}

/**
 * Topics left, in the order to work on them: stage, then path order, except that an orientation
 * (path.ts) comes right after the first topic of the area it is read alongside.
 */
function pathOrder(facts: readonly TopicFacts[], orientation: ReadonlySet<string> = new Set()): TopicFacts[] {
  const left = facts.filter((f) => !f.complete && !f.skipped);
  const first = left.find((f) => !orientation.has(f.area.id) && f.area.stage === 'skills');
  const key = (f: TopicFacts) => (orientation.has(f.area.id) && first ? first.index + 0.5 + f.index / 1e6 : f.index);
  return left.sort((a, b) => STAGE_ORDER[a.area.stage] - STAGE_ORDER[b.area.stage] || key(a) - key(b));
}

/** The next weeks, filled in path order at `hoursPerWeek`, due re-checks first. */
function weeksOf(
  order: readonly TopicFacts[],
  due: readonly string[],
  now: Date,
  hoursPerWeek: number,
  factor: number,
): PlanWeek[] {
  const weeks: PlanWeek[] = [];
  let k = 0;
  let leftOfCurrent = order[0] ? hoursLeft(order[0]) * factor : 0;
  let started = false;
  const begin = startOfDay(now);
  for (let w = 0; w < PLAN_WEEKS && (k < order.length || (w === 0 && due.length)); w++) {
    const week: PlanWeek = {
      week: w + 1,
      from: isoDay(begin + w * WEEK_MS),
      to: isoDay(begin + (w + 1) * WEEK_MS - DAY_MS),
      reviews: w === 0 ? [...due] : [],
      items: [],
    };
    let budget = hoursPerWeek - (w === 0 ? due.length * REVIEW_HOURS : 0);
    // Less than a quarter of an hour left in a week is not planned (it would read "0 h").
    while (budget >= 0.25 && k < order.length) {
      const f = order[k]!;
      const spend = Math.min(budget, leftOfCurrent);
      const item: PlanItem = { topic: f.topic.id, area: f.area.id, title: f.topic.title, hours: round1(spend) };
      if (started) item.continued = true;
      week.items.push(item);
      budget -= spend;
      leftOfCurrent -= spend;
      started = true;
      if (leftOfCurrent <= 1e-9) {
        k++;
        started = false;
        leftOfCurrent = order[k] ? hoursLeft(order[k]!) * factor : 0;
      }
    }
    weeks.push(week);
  }
  return weeks;
}

/** The day the work is done: `hours` at `hoursPerWeek`, from today (rounded up to whole days). */
export function dateAfter(now: Date, hours: number, hoursPerWeek: number): string {
  const days = Math.ceil((hours / hoursPerWeek) * 7);
  return isoDay(startOfDay(now) + days * DAY_MS);
}

const startOfDay = (d: Date): number => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** Whole weeks from today to a date, as a learner counts them (at least 1). */
export const weeksBetween = (now: Date, day: string): number =>
  Math.max(1, Math.round((Date.parse(`${day}T00:00:00Z`) - startOfDay(now)) / WEEK_MS));

/** "YYYY-MM-DD" that is a real calendar day. */
export function isCalendarDay(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && isoDay(t) === s;
}

/** Today (YYYY-MM-DD) by the given clock. */
export const today = (now: Date): string => isoDay(startOfDay(now));
