import type { EventLog } from '../progress/log.js';
import type { ApplicationStage } from '../progress/format.js';
import type { Topic } from '../roadmap/schema.js';
import { isoTime } from '../iso-time.js';

/**
 * The job hunt, tracked (`pyroad apply`): applications folded from the journal's `application`
 * events, the funnel, and the follow-ups `next` brings. Pure.
 */

export interface StageChange {
  at: string;
  stage: ApplicationStage;
  note?: string;
  /** A date this stage is about (the interview day). */
  date?: string;
}

export interface Application {
  /** 1-based, in the order applications were added: `pyroad apply update N`. */
  n: number;
  ref: string;
  company: string;
  role: string;
  url?: string;
  stack: string[];
  source?: string;
  stage: ApplicationStage;
  appliedAt: string;
  /** When the stage last changed. */
  updatedAt: string;
  /** The interview day, when the latest interview change named one. */
  interviewOn?: string;
  history: StageChange[];
}

/** Stages that end an application: no follow-up is due. */
const CLOSED: readonly ApplicationStage[] = ['offer', 'rejected', 'withdrawn'];
/** Stages that mean the company answered. */
const ANSWERED: readonly ApplicationStage[] = ['screen', 'interview', 'offer', 'rejected'];

/** Every application, numbered in the order added, with its history in time order. */
export function applicationsOf(log: EventLog): Application[] {
  const byRef = new Map<string, Application>();
  const out: Application[] = [];
  const seen = new Set<string>();
  for (const [i, r] of log.records) {
    if (r.e !== 'application') continue;
    const at = log.at(i);
    // An import of the same events twice adds them once (the journal keeps one copy anyway).
    const key = `${r.ref}\u0000${at}\u0000${r.stage}`;
    if (seen.has(key)) continue;
    seen.add(key);
    let app = byRef.get(r.ref);
    if (!app) {
      app = {
        n: out.length + 1,
        ref: r.ref,
        company: r.company ?? r.ref,
        role: r.role ?? '',
        stack: [],
        stage: r.stage,
        appliedAt: at,
        updatedAt: at,
        history: [],
      };
      byRef.set(r.ref, app);
      out.push(app);
    }
    if (r.company) app.company = r.company;
    if (r.role) app.role = r.role;
    if (r.url) app.url = r.url;
    if (r.stack) app.stack = r.stack;
    if (r.source) app.source = r.source;
    app.history.push({ at, stage: r.stage, ...(r.note ? { note: r.note } : {}), ...(r.date ? { date: r.date } : {}) });
  }
  for (const app of out) {
    app.history.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const last = app.history.at(-1)!;
    app.stage = last.stage;
    app.updatedAt = last.at;
    app.appliedAt = app.history[0]!.at;
    const interview = app.history.findLast((h) => h.stage === 'interview');
    if (interview?.date) app.interviewOn = interview.date;
  }
  return out;
}

export interface Funnel {
  applied: number;
  /** Reached a screening call or later. */
  screened: number;
  interviewed: number;
  offers: number;
  rejected: number;
  withdrawn: number;
  /** Still waiting (applied, screen or interview as the latest stage). */
  open: number;
  /** Share of applications the company answered (any stage from screen on, a rejection included). */
  responseRate: number;
}

const reached = (app: Application, stages: readonly ApplicationStage[]) =>
  app.history.some((h) => stages.includes(h.stage));

export function funnelOf(apps: readonly Application[]): Funnel {
  const count = (f: (a: Application) => boolean) => apps.filter(f).length;
  const answered = count((a) => reached(a, ANSWERED));
  return {
    applied: apps.length,
    screened: count((a) => reached(a, ['screen', 'interview', 'offer'])),
    interviewed: count((a) => reached(a, ['interview', 'offer'])),
    offers: count((a) => reached(a, ['offer'])),
    rejected: count((a) => a.stage === 'rejected'),
    withdrawn: count((a) => a.stage === 'withdrawn'),
    open: count((a) => !CLOSED.includes(a.stage)),
    responseRate: apps.length ? Math.round((answered / apps.length) * 1000) / 1000 : 0,
  };
}

