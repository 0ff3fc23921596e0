/**
 * The assess session as a pure state machine: a plan is made from the area and the progress so
 * far, then each input (a self-rating, a chosen answer) moves it one step and returns the progress
 * events to record. No I/O, no prompts, no colour: the driver (run.ts) saves the events and draws
 * the steps; tests drive it directly.
 */
import { MASTERY, calibrationGap, calibrationOf } from '../coach/mastery.js';
import type { Calibration } from '../coach/types.js';
import type { AnswerEvent, ProgressEvent } from '../progress/schema.js';
import { sessionRatings, type ProgressState, type SessionInfo } from '../progress/state.js';
import type { Area, Question, Topic } from '../roadmap/schema.js';
import { estimateAbility, stopReason, type Response, type StopRule } from '../coach/ability.js';
import { seededShuffle } from './random.js';

export const MAX_RATING = 4;
/** "Never heard of it": an interactive session asks no questions on a topic rated this. */
export const UNKNOWN_RATING = 0;

export interface SessionOptions {
  /** The session id; when resuming, the id of the session being resumed. */
  id: string;
  /** At most this many questions per topic, counting those already answered in a resumed session. */
  questionsPerTopic: number;
  seed: number;
  /** Self-ratings only. */
  quick?: boolean;
  /** Pick questions as if none had been answered before. */
  retake?: boolean;
  /** The unfinished session to continue (see `unfinishedSession`). */
  resume?: SessionInfo;
  /**
   * Stop once the area's estimate is clear (AREA_STOP), still asking one question of every topic
   * it rates; without it every planned question is asked (`--full`).
   */
  adaptive?: boolean;
}

/**
 * When an adaptive area quiz may stop: the interval θ ± 1 SE from this session's answers lies in
 * one band (ability.ts), after at least 3 answers. No cap: the plan's questions are the cap.
 */
export const AREA_STOP: StopRule = { min: 3, cap: Number.POSITIVE_INFINITY, seBelow: 0.5, clearZ: 1 };

/** What the session does for one topic. */
export interface TopicPlan {
  topic: Topic;
  /** Ask for a self-rating (false when it was given earlier in the resumed session, or not scripted). */
  rate: boolean;
  /** The rating given earlier in the resumed session. */
  ratedBefore?: number;
  /** The latest rating on record, offered as the default. */
  previousRating?: number;
  /** Answers given earlier in the resumed session: they count in the score and the progress line. */
  answeredBefore: AnswerEvent[];
  /** Questions still to ask, in order. */
  questions: Question[];
}

export interface Plan {
  area: Area;
  session: string;
  seed: number;
  resumed: boolean;
  quick: boolean;
  /**
   * Drop a topic's questions once it is rated 0 ("never heard of it"): quizzing someone on what
   * they have never met measures only guessing. Interactive sessions do; scripted ones record
   * exactly what the file gives.
   */
  skipUnknown: boolean;
  /** Stop early once the estimate is clear (SessionOptions.adaptive). */
  adaptive?: boolean;
  topics: TopicPlan[];
}

export type Step =
  | { kind: 'rate'; topic: Topic; number: number; count: number; previous?: number }
  | {
      kind: 'question';
      topic: Topic;
      question: Question;
      /** Display order: `order[i]` is the index in the roadmap file of the i-th choice shown. */
      order: number[];
      /** 1-based position among the session's questions, and how many there are. */
      number: number;
      total: number;
    }
  | { kind: 'done' };

export interface Feedback {
  topic: Topic;
  question: Question;
  /** Index of the chosen choice as written in the roadmap file. */
  chosen: number;
  correct: boolean;
}

export interface TopicResult {
  topic: string;
  title: string;
  /** The self-rating given in this session. */
  rating?: number;
  answered: number;
  correct: number;
  /** correct / answered, when anything was answered. */
  score?: number;
  calibration: Calibration;
  /** rating/4 − score: positive means over-confident. Only when both exist. */
  gap?: number;
}

