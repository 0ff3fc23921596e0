import { isoTime } from '../iso-time.js';
import { isPlainTime } from './quick-check.js';
import type { AnswerEvent, ProgressEvent, RecordEvent, Status } from './schema.js';

/**
 * The journal's events in memory: columns of numbers, one entry per event in journal order, with
 * every id in one string table. A journal of 100,000 answers held as 100,000 event objects made
 * loading mostly garbage collection (every object survives, so every young-generation collection
 * copies them all); as columns it is seven typed arrays, which the snapshot (snapshot.ts) stores
 * and reads back as they are. Times are parsed once, on the way in.
 *
 * Slots, by kind:
 *   rating:  id = topic,   ref = value
 *   answer:  id = topic,   ref = question, num = choice, flag = correct (bit 0) | placement (bit 1),
 *            session = session or -1
 *   status:  id = topic,   ref = status
 *   session: id = session, ref = area,     num = phase (0 start, 1 end)
 *   record:  id = topic (or the event's ref when it names no topic), ref = the event's kind; the
 *            event itself is kept whole in `records`. These are the rare kinds (check and exercise
 *            runs, evidence links, ticks, job applications): a learner makes hundreds, not 100,000.
 * `at` is kept only when it is not `new Date(time).toISOString()` (another offset, more digits).
 */
/** The answer flag bit that marks a placement answer (bit 0 is right/wrong). */
export const PLACEMENT_FLAG = 2;

export const KIND = { rating: 0, answer: 1, status: 2, session: 3, record: 4 } as const;
const KINDS = ['rating', 'answer', 'status', 'session'] as const;

const isRecord = (event: ProgressEvent): event is RecordEvent =>
  event.e !== 'rating' && event.e !== 'answer' && event.e !== 'status' && event.e !== 'session';
const PHASES = ['start', 'end'] as const;

/** The numeric columns and their element types. */
export const COLUMN_TYPES = {
  kind: Uint8Array,
  flag: Uint8Array,
  time: Float64Array,
  id: Int32Array,
  ref: Int32Array,
  num: Int32Array,
  session: Int32Array,
} as const;
type ColumnName = keyof typeof COLUMN_TYPES;
const COLUMN_NAMES = Object.keys(COLUMN_TYPES) as ColumnName[];
type Columns = { [K in ColumnName]: InstanceType<(typeof COLUMN_TYPES)[K]> };

/** The stored form: what snapshot.ts writes and reads. */
export interface LogColumns extends Columns {
  strings: string[];
  /** Event index → `at` as written, where it differs from the time's ISO form. */
  rawAt: [number, string][];
  /** Event index → the whole event, for the record kinds. */
  records: [number, RecordEvent][];
}

export class EventLog implements Columns {
  length = 0;
  kind!: Columns['kind'];
  flag!: Columns['flag'];
  /** Milliseconds since the epoch; NaN for a time that does not parse (never, once validated). */
  time!: Columns['time'];
  id!: Columns['id'];
  ref!: Columns['ref'];
  num!: Columns['num'];
  session!: Columns['session'];
  readonly strings: string[];
  private readonly stringIds: Map<string, number>;
  private readonly rawAt: Map<number, string>;
  /** Event index → the event, for the record kinds; in journal order. */
  readonly records: Map<number, RecordEvent>;
  /**
   * The current id of the topic a record event names: the roadmap's renames (`formerly:`), set by
   * ProgressState; the record itself keeps the id it was written with (the journal is never rewritten).
   */
  recordTopic: (topic: string) => string = (topic) => topic;

  constructor(capacity = 64, columns?: LogColumns, length = 0) {
    for (const name of COLUMN_NAMES)
      (this as Record<ColumnName, unknown>)[name] = columns?.[name] ?? new COLUMN_TYPES[name](capacity);
    this.strings = columns?.strings ?? [];
    this.stringIds = new Map(this.strings.map((s, i) => [s, i]));
    this.rawAt = new Map(columns?.rawAt ?? []);
    this.records = new Map(columns?.records ?? []);
    this.length = length;
  }

  static of(events: Iterable<ProgressEvent>): EventLog {
    const list = Array.isArray(events) ? (events as ProgressEvent[]) : [...events];
    const log = new EventLog(Math.max(16, list.length));
    for (const event of list) log.push(event);
    return log;
  }

  /** A log over stored columns (all of the same length); they are used as they are, not copied. */
  static fromColumns(columns: LogColumns): EventLog {
    return new EventLog(0, columns, columns.kind.length);
  }

  /** The first `n` columns (all by default), sharing this log's arrays: for storing, not to be added to. */
  columns(n = this.length): LogColumns {
    const out = {
      strings: this.strings,
      rawAt: [...this.rawAt].filter(([i]) => i < n),
      records: [...this.records].filter(([i]) => i < n),
    } as LogColumns;
    for (const name of COLUMN_NAMES) (out as Record<ColumnName, unknown>)[name] = this[name].subarray(0, n);
    return out;
  }

