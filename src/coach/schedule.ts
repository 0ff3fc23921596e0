import { FSRSAlgorithm, Rating, generatorParameters, type FSRSParameters, type FSRSState, type Grade } from 'ts-fsrs';
import { eachOf, timedAnswers, type EachAnswer } from './timeline.js';

/**
 * Spaced re-assessment with FSRS (ts-fsrs). Each topic is one "card"; each assessment of it (the
 * answers given on one day, normally one assess session) is one review, graded by how well it
 * went. Replaying the reviews gives the date the next re-check is due.
 *
 * Topics are not flashcards: a whole topic is re-checked, not one fact, so the scheduler asks for
 * 80% retention instead of the flashcard default of 90%, which stretches the intervals about
 * threefold (first check: ~1 day after "Again", ~4 after "Hard", ~8 after "Good", ~4 weeks after
 * "Easy"). Fuzz is off so the same history always gives the same date.
 */
export const SCHEDULER_PARAMS = {
  request_retention: 0.8,
  maximum_interval: 365,
  enable_fuzz: false,
  enable_short_term: false,
} as const;

/**
 * The FSRS model itself (memory state, intervals, forgetting curve). The replay below applies it
 * the way ts-fsrs's long-term scheduler (`fsrs(SCHEDULER_PARAMS).next`) does, without building
 * card objects for every grade of every review, which made a long history ~50× slower;
 * test/coach/schedule.test.ts checks both give the same dates on random histories.
 */
class FixedParameters extends FSRSAlgorithm {
  constructor(params: FSRSParameters) {
    super(params);
    // ts-fsrs keeps its parameters behind a Proxy, so that changing one updates what follows from
    // it. These never change, and a Proxy read at every step made the replay ~30% slower.
    this.param = Object.freeze({ ...this.param });
  }
}
const algorithm = new FixedParameters(generatorParameters(SCHEDULER_PARAMS));
const DAY_MS = 86_400_000;
/** 9999-12-31T23:59:59.999Z */
const LAST_DATE = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

export interface AnswerForSchedule {
  at: string;
  correct: boolean;
  session?: string | undefined;
}

export interface Assessment {
  /** When it finished (its latest answer). */
  at: Date;
  answered: number;
  correct: number;
  grade: Grade;
}

export interface ReviewState {
  /** How many assessments (days with answers) were replayed. */
  reviews: number;
  lastAssessed: Date;
  nextReview: Date;
  /** FSRS's estimate, 0..1, that the learner still knows it at `now`. */
  retrievability: number;
}

/**
 * How an assessment went, as an FSRS grade: all right (3+ questions) Easy, at least ¾ Good,
 * at least half Hard, otherwise Again. One or two right answers alone are never "Easy".
 */
export function gradeFor(correct: number, answered: number): Grade {
  if (answered <= 0) return Rating.Again;
  const accuracy = correct / answered;
  if (accuracy >= 1 && answered >= 3) return Rating.Easy;
  if (accuracy >= 0.75) return Rating.Good;
  if (accuracy >= 0.5) return Rating.Hard;
  return Rating.Again;
}

export const GRADE_NAMES: Record<Grade, string> = {
  [Rating.Again]: 'again',
  [Rating.Hard]: 'hard',
  [Rating.Good]: 'good',
  [Rating.Easy]: 'easy',
};

/**
 * Groups a topic's answers into assessments, one per UTC day, in time order. An assess session
 * is usually one sitting, so this is the session; two sittings on one day count as one review
 * (FSRS works in days, and several same-day reviews would only inflate the interval).
 */
export function groupAssessments(answers: readonly AnswerForSchedule[]): Assessment[] {
  return assessmentsOf(eachOf(timedAnswers(answers)));
}

/**
 * Calls `visit` once per UTC day with answers, in time order: the one place that decides what an
 * assessment is. `at` is the time of the day's last answer.
 */
function forEachDay(
  answers: EachAnswer,
  visit: (day: number, at: number, answered: number, correct: number) => void,
): void {
  let day = NaN;
  let at = 0;
  let answered = 0;
  let correct = 0;
  answers((t, right) => {
    const d = Math.floor(t / DAY_MS);
    if (d !== day) {
      if (answered) visit(day, at, answered, correct);
      day = d;
      answered = 0;
      correct = 0;
    }
    at = t;
    answered++;
    if (right) correct++;
  });
  if (answered) visit(day, at, answered, correct);
}

/** The same, for answers already in canonical order (see timeline.ts): one pass, no parsing. */
export function assessmentsOf(answers: EachAnswer): Assessment[] {
  const out: Assessment[] = [];
  forEachDay(answers, (_day, at, answered, correct) =>
    out.push({ at: new Date(at), answered, correct, grade: gradeFor(correct, answered) }),
  );
  return out;
}

/** Replays a topic's assessments through FSRS. Undefined when it was never assessed by quiz. */
export function reviewState(answers: readonly AnswerForSchedule[], now: Date): ReviewState | undefined {
  return replay(eachOf(timedAnswers(answers)), now);
}

/**
 * The same, for answers already in time order (see timeline.ts). Groups by day and replays in one
 * pass over plain numbers: a journal of 100,000 answers has tens of thousands of topic-days.
 */
export function replay(answers: EachAnswer, now: Date): ReviewState | undefined {
  let memory: FSRSState | null = null;
  let lastDay = NaN;
  let lastAt = NaN;
  let due = NaN;
  let reviews = 0;
  const review = (day: number, at: number, grade: Grade) => {
    // As ts-fsrs's long-term scheduler: whole UTC days since the last review, each grade's next
    // state and interval, the intervals kept in order (again ≤ hard < good < easy), then the
    // grade given is applied. Only the grades up to the one given are needed for the ordering.
    const t = reviews === 0 ? 0 : Math.max(0, day - lastDay);
    const r: number | undefined = memory ? algorithm.forgetting_curve(t, memory.stability) : undefined;
    const needed = Math.max(grade, Rating.Hard);
    const states: FSRSState[] = [];
    const intervals: number[] = [];
    for (let g = Rating.Again; g <= needed; g++) {
      const state = algorithm.next_state(memory, t, g, r);
      states.push(state);
      intervals.push(algorithm.next_interval(state.stability, t));
    }
    intervals[0] = Math.min(intervals[0]!, intervals[1]!);
    for (let g = 1; g < intervals.length; g++) intervals[g] = Math.max(intervals[g]!, intervals[g - 1]! + 1);
    memory = states[grade - 1]!;
    due = at + intervals[grade - 1]! * DAY_MS;
    lastDay = day;
    lastAt = at;
    reviews++;
  };
  forEachDay(answers, (day, at, answered, correct) => review(day, at, gradeFor(correct, answered)));
  if (reviews === 0) return undefined;
  const elapsed = Math.max(0, Math.floor((now.getTime() - lastAt) / DAY_MS));
  const r = algorithm.forgetting_curve(elapsed, (memory as FSRSState | null)!.stability);
  return {
    reviews,
    lastAssessed: new Date(lastAt),
    // Kept within four-digit years, which every date pyroad writes (and reads back) has.
    nextReview: new Date(Math.min(due, LAST_DATE)),
    retrievability: Number.isFinite(r) ? Math.max(0, Math.min(1, r)) : 1,
  };
}

export const isDue = (nextReview: Date | undefined, now: Date): boolean =>
  nextReview !== undefined && now.getTime() >= nextReview.getTime();