export interface SessionResult {
  area: string;
  title: string;
  session: string;
  resumed: boolean;
  quick: boolean;
  complete: boolean;
  answered: number;
  correct: number;
  score?: number;
  topics: TopicResult[];
  /** What this run recorded (the part a Ctrl-C message reports). */
  saved: { answers: number; ratings: number };
}

/**
 * Over- or under-confident when the self-rating (0..4 as 0..1) and the quiz score are more than
 * one step of the rating scale apart, over at least two answers: the coach's rule
 * (coach/mastery.ts), applied to this session's answers alone.
 */
export function calibrate(
  rating: number | undefined,
  answered: number,
  correct: number,
): Pick<TopicResult, 'calibration' | 'gap'> {
  if (rating === undefined || answered < MASTERY.calibrationAnswers) return { calibration: 'unknown' };
  const gap = calibrationGap(rating / MAX_RATING, correct / answered);
  return { calibration: calibrationOf(gap), gap: Math.round(gap * 100) / 100 };
}

/**
 * A topic's questions in asking order: never seen or last answered wrong first (shuffled), then the
 * ones last answered right, longest ago first. `earlier` are the answers on record for the topic.
 */
export function orderQuestions(
  topic: Topic,
  earlier: readonly AnswerEvent[],
  opts: { seed: number; retake?: boolean },
): Question[] {
  const shuffled = seededShuffle(topic.questions, opts.seed, topic.id);
  if (opts.retake) return shuffled;
  const last = new Map<string, AnswerEvent>();
  for (const answer of earlier) {
    const seen = last.get(answer.question);
    if (!seen || seen.at <= answer.at) last.set(answer.question, answer);
  }
  const first: Question[] = [];
  const later: Question[] = [];
  for (const question of shuffled) {
    const answer = last.get(question.id);
    (answer === undefined || !answer.correct ? first : later).push(question);
  }
  // A stable sort keeps the shuffle as the tie-break.
  later.sort((a, b) =>
    last.get(a.id)!.at < last.get(b.id)!.at ? -1 : last.get(a.id)!.at > last.get(b.id)!.at ? 1 : 0,
  );
  return [...first, ...later];
}

/** The plan for an interactive session (new or resumed). */
export function planSession(area: Area, state: ProgressState, options: SessionOptions): Plan {
  const resume = options.resume;
  const rated = resume
    ? sessionRatings(state, resume, new Set(area.topics.map((t) => t.id)))
    : new Map<string, number>();
  const cap = Math.max(0, Math.floor(options.questionsPerTopic));
  const topics = area.topics.map((topic): TopicPlan => {
    const progress = state.topics.get(topic.id);
    const all = progress?.answers ?? [];
    const answeredBefore = resume ? all.filter((a) => a.session === resume.id) : [];
    const earlier = resume ? all.filter((a) => a.session !== resume.id) : all;
    const done = new Set(answeredBefore.map((a) => a.question));
    const room = Math.max(0, cap - done.size);
    const ratedBefore = rated.get(topic.id);
    const questions =
      options.quick || ratedBefore === UNKNOWN_RATING
        ? []
        : orderQuestions(topic, earlier, { seed: options.seed, retake: options.retake })
            .filter((q) => !done.has(q.id))
            .slice(0, room);
    return {
      topic,
      rate: ratedBefore === undefined,
      ...(ratedBefore !== undefined ? { ratedBefore } : {}),
      ...(progress?.rating ? { previousRating: progress.rating.value } : {}),
      answeredBefore,
      questions,
    };
  });
  return {
    area,
    session: options.id,
    seed: options.seed,
    resumed: Boolean(resume),
    quick: Boolean(options.quick),
    skipUnknown: true,
    ...(options.adaptive && !options.quick ? { adaptive: true } : {}),
    topics,
  };
}

/** What an `--answers` file asks to record: ratings by topic id, chosen indexes by question id. */
export interface Script {
  ratings: ReadonlyMap<string, number>;
  answers: ReadonlyMap<string, number>;
}

/**
 * The plan for a scripted session: exactly the ratings and answers given, topic by topic in the
 * area's order, questions in roadmap order. Ids must have been validated (answers.ts).
 */
