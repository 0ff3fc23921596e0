/**
 * What the report shows, joined from the roadmap (order, titles, projects, links) and the coach's
 * summary (numbers). The roadmap is the frame: a topic the summary does not mention is still
 * listed, as not started, so even a first run shows the whole path.
 */
import { currentArea as currentAreaOf } from './current-area.js';
import type { Calibration, Recommendation, Summary, TopicSummary } from '../../coach/types.js';
import type { Status } from '../../progress/schema.js';
import type { Roadmap, Stage } from '../../roadmap/schema.js';
import { stagesOf } from '../../roadmap/stages.js';

/** A topic's state in a word, as `status`/`roadmap` show it: the explicit status, refined by results. */
export type TopicState = 'skipped' | 'mastered' | 'done' | 'learning' | 'started' | 'not started';

export function topicState(t: Pick<TopicRow, 'status' | 'mastered' | 'answered' | 'selfScore'>): TopicState {
  if (t.status === 'skip') return 'skipped';
  if (t.mastered) return 'mastered';
  if (t.status === 'done') return 'done';
  if (t.status === 'learning') return 'learning';
  return t.answered > 0 || t.selfScore !== undefined ? 'started' : 'not started';
}

export interface TopicRow {
  id: string;
  title: string;
  status: Status;
  mastery: number;
  /** The latest self-rating as 0..1. */
  selfScore?: number | undefined;
  quizScore?: number | undefined;
  answered: number;
  correct: number;
  calibration: Calibration;
  mastered: boolean;
  lastAssessed?: string | undefined;
  nextReview?: string | undefined;
  due: boolean;
}

export interface AreaView {
  id: string;
  /** 1-based position on the path. */
  step: number;
  title: string;
  summary: string;
  stage: Stage;
  mastery: number;
  selfScore?: number | undefined;
  quizScore?: number | undefined;
  calibration: Calibration;
  mastered: number;
  due: number;
  topics: TopicRow[];
}

export interface ProjectView {
  id: string;
  title: string;
  summary: string;
  status: Status;
  milestones: number;
  doneWhen: string;
  proves: { id: string; title: string; mastered: boolean; mastery: number }[];
  /** Its latest `pyroad check` run: "proven by 18/18 checks on 2026-12-04", or how far it got. */
  checks?: string;
}

export interface ReportView {
  title: string;
  description?: string | undefined;
  /** What readiness is measured toward (the roadmap's `goal`). */
  goal?: string | undefined;
  generatedAt: string;
  stage: Stage;
  stages: Stage[];
  readiness: number;
  gaps: string[];
  areas: AreaView[];
  projects: ProjectView[];
  recommendations: Recommendation[];
  /** True when the recommendations were worked out here from the path, not by the coach. */
  suggested: boolean;
  history: Summary['history'];
  totals: { topics: number; mastered: number; assessed: number; answered: number; correct: number; due: number };
  /** Nothing recorded yet: no rating, no answer, no status. */
  fresh: boolean;
  /** The area the learner is in (current-area.ts): the first unfinished one with progress. */
  currentArea?: string | undefined;
}

/** Path order of the stages (the schema's order; restated here so the report does not load zod). */

const blankTopic = (id: string, title: string): TopicRow => ({
  id,
  title,
  status: 'todo',
  mastery: 0,
  answered: 0,
  correct: 0,
  calibration: 'unknown',
  mastered: false,
  due: false,
});

