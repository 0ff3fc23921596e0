import { checksFingerprint } from '../check/fingerprint.js';
import type { Topic } from '../roadmap/schema.js';
import { isProven, passedLatestFullRun, type HandsOn } from './evidence.js';
import type { Recommendation } from './types.js';

/**
 * What a project's HTTP checks (`pyroad check`) say about it, for `next`, `show` and `status`.
 * Pure: the runs come from the journal (evidence.ts).
 */

const day = (iso: string) => iso.slice(0, 10);

/** "proven by 18/18 checks on 2026-12-04", when the checks as they are now all passed in a full run. */
export function proofOf(topic: Topic, h: HandsOn | undefined): string | undefined {
  const checks = topic.project?.checks;
  if (!checks?.length || !h?.lastPassingCheck) return undefined;
  const run = h.lastPassingCheck;
  if (!isProven(h, checksFingerprint(checks))) return undefined;
  return `proven by ${run.passed}/${run.total} checks on ${day(run.at)}`;
}

/** One line on the latest run: proof, or how far the last full run got. Undefined before any run. */
export function checkLine(topic: Topic, h: HandsOn | undefined): string | undefined {
  const proof = proofOf(topic, h);
  if (proof) return proof;
  const run = h?.lastFullCheck ?? h?.lastCheck;
  if (!run || !topic.project?.checks?.length) return undefined;
  const passing = h?.lastPassingCheck;
  const stale = !passing
    ? ''
    : passedLatestFullRun(h)
      ? ' (the checks have changed since it last passed)'
      : ` (it passed ${passing.passed}/${passing.total} on ${day(passing.at)}; run them all again to prove it)`;
  return `last check run on ${day(run.at)}: ${run.passed}/${run.total} passed${run.subset ? ' (a subset)' : ''}${stale}`;
}

const names = (ids: readonly string[], max = 3) =>
  ids.length <= max ? ids.join(', ') : `${ids.slice(0, max).join(', ')} and ${ids.length - max} more`;

/**
 * The `next` step for a project with checks that the learner has started (marked it as learning,
 * or run its checks) and not yet proven: run the checks, naming the ones that failed last time.
 * Undefined when the usual project step fits better.
 */
export function checkStep(
  topic: Topic,
  status: string,
  h: HandsOn | undefined,
  base: Pick<Recommendation, 'area' | 'topic' | 'title'>,
): Recommendation | undefined {
  const checks = topic.project?.checks;
  if (!checks?.length || proofOf(topic, h)) return undefined;
  const last = h?.lastCheck;
  if (status !== 'learning' && !last) return undefined;
  const command = `pyroad check ${topic.id}`;
  const action = { text: `Start your server, then run: ${command}`, command };
  if (last && last.failed.length)
    return {
      ...base,
      kind: 'project',
      reason: `Its last check run (${day(last.at)}) passed ${last.passed} of ${last.total}; still failing: ${names(last.failed)}.`,
      action,
    };
  if (last)
    return {
      ...base,
      kind: 'project',
      reason: `Its last check run passed, but not as a full run of the current ${checks.length} checks; a full run proves it.`,
      action,
    };
  return {
    ...base,
    kind: 'project',
    reason: `You are building it; its ${checks.length} checks test your server against the contract and record the proof.`,
    action,
  };
}
