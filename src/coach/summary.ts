import type { ProgressState } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import { describeBand, selfRatingCalibration, type Ability } from './ability.js';
import { areaAbility } from './area-ability.js';
import { handsOnEvidence, type HandsOn } from './evidence.js';
import { allFacts, toTopicSummary, type TopicFacts } from './facts.js';
import { buildHistory, recentChange } from './history.js';
import { calibrationOf, round3 } from './mastery.js';
import { planPath, type PathPlan } from './path.js';
import { gapsOf, readinessOf, stageOf, stageTotals } from './readiness.js';
import { Recommender } from './recommend.js';
import type { AreaSummary, NextSummary, Recommendation, Summary } from './types.js';
import { applicationsOf, followUpsOf } from './applications.js';
import { portfolioSummary } from './portfolio-summary.js';
import { proveApplySteps } from './prove-apply.js';
import { exerciseSteps, withExerciseStep, type ExerciseRef } from './exercise-steps.js';
import { trimToLimit } from './next-mix.js';
import { isoTime } from '../iso-time.js';

export interface SummaryOptions {
  /** How many recommendations (default 3). */
  limit?: number;
  /** Only recommend within this area (an unknown id gives no recommendations; commands check ids first). */
  area?: string;
  /**
   * Leave out the day-by-day history and the 30-day change (`next` does not show them).
   * Everything else is the same.
   */
  history?: boolean;
  /** The roadmap's exercises, so `next` can suggest one (exercise-steps.ts); none when absent. */
  exercises?: readonly ExerciseRef[];
}

export const DEFAULT_LIMIT = 3;

/**
 * Everything the coach knows, from a roadmap, the progress and a clock. Pure: no I/O, and the same
 * inputs give the same output. `status`, `export`, `roadmap`, `show`, `assess` and the report use
 * it; `next` uses summarizeNext.
 */
export function summarize(index: RoadmapIndex, state: ProgressState, now: Date, opts: SummaryOptions = {}): Summary {
  return new Coach(index, state, now, opts.exercises).summary(opts);
}

/**
 * What `next` needs, and nothing more: the recommendations, stage, readiness and due reviews,
 * without building per-topic and per-area summaries. Same rules and results as `summarize`.
 */
export function summarizeNext(
  index: RoadmapIndex,
  state: ProgressState,
  now: Date,
  opts: Pick<SummaryOptions, 'limit' | 'area' | 'exercises'> = {},
): NextSummary {
  return new Coach(index, state, now, opts.exercises).next(opts);
}

/**
 * The same, for callers that need more than one view of the same data (e.g. a summary and the
 * facts of one topic); computes the per-topic facts once.
 */
export class Coach {
  readonly plan: PathPlan;
  readonly facts: TopicFacts[];
  readonly byId: Map<string, TopicFacts>;
  /** What the learner has done, per topic (evidence.ts). */
  readonly hands: Map<string, HandsOn>;
  private readonly abilities = new Map<string, Ability | undefined>();

  constructor(
    readonly index: RoadmapIndex,
    readonly state: ProgressState,
    readonly now: Date,
    readonly exercises: readonly ExerciseRef[] = [],
  ) {
    this.plan = planPath(index.roadmap);
    this.hands = handsOnEvidence(state.log);
    this.facts = allFacts(index, state, now, this.hands);
    this.byId = new Map(this.facts.map((f) => [f.topic.id, f]));
  }

  private recommender(limit: number, area?: string): Recommender {
    return new Recommender({
      index: this.index,
      plan: this.plan,
      facts: this.facts,
      byId: this.byId,
      now: this.now,
      limit,
      area,
      extra: this.proveApplySteps(),
      handsOn: this.hands,
      abilityOf: (areaId) => this.abilityOf(areaId),
    });
  }

  /**
   * An area's ability estimate (area-ability.ts), computed once per area: the recommender, its side
   * steps and the area summaries all ask for it.
   */
  private abilityOf(areaId: string): Ability | undefined {
    if (this.abilities.has(areaId)) return this.abilities.get(areaId);
    const area = this.index.areas.get(areaId);
    const ability = area ? areaAbility(area, this.state) : undefined;
    this.abilities.set(areaId, ability);
    return ability;
  }

  /** The prove and apply stages' steps for `next` (prove-apply.ts). */
  private proveApplySteps(): Recommendation[] {
    const applications = applicationsOf(this.state.log);
    const topics = this.index.roadmap.areas.flatMap((a) => a.topics);
    return proveApplySteps({
      facts: this.facts,
      stage: stageOf(stageTotals(this.facts)),
      applications,
      followUps: followUpsOf(applications, topics, this.now),
    });
  }

  /** The exercise step, if any, in second place (exercise-steps.ts). */
  private withPractice(recs: Recommendation[], limit: number, area?: string): Recommendation[] {
    const steps = exerciseSteps(this.facts, this.hands, this.exercises).filter(
      (r) => area === undefined || r.area === area,
    );
    return trimToLimit(withExerciseStep(recs, steps, limit + 1), limit, this.byId);
  }

  /** Due topic ids, soonest first. */
  private dueTopics(): string[] {
    return this.facts
      .filter((f) => f.due)
      .sort((a, b) => a.review!.nextReview.getTime() - b.review!.nextReview.getTime() || a.index - b.index)
      .map((f) => f.topic.id);
  }

