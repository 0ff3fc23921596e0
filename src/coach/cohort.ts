import type { ProgressEvent } from '../progress/schema.js';
import { foldEvents } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { Stage } from '../roadmap/schema.js';
import { checksFingerprint } from '../check/fingerprint.js';
import { handsOnEvidence, passedLatestFullRun } from './evidence.js';
import { projectStage, workByTopic } from './portfolio.js';
import { summarize } from './summary.js';

/**
 * `pyroad cohort`: a mentor's view over many learners' exports. Pure: the learners' events, the
 * roadmap and the clock in, one row per learner and the cohort's common gaps out. Every learner
 * is summarised by the same coach as `pyroad status`, on the roadmap in use and at the same
 * moment, so rows compare fairly whenever each export was made.
 */
export interface CohortLearner {
  /** How the learner is shown: the export's `learner.name`, else its file name without `.json`. */
  name: string;
  file: string;
  events: readonly ProgressEvent[];
}

export interface CohortRow {
  name: string;
  file: string;
  stage: Stage;
  readiness: number;
  /** Areas whose every topic is mastered (or skipped), of all areas. */
  areasDone: number;
  areas: number;
  /** The coach's biggest gaps (area titles with a note), at most 3. */
  gaps: string[];
  /** Portfolio projects built: every milestone ticked or marked done (or proven by their checks). */
  projectsBuilt: number;
  /** Portfolio projects whose latest full run of checks passed. */
  projectsProven: number;
  /** The latest event's time, ISO; absent for an export with no events. */
  lastActive?: string;
  /** Topics due for a re-assessment now. */
  reviewsOverdue: number;
  /** Topic ids the learner is weak in (see WEAK). */
  weak: string[];
  /** Mastery 0..1 per area id, for the heatmap. */
  areaMastery: Record<string, number>;
}

export interface CommonGap {
  topic: string;
  title: string;
  area: string;
  /** Learners weak in it. */
  learners: number;
  /** Learners in the cohort. */
  of: number;
}

export interface Cohort {
  generatedAt: string;
  roadmap: string;
  /** The roadmap's areas in path order, for the heatmap's rows. */
  areas: { id: string; title: string }[];
  learners: CohortRow[];
  /** Topics that two or more learners are weak in, most learners first (at most 10). */
  commonGaps: CommonGap[];
}

/** Weak: the learner has answered questions on the topic and its mastery is under a half. */
const WEAK = 0.5;

function rowOf(index: RoadmapIndex, learner: CohortLearner, now: Date): CohortRow {
  const state = foldEvents(learner.events);
  const summary = summarize(index, state, now, { history: false, limit: 0 });
  const evidence = handsOnEvidence(state.log);
  const projects = [...index.topics.values()].filter((t) => t.topic.project !== undefined);
  const status = new Map(summary.topics.map((t) => [t.topic, t.status]));
  // Built as `status` and the README say it: every milestone ticked or marked done (portfolio.ts);
  // a project proven by its checks was built too.
  const work = workByTopic(
    projects.map((p) => p.topic),
    evidence,
    (topic) => (topic.project?.checks?.length ? checksFingerprint(topic.project.checks) : undefined),
  );
  const proven = projects.filter((p) => passedLatestFullRun(evidence.get(p.topic.id)));
  const built = projects.filter(
    (p) =>
      proven.includes(p) ||
      ['built', 'proven'].includes(projectStage(work.get(p.topic.id), status.get(p.topic.id) === 'done')),
  );
  let lastActive: string | undefined;
  for (const e of learner.events) if (lastActive === undefined || e.at > lastActive) lastActive = e.at;
  return {
    name: learner.name,
    file: learner.file,
    stage: summary.stage,
    readiness: summary.readiness,
    areasDone: summary.areas.filter((a) => a.topics > 0 && a.mastered === a.topics).length,
    areas: summary.areas.length,
    gaps: summary.gaps.slice(0, 3),
    projectsBuilt: built.length,
    projectsProven: proven.length,
    ...(lastActive === undefined ? {} : { lastActive }),
    reviewsOverdue: summary.topics.filter((t) => t.due).length,
    weak: summary.topics.filter((t) => t.answered > 0 && t.mastery < WEAK).map((t) => t.topic),
    areaMastery: Object.fromEntries(summary.areas.map((a) => [a.area, a.mastery])),
  };
}

export function buildCohort(index: RoadmapIndex, learners: readonly CohortLearner[], now: Date): Cohort {
  const rows = learners.map((l) => rowOf(index, l, now));
  const weakCount = new Map<string, number>();
  for (const row of rows) for (const topic of row.weak) weakCount.set(topic, (weakCount.get(topic) ?? 0) + 1);
  const order = (id: string) => index.topics.get(id)?.index ?? Infinity;
  const commonGaps = [...weakCount]
    .filter(([, n]) => n >= 2)
    .sort(([a, n], [b, m]) => m - n || order(a) - order(b))
    .slice(0, 10)
    .map(([topic, n]) => {
      const entry = index.topics.get(topic);
      return { topic, title: entry?.topic.title ?? topic, area: entry?.area.id ?? '', learners: n, of: rows.length };
    });
  return {
    generatedAt: now.toISOString(),
    roadmap: index.roadmap.title,
    areas: index.roadmap.areas.map((a) => ({ id: a.id, title: a.title })),
    learners: rows,
    commonGaps,
  };
}
