import type { TopicFacts } from './facts.js';
import { groupOf } from './next-mix.js';
import type { Recommendation } from './types.js';

/**
 * Over-confidence in a full `next` (issue 15): a topic rated 3+ whose quiz went poorly is the
 * costliest gap, and a learner who misjudged one often misjudged several. The list names them
 * without flooding it: the step on the first one (recommend.ts ranks it first) says how many more
 * there are and names the worst; when the worst other one is in another area and ready to study,
 * it gets a step of its own. Never two steps on the same topic. Pure.
 */

/** How far the answers fall below the self-rating: rating/4 minus the quiz score. */
const overshoot = (f: TopicFacts): number => (f.rating ?? 0) / 4 - (f.quiz.quizScore ?? 0);

/** The misjudged topics still to learn, the worst first (ties in path order). */
export function overConfidentTopics(facts: readonly TopicFacts[]): TopicFacts[] {
  return facts
    .filter((f) => f.misjudged && !f.skipped)
    .sort((a, b) => overshoot(b) - overshoot(a) || a.index - b.index);
}

const rightOf = (f: TopicFacts) => `${f.quiz.correct} of ${f.quiz.answered} right`;

/** "Functions (1 of 5 right) and Classes (1 of 4 right)"; "A (…), B (…) and 2 more". */
function named(list: readonly TopicFacts[]): string {
  const shown = list.slice(0, 2).map((f) => `${f.topic.title} (${rightOf(f)})`);
  if (list.length > 2) return `${shown.join(', ')} and ${list.length - 2} more`;
  return shown.join(' and ');
}

export interface OverConfidenceInput {
  facts: readonly TopicFacts[];
  byId: ReadonlyMap<string, TopicFacts>;
  limit: number;
  /** Whether a topic's prerequisites are met (recommend.ts). */
  ready: (f: TopicFacts) => boolean;
  /** The step for a topic, as recommend.ts words it (a misjudged topic: "review it"). */
  stepFor: (f: TopicFacts) => Recommendation;
  /** Only steps in this area (`next --area`). */
  area?: string | undefined;
}

export function withOverConfidence(steps: readonly Recommendation[], input: OverConfidenceInput): Recommendation[] {
  const { byId, limit } = input;
  const out = [...steps];
  const misjudged = overConfidentTopics(input.facts).filter(
    (f) => input.area === undefined || f.area.id === input.area,
  );
  const lead = out.findIndex((r) => r.topic !== undefined && byId.get(r.topic)?.misjudged);
  if (lead < 0 || misjudged.length < 2) return out;
  const shown = new Set(out.map((r) => r.topic).filter((t) => t !== undefined));
  const leadArea = out[lead]!.area;
  const second = misjudged.find((f) => f.area.id !== leadArea && !shown.has(f.topic.id) && input.ready(f));
  if (second) {
    const step = input.stepFor(second);
    if (out.length < limit) out.splice(lead + 1, 0, step);
    else {
      // Full: it takes the place of the last step of a kind the list shows more than once.
      const count = (r: Recommendation) => out.filter((o) => groupOf(o, byId) === groupOf(r, byId)).length;
      const i = out.findLastIndex((r, j) => j !== lead && count(r) > 1);
      if (i >= 0) {
        out.splice(i, 1);
        out.splice(lead + 1, 0, step);
      }
    }
  }
  const inList = new Set(out.map((r) => r.topic).filter((t) => t !== undefined));
  const rest = misjudged.filter((f) => !inList.has(f.topic.id));
  if (rest.length) {
    const r = out[lead]!;
    out[lead] = {
      ...r,
      // Still one sentence: the count and the worst of the others, after a semicolon.
      reason: `${r.reason.replace(/\.$/, '')}; your answers fell short of your rating on ${rest.length} more ${rest.length === 1 ? 'topic' : 'topics'} too: ${named(rest)}.`,
    };
  }
  return out;
}
