import type { EventLog } from '../progress/log.js';
import type { TickList } from '../progress/format.js';
import type { Topic } from '../roadmap/schema.js';
import { isProven, type HandsOn } from './evidence.js';

/**
 * The prove stage, tracked: a project's milestones and a topic's checklist as ticked, whether a
 * project is built and proven, and the evidence links in the order they were attached. Pure: folds
 * of handsOnEvidence (evidence.ts), the one model of hands-on evidence.
 */

/** The list a topic can tick, if any: a project's milestones, else its checklist. */
export function tickListOf(topic: Topic): { list: TickList; items: readonly string[] } | undefined {
  if (topic.project) return { list: 'milestone', items: topic.project.milestones };
  if (topic.checklist) return { list: 'checklist', items: topic.checklist };
  return undefined;
}

export interface TickItem {
  /** 1-based, as shown and typed (`pyroad mark ID --milestone N`). */
  n: number;
  text: string;
  done: boolean;
}

export interface TickProgress {
  list: TickList;
  items: TickItem[];
  done: number;
  total: number;
}

/** A topic's list with what is ticked now; undefined for a topic with no list. */
export function tickProgress(topic: Topic, h: HandsOn | undefined): TickProgress | undefined {
  const of = tickListOf(topic);
  if (!of) return undefined;
  // Ticks beyond the list (the roadmap lost an item since) are not counted.
  const items = of.items.map((text, i) => ({ n: i + 1, text, done: h?.ticked[of.list].has(i) ?? false }));
  return { list: of.list, items, done: items.filter((i) => i.done).length, total: items.length };
}

/** "4 of 7 milestones", "1 of 5 checklist steps". */
export const tickLabel = (p: Pick<TickProgress, 'list' | 'done' | 'total'>): string =>
  `${p.done} of ${p.total} ${p.list === 'milestone' ? (p.total === 1 ? 'milestone' : 'milestones') : p.total === 1 ? 'checklist step' : 'checklist steps'}`;

/**
 * Where a portfolio project stands: `todo` (nothing ticked), `building` (some milestones),
 * `built` (every milestone ticked, or marked done), `proven` (its checks passed in a full run of
 * their current version where it has checks, whatever is ticked; built and a link to it attached
 * where it has none).
 */
export type ProjectStage = 'todo' | 'building' | 'built' | 'proven';

export interface ProjectWork {
  /** Milestones or checklist steps ticked, and how many there are. */
  ticked: number;
  total: number;
  /** The first item not ticked yet (1-based), if any. */
  nextItem?: number;
  /** Links attached as evidence for the topic. */
  links: number;
  /** The project's checks passed in a full run of their current version. */
  checksPassed: boolean;
  /** The project has checks (then only they prove it; a link alone does not). */
  hasChecks: boolean;
}

export function projectStage(work: ProjectWork | undefined, markedDone: boolean): ProjectStage {
  // Passing checks test the thing itself: stronger than any tick, so proven whatever is ticked.
  if (work?.hasChecks && work.checksPassed) return 'proven';
  const built = markedDone || (work !== undefined && work.total > 0 && work.ticked >= work.total);
  if (!built) return work && work.ticked > 0 ? 'building' : 'todo';
  if (!work) return 'built';
  return (work.hasChecks ? work.checksPassed : work.links > 0) ? 'proven' : 'built';
}

/**
 * What each topic's hands-on record amounts to, for the coach (facts.ts). `checksOf` gives the
 * fingerprint of a project's checks as they are now, where it has any (`pyroad check`).
 */
export function workByTopic(
  topics: Iterable<Topic>,
  hands: ReadonlyMap<string, HandsOn>,
  checksOf: (topic: Topic) => string | undefined = () => undefined,
): Map<string, ProjectWork> {
  const out = new Map<string, ProjectWork>();
  for (const topic of topics) {
    const h = hands.get(topic.id);
    // A topic nothing was done on (no tick, link or check) has no work: marked done, it counts
    // on the learner's word, as it always has (facts.ts).
    if (!h) continue;
    const p = tickProgress(topic, h);
    const fingerprint = checksOf(topic);
    const next = p?.items.find((i) => !i.done)?.n;
    out.set(topic.id, {
      ticked: p?.done ?? 0,
      total: p?.total ?? 0,
      ...(next !== undefined ? { nextItem: next } : {}),
      links: h?.links.length ?? 0,
      checksPassed: isProven(h, fingerprint),
      hasChecks: fingerprint !== undefined,
    });
  }
  return out;
}

export interface NumberedLink {
  /** 1-based, in the order links were ever attached; a removed link's number is not reused. */
  n: number;
  ref: string;
  topic: string;
  url: string;
  note?: string;
  at: string;
}

/** Every evidence link attached and not removed, numbered as `pyroad evidence list` shows them. */
export function numberedLinks(log: EventLog): NumberedLink[] {
  const removed = new Set(log.recordsOf('evidence-removed').map((r) => `${log.recordTopic(r.topic)}\u0000${r.ref}`));
  const out: NumberedLink[] = [];
  let n = 0;
  const seen = new Set<string>();
  for (const [i, record] of log.records) {
    if (record.e !== 'evidence') continue;
    // The same link imported twice is one link.
    const topic = log.recordTopic(record.topic);
    const key = `${topic}\u0000${record.ref}`;
    if (seen.has(key)) continue;
    seen.add(key);
    n++;
    if (removed.has(key)) continue;
    out.push({
      n,
      ref: record.ref,
      topic,
      url: record.url,
      ...(record.note ? { note: record.note } : {}),
      at: log.at(i),
    });
  }
  return out;
}

/** How many links have ever been attached (the next link's number is this plus one). */
export const linksEverAttached = (log: EventLog): number =>
  new Set(log.recordsOf('evidence').map((r) => `${log.recordTopic(r.topic)}\u0000${r.ref}`)).size;

/**
 * Whether a link's form is acceptable (it is never fetched): https with a host; http only to
 * localhost or a loopback address (a site running on the learner's machine); anything else that
 * is not a URL is a file path, which the command checks exists. Returns a reason when not.
 */
export function linkProblem(target: string): string | undefined {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(target) || /^[a-z]:[\\/]/i.test(target)) return undefined; // a path
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return 'is not a valid URL';
  }
  if (url.protocol === 'https:') return url.hostname ? undefined : 'has no host';
  if (url.protocol === 'http:')
    return isLoopback(url.hostname) ? undefined : 'uses http; use https (http only for localhost)';
  return `uses ${url.protocol.slice(0, -1)}:; use an https URL or a file path`;
}

const isLoopback = (host: string): boolean =>
  host === 'localhost' || host.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(host) || host === '[::1]';

/** Whether a link is a web address (shown as a link) rather than a file path. */
export const isWebLink = (target: string): boolean => /^https?:\/\//i.test(target);
