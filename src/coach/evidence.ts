import type { EventLog } from '../progress/log.js';
import type { TickList } from '../progress/schema.js';

/**
 * What the learner has done, as opposed to what they know (DESIGN.md, "Evidence"): folded from
 * the journal's record events, per topic (a project is a topic). Pure. `pyroad check`, `pyroad
 * practice`, `pyroad mark --milestone` and `pyroad evidence` write the events; the coach, `status`,
 * `show`, `report`, `export` and `cohort` read this.
 *
 * At equal times the later journal line wins, as for statuses (state.ts).
 */

export interface CheckRun {
  at: string;
  /** Which version of the project's checks ran (a hash of their definitions). */
  fingerprint: string;
  total: number;
  passed: number;
  /** Ids of the checks that failed. */
  failed: string[];
  /** Only some checks were run (--only, --from): never proof on its own. */
  subset: boolean;
}

export interface ExerciseRecord {
  exercise: string;
  /** Runs of its tests. */
  runs: number;
  /** When it first passed, if it has. A later failing run (say, after an edit) does not undo it. */
  passedAt?: string;
  /** The exercise tests' fingerprint when it passed. */
  passedFingerprint?: string;
  lastRun: string;
  lastPassed: boolean;
}

export interface EvidenceLink {
  ref: string;
  url: string;
  note?: string;
  at: string;
}

export interface HandsOn {
  topic: string;
  /** The latest full run of the project's checks (not a subset), if any. */
  lastFullCheck?: CheckRun;
  /** The latest run of any kind. */
  lastCheck?: CheckRun;
  /** The latest full run in which every check passed, if any. */
  lastPassingCheck?: CheckRun;
  exercises: Map<string, ExerciseRecord>;
  /** Items ticked now, per list (0-based positions). */
  ticked: Record<TickList, Set<number>>;
  /** Links attached and not removed, in the order they were added. */
  links: EvidenceLink[];
}

const emptyHandsOn = (topic: string): HandsOn => ({
  topic,
  exercises: new Map(),
  ticked: { milestone: new Set(), checklist: new Set() },
  links: [],
});

/** Hands-on evidence per topic id, from the log's record events. Topics with none are absent. */
export function handsOnEvidence(log: EventLog): Map<string, HandsOn> {
  const out = new Map<string, HandsOn>();
  const of = (topic: string) => {
    let h = out.get(topic);
    if (!h) out.set(topic, (h = emptyHandsOn(topic)));
    return h;
  };
  // Latest tick per topic, list and item: the time wins, then the later line.
  const ticks = new Map<string, { time: number; done: boolean; topic: string; list: TickList; item: number }>();
  const removed = new Set<string>();
  const later = (a: string | undefined, b: string) => a === undefined || !(Date.parse(a) > Date.parse(b));
  for (const [i, record] of log.records) {
    const at = log.at(i);
    switch (record.e) {
      case 'check': {
        const h = of(log.recordTopic(record.topic));
        const run: CheckRun = {
          at,
          fingerprint: record.fingerprint,
          total: record.total,
          passed: record.passed,
          failed: record.failed,
          subset: record.subset === true,
        };
        if (later(h.lastCheck?.at, at)) h.lastCheck = run;
        if (!run.subset && later(h.lastFullCheck?.at, at)) h.lastFullCheck = run;
        if (!run.subset && run.total > 0 && run.passed === run.total && later(h.lastPassingCheck?.at, at))
          h.lastPassingCheck = run;
        break;
      }
      case 'exercise': {
        const h = of(log.recordTopic(record.topic));
        let x = h.exercises.get(record.exercise);
        if (!x)
          h.exercises.set(
            record.exercise,
            (x = { exercise: record.exercise, runs: 0, lastRun: at, lastPassed: false }),
          );
        x.runs++;
        if (later(x.lastRun, at)) {
          x.lastRun = at;
          x.lastPassed = record.passed;
        }
        if (record.passed && (x.passedAt === undefined || Date.parse(at) < Date.parse(x.passedAt))) {
          x.passedAt = at;
          x.passedFingerprint = record.fingerprint;
        }
        break;
      }
      case 'tick': {
        const topic = log.recordTopic(record.topic);
        const key = `${topic}\u0000${record.list}\u0000${record.item}`;
        const time = log.time[i]!;
        const previous = ticks.get(key);
        if (!previous || !(previous.time > time))
          ticks.set(key, { time, done: record.done, topic, list: record.list, item: record.item });
        break;
      }
      case 'evidence':
        of(log.recordTopic(record.topic)).links.push({
          ref: record.ref,
          url: record.url,
          ...(record.note ? { note: record.note } : {}),
          at,
        });
        break;
      case 'evidence-removed':
        removed.add(`${log.recordTopic(record.topic)}\u0000${record.ref}`);
        break;
      case 'application':
        break;
    }
  }
  for (const tick of ticks.values()) if (tick.done) of(tick.topic).ticked[tick.list].add(tick.item);
  for (const h of out.values()) h.links = h.links.filter((l) => !removed.has(`${h.topic}\u0000${l.ref}`));
  return out;
}

/**
 * Whether a project's checks all passed in its latest full run, of the checks as they are now. A
 * later full run that fails takes the proof back (the server no longer does what it did): proof
 * says the project works, so the newest evidence decides. `pyroad check` again restores it.
 */
export const isProven = (h: HandsOn | undefined, fingerprint: string | undefined): boolean =>
  passedLatestFullRun(h) && fingerprint !== undefined && h!.lastPassingCheck!.fingerprint === fingerprint;

/** Whether the latest full check run passed every check (whatever version of the checks it ran). */
export const passedLatestFullRun = (h: HandsOn | undefined): boolean =>
  !!h?.lastPassingCheck && h.lastFullCheck === h.lastPassingCheck;

/** Exercises of a topic that have passed. */
export const passedExercises = (h: HandsOn | undefined): ExerciseRecord[] =>
  h ? [...h.exercises.values()].filter((x) => x.passedAt !== undefined) : [];