export function scriptedPlan(area: Area, state: ProgressState, script: Script, id: string): Plan {
  const topics = area.topics.map((topic): TopicPlan => ({
    topic,
    rate: script.ratings.has(topic.id),
    ...(state.topics.get(topic.id)?.rating ? { previousRating: state.topics.get(topic.id)!.rating!.value } : {}),
    answeredBefore: [],
    questions: topic.questions.filter((q) => script.answers.has(q.id)),
  }));
  return { area, session: id, seed: 0, resumed: false, quick: false, skipUnknown: false, topics };
}

type PendingStep = Exclude<Step, { kind: 'done' }>;

export class QuizSession {
  readonly plan: Plan;
  private readonly steps: PendingStep[] = [];
  private position = 0;
  private started = false;
  private ended = false;
  private readonly tally = new Map<string, { rating?: number; answered: number; correct: number }>();
  private readonly saved = { answers: 0, ratings: 0 };
  /** Answers given earlier in a resumed session (questions are numbered after them). */
  private readonly answeredBefore: number;

  constructor(plan: Plan) {
    this.plan = plan;
    const before = plan.topics.reduce((n, t) => n + t.answeredBefore.length, 0);
    this.answeredBefore = before;
    for (const t of plan.topics) {
      const levels = new Map(t.topic.questions.map((q) => [q.id, q.difficulty]));
      for (const a of t.answeredBefore) {
        const level = levels.get(a.question);
        if (level) this.responses.push({ level, correct: a.correct });
      }
    }
    const total = before + plan.topics.reduce((n, t) => n + t.questions.length, 0);
    let number = before;
    plan.topics.forEach((t, i) => {
      this.tally.set(t.topic.id, {
        ...(t.ratedBefore !== undefined ? { rating: t.ratedBefore } : {}),
        answered: t.answeredBefore.length,
        correct: t.answeredBefore.filter((a) => a.correct).length,
      });
      if (t.rate)
        this.steps.push({
          kind: 'rate',
          topic: t.topic,
          number: i + 1,
          count: plan.topics.length,
          ...(t.previousRating !== undefined ? { previous: t.previousRating } : {}),
        });
      for (const question of t.questions)
        this.steps.push({
          kind: 'question',
          topic: t.topic,
          question,
          order:
            question.shuffle === false
              ? question.choices.map((_, k) => k)
              : seededShuffle(
                  question.choices.map((_, k) => k),
                  plan.seed,
                  question.id,
                ),
          number: ++number,
          total,
        });
    });
  }

  /** The event that opens the session; nothing when resuming one that is already open. */
  start(at: string): ProgressEvent[] {
    if (this.started) return [];
    this.started = true;
    if (this.plan.resumed) return [];
    return [{ e: 'session', at, session: this.plan.session, area: this.plan.area.id, phase: 'start' }];
  }

  current(): Step {
    return this.steps[this.position] ?? { kind: 'done' };
  }

  /** Records a self-rating (0..4) for the current rating step. */
  rate(value: number, at: string): ProgressEvent[] {
    const step = this.expect('rate');
    if (!Number.isInteger(value) || value < 0 || value > MAX_RATING)
      throw new RangeError(`rating must be 0..${MAX_RATING}, got ${value}`);
    this.tally.get(step.topic.id)!.rating = value;
    this.saved.ratings++;
    this.position++;
    if (value === UNKNOWN_RATING && this.plan.skipUnknown) this.skipQuestionsOf(step.topic.id);
    return [{ e: 'rating', at, topic: step.topic.id, value }];
  }

  /** How many questions were dropped for each topic rated "never heard of it". */
  readonly skipped = new Map<string, number>();

  /** The session's answers (a resumed session's earlier ones included) as Rasch responses. */
  private readonly responses: Response[] = [];
  /** How many questions an adaptive session dropped once its estimate was clear. */
  stoppedEarly: number | undefined;

