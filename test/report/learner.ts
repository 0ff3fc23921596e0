/**
 * A scripted learner for report tests: "halfway through the path". Every assessment is recorded
 * through the built binary's `assess --answers`, each on its own day (PYROAD_NOW), so the history
 * has a real shape. Deterministic: the same roadmap gives the same progress.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import type { Roadmap } from '../../src/roadmap/schema.js';
import { runCli, SHIPPED } from '../helpers/cli.js';
import { mulberry32 } from '../../src/quiz/random.js';

export interface Session {
  /** ISO date-time the assessment happens at. */
  at: string;
  area: string;
  ratings: Record<string, number>;
  answers: Record<string, number>;
}

export function loadShipped(): Roadmap {
  const result = loadRoadmapFiles(SHIPPED);
  if (!result.roadmap) throw new Error(`the shipped roadmap does not load: ${JSON.stringify(result.problems)}`);
  return result.roadmap;
}

/**
 * How the learner does per area: their self-rating (0..4) and the chance of a right answer.
 * Some areas are over-confident (networking, security), one under-confident (linux), so the radar
 * shows the point of drawing both shapes.
 */
const PROFILE: { area: string; day: number; self: number; accuracy: number; topics?: number }[] = [
  { area: 'the-job', day: 0, self: 3, accuracy: 0.95 },
  { area: 'python', day: 3, self: 3, accuracy: 0.7 },
  { area: 'frontend', day: 9, self: 2, accuracy: 0.65 },
  { area: 'python', day: 14, self: 3, accuracy: 0.95 },
  { area: 'networking', day: 18, self: 3, accuracy: 0.5 },
  { area: 'linux', day: 24, self: 1, accuracy: 0.85 },
  { area: 'api-design', day: 29, self: 3, accuracy: 0.7 },
  { area: 'networking', day: 35, self: 3, accuracy: 0.8 },
  { area: 'web-frameworks', day: 41, self: 2, accuracy: 0.65 },
  { area: 'security', day: 47, self: 3, accuracy: 0.35 },
  { area: 'sql', day: 53, self: 2, accuracy: 0.75, topics: 4 },
  { area: 'frontend', day: 55, self: 3, accuracy: 0.9 },
  { area: 'the-job', day: 56, self: 3, accuracy: 1 },
];

/** Statuses set by hand with `pyroad mark`: a portfolio project under way. */
export const HALFWAY_MARKS: { day: number; topic: string; status: 'learning' | 'done' }[] = [
  { day: 50, topic: 'portfolio-site-project', status: 'learning' },
];

export const START = Date.parse('2026-01-05T18:30:00Z');
/** The report's clock: a few days after the last session. */
export const REPORT_NOW = new Date(START + 57 * 86_400_000).toISOString();

export function halfwaySessions(roadmap: Roadmap, seed = 7): Session[] {
  const random = mulberry32(seed);
  return PROFILE.flatMap((p) => {
    const area = roadmap.areas.find((a) => a.id === p.area);
    if (!area) return [];
    const ratings: Record<string, number> = {};
    const answers: Record<string, number> = {};
    for (const topic of area.topics.slice(0, p.topics ?? area.topics.length)) {
      ratings[topic.id] = Math.max(0, Math.min(4, p.self + Math.round(random() * 2 - 1)));
      for (const q of topic.questions)
        answers[q.id] = random() < p.accuracy ? q.answer : (q.answer + 1) % q.choices.length;
    }
    return [{ at: new Date(START + p.day * 86_400_000).toISOString(), area: area.id, ratings, answers }];
  });
}

/** Records statuses with `pyroad mark` (the built binary), each on its day. */
export function recordMarks(marks: typeof HALFWAY_MARKS, opts: { home: string }): void {
  for (const m of marks) {
    const r = runCli(['mark', m.topic, m.status], {
      home: opts.home,
      env: { PYROAD_NOW: new Date(START + m.day * 86_400_000).toISOString() },
    });
    if (r.code !== 0) throw new Error(`mark ${m.topic} ${m.status} failed (exit ${r.code}): ${r.stderr}`);
  }
}

/** Records sessions with `pyroad assess --answers` (the built binary); throws on any failure. */
export function recordSessions(
  sessions: readonly Session[],
  opts: { home: string; dir: string; roadmap?: string },
): void {
  sessions.forEach((s, i) => {
    const file = join(opts.dir, `answers-${i}.json`);
    writeFileSync(file, JSON.stringify({ area: s.area, ratings: s.ratings, answers: s.answers }));
    const r = runCli(['assess', '--answers', file], {
      home: opts.home,
      env: { PYROAD_NOW: s.at, ...(opts.roadmap ? { PYROAD_ROADMAP: opts.roadmap } : {}) },
    });
    if (r.code !== 0) throw new Error(`assess --answers failed for ${s.area} (exit ${r.code}): ${r.stderr}`);
  });
}
