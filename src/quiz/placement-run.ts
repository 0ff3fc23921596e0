/**
 * Drives a placement (placement.ts): from the terminal, or from an `--answers` file. Every answer
 * is saved the moment it is given, as an answer event marked `source: "placement"`, so it feeds
 * mastery (weighed as a placement answer: coach/mastery.ts) and Ctrl-C loses nothing answered.
 */
import { didYouMean } from '../didyoumean.js';
import { EXIT, PyroadError, dataError } from '../errors.js';
import type { AnswerEvent } from '../progress/schema.js';
import { PromptCancelled } from '../prompts.js';
import { questionView, renderFeedback } from '../render/quiz.js';
import { plural, wrap } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';
import { renamesOf } from '../roadmap/renames.js';
import { MAX_RATING } from './session.js';
import { Placement, type PlacementQuestion } from './placement.js';
import { unfinishedPlacement, type PlacementSession } from './placement-resume.js';
import { buildPlacementMap, type PlacementMap } from './placement-map.js';
import { seededShuffle } from './random.js';
import { Recorder, type AssessDeps, type Screen } from './run.js';
import { jsonSyntaxMessage } from '../json-error.js';
import { askFitting } from './redraw.js';

/** The answer event for a placement answer. */
function answerEvent(step: PlacementQuestion, choice: number, session: string, at: string): AnswerEvent {
  return {
    e: 'answer',
    at,
    topic: step.topic.id,
    question: step.question.id,
    choice,
    correct: choice === step.question.answer,
    session,
    source: 'placement',
  };
}

/** A placement's choice order for one question: repeatable for the seed. */
export const choiceOrder = (step: PlacementQuestion, seed: number): number[] =>
  step.question.shuffle === false
    ? step.question.choices.map((_, k) => k)
    : seededShuffle(
        step.question.choices.map((_, k) => k),
        seed,
        step.question.id,
      );

/**
 * A placement file: `{"ratings": {topic: 0..4}, "answers": {question: index}}`. The placement
 * asks only questions the file answers, adaptively as at a terminal; the rest are not used.
 * Every id and value is checked first; nothing is recorded unless all of it is right.
 */
function parsePlacementFile(
  text: string,
  deps: AssessDeps,
): { ratings: Map<string, number>; answers: Map<string, number> } | string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return [`not valid JSON: ${jsonSyntaxMessage(error)}`];
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return ['the file: expected a JSON object'];
  const problems: string[] = [];
  const record = (key: string): Record<string, unknown> => {
    const value = (data as Record<string, unknown>)[key];
    if (value === undefined) return {};
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
    problems.push(`${key}: expected an object`);
    return {};
  };
  for (const key of Object.keys(data))
    if (key !== 'ratings' && key !== 'answers' && key !== 'placement')
      problems.push(`${key}: unknown field${didYouMean(key, ['ratings', 'answers', 'placement'])}`);
  const whole = (v: unknown, max: number): v is number =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= max;
  const ratings = new Map<string, number>();
  for (const [id, value] of Object.entries(record('ratings'))) {
    if (!deps.index.topics.has(id))
      problems.push(`ratings.${id}: unknown topic${didYouMean(id, deps.index.topics.keys())}`);
    else if (!whole(value, MAX_RATING))
      problems.push(`ratings.${id}: a rating is a whole number from 0 to ${MAX_RATING}, got ${JSON.stringify(value)}`);
    else ratings.set(id, value);
  }
  const answers = new Map<string, number>();
  for (const [id, value] of Object.entries(record('answers'))) {
    const found = deps.index.questions.get(id);
    if (!found) problems.push(`answers.${id}: unknown question${didYouMean(id, deps.index.questions.keys())}`);
    else if (!whole(value, found.question.choices.length - 1))
      problems.push(
        `answers.${id}: an answer is a choice index from 0 to ${found.question.choices.length - 1}, got ${JSON.stringify(value)}`,
      );
    else answers.set(id, value);
  }
  if (problems.length === 0 && answers.size === 0) problems.push('answers: the placement needs answers to ask from');
  return problems.length ? problems : { ratings, answers };
}

