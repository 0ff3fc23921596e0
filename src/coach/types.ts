import type { Funnel } from './applications.js';
import type { Stage } from '../roadmap/schema.js';
import type { Status } from '../progress/schema.js';

/**
 * What the coach computes from a roadmap, the progress and a clock. Pure data, JSON-ready
 * (dates as ISO strings): `next --json`, `status --json`, `export` and the report all use it.
 */
export type Calibration = 'over-confident' | 'under-confident' | 'consistent' | 'unknown';

export interface TopicSummary {
  topic: string;
  area: string;
  title: string;
  /** Mastered before these prerequisites (topic or area titles): prerequisites guide, they do not block knowing. */
  passedBefore?: string[];
  /** 0..1, from the self-rating and the quiz answers (quiz weighs more as answers accumulate). */
  mastery: number;
  /** Latest self-rating 0..4, if any. */
  rating?: number;
  /** Recency-weighted share of correct answers, 0..1, if any answers. */
  quizScore?: number;
  answered: number;
  correct: number;
  calibration: Calibration;
  status: Status;
  mastered: boolean;
  lastAssessed?: string;
  nextReview?: string;
  due: boolean;
  /** Every prerequisite is complete or skipped, so it can be learned now. */
  ready?: boolean;
  /** FSRS's estimate (0..1) that it is still known now; present once it has quiz answers. */
  retrievability?: number;
  /** Projects proven by their checks that list this topic in `proves:` (coach/proof.ts): hands-on evidence. */
  provenBy?: { project: string; passed: number; total: number; at: string }[];
}

export interface AreaSummary {
  area: string;
  title: string;
  stage: Stage;
  mastery: number;
  /** Average self-rating as 0..1 and quiz score 0..1 over the topics that have them (for the radar). */
  selfScore?: number;
  quizScore?: number;
  topics: number;
  mastered: number;
  calibration: Calibration;
  due: number;
  /** The Rasch ability band with its uncertainty ("likely intermediate, could be beginner"), once it has answers. */
  band?: string;
}

export type RecommendationKind =
  | 'start'
  | 'learn'
  | 'review'
  | 'assess'
  | 'project'
  | 'certificate'
  | 'job'
  // The prove and apply stages (prove-apply.ts): prove a built project, start applying, follow up.
  | 'prove'
  | 'apply'
  | 'follow-up'
  // A Python exercise for a topic the quiz says is known (exercise-steps.ts).
  | 'practice';

export interface Recommendation {
  kind: RecommendationKind;
  area: string;
  topic?: string;
  title: string;
  /** One sentence: why this, now. */
  reason: string;
  /** One concrete thing to do. */
  action: { text: string; url?: string; command?: string };
}

export interface Summary {
  generatedAt: string;
  /** The stage the learner is in. */
  stage: Stage;
  /** 0..1 toward the roadmap's goal (the shipped one: "ready to apply for junior Python back-end roles"). */
  readiness: number;
  /** The few biggest gaps, as topic or area titles with a short note. */
  gaps: string[];
  areas: AreaSummary[];
  topics: TopicSummary[];
  due: string[];
  recommendations: Recommendation[];
  /** Mastery over time: one point per day with activity (for status and the report). */
  history: HistoryPoint[];
  /** Mean mastery over all topics not skipped, 0..1. */
  mastery?: number;
  /** How mastery and readiness moved in the last 30 days. */
  recent?: RecentChange;
  /** Projects, checklists, evidence links and job applications (portfolio-summary.ts). */
  portfolio?: PortfolioSummary;
}

export interface PortfolioSummary {
  /** Every project and checklist topic with something ticked, linked or built; in path order. */
  work: {
    topic: string;
    title: string;
    kind: 'project' | 'checklist';
    done: number;
    total: number;
    /** The items ticked, 1-based. */
    ticked: number[];
    /** "4 of 7 milestones". */
    label: string;
    stage?: 'todo' | 'building' | 'built' | 'proven';
    /** The latest `pyroad check` run: "proven by 18/18 checks on 2026-12-04", or how far it got. */
    checks?: string;
  }[];
  /** Evidence links attached and not removed, numbered as `pyroad evidence list` shows them. */
  links: { n: number; topic: string; title: string; url: string; note?: string; at: string }[];
  applications: {
    n: number;
    company: string;
    role: string;
    stage: string;
    appliedAt: string;
    updatedAt: string;
    url?: string;
    stack: string[];
    source?: string;
    interviewOn?: string;
  }[];
  funnel: Funnel;
}

export interface HistoryPoint {
  /** A UTC day, YYYY-MM-DD. */
  date: string;
  /** Mean mastery over all topics not skipped, at the end of that day. */
  mastery: number;
  /** Answers given that day. */
  answered: number;
  /** Readiness at the end of that day. */
  readiness?: number;
}

export interface RecentChange {
  days: number;
  /** Start of the window, ISO. */
  since: string;
  /** Change in overall mastery and readiness over the window (now minus then). */
  mastery: number;
  readiness: number;
  masteryBefore: number;
  readinessBefore: number;
  /** Quiz answers given and topics rated or answered in the window. */
  answered: number;
  topicsAssessed: number;
  /** Statuses set by hand (`pyroad mark`) in the window. */
  marked?: number;
}

/** What `next` shows: the recommendations and the headline figures, without per-topic detail. */
export interface NextSummary {
  generatedAt: string;
  /** The area `--area` asked for. */
  area?: string;
  stage: Stage;
  readiness: number;
  /** Topics due for a re-check, soonest first (as in Summary). */
  due: string[];
  /** Due topics that none of the recommendations covers. */
  moreDue: number;
  recommendations: Recommendation[];
}
