import { FSRSAlgorithm, Rating, dateDiffInDays, generatorParameters, type FSRSState, type Grade } from 'ts-fsrs';

/**
 * Spaced re-assessment with FSRS (ts-fsrs). Each topic is one "card"; each assessment of it (the
 * answers given in one assess session, or on one day when answers carry no session) is one review,
 * graded by how well it went. Replaying the reviews gives the date the next re-check is due.
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
const algorithm = new FSRSAlgorithm(generatorParameters(SCHEDULER_PARAMS));
const DAY_MS = 86_400_000;
const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

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
  assessments: Assessment[];
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

/** Groups a topic's answers into assessments: by session id, else by UTC day. In time order. */
export function groupAssessments(answers: readonly AnswerForSchedule[]): Assessment[] {
  const groups = new Map<string, { at: number; answered: number; correct: number }>();
  for (const answer of answers) {
    const t = Date.parse(answer.at);
    if (Number.isNaN(t)) continue;
    const key = answer.session ? `s:${answer.session}` : `d:${new Date(t).toISOString().slice(0, 10)}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { at: t, answered: 0, correct: 0 }));
    if (t > g.at) g.at = t;
    g.answered++;
    if (answer.correct) g.correct++;
  }
  return [...groups.values()]
    .sort((a, b) => a.at - b.at || a.answered - b.answered || a.correct - b.correct)
    .map((g) => ({
      at: new Date(g.at),
      answered: g.answered,
      correct: g.correct,
      grade: gradeFor(g.correct, g.answered),
    }));
}

/** Replays a topic's assessments through FSRS. Undefined when it was never assessed by quiz. */
export function reviewState(answers: readonly AnswerForSchedule[], now: Date): ReviewState | undefined {
  const assessments = groupAssessments(answers);
  if (assessments.length === 0) return undefined;
  let memory: FSRSState | null = null;
  let last: Date | undefined;
  let nextReview = now;
  for (const a of assessments) {
    // As ts-fsrs's long-term scheduler: whole UTC days since the last review, every grade's next
    // state and interval, the intervals kept in order (again ≤ hard < good < easy), then the
    // grade given is applied.
    const t = last ? Math.max(0, dateDiffInDays(last, a.at)) : 0;
    const r: number | undefined = memory ? algorithm.forgetting_curve(t, memory.stability) : undefined;
    const states: FSRSState[] = GRADES.map((g): FSRSState => algorithm.next_state(memory, t, g, r));
    const [again0, hard0, good0, easy0] = states.map((st): number => algorithm.next_interval(st.stability, t)) as [
      number,
      number,
      number,
      number,
    ];
    const again = Math.min(again0, hard0);
    const hard = Math.max(hard0, again + 1);
    const good = Math.max(good0, hard + 1);
    const easy = Math.max(easy0, good + 1);
    memory = states[a.grade - 1]!;
    nextReview = new Date(a.at.getTime() + [again, hard, good, easy][a.grade - 1]! * DAY_MS);
    last = a.at;
  }
  const lastAssessed = last!;
  const elapsed = Math.max(0, Math.floor((now.getTime() - lastAssessed.getTime()) / DAY_MS));
  const r = algorithm.forgetting_curve(elapsed, memory!.stability);
  return {
    assessments,
    lastAssessed,
    nextReview,
    retrievability: Number.isFinite(r) ? Math.max(0, Math.min(1, r)) : 1,
  };
}

export const isDue = (nextReview: Date | undefined, now: Date): boolean =>
  nextReview !== undefined && now.getTime() >= nextReview.getTime();