/** `assess --placement --answers FILE`: the placement without prompts. */
export function runScriptedPlacement(deps: AssessDeps, text: string, source: string, seed: number): PlacementMap {
  const parsed = parsePlacementFile(text, deps);
  if (Array.isArray(parsed))
    throw dataError(
      `${source}: ${plural(parsed.length, 'problem')}, nothing was recorded:`,
      parsed.map((p) => `  ${p}`),
    );
  const renames = renamesOf(deps.index.roadmap);
  const state = deps.store.load(renames);
  const recorder = new Recorder(deps.store, state);
  // A placement stopped before its end goes on: a script cannot be asked, and its answers are kept.
  const open = unfinishedPlacement(state, deps.index.roadmap.areas, renames.questions);
  const earlier = new Set(open?.answers.map((a) => a.question));
  const session = open?.session ?? deps.newId();
  const at = () => deps.now().toISOString();
  recorder.save([...parsed.ratings].map(([topic, value]) => ({ e: 'rating', at: at(), topic, value })));
  const placement = new Placement(deps.index.roadmap.areas, {
    seed,
    eligible: (q) => parsed.answers.has(q.id) || earlier.has(q.id),
    ...(open ? { earlier: open.answers } : {}),
  });
  for (let step = placement.current(); step.kind !== 'done'; step = placement.current()) {
    const event = answerEvent(step, parsed.answers.get(step.question.id)!, session, at());
    recorder.save([event]);
    placement.answer(event.correct);
  }
  return buildPlacementMap(session, placement.results(), deps.index.roadmap.areas, state, true, placement.resumed);
}

/** "You stopped the placement on 2026-03-02 after 7 answers. Pick up where you stopped?" */
async function askResume(open: PlacementSession, screen: Screen): Promise<boolean> {
  return screen.prompts.confirm({
    message: `You stopped the placement on ${open.started.slice(0, 10)} after ${plural(open.answers.length, 'answer')}. Pick up where you stopped?`,
    default: true,
  });
}

/** The placement at a terminal: one question at a time, feedback after each. */
export async function runInteractivePlacement(deps: AssessDeps, screen: Screen, seed: number): Promise<PlacementMap> {
  const renames = renamesOf(deps.index.roadmap);
  const state = deps.store.load(renames);
  const recorder = new Recorder(deps.store, state);
  let saved = 0;
  let placement: Placement | undefined;
  let session = '';
  // The feedback on the last answer, at the width of the moment (redrawn after a resize).
  let feedback: (() => string) | undefined;
  try {
    const open = unfinishedPlacement(state, deps.index.roadmap.areas, renames.questions);
    const resume = open !== undefined && (await askResume(open, screen));
    session = resume ? open.session : deps.newId();
    const current = new Placement(deps.index.roadmap.areas, { seed, ...(resume ? { earlier: open.answers } : {}) });
    placement = current;
    if (current.resumed)
      screen.print(screen.style.dim(`Resuming the placement: ${plural(current.resumed, 'answer')} kept.`));
    let lastArea = '';
    for (let step = current.current(); step.kind !== 'done'; step = current.current()) {
      const order = choiceOrder(step, seed);
      if (step.again && step.area.id !== lastArea)
        screen.print(
          screen.style.dim(
            wrap(
              `Back to ${untrusted(step.area.title, { oneLine: true })}: your answers there were mixed, so a few more questions settle it.`,
              screen.columns,
            ),
          ),
        );
      lastArea = step.area.id;
      const shown = step;
      const choice = await askFitting(
        screen,
        () =>
          questionView(
            {
              kind: 'question',
              topic: shown.topic,
              question: shown.question,
              order,
              number: shown.number,
              total: current.maxQuestions,
            },
            shown.again ? `Placement · ${shown.area.title} · again` : `Placement · ${shown.area.title}`,
            screen.style,
            screen.columns,
            screen.rows,
          ),
        () => feedback?.(),
      );
      const event = answerEvent(step, choice, session, deps.now().toISOString());
      recorder.save([event]);
      saved++;
      current.answer(event.correct);
      const answered = { topic: step.topic, question: step.question, chosen: choice, correct: event.correct };
      feedback = () => renderFeedback(answered, order, screen.style, screen.columns);
      screen.print(feedback());
    }
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    const kept = saved + (placement?.resumed ?? 0);
    throw new PyroadError(
      saved
        ? `interrupted: ${plural(saved, 'placement answer')} saved; \`pyroad assess --placement\` resumes`
        : kept
          ? 'interrupted: nothing new was saved; `pyroad assess --placement` resumes'
          : 'interrupted: nothing was saved',
      EXIT.interrupted,
    );
  }
  return buildPlacementMap(session, placement.results(), deps.index.roadmap.areas, state, true, placement.resumed);
}
