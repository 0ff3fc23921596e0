import { MASTERY, below } from './mastery.js';

/**
 * Practice feeds mastery (issue 17, DESIGN.md "Evidence"). A passed exercise (`pyroad practice
 * check`) shows the learner can write a small piece of the topic's code, not only recognise it.
 * That is hands-on evidence, weaker than a proven project (proof.ts): an exercise is a narrow task
 * with the tests in view, a project meets an outside contract. So:
 *
 *   - a topic with at least one passed exercise closes PRACTICE.share of the gap between its
 *     mastery and full mastery: 0.8 becomes 0.85, 0.4 becomes 0.55; more exercises of the same topic
 *     add nothing more (one exercise shows the skill; more are for practice);
 *   - the lifted mastery can make the topic mastered, on the usual terms: enough quiz answers, not
 *     on placement answers alone, not misjudged;
 *   - when its quiz went poorly, nothing changes: the quiz's doubt stands and the topic stays open.
 *
 * Pure.
 */
export const PRACTICE = {
  /** The share of the gap to full mastery that a passed exercise closes. */
  share: 0.25,
} as const;

export interface PracticeTerms {
  /** The quiz score is below the "poor" line. */
  poorQuiz: boolean;
  /** The topic could count as mastered if its mastery were high enough (see facts.ts). */
  mayMaster: boolean;
}

/** A topic's mastery and completeness with its passed exercises taken in (see above). */
export function withPractice(
  mastery: number,
  complete: boolean,
  terms: PracticeTerms,
  passed: number,
): { mastery: number; complete: boolean } {
  if (passed < 1 || terms.poorQuiz) return { mastery, complete };
  const lifted = mastery + (1 - mastery) * PRACTICE.share;
  return { mastery: lifted, complete: complete || (terms.mayMaster && !below(lifted, MASTERY.mastered)) };
}
