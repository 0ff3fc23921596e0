/**
 * Drives a quiz session from the terminal, prompts through src/prompts.ts (scripted.ts drives one
 * from an `--answers` file). Every event is saved the moment the session returns it, so Ctrl-C
 * loses nothing that was answered. Returns the summary; printing it is the command's job.
 */
import { displayWidth } from '../render/width.js';
import type { Summary } from '../coach/types.js';
import { EXIT, PyroadError } from '../errors.js';
import type { ProgressEvent } from '../progress/schema.js';
import {
  sessionRatings,
  unfinishedSession,
  type ProgressState,
  type Renames,
  type SessionInfo,
} from '../progress/state.js';
import { renamesOf } from '../roadmap/renames.js';
import { PromptCancelled, type Prompts } from '../prompts.js';
import { areaChoiceName } from '../render/quiz-summary.js';
import { questionView, rateView, renderFeedback, type View } from '../render/quiz.js';
import type { Style } from '../render/style.js';
import { plural, wrap } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';
import { findArea, type RoadmapIndex } from '../roadmap/query.js';
import type { Area } from '../roadmap/schema.js';
import { streamKey } from './random.js';
import { areaStatuses, defaultArea } from './picker.js';
import { QuizSession, planSession, type Step } from './session.js';
import { buildSummary, type AssessSummary } from './summary.js';
import { askFitting } from './redraw.js';

/** The progress store as the quiz needs it (see src/progress/store.ts). */
export interface EventStore {
  load(renames?: Renames): ProgressState;
  append(events: ProgressEvent[]): void;
}

export interface AssessDeps {
  index: RoadmapIndex;
  store: EventStore;
  now(): Date;
  /** A fresh session id. */
  newId(): string;
  /**
   * The coach's view of the progress, if there is a coach to ask; with `area`, its
   * recommendations favour that area (the summary after assessing it).
   */
  coach?(state: ProgressState, area?: string): Summary;
}

export interface Screen {
  prompts: Prompts;
  print(text?: string): void;
  style: Style;
  columns: number;
  rows: number;
  /** Calls `listener` each time the terminal is resized; returns how to stop. Absent: no terminal. */
  onResize?(listener: () => void): () => void;
  /** Clears the terminal's screen (the scroll-back keeps what was on it). */
  clear?(): void;
}

export interface SessionChoices {
  questionsPerTopic: number;
  /** Default: derived from the session id, so a resumed session shows the same orders. */
  seed?: number;
  quick: boolean;
  retake: boolean;
  /** Ask every planned question, not stopping once the estimate is clear. */
  full?: boolean;
}

/** Appends events to the store and folds them into the in-memory state, so nothing is re-read. */
export class Recorder {
  constructor(
    private readonly store: EventStore,
    readonly state: ProgressState,
  ) {}

  save(events: ProgressEvent[]): void {
    if (events.length === 0) return;
    this.store.append(events);
    for (const event of events) this.state.apply(event);
  }
}

/** Turns steps into screens and inputs into saved events, for the terminal loop and the bench. */
export class Driver {
  constructor(
    readonly session: QuizSession,
    private readonly recorder: Recorder,
    private readonly screen: Pick<Screen, 'style' | 'columns' | 'rows'>,
    private readonly now: () => Date,
  ) {}

  /** The feedback on the last answer, drawn at the screen's width now (for a redraw). */
  private feedback: (() => string) | undefined;

  /** What the last apply() returned, redrawn at the current width; undefined if nothing. */
  lastFeedback(): string | undefined {
    return this.feedback?.();
  }

  view(step: Exclude<Step, { kind: 'done' }>): View {
    const { style, columns, rows } = this.screen;
    const title = this.session.plan.area.title;
    return step.kind === 'rate'
      ? rateView(step, title, style, columns)
      : questionView(step, title, style, columns, rows);
  }

  /** Applies the answer to the current step, saves it, and returns the feedback to print, if any. */
  apply(value: number): string | undefined {
    const step = this.session.current();
    const at = this.now().toISOString();
    if (step.kind === 'rate') {
      this.recorder.save(this.session.rate(value, at));
      const skipped = this.session.skipped.get(step.topic.id);
      this.feedback = skipped
        ? () =>
            this.screen.style.dim(
              wrap(
                `No questions on ${untrusted(step.topic.title, { oneLine: true })}: you have never heard of it (${plural(skipped, 'question')} skipped).`,
                this.screen.columns,
              ),
            )
        : undefined;
      return this.lastFeedback();
    }
    if (step.kind !== 'question') throw new Error('the session is done');
    const { events, feedback } = this.session.answer(value, at);
    this.recorder.save(events);
    this.feedback = () => renderFeedback(feedback, step.order, this.screen.style, this.screen.columns);
    return this.lastFeedback();
  }

  start(): void {
    this.recorder.save(this.session.start(this.now().toISOString()));
  }

  end(): void {
    this.recorder.save(this.session.end(this.now().toISOString()));
  }
}

