/**
 * Finding a placement to resume: the latest placement session in the journal (its answers carry
 * `source: "placement"` and one session id). A placement is a function of its answers
 * (placement.ts), so replaying them tells whether it was finished; one that was not is offered
 * again, its answers kept. Pure: reads the progress state, no I/O.
 */
import { KIND, PLACEMENT_FLAG } from '../progress/log.js';
import type { ProgressState } from '../progress/state.js';
import type { Area } from '../roadmap/schema.js';
import { Placement, type EarlierAnswer } from './placement.js';

export interface PlacementSession {
  session: string;
  /** When its first answer was given, as written in the journal. */
  started: string;
  answers: EarlierAnswer[];
}

/** The latest placement session (the one whose last answer comes last in the journal), if any. */
export function latestPlacement(
  state: Pick<ProgressState, 'log'>,
  renames?: ReadonlyMap<string, string>,
): PlacementSession | undefined {
  const { log } = state;
  let latest = -1;
  for (let i = log.length - 1; i >= 0 && latest < 0; i--)
    if (log.kind[i] === KIND.answer && log.flag[i]! & PLACEMENT_FLAG && log.session[i]! >= 0) latest = log.session[i]!;
  if (latest < 0) return undefined;
  const answers: EarlierAnswer[] = [];
  let started = '';
  for (let i = 0; i < log.length; i++) {
    if (log.kind[i] !== KIND.answer || log.session[i] !== latest || !(log.flag[i]! & PLACEMENT_FLAG)) continue;
    if (!started) started = log.at(i);
    const question = log.strings[log.ref[i]!]!;
    answers.push({ question: renames?.get(question) ?? question, correct: (log.flag[i]! & 1) === 1 });
  }
  return { session: log.strings[latest]!, started, answers };
}

/** The latest placement when it stopped before its end (Ctrl-C, a closed terminal), else undefined. */
export function unfinishedPlacement(
  state: Pick<ProgressState, 'log'>,
  areas: readonly Area[],
  renames?: ReadonlyMap<string, string>,
): PlacementSession | undefined {
  const last = latestPlacement(state, renames);
  if (!last) return undefined;
  const replay = new Placement(areas, { seed: 0, earlier: last.answers });
  return replay.resumed > 0 && replay.current().kind !== 'done' ? last : undefined;
}
