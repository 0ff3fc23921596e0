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
  /** A quiz score below this is "poor". */
  poorQuiz: 0.5,
  /** A self-rating at or above this is "confident" (3 = "use it on my own"). */
  confidentRating: 3,
} as const;

const DAY_MS = 86_400_000;

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
}

export function topicMastery(rating: number | undefined, answers: readonly AnswerLike[]): TopicMastery {
  const selfScore = rating === undefined ? undefined : Math.max(0, Math.min(4, rating)) / 4;
  // Summed in a canonical order (time, then wrong before right) so that two journals holding the
  // same answers in another line order give bit-for-bit the same result.
  const items = answers
    .map((a) => ({ t: Date.parse(a.at), correct: a.correct }))
    .filter((a) => !Number.isNaN(a.t))
    .sort((a, b) => a.t - b.t || Number(a.correct) - Number(b.correct));
  const latest = items.length ? items[items.length - 1]!.t : 0;
  let correct = 0;
  let weight = 0;
  let weightedCorrect = 0;
  for (const a of items) {
    const w = Math.pow(0.5, (latest - a.t) / DAY_MS / MASTERY.halfLifeDays);
    weight += w;
    if (a.correct) {
      weightedCorrect += w;
      correct++;
    }
  }
  const quizScore = items.length ? weightedCorrect / weight : undefined;
  const q = weight / (weight + MASTERY.quizPrior);
  const mastery = clamp01(q * (quizScore ?? 0) + (1 - q) * (selfScore ?? 0));
  const result: TopicMastery = { mastery, answered: items.length, correct, calibration: 'unknown' };
  if (selfScore !== undefined) result.selfScore = selfScore;
  if (quizScore !== undefined) result.quizScore = quizScore;
  if (selfScore !== undefined && quizScore !== undefined && items.length >= MASTERY.calibrationAnswers) {
    result.gap = selfScore - quizScore;
    result.calibration = calibrationOf(result.gap);
  }
  return result;
}

/** Over-confident when the self-rating is well above the quiz score, under-confident when well below. */
export function calibrationOf(gap: number | undefined): Calibration {
  if (gap === undefined || Number.isNaN(gap)) return 'unknown';
  if (gap > MASTERY.calibrationGap) return 'over-confident';
  if (gap < -MASTERY.calibrationGap) return 'under-confident';
  return 'consistent';
}

/** Rated "use it on my own" or higher, yet the quiz went poorly: the case `next` flags for review. */
export function isMisjudged(rating: number | undefined, m: Pick<TopicMastery, 'answered' | 'quizScore'>): boolean {
  return (
    rating !== undefined &&
    rating >= MASTERY.confidentRating &&
    m.answered > 0 &&
    m.quizScore !== undefined &&
    m.quizScore < MASTERY.poorQuiz
  );
}

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Rounds for output, so JSON stays readable and stable. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000;