function interrupted(saved: { answers: number; ratings: number }, area?: Area): PyroadError {
  if (saved.answers + saved.ratings === 0) return new PyroadError('interrupted: nothing was saved', EXIT.interrupted);
  const what = saved.answers
    ? `${plural(saved.answers, 'answer')} saved${saved.ratings ? ` (and ${plural(saved.ratings, 'rating')})` : ''}`
    : `${plural(saved.ratings, 'rating')} saved`;
  const hint = area ? `; \`pyroad assess ${area.id}\` resumes` : '';
  return new PyroadError(`interrupted: ${what}${hint}`, EXIT.interrupted);
}

async function pickArea(deps: AssessDeps, state: ProgressState, screen: Screen): Promise<Area> {
  const statuses = areaStatuses(deps.index, state, deps.coach?.(state));
  const chosen = await askFitting(screen, () => {
    // "❯ " + title + two spaces + state, within the terminal's width.
    const titleWidth = Math.min(
      36,
      Math.max(...statuses.map((s) => displayWidth(s.title))),
      Math.max(12, screen.columns - 20),
    );
    const room = Math.max(12, screen.columns - 4 - titleWidth - 1);
    return {
      select: {
        message: 'Which area do you want to assess?',
        choices: statuses.map((s) => ({
          value: s.area,
          name: areaChoiceName(s, screen.style, titleWidth, room),
          short: s.title,
        })),
        ...(defaultArea(statuses) ? { default: defaultArea(statuses)! } : {}),
        pageSize: Math.max(5, Math.min(statuses.length, screen.rows - 4)),
      },
    };
  });
  return deps.index.areas.get(chosen)!;
}

const areaTopics = (area: Area): Set<string> => new Set(area.topics.map((t) => t.id));

async function askResume(area: Area, open: SessionInfo, state: ProgressState, screen: Screen): Promise<boolean> {
  const when = open.started.slice(0, 10);
  const rated = sessionRatings(state, open, areaTopics(area)).size;
  const done = [
    ...(rated > 0 ? [plural(rated, 'rating')] : []),
    ...(open.answered.size > 0 || rated === 0 ? [plural(open.answered.size, 'answer')] : []),
  ].join(' and ');
  return screen.prompts.confirm({
    message: `You stopped assessing ${area.title} on ${when} after ${done}. Pick up where you stopped?`,
    default: true,
  });
}

/** The interactive flow: pick the area, offer to resume, rate and answer, summarize. */
export async function runInteractive(
  deps: AssessDeps,
  screen: Screen,
  options: SessionChoices & { area?: string },
): Promise<AssessSummary> {
  const state = deps.store.load(renamesOf(deps.index.roadmap));
  const recorder = new Recorder(deps.store, state);
  let area: Area | undefined;
  let session: QuizSession | undefined;
  try {
    area = options.area !== undefined ? findArea(deps.index, options.area) : await pickArea(deps, state, screen);
    const open = unfinishedSession(state, area.id);
    let resume: SessionInfo | undefined;
    if (open) {
      // --retake asks for a fresh take: the unfinished session is closed, not offered; so is one
      // that recorded nothing (its run ended before the first rating: a closed terminal, a kill).
      const empty = open.answered.size === 0 && sessionRatings(state, open, areaTopics(area)).size === 0;
      if (!options.retake && !empty && (await askResume(area, open, state, screen))) resume = open;
      // Declined (or a retake): close it, so it is not offered again.
      else
        recorder.save([{ e: 'session', at: deps.now().toISOString(), session: open.id, area: area.id, phase: 'end' }]);
    }
    const id = resume?.id ?? deps.newId();
    session = new QuizSession(
      planSession(area, state, {
        id,
        questionsPerTopic: options.questionsPerTopic,
        seed: options.seed ?? streamKey(0, id),
        quick: options.quick,
        retake: options.retake,
        adaptive: !options.full,
        ...(resume ? { resume } : {}),
      }),
    );
    const driver = new Driver(session, recorder, screen, deps.now);
    driver.start();
    if (resume)
      screen.print(
        screen.style.dim(
          resume.answered.size
            ? `Resuming: ${plural(resume.answered.size, 'answer')} already saved.`
            : 'Resuming where you stopped.',
        ),
      );
    for (let step = session.current(); step.kind !== 'done'; step = session.current()) {
      const shown = step;
      const value = await askFitting(
        screen,
        () => driver.view(shown),
        () => driver.lastFeedback(),
      );
      const feedback = driver.apply(value);
      if (feedback) screen.print(feedback);
    }
    driver.end();
    if (session.stoppedEarly)
      screen.print(
        screen.style.dim(
          wrap(
            `Stopped early: your answers already place you clearly (${plural(session.stoppedEarly, 'question')} not asked; \`--full\` asks them all).`,
            screen.columns,
          ),
        ),
      );
  } catch (error) {
    if (!(error instanceof PromptCancelled)) throw error;
    const saved = session?.result().saved ?? { answers: 0, ratings: 0 };
    // A new session stopped before its first rating holds nothing to resume: close it.
    if (session && !session.plan.resumed && saved.answers + saved.ratings === 0)
      recorder.save([
        {
          e: 'session',
          at: deps.now().toISOString(),
          session: session.plan.session,
          area: session.plan.area.id,
          phase: 'end',
        },
      ]);
    throw interrupted(saved, session ? area : undefined);
  }
  return buildSummary(session.result(), area, deps.coach?.(state, area.id));
}
