import { canonicalEvent } from './format.js';
import { EventLog, KIND, PLACEMENT_FLAG } from './log.js';
import type { AnswerEvent, ProgressEvent, Status } from './schema.js';

/** Old id → current id, for topics and for questions, from a roadmap's `formerly:` lists. */
export interface Renames {
  topics: ReadonlyMap<string, string>;
  questions: ReadonlyMap<string, string>;
}

/**
 * What is on record for one topic: its latest rating and status (the later time wins; at the same
 * time, the later line) and its answers, as positions in the event log.
 */
export class TopicProgress {
  /** Log positions of the topic's answers, in journal order. */
  private readonly answerIndices: number[] = [];
  /** How many ratings it has had. */
  ratingCount = 0;
  private latestRating = -1;
  private latestStatus = -1;

  constructor(
    private readonly log: EventLog,
    private readonly renames?: Renames,
  ) {}

  /** Folds in event `i` of the log (one of this topic's). */
  add(i: number): void {
    const log = this.log;
    switch (log.kind[i]) {
      case KIND.rating:
        this.ratingCount++;
        if (this.latestRating < 0 || !(log.time[this.latestRating]! > log.time[i]!)) this.latestRating = i;
        return;
      case KIND.answer:
        this.answerIndices.push(i);
        return;
      case KIND.status:
        if (this.latestStatus < 0 || !(log.time[this.latestStatus]! > log.time[i]!)) this.latestStatus = i;
        return;
    }
  }

  /** Latest self-rating, 0..4. */
  get rating(): { value: number; at: string } | undefined {
    const i = this.latestRating;
    return i < 0 ? undefined : { value: this.log.ref[i]!, at: this.log.at(i) };
  }

  /** The latest self-rating's value alone: the coach reads it for every topic, and needs no time string. */
  get ratingValue(): number | undefined {
    const i = this.latestRating;
    return i < 0 ? undefined : this.log.ref[i]!;
  }

  /** When the latest self-rating was given (ms; NaN when its time is unreadable), without a string. */
  get ratingTime(): number | undefined {
    const i = this.latestRating;
    return i < 0 ? undefined : this.log.time[i]!;
  }

  get status(): { status: Status; at: string } | undefined {
    const i = this.latestStatus;
    return i < 0 ? undefined : { status: this.log.status(i), at: this.log.at(i) };
  }

  /** Every quiz answer, in journal order (as objects: for the quiz, which looks at one area). */
  get answers(): AnswerEvent[] {
    const questions = this.renames?.questions;
    return this.answerIndices.map((i) => {
      const answer = this.log.event(i) as AnswerEvent;
      const now = questions?.get(answer.question);
      return now === undefined ? answer : { ...answer, question: now };
    });
  }

  /**
   * Each answer's question (its current id) and result, in journal order, read from the log's
   * columns: no event object or time string is made (the area ability reads every answer on every
   * `status`, and the cohort for every learner).
   */
  readonly eachAnsweredQuestion = (visit: (question: string, correct: boolean) => void): void => {
    const { ref, flag, strings } = this.log;
    const questions = this.renames?.questions;
    for (const i of this.answerIndices) {
      const question = strings[ref[i]!]!;
      visit(questions?.get(question) ?? question, (flag[i]! & 1) === 1);
    }
  };

  /** How many answers it has. */
  get answerCount(): number {
    return this.answerIndices.length;
  }

  /**
   * Calls `visit` with the time (ms) and result of each answer, in the order the coach sums them:
   * time, then wrong before right (log.ts, `answerOrder`), so two journals holding the same answers
   * in another line order give the same result. Answers with an unreadable time are skipped.
   */
  readonly eachAnswer = (visit: (t: number, correct: boolean, placement: boolean) => void): void => {
    const { time, flag } = this.log;
    for (const i of this.inAnswerOrder())
      if (!Number.isNaN(time[i]!)) visit(time[i]!, (flag[i]! & 1) === 1, (flag[i]! & PLACEMENT_FLAG) !== 0);
  };

  /** Journals are written in time order, so the answers normally are in order already. */
  private inAnswerOrder(): readonly number[] {
    const list = this.answerIndices;
    for (let k = 1; k < list.length; k++)
      if (this.log.answerOrder(list[k - 1]!, list[k]!) > 0) return [...list].sort(this.log.answerOrder);
    return list;
  }
}

export interface SessionInfo {
  id: string;
  area: string;
  started: string;
  ended?: string;
  /** Question ids answered in this session. */
  answered: Set<string>;
}

/**
 * Progress as the coach and commands see it: a fold over the journal's events, which stay in the
 * log. Sessions are worked out only when asked for (only `assess` needs them).
 */
export class ProgressState {
  readonly topics = new Map<string, TopicProgress>();
  private sessionList?: Map<string, SessionInfo>;

