import { eachOf, timedAnswers, type EachAnswer } from './timeline.js';
import type { Calibration } from './types.js';

/**
 * Mastery of one topic from the learner's self-rating and quiz answers. Pure.
 *
 *   quizScore = Σ wᵢ·correctᵢ / Σ wᵢ       wᵢ = ½^(age of answer i before the topic's latest answer / half-life)
 *   evidence  = Σ wᵢ                        (recent answers count fully, older ones partly)
 *   q         = evidence / (evidence + QUIZ_PRIOR)   the quiz's share: 0 answers → 0, 1 → ½, 4 → ⅘
 *   mastery   = q·quizScore + (1 − q)·rating/4
 *
 * Ages are measured from the topic's own latest answer, not from "now": mastery is what the
 * learner showed, and does not change while nothing happens. Forgetting is the scheduler's job
 * (schedule.ts), which makes a topic due for review instead of quietly lowering its score.
 */
export const MASTERY = {
  /** Answers this many days older than the latest one count half. */
  halfLifeDays: 90,
  /** How many answers' worth of evidence the self-rating is worth. */
  quizPrior: 1,
  /** Mastery at or above this, with evidence, counts as mastered. */
  mastered: 0.75,
  /** Self-rating and quiz score further apart than this are a calibration flag. */
  calibrationGap: 0.25,
  /** Calibration needs at least this many answers. */
  calibrationAnswers: 2,
  /**
   * A placement asks one or two questions of a topic at most: a sign, not proof. Its answers count
   * in mastery like any other, but a topic is never mastered on placement answers alone.
   */
  masteredNeedsQuiz: true,
  /** The share of answers a blind guess gets right (most questions have four choices). */
  guessRate: 0.25,
  /** A quiz score below this is "poor". */
  poorQuiz: 0.5,
  /** A self-rating at or above this is "confident" (3 = "use it on my own"). */
  confidentRating: 3,
} as const;

const HALF_LIFE_MS = MASTERY.halfLifeDays * 86_400_000;

export interface AnswerLike {
  at: string;
  correct: boolean;
}

export interface TopicMastery {
  mastery: number;
  /** Self-rating scaled to 0..1. */
  selfScore?: number;
  /** Recency-weighted share of correct answers. */
  quizScore?: number;
  answered: number;
  correct: number;
  calibration: Calibration;
  /** Self-rating minus quiz score, when both are known. */
  gap?: number;
  /** Time of the latest answer (ms), when there are answers. */
  latest?: number;
  /** How many of the answers were given in the placement, when any were. */
  placement?: number;
}

/**
 * Sums answers one at a time, in time order, so the history can follow a topic day by day
 * without re-reading its earlier answers. Weights are kept relative to the first answer
 * (2^((t − t₀)/half-life)) and scaled to the latest one at the end, which is the same weighting
 * as ½^((latest − t)/half-life); the origin moves forward long before the numbers could overflow.
 */
export class QuizTally {
  private origin = NaN;
  private total = 0;
  private right = 0;
  latest = -Infinity;
  answered = 0;
  correct = 0;
  placement = 0;

  /** Adds one answer; answers must come in canonical order (timeline.ts). */
  add(t: number, correct: boolean, placement = false): void {
    if (placement) this.placement++;
    if (Number.isNaN(this.origin)) this.origin = t;
    let exponent = (t - this.origin) / HALF_LIFE_MS;
    if (exponent > 512) {
      const shift = Math.pow(2, -exponent);
      this.total *= shift;
      this.right *= shift;
      this.origin = t;
      exponent = 0;
    }
    const w = Math.pow(2, exponent);
    this.total += w;
    this.answered++;
    if (correct) {
      this.right += w;
      this.correct++;
    }
    if (t > this.latest) this.latest = t;
  }

  result(rating: number | undefined): TopicMastery {
    const selfScore = rating === undefined ? undefined : Math.max(0, Math.min(4, rating)) / 4;
    const evidence = this.answered ? this.total * Math.pow(2, -(this.latest - this.origin) / HALF_LIFE_MS) : 0;
    const quizScore = this.answered ? this.right / this.total : undefined;
    const q = evidence / (evidence + MASTERY.quizPrior);
    const mastery = clamp01(q * (quizScore ?? 0) + (1 - q) * (selfScore ?? 0));
    const result: TopicMastery = { mastery, answered: this.answered, correct: this.correct, calibration: 'unknown' };
    if (selfScore !== undefined) result.selfScore = selfScore;
    if (quizScore !== undefined) result.quizScore = quizScore;
    if (this.answered) result.latest = this.latest;
    if (this.placement) result.placement = this.placement;
    if (selfScore !== undefined && quizScore !== undefined && this.answered >= MASTERY.calibrationAnswers) {
      result.gap = calibrationGap(selfScore, quizScore);
      result.calibration = calibrationOf(result.gap);
    }
    return result;
  }
}

/** Mastery from a self-rating and raw answers (any order). */
export function topicMastery(rating: number | undefined, answers: readonly AnswerLike[]): TopicMastery {
  return masteryOf(rating, eachOf(timedAnswers(answers)));
}

/** Mastery from a self-rating and answers in canonical order (see timeline.ts). */
export function masteryOf(rating: number | undefined, answers: EachAnswer): TopicMastery {
  const tally = new QuizTally();
  answers((t, correct, placement) => tally.add(t, correct, placement));
  return tally.result(rating);
}

/**
 * Self-rating minus quiz score (both 0..1), as the calibration flags read it. Lucky guesses raise
 * a quiz score: that can only hide over-confidence, but it can fake under-confidence ("never heard
 * of it", then one guess in four right). So when the quiz score is the higher one, it counts only
 * what it shows beyond guessing: (score − guessRate) / (1 − guessRate).
 */
export function calibrationGap(selfScore: number, quizScore: number): number {
  const gap = selfScore - quizScore;
  if (gap >= 0) return gap;
  const beyondGuessing = Math.max(0, (quizScore - MASTERY.guessRate) / (1 - MASTERY.guessRate));
  return Math.min(0, selfScore - beyondGuessing);
}

/**
 * Whether a score is below a threshold, comparing the score as shown (three decimals). Recency
 * weighting makes answers given seconds apart count very slightly differently, and 2 of 4 right
 * must not be 0.4999 one way round and 0.5001 the other.
 */
export const below = (score: number, threshold: number): boolean => round3(score) < threshold;

/** Over-confident when the self-rating is well above the quiz score, under-confident when well below. */
export function calibrationOf(gap: number | undefined): Calibration {
  if (gap === undefined || Number.isNaN(gap)) return 'unknown';
  const shown = round3(gap);
  if (shown > MASTERY.calibrationGap) return 'over-confident';
  if (shown < -MASTERY.calibrationGap) return 'under-confident';
  return 'consistent';
}

/** Rated "use it on my own" or higher, yet the quiz went poorly: the case `next` flags for review. */
export function isMisjudged(rating: number | undefined, m: Pick<TopicMastery, 'answered' | 'quizScore'>): boolean {
  return (
    rating !== undefined &&
    rating >= MASTERY.confidentRating &&
    m.answered > 0 &&
    m.quizScore !== undefined &&
    below(m.quizScore, MASTERY.poorQuiz)
  );
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Rounds for output, so JSON stays readable and stable. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