/** Days with no answer after which a follow-up is due. */
export const FOLLOW_UP_DAYS = 7;
const DAY_MS = 86_400_000;

/**
 * Words of a topic that a stack word or a note can name: its id's words and its title's, minus
 * words too common to mean a skill.
 */
const COMMON = new Set(
  'and the for with your from into what how why when use using basics python back end back-end code more less good project projects'.split(
    ' ',
  ),
);
const wordsOf = (text: string): string[] =>
  text
    .toLowerCase()
    .split(/[^a-z0-9+#]+/)
    .filter((w) => w.length >= 2 && !COMMON.has(w));

/** "postgres" names "postgresql", "k8s" does not name "kubernetes": a prefix of 4+ letters, or equal. */
const names = (said: string, word: string) => said === word || (said.length >= 4 && word.startsWith(said));

/**
 * The topics a list of words names (a job ad's stack, a rejection's note), best first: a topic
 * scores by the rarest of its words the text names, so "django" finds the Django topic before
 * every topic that mentions Python. At most `max`.
 */
export function topicsNamed(said: readonly string[], topics: readonly Topic[], max = 3): Topic[] {
  const words = [...new Set(said.flatMap(wordsOf))];
  if (!words.length) return [];
  const topicWords = topics.map((t) => new Set([...wordsOf(t.id), ...wordsOf(t.title)]));
  const df = new Map<string, number>();
  for (const set of topicWords) for (const w of set) df.set(w, (df.get(w) ?? 0) + 1);
  const scored: { topic: Topic; score: number; index: number }[] = [];
  topics.forEach((topic, index) => {
    let score = 0;
    for (const w of topicWords[index]!) if (words.some((s) => names(s, w))) score += 1 / df.get(w)!;
    if (score > 0) scored.push({ topic, score, index });
  });
  // Words shared by many topics (say, "api" in a dozen) name none of them in particular.
  return scored
    .filter((s) => s.score >= 1 / 6)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .slice(0, max)
    .map((s) => s.topic);
}

export type FollowUpKind = 'interview' | 'follow-up' | 'rejection';

export interface FollowUp {
  kind: FollowUpKind;
  app: Application;
  /** Topics to brush up on (interview: its stack; rejection: the skill its note names). */
  topics: Topic[];
  /** Days since the last change (follow-up), or until the interview (0 today, 1 tomorrow). */
  days: number;
}

const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);

/**
 * What the job hunt asks of the learner now, most urgent first: an interview today or tomorrow
 * (with the topics its stack names), an application unanswered for 7 days or more, and a
 * rejection in the last 30 days whose note names a skill (that topic).
 */
export function followUpsOf(apps: readonly Application[], topics: readonly Topic[], now: Date): FollowUp[] {
  const today = dayOf(isoTime(now));
  const out: FollowUp[] = [];
  for (const app of apps) {
    if (app.stage === 'interview' && app.interviewOn) {
      const days = Math.round((dayOf(app.interviewOn) - today) / DAY_MS);
      if (days === 0 || days === 1)
        out.push({ kind: 'interview', app, topics: topicsNamed([...app.stack, app.role], topics), days });
      continue;
    }
    const idle = Math.floor((now.getTime() - Date.parse(app.updatedAt)) / DAY_MS);
    if ((app.stage === 'applied' || app.stage === 'screen') && idle >= FOLLOW_UP_DAYS)
      out.push({ kind: 'follow-up', app, topics: [], days: idle });
    if (app.stage === 'rejected' && idle <= 30) {
      const note = app.history.at(-1)?.note;
      const named = note ? topicsNamed([note], topics, 1) : [];
      if (named.length) out.push({ kind: 'rejection', app, topics: named, days: idle });
    }
  }
  const rank = { interview: 0, 'follow-up': 1, rejection: 2 } as const;
  return out.sort((a, b) =>
    a.kind === 'interview' && b.kind === 'interview'
      ? a.days - b.days
      : rank[a.kind] - rank[b.kind] || b.days - a.days || a.app.n - b.app.n,
  );
}