function topicRow(id: string, title: string, t: TopicSummary | undefined): TopicRow {
  if (!t) return blankTopic(id, title);
  return {
    id,
    title,
    status: t.status,
    mastery: t.mastery,
    selfScore: t.rating === undefined ? undefined : t.rating / 4,
    quizScore: t.quizScore,
    answered: t.answered,
    correct: t.correct,
    calibration: t.calibration,
    mastered: t.mastered,
    lastAssessed: t.lastAssessed,
    nextReview: t.nextReview,
    due: t.due,
  };
}

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** With no advice from the coach (a first run), the first steps of the path, so the page is never empty. */
function firstSteps(roadmap: Roadmap): Recommendation[] {
  const area = roadmap.areas[0];
  const topic = area?.topics[0];
  if (!area || !topic) return [];
  const resource = topic.resources.find((r) => r.free) ?? topic.resources[0];
  const steps: Recommendation[] = [
    {
      kind: 'assess',
      area: area.id,
      title: `Rate yourself on ${area.title}`,
      reason: 'Nothing is recorded yet: a ten-minute self-check shows where you stand and fills in this report.',
      action: { text: 'Run the self-assessment', command: `pyroad assess ${area.id}` },
    },
  ];
  if (resource)
    steps.push({
      kind: 'start',
      area: area.id,
      topic: topic.id,
      title: topic.title,
      reason: `The path starts here: ${topic.summary}`,
      action: { text: `Study: ${resource.title}`, url: resource.url },
    });
  return steps;
}

export function buildView(roadmap: Roadmap, summary: Summary): ReportView {
  const topicSummaries = new Map(summary.topics.map((t) => [t.topic, t]));
  const areaSummaries = new Map(summary.areas.map((a) => [a.area, a]));
  const areas: AreaView[] = roadmap.areas.map((area, i) => {
    const topics = area.topics.map((t) => topicRow(t.id, t.title, topicSummaries.get(t.id)));
    const s = areaSummaries.get(area.id);
    return {
      id: area.id,
      step: i + 1,
      title: area.title,
      summary: area.summary,
      stage: area.stage,
      mastery: s?.mastery ?? mean(topics.map((t) => t.mastery)),
      selfScore: s?.selfScore,
      quizScore: s?.quizScore,
      calibration: s?.calibration ?? 'unknown',
      mastered: s?.mastered ?? topics.filter((t) => t.mastered).length,
      due: s?.due ?? topics.filter((t) => t.due).length,
      topics,
    };
  });
  const rows = new Map(areas.flatMap((a) => a.topics.map((t) => [t.id, t] as const)));
  const projects: ProjectView[] = roadmap.areas.flatMap((area) =>
    area.topics.flatMap((topic) => {
      if (!topic.project) return [];
      const row = rows.get(topic.id) ?? blankTopic(topic.id, topic.title);
      const checks = summary.portfolio?.work.find((w) => w.topic === topic.id)?.checks;
      return [
        {
          id: topic.id,
          title: topic.title,
          summary: topic.summary,
          status: row.status,
          milestones: topic.project.milestones.length,
          doneWhen: topic.project.done_when,
          proves: topic.project.proves.map((id) => {
            const proved = rows.get(id);
            return {
              id,
              title: proved?.title ?? id,
              mastered: proved?.mastered ?? false,
              mastery: proved?.mastery ?? 0,
            };
          }),
          ...(checks ? { checks } : {}),
        },
      ];
    }),
  );
  const all = [...rows.values()];
  const fresh = all.every((t) => t.answered === 0 && t.selfScore === undefined && t.status === 'todo');
  const suggested = summary.recommendations.length === 0;
  const recommendations = suggested ? firstSteps(roadmap) : summary.recommendations;
  const currentArea = currentAreaOf(areas, recommendations);
  const stages = stagesOf(roadmap.areas);
  return {
    title: roadmap.title,
    description: roadmap.description,
    goal: roadmap.goal,
    generatedAt: summary.generatedAt,
    stage: summary.stage,
    stages,
    readiness: summary.readiness,
    gaps: summary.gaps,
    areas,
    projects,
    recommendations,
    suggested,
    history: summary.history,
    totals: {
      topics: all.length,
      mastered: all.filter((t) => t.mastered).length,
      assessed: all.filter((t) => t.answered > 0 || t.selfScore !== undefined).length,
      answered: all.reduce((n, t) => n + t.answered, 0),
      correct: all.reduce((n, t) => n + t.correct, 0),
      due: summary.due.length,
    },
    fresh,
    currentArea,
  };
}