  next(opts: Pick<SummaryOptions, 'limit' | 'area'> = {}): NextSummary {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    const totals = stageTotals(this.facts);
    const recommendations = this.withPractice(this.recommender(limit, opts.area).recommend(), limit, opts.area);
    const due = this.dueTopics();
    // Due topics a recommendation already names: its own topic, or the topics an area's review
    // card lists (the due ones that were mastered; a due topic not mastered is a learning step).
    const covered = new Set<string>();
    for (const r of recommendations)
      if (r.topic) covered.add(r.topic);
      else if (r.kind === 'review')
        for (const f of this.facts)
          if (f.area.id === r.area && f.due && f.complete && !f.skipped) covered.add(f.topic.id);
    return {
      generatedAt: isoTime(this.now),
      ...(opts.area !== undefined ? { area: opts.area } : {}),
      stage: stageOf(totals),
      readiness: round3(readinessOf(totals)),
      due,
      moreDue: due.filter((id) => !covered.has(id)).length,
      recommendations,
    };
  }

  summary(opts: SummaryOptions = {}): Summary {
    const limit = Math.max(0, Math.floor(opts.limit ?? DEFAULT_LIMIT));
    const recommender = this.recommender(limit, opts.area);
    const totals = stageTotals(this.facts);
    const stage = stageOf(totals);
    const readiness = readinessOf(totals);
    let masterySum = 0;
    let counted = 0;
    for (const f of this.facts)
      if (!f.skipped) {
        masterySum += f.mastery;
        counted++;
      }
    const mastery = counted ? masterySum / counted : 0;

    const topics = this.facts.map((f) => {
      const s = toTopicSummary(f, this.state.topics.get(f.topic.id));
      s.ready = !f.complete && !f.skipped ? recommender.ready(f) : true;
      if (f.complete && !f.skipped) {
        const unmet = recommender
          .unmet(f)
          .map((u) =>
            u.startsWith('area:') ? this.index.areas.get(u.slice(5))?.title : this.index.topics.get(u)?.topic.title,
          );
        const titles = unmet.filter((t): t is string => t !== undefined);
        if (titles.length) s.passedBefore = titles;
      }
      if (f.review) s.retrievability = round3(f.review.retrievability);
      return s;
    });

    const due = this.dueTopics();

    const summary: Summary = {
      generatedAt: isoTime(this.now),
      stage,
      readiness: round3(readiness),
      gaps: gapsOf(this.facts, stage, this.plan.areaDependents),
      areas: this.areaSummaries(),
      topics,
      due,
      recommendations: this.withPractice(recommender.recommend(), limit, opts.area),
      history: [],
      mastery: round3(mastery),
    };
    if (this.state.log.records.size) summary.portfolio = portfolioSummary(this.index, this.state, this.facts);
    if (opts.history !== false) {
      summary.history = buildHistory(this.index, this.state.log, this.now);
      summary.recent = recentChange(
        this.state.log,
        summary.history,
        this.now,
        {
          mastery: summary.mastery!,
          readiness: summary.readiness,
        },
        (topic) => this.index.topics.has(topic),
      );
    }
    return summary;
  }

  private areaSummaries(): AreaSummary[] {
    const out: AreaSummary[] = [];
    let i = 0;
    for (const area of this.index.roadmap.areas) {
      let mastery = 0;
      let counted = 0;
      let mastered = 0;
      let due = 0;
      let self = 0;
      let selfN = 0;
      let quiz = 0;
      let quizN = 0;
      let gap = 0;
      let gapN = 0;
      let ratedAnswered = 0;
      let ratedAnsweredN = 0;
      for (let t = 0; t < area.topics.length; t++, i++) {
        const f = this.facts[i]!;
        if (f.due) due++;
        if (f.skipped) continue;
        counted++;
        mastery += f.mastery;
        if (f.complete) mastered++;
        if (f.quiz.selfScore !== undefined) {
          self += f.quiz.selfScore;
          selfN++;
        }
        if (f.quiz.quizScore !== undefined) {
          quiz += f.quiz.quizScore;
          quizN++;
        }
        if (f.quiz.gap !== undefined) {
          gap += f.quiz.gap;
          gapN++;
        }
        if (f.quiz.selfScore !== undefined && f.quiz.answered > 0) {
          ratedAnswered += f.quiz.selfScore * 4;
          ratedAnsweredN++;
        }
      }
      const s: AreaSummary = {
        area: area.id,
        title: area.title,
        stage: area.stage,
        mastery: round3(counted ? mastery / counted : 0),
        topics: area.topics.length,
        mastered,
        calibration: gapN ? calibrationOf(gap / gapN) : 'unknown',
        due,
      };
      if (selfN) s.selfScore = round3(self / selfN);
      if (quizN) s.quizScore = round3(quiz / quizN);
      const ability = quizN ? this.abilityOf(area.id) : undefined;
      if (ability) s.band = describeBand(ability);
      // Issue 15: an area is over- or under-confident only when the ability interval excludes
      // the average self-rating of its answered topics; otherwise the answers do not contradict it.
      if (ability && ratedAnsweredN && s.calibration !== 'unknown')
        s.calibration = selfRatingCalibration(ratedAnswered / ratedAnsweredN, ability);
      out.push(s);
    }
    return out;
  }
}