  /**
   * The estimate is clear: drop the questions still ahead, except the first of each topic that
   * has no answer in this session yet (every topic rated still gets a question).
   */
  private stopEarly(): void {
    const ahead = this.steps.slice(this.position);
    const kept: PendingStep[] = [];
    const covered = new Set([...this.tally].filter(([, t]) => t.answered > 0).map(([id]) => id));
    for (const s of ahead) {
      if (s.kind === 'question') {
        if (covered.has(s.topic.id)) continue;
        covered.add(s.topic.id);
      }
      kept.push(s);
    }
    this.stoppedEarly = ahead.length - kept.length;
    if (this.stoppedEarly === 0) return;
    this.steps.splice(this.position, ahead.length, ...kept);
    const total = this.steps.filter((s) => s.kind === 'question').length + this.answeredBefore;
    let number = this.answeredBefore;
    for (const s of this.steps) if (s.kind === 'question') Object.assign(s, { number: ++number, total });
  }

  /** Drops the topic's questions still ahead, and renumbers the rest. */
  private skipQuestionsOf(topic: string): void {
    const ahead = this.steps.slice(this.position);
    const kept = ahead.filter((s) => s.kind !== 'question' || s.topic.id !== topic);
    const dropped = ahead.length - kept.length;
    if (dropped === 0) return;
    this.skipped.set(topic, dropped);
    this.steps.splice(this.position, ahead.length, ...kept);
    let number = this.answeredBefore;
    this.steps.forEach((s, k) => {
      if (s.kind !== 'question') return;
      s.total -= dropped;
      if (k >= this.position) s.number = number + 1;
      number = s.number;
    });
  }

  /** Records the answer to the current question; `choice` is the index as written in the roadmap. */
  answer(choice: number, at: string): { events: ProgressEvent[]; feedback: Feedback } {
    const step = this.expect('question');
    const { question, topic } = step;
    if (!Number.isInteger(choice) || choice < 0 || choice >= question.choices.length)
      throw new RangeError(`choice must be 0..${question.choices.length - 1}, got ${choice}`);
    const correct = choice === question.answer;
    const tally = this.tally.get(topic.id)!;
    tally.answered++;
    if (correct) tally.correct++;
    this.saved.answers++;
    this.position++;
    this.responses.push({ level: question.difficulty, correct });
    if (this.plan.adaptive && this.stoppedEarly === undefined && stopReason(estimateAbility(this.responses), AREA_STOP))
      this.stopEarly();
    return {
      events: [
        { e: 'answer', at, topic: topic.id, question: question.id, choice, correct, session: this.plan.session },
      ],
      feedback: { topic, question, chosen: choice, correct },
    };
  }

  /** The event that closes the session, once every step is done. */
  end(at: string): ProgressEvent[] {
    if (this.current().kind !== 'done') throw new Error('the session has steps left');
    if (this.ended) return [];
    this.ended = true;
    return [{ e: 'session', at, session: this.plan.session, area: this.plan.area.id, phase: 'end' }];
  }

  result(): SessionResult {
    let answered = 0;
    let correct = 0;
    const topics = this.plan.topics.map(({ topic }): TopicResult => {
      const t = this.tally.get(topic.id)!;
      answered += t.answered;
      correct += t.correct;
      return {
        topic: topic.id,
        title: topic.title,
        ...(t.rating !== undefined ? { rating: t.rating } : {}),
        answered: t.answered,
        correct: t.correct,
        ...(t.answered ? { score: t.correct / t.answered } : {}),
        ...calibrate(t.rating, t.answered, t.correct),
      };
    });
    return {
      area: this.plan.area.id,
      title: this.plan.area.title,
      session: this.plan.session,
      resumed: this.plan.resumed,
      quick: this.plan.quick,
      complete: this.current().kind === 'done',
      answered,
      correct,
      ...(answered ? { score: correct / answered } : {}),
      topics,
      saved: { ...this.saved },
    };
  }

  private expect<K extends PendingStep['kind']>(kind: K): Extract<PendingStep, { kind: K }> {
    const step = this.current();
    if (step.kind !== kind) throw new Error(`expected a ${kind} step, the session is at ${step.kind}`);
    return step as Extract<PendingStep, { kind: K }>;
  }
}
