import { checksFingerprint } from '../check/fingerprint.js';
import type { Topic } from '../roadmap/schema.js';
import { isProven, type HandsOn } from './evidence.js';
import { MASTERY } from './mastery.js';

/**
 * Proof feeds mastery (issue 16, DESIGN.md "Evidence"). A project whose checks all passed in a
 * full run of their current version (`pyroad check`; isProven) is hands-on evidence for every
 * topic in its `proves:` list. The coach keeps "knows" (the quiz) apart from "has done" (this):
 *
 *   - the topic's mastery is at least PROOF.floor (the mastered threshold): working code that
 *     passes an outside test of its contract shows the skill at least as well as a good quiz;
 *   - the topic counts as mastered, unless its quiz went poorly (then the quiz's doubt stands and
 *     the topic stays open for review, with the proof shown beside it).
 *
 * A link alone (`pyroad evidence add`) does not lift mastery: it is a claim nobody checked. Only
 * projects with checks prove their topics. Pure.
 */
export const PROOF = {
  /** The mastery a proven topic has at least. */
  floor: MASTERY.mastered,
} as const;

export interface TopicProof {
  /** The project whose checks passed. */
  project: string;
  title: string;
  passed: number;
  total: number;
  /** When that full passing run was made (ISO). */
  at: string;
}

/** "proven by notes-api-project: 18/18 checks on 2026-12-04". */
export const proofLabel = (p: TopicProof): string =>
  `proven by ${p.project}: ${p.passed}/${p.total} checks on ${p.at.slice(0, 10)}`;

/**
 * The proven projects behind each topic: topic id → the projects (with checks, proven now) that
 * list it in `proves:`. A project does not prove itself here; its own stage says that (portfolio.ts).
 */
export function proofsByTopic(topics: Iterable<Topic>, hands: ReadonlyMap<string, HandsOn>): Map<string, TopicProof[]> {
  const out = new Map<string, TopicProof[]>();
  for (const topic of topics) {
    const checks = topic.project?.checks;
    const h = hands.get(topic.id);
    if (!checks?.length || !h?.lastPassingCheck || !isProven(h, checksFingerprint(checks))) continue;
    const run = h.lastPassingCheck;
    const proof = { project: topic.id, title: topic.title, passed: run.passed, total: run.total, at: run.at };
    for (const id of new Set(topic.project!.proves)) {
      if (id === topic.id) continue;
      const list = out.get(id);
      if (list) list.push(proof);
      else out.set(id, [proof]);
    }
  }
  return out;
}

/**
 * A topic's mastery and completeness with its proof taken in (see above). `poorQuiz`: its quiz
 * score is below the "poor" line, which keeps it open.
 */
export function withProof(
  mastery: number,
  complete: boolean,
  poorQuiz: boolean,
  proofs: readonly TopicProof[] | undefined,
): { mastery: number; complete: boolean } {
  if (!proofs?.length) return { mastery, complete };
  return { mastery: Math.max(mastery, PROOF.floor), complete: complete || !poorQuiz };
}
