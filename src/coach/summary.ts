import type { ProgressState } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import { handsOnEvidence } from './evidence.js';
import { allFacts, toTopicSummary, type TopicFacts } from './facts.js';
import { buildHistory, recentChange } from './history.js';
import { calibrationOf, round3 } from './mastery.js';
import { planPath, type PathPlan } from './path.js';
import { gapsOf, readinessOf, stageOf, stageTotals } from './readiness.js';
import { Recommender } from './recommend.js';
import type { AreaSummary, NextSummary, Summary } from './types.js';

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
}

export const DEFAULT_LIMIT = 3;

/**
 * Everything the coach knows, from a roadmap, the progress and a clock. Pure: no I/O, and the same
 * inputs give the same output. `status`, `export`, `roadmap`, `show`, `assess` and the report use
 * it; `next` uses summarizeNext.
 */
export function summarize(index: RoadmapIndex, state: ProgressState, now: Date, opts: SummaryOptions = {}): Summary {
  return new Coach(index, state, now).summary(opts);
}

/**
 * What `next` needs, and nothing more: the recommendations, stage, readiness and due reviews,
 * without building per-topic and per-area summaries. Same rules and results as `summarize`.
 */
export function summarizeNext(
  index: RoadmapIndex,
  state: ProgressState,
  now: Date,
  opts: Pick<SummaryOptions, 'limit' | 'area'> = {},
): NextSummary {
  return new Coach(index, state, now).next(opts);
}

/**
 * The same, for callers that need more than one view of the same data (e.g. a summary and the
 * facts of one topic); computes the per-topic facts once.
 */
export class Coach {
  readonly plan: PathPlan;
  readonly facts: TopicFacts[];
  readonly byId: Map<string, TopicFacts>;

  constructor(
    readonly index: RoadmapIndex,
    readonly state: ProgressState,
    readonly now: Date,
  ) {
    this.plan = planPath(index.roadmap);
    this.facts = allFacts(index, state, now);
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
      handsOn: handsOnEvidence(this.state.log),
    });
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
    const recommendations = this.recommender(limit, opts.area).recommend();
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
      generatedAt: this.now.toISOString(),
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
      if (f.review) s.retrievability = round3(f.review.retrievability);
      return s;
    });

    const due = this.dueTopics();

    const summary: Summary = {
      generatedAt: this.now.toISOString(),
      stage,
      readiness: round3(readiness),
      gaps: gapsOf(this.facts, stage, this.plan.areaDependents),
      areas: this.areaSummaries(),
      topics,
      due,
      recommendations: recommender.recommend(),
      history: [],
      mastery: round3(mastery),
    };
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
      out.push(s);
    }
    return out;
  }
}
