/** `--answers`: an assessment recorded without prompts, through the same session as the terminal flow. */
import { dataError } from '../errors.js';
import { plural } from '../render/text.js';
import { renamesOf } from '../roadmap/renames.js';
import { parseAnswers } from './answers.js';
import { Recorder, type AssessDeps } from './run.js';
import { QuizSession, scriptedPlan } from './session.js';
import { buildSummary, type AssessSummary } from './summary.js';

/** Validates the whole file first and records nothing unless all of it is right (exit 1). */
export function runScripted(deps: AssessDeps, text: string, source: string, areaArg?: string): AssessSummary {
  const parsed = parseAnswers(text, deps.index, areaArg);
  if (!parsed.ok)
    throw dataError(
      `${source}: ${plural(parsed.problems.length, 'problem')}, nothing was recorded:`,
      parsed.problems.map((p) => `  ${p}`),
    );
  const state = deps.store.load(renamesOf(deps.index.roadmap));
  const recorder = new Recorder(deps.store, state);
  const session = new QuizSession(scriptedPlan(parsed.area, state, parsed.script, deps.newId()));
  const at = () => deps.now().toISOString();
  recorder.save(session.start(at()));
  for (let step = session.current(); step.kind !== 'done'; step = session.current()) {
    if (step.kind === 'rate') recorder.save(session.rate(parsed.script.ratings.get(step.topic.id)!, at()));
    else recorder.save(session.answer(parsed.script.answers.get(step.question.id)!, at()).events);
  }
  recorder.save(session.end(at()));
  return buildSummary(session.result(), parsed.area, deps.coach?.(state, parsed.area.id));
}