  constructor(
    readonly log: EventLog = new EventLog(),
    /** Old ids a roadmap renamed (`formerly:`): their progress counts for the new id, mapped here, never rewritten. */
    readonly renames?: Renames,
  ) {
    const topics = renames?.topics;
    if (topics?.size) log.recordTopic = (topic) => topics.get(topic) ?? topic;
    for (let i = 0; i < log.length; i++) this.fold(i);
  }

  /**
   * Every event as an object, in journal order, built anew on each call: for export and tests.
   * The coach and the quiz read the log.
   */
  get events(): ProgressEvent[] {
    return this.log.events();
  }

  /** Adds an event at the end, as saving it to the journal does. */
  apply(event: ProgressEvent): void {
    const i = this.log.push(event);
    this.fold(i);
    if (this.sessionList) foldSession(this.sessionList, this.log, i, this.renames);
  }

  /** Topic entries by the topic's id in the log's string table (a map lookup per event cost more). */
  private readonly byStringId: (TopicProgress | undefined)[] = [];

  private fold(i: number): void {
    const log = this.log;
    if (log.kind[i] === KIND.session || log.kind[i] === KIND.record) return;
    const s = log.id[i]!;
    let entry = this.byStringId[s];
    if (!entry) {
      const name = log.strings[s]!;
      const id = this.renames?.topics.get(name) ?? name;
      entry = this.topics.get(id) ?? new TopicProgress(log, this.renames);
      this.byStringId[s] = entry;
      this.topics.set(id, entry);
    }
    entry.add(i);
  }

  /** Assess sessions by id. */
  get sessions(): Map<string, SessionInfo> {
    if (!this.sessionList) {
      this.sessionList = new Map();
      for (let i = 0; i < this.log.length; i++) foldSession(this.sessionList, this.log, i, this.renames);
    }
    return this.sessionList;
  }
}

function foldSession(sessions: Map<string, SessionInfo>, log: EventLog, i: number, renames?: Renames): void {
  const kind = log.kind[i];
  if (kind === KIND.answer) {
    const question = log.strings[log.ref[i]!]!;
    if (log.session[i]! >= 0)
      sessions.get(log.strings[log.session[i]!]!)?.answered.add(renames?.questions.get(question) ?? question);
  } else if (kind === KIND.session) {
    const id = log.strings[log.id[i]!]!;
    const existing = sessions.get(id);
    if (log.num[i] === 0) {
      if (!existing) sessions.set(id, { id, area: log.strings[log.ref[i]!]!, started: log.at(i), answered: new Set() });
    } else if (existing) {
      existing.ended = log.at(i);
    }
  }
}

export const emptyState = (): ProgressState => new ProgressState();

export const foldEvents = (events: Iterable<ProgressEvent>): ProgressState => new ProgressState(EventLog.of(events));

/** The latest unfinished assess session for an area, if any (what `assess` offers to resume). */
export function unfinishedSession(state: ProgressState, area: string): SessionInfo | undefined {
  let latest: SessionInfo | undefined;
  for (const session of state.sessions.values())
    if (session.area === area && session.ended === undefined && (!latest || latest.started <= session.started))
      latest = session;
  return latest;
}

/**
 * The ratings given in a session, by topic (the last one of each): a rating carries no session id,
 * so those of the session's topics between its start and its end in the journal are its.
 */
export function sessionRatings(
  state: ProgressState,
  session: SessionInfo,
  topics: ReadonlySet<string>,
): Map<string, number> {
  const { log } = state;
  const ratings = new Map<string, number>();
  const id = log.lookup(session.id);
  if (id < 0) return ratings;
  let inside = false;
  for (let i = 0; i < log.length; i++) {
    const kind = log.kind[i];
    if (kind === KIND.session && log.id[i] === id) inside = log.num[i] === 0;
    else if (inside && kind === KIND.rating) {
      const topic = log.strings[log.id[i]!]!;
      if (topics.has(topic)) ratings.set(topic, log.ref[i]!);
    }
  }
  return ratings;
}

/**
 * A stable key for de-duplicating events when journals are merged: the whole event, fields in a
 * fixed order (an event read back from a file may list them in another order).
 */
export function eventKey(event: ProgressEvent): string {
  return JSON.stringify(canonicalEvent(event));
}

/**
 * The events without exact duplicates and without those in `seen`, order otherwise unchanged.
 * Of two equal events the last is kept: at equal times the later line wins (done, skip, done at
 * one instant is done), and dropping the earlier copy keeps it so.
 */
export function uniqueEvents(events: Iterable<ProgressEvent>, seen: ReadonlySet<string> = new Set()): ProgressEvent[] {
  const list = [...events];
  const kept = new Set<string>();
  const out: ProgressEvent[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const key = eventKey(list[i]!);
    if (seen.has(key) || kept.has(key)) continue;
    kept.add(key);
    out.push(list[i]!);
  }
  return out.reverse();
}
