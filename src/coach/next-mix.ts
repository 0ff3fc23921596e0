import { describeBand, readBand, type Ability } from './ability.js';
import type { TopicFacts } from './facts.js';
import type { Recommendation } from './types.js';

/**
 * A full `next` (issue 15): the ranked list mixed with steps of kinds it lacks, so that the
 * learner sees more than one sort of thing to do. Pure and deterministic.
 *
 * The kinds ("groups"): re-checks that are due, new learning, assessments, a topic where the
 * learner was over-confident, hands-on work (a project, a proof, an exercise), the job search.
 * Side steps (an area the learner probably knows, the next project, exercises) are added only for
 * a group the list does not have yet; when the list is full, one takes the place of the last step
 * of a group that appears more than once, so nothing of a kind shown only once is pushed out.
 * Two steps never say the same thing: the same topic, or the same command.
 */
export type StepGroup = 'review' | 'learn' | 'assess' | 'likely-known' | 'over-confident' | 'hands-on' | 'job';

/** A step to mix in, with its group (an assessment of an area the learner probably knows is its own kind). */
export interface SideStep {
  step: Recommendation;
  group: StepGroup;
}

export function groupOf(r: Recommendation, byId: ReadonlyMap<string, TopicFacts>): StepGroup {
  switch (r.kind) {
    case 'review':
      return r.topic !== undefined && byId.get(r.topic)?.misjudged ? 'over-confident' : 'review';
    case 'assess':
      return 'assess';
    case 'project':
    case 'prove':
      return 'hands-on';
    case 'job':
    case 'apply':
    case 'follow-up':
      return 'job';
    case 'start':
    case 'learn':
    case 'certificate':
      return 'learn';
    default:
      // Kinds added later (e.g. exercises, issue 17) are hands-on unless listed above.
      return 'hands-on';
  }
}

/** The same topic or the same command: the two steps would say the same thing. */
export function sameStep(a: Recommendation, b: Recommendation): boolean {
  if (a.topic !== undefined && a.topic === b.topic) return true;
  const ca = a.action.command;
  return ca !== undefined && ca === b.action.command;
}

export function mixSteps(
  main: readonly Recommendation[],
  sides: readonly SideStep[],
  limit: number,
  byId: ReadonlyMap<string, TopicFacts>,
): Recommendation[] {
  const out: Recommendation[] = [];
  const groups = new Map<Recommendation, StepGroup>();
  const group = (r: Recommendation) => groups.get(r) ?? groupOf(r, byId);
  for (const r of main) if (out.length < limit && !out.some((o) => sameStep(o, r))) out.push(r);
  for (const { step: side, group: g } of sides) {
    if (out.some((o) => sameStep(o, side) || group(o) === g)) continue;
    groups.set(side, g);
    if (out.length < limit) {
      out.push(side);
      continue;
    }
    const counts = new Map<StepGroup, number>();
    for (const o of out) counts.set(group(o), (counts.get(group(o)) ?? 0) + 1);
    for (let i = out.length - 1; i >= 0; i--)
      if ((counts.get(group(out[i]!)) ?? 0) > 1) {
        out.splice(i, 1);
        out.push(side);
        break;
      }
  }
  return out;
}

/**
 * Down to `limit` steps, dropping the last step of a kind the list shows more than once (else the
 * last): a step added after the mix (an exercise) must not push out the only step of its kind.
 */
export function trimToLimit(
  steps: readonly Recommendation[],
  limit: number,
  byId: ReadonlyMap<string, TopicFacts>,
): Recommendation[] {
  const out = [...steps];
  while (out.length > Math.max(0, limit)) {
    const counts = new Map<StepGroup, number>();
    for (const o of out) counts.set(groupOf(o, byId), (counts.get(groupOf(o, byId)) ?? 0) + 1);
    let i = out.length - 1;
    while (i > 0 && (counts.get(groupOf(out[i]!, byId)) ?? 0) < 2) i--;
    out.splice((counts.get(groupOf(out[i]!, byId)) ?? 0) > 1 ? i : out.length - 1, 1);
  }
  return out;
}

/** Self-ratings of 3+ on average ("confident") or a likely band of intermediate or better. */
const LIKELY_RATING = 3;

/**
 * An area the learner probably knows but has not been quizzed on in full: its self-ratings average
 * 3 or more, or the few answers it has (a placement) put them at intermediate or better, and some
 * of its topics still have no answers. Offered as "assess it": a full quiz shows what to skip.
 * `abilityOf` gives the area's Rasch estimate (area-ability.ts), undefined without answers; it is
 * asked only for an area with open topics.
 */
export function likelyKnownAssessment(
  topics: readonly TopicFacts[],
  abilityOf: () => Ability | undefined,
): Recommendation | undefined {
  const area = topics[0]?.area;
  if (!area || area.stage !== 'skills') return undefined;
  const open = topics.filter((f) => !f.skipped && !f.complete && f.quiz.answered === 0 && f.topic.questions.length);
  if (open.length === 0) return undefined;
  const ability = abilityOf();
  const rated = topics.filter((f) => f.rating !== undefined);
  const average = rated.length ? rated.reduce((s, f) => s + f.rating!, 0) / rated.length : undefined;
  const likely = ability && ability.answered > 0 ? readBand(ability).likely : undefined;
  const byAnswers = likely === 'intermediate' || likely === 'advanced';
  const byRating = average !== undefined && average >= LIKELY_RATING && (likely === undefined || byAnswers);
  if (!byAnswers && !byRating) return undefined;
  const answered = topics.reduce((s, f) => s + f.quiz.answered, 0);
  const right = topics.reduce((s, f) => s + f.quiz.correct, 0);
  const evidence = byAnswers
    ? `Your ${answered} ${answered === 1 ? 'answer' : 'answers'} in ${area.title} (${right} right) put you at ${describeBand(ability!)}`
    : `You rated yourself ${average!.toFixed(1)}/4 on average on ${rated.length} of its topics`;
  const command = `pyroad assess ${area.id}`;
  return {
    kind: 'assess',
    area: area.id,
    title: `Assess ${area.title}`,
    reason: `${evidence}, and ${open.length} of its ${topics.length} topics have no answers yet; a full quiz shows which you can skip.`,
    action: { text: `Run: ${command}`, command },
  };
}