  /** Adds one event at the end; returns its index. */
  push(event: ProgressEvent): number {
    if (this.length === this.kind.length) this.grow();
    const i = this.length++;
    const t = Date.parse(event.at);
    this.time[i] = t;
    // isPlainTime: `at` is what toISOString gives back for it, checked without a Date (cohort: 150,000 events).
    if (Number.isNaN(t) || !isPlainTime(event.at)) this.rawAt.set(i, event.at);
    this.flag[i] = 0;
    this.num[i] = -1;
    this.session[i] = -1;
    if (isRecord(event)) {
      this.kind[i] = KIND.record;
      this.id[i] = this.intern('topic' in event ? event.topic : event.ref);
      this.ref[i] = this.intern(event.e);
      this.records.set(i, event);
      return i;
    }
    this.kind[i] = KIND[event.e];
    switch (event.e) {
      case 'rating':
        this.id[i] = this.intern(event.topic);
        this.ref[i] = event.value;
        break;
      case 'answer':
        this.id[i] = this.intern(event.topic);
        this.ref[i] = this.intern(event.question);
        this.num[i] = event.choice;
        this.flag[i] = (event.correct ? 1 : 0) | (event.source === 'placement' ? PLACEMENT_FLAG : 0);
        if (event.session !== undefined) this.session[i] = this.intern(event.session);
        break;
      case 'status':
        this.id[i] = this.intern(event.topic);
        this.ref[i] = this.intern(event.status);
        break;
      case 'session':
        this.id[i] = this.intern(event.session);
        this.ref[i] = this.intern(event.area);
        this.num[i] = PHASES.indexOf(event.phase);
        break;
    }
    return i;
  }

  /** The first `n` events, sharing this log's columns (for storing; not to be added to). */
  prefix(n: number): EventLog {
    return EventLog.fromColumns(this.columns(n));
  }

  /** This log followed by those events, as a new log (this one is left as it is). */
  concat(events: readonly ProgressEvent[]): EventLog {
    const log = new EventLog(0, { ...this.columns(), strings: [...this.strings] }, this.length);
    // records and rawAt were copied into the new log's own maps by the constructor.
    log.grow(this.length + events.length);
    for (const event of events) log.push(event);
    return log;
  }

  private grow(capacity = Math.max(64, this.kind.length * 2)): void {
    for (const name of COLUMN_NAMES) {
      const grown = new COLUMN_TYPES[name](capacity);
      grown.set(this[name].subarray(0, this.length));
      (this as Record<ColumnName, unknown>)[name] = grown;
    }
  }

  intern(s: string): number {
    let i = this.stringIds.get(s);
    if (i === undefined) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, i);
    }
    return i;
  }

  /**
   * The order answers are summed in (a comparator of two answers' positions): time, then wrong
   * before right. Unreadable times go last.
   */
  readonly answerOrder = (a: number, b: number): number => {
    const ta = this.time[a]!;
    const tb = this.time[b]!;
    if (ta < tb) return -1;
    if (ta > tb) return 1;
    if (ta === tb) return (this.flag[a]! & 1) - (this.flag[b]! & 1);
    return Number.isNaN(ta) ? (Number.isNaN(tb) ? 0 : 1) : -1;
  };

  /** The string table's id for `s`, or -1 when no event mentions it. */
  lookup(s: string): number {
    return this.stringIds.get(s) ?? -1;
  }

  kindOf(i: number): ProgressEvent['e'] {
    return this.kind[i] === KIND.record ? this.records.get(i)!.e : KINDS[this.kind[i]!]!;
  }

  /** When event `i` happened, as written. */
  at(i: number): string {
    return this.rawAt.get(i) ?? isoTime(this.time[i]!);
  }

  /** The topic of a rating, answer, status or a record that names one; undefined otherwise. */
  topic(i: number): string | undefined {
    if (this.kind[i] === KIND.session) return undefined;
    if (this.kind[i] === KIND.record) {
      const record = this.records.get(i)!;
      return 'topic' in record ? record.topic : undefined;
    }
    return this.strings[this.id[i]!];
  }

  status(i: number): Status {
    return this.strings[this.ref[i]!] as Status;
  }

  /** Event `i` as an object, as it was added. */
  event(i: number): ProgressEvent {
    const at = this.at(i);
    const s = this.strings;
    switch (this.kind[i]) {
      case KIND.rating:
        return { e: 'rating', at, topic: s[this.id[i]!]!, value: this.ref[i]! };
      case KIND.answer: {
        const event: AnswerEvent = {
          e: 'answer',
          at,
          topic: s[this.id[i]!]!,
          question: s[this.ref[i]!]!,
          choice: this.num[i]!,
          correct: (this.flag[i]! & 1) === 1,
        };
        if (this.session[i]! >= 0) event.session = s[this.session[i]!]!;
        if (this.flag[i]! & PLACEMENT_FLAG) event.source = 'placement';
        return event;
      }
      case KIND.status:
        return { e: 'status', at, topic: s[this.id[i]!]!, status: this.status(i) };
      case KIND.record:
        return { ...this.records.get(i)! };
      default:
        return { e: 'session', at, session: s[this.id[i]!]!, area: s[this.ref[i]!]!, phase: PHASES[this.num[i]!]! };
    }
  }

  /** The record events of one kind, in journal order, with their times. */
  recordsOf<E extends RecordEvent['e']>(e: E): Extract<RecordEvent, { e: E }>[] {
    const out: Extract<RecordEvent, { e: E }>[] = [];
    for (const record of this.records.values()) if (record.e === e) out.push(record as Extract<RecordEvent, { e: E }>);
    return out;
  }

  /** Every event as an object, in journal order (export and import need them; the coach does not). */
  events(): ProgressEvent[] {
    const out: ProgressEvent[] = new Array(this.length);
    for (let i = 0; i < this.length; i++) out[i] = this.event(i);
    return out;
  }
}
