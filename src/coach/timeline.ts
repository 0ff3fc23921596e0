/** One quiz answer as the coach sums it. */
export interface TimedAnswer {
  /** Milliseconds since the epoch. */
  t: number;
  correct: boolean;
}

/**
 * A topic's answers as the coach reads them: a function that calls `visit` for each, in canonical
 * order. The progress state gives one per topic straight from its log (TopicProgress.eachAnswer),
 * so summing 100,000 answers builds no objects.
 */
export type EachAnswer = (visit: (t: number, correct: boolean, placement?: boolean) => void) => void;

/**
 * The order answers are summed in: time, then wrong before right. Two journals holding the same
 * answers in another line order then give bit-for-bit the same result.
 */
export const canonicalOrder = (a: TimedAnswer, b: TimedAnswer): number =>
  a.t - b.t || Number(a.correct) - Number(b.correct);

/** Answers given as objects (tests, callers outside the store), times parsed, in canonical order. */
export function timedAnswers(answers: readonly { at: string; correct: boolean }[]): TimedAnswer[] {
  const out: TimedAnswer[] = [];
  for (const a of answers) {
    const t = Date.parse(a.at);
    if (!Number.isNaN(t)) out.push({ t, correct: a.correct });
  }
  return out.sort(canonicalOrder);
}

/** A list already in canonical order, read as the coach reads a topic's answers. */
export const eachOf =
  (answers: readonly TimedAnswer[]): EachAnswer =>
  (visit) => {
    for (const a of answers) visit(a.t, a.correct);
  };
