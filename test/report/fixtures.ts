/** Small roadmaps and summaries for the report's tests, built in code (no files, no clock). */
import type { Summary } from '../../src/coach/types.js';
import { summarize } from '../../src/coach/summary.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { indexRoadmap } from '../../src/roadmap/query.js';
import type { Area, Roadmap, Stage, Topic } from '../../src/roadmap/schema.js';

export const EVIL = '<script>alert(1)</script>';
export const NOW = new Date('2026-03-01T12:00:00Z');

export function topic(id: string, title = id, extra: Partial<Topic> = {}): Topic {
  return {
    id,
    title,
    summary: `What ${title} is.`,
    why: `Why ${title} matters.`,
    prerequisites: [],
    resources: [{ title: `${title} docs`, url: `https://example.org/${id}`, kind: 'docs', free: true }],
    questions: [0, 1].map((n) => ({
      id: `${id}-q${n}`,
      prompt: `Question ${n} about ${title}?`,
      choices: ['a', 'b', 'c'],
      answer: 0,
      explanation: 'Because a.',
      difficulty: 'easy' as const,
    })),
    ...extra,
  };
}

export function area(id: string, topics: Topic[], stage: Stage = 'skills', title = id): Area {
  return { id, title, stage, summary: `The ${title} area.`, prerequisites: [], topics };
}

export function roadmap(areas: Area[], title = 'Test roadmap'): Roadmap {
  return { version: 1, title, files: ['test.yaml'], areas };
}

/** A roadmap with `n` areas of two topics each. */
export function areasRoadmap(n: number): Roadmap {
  return roadmap(
    Array.from({ length: n }, (_, i) =>
      area(`area-${i + 1}`, [topic(`t${i + 1}-a`), topic(`t${i + 1}-b`)], 'skills', `Area number ${i + 1}`),
    ),
  );
}

/** The coach's summary of `events` on `map`, at NOW. */
export function summaryOf(map: Roadmap, events: ProgressEvent[] = [], limit = 5): Summary {
  return summarize(indexRoadmap(map), foldEvents(events), NOW, { limit });
}

/** Rates and answers every question of the first `areas` areas, a few days apart. */
export function someProgress(map: Roadmap, areas: number): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  map.areas.slice(0, areas).forEach((a, i) => {
    const at = new Date(NOW.getTime() - (areas - i) * 3 * 86_400_000).toISOString();
    a.topics.forEach((t, j) => {
      events.push({ e: 'rating', at, topic: t.id, value: 3 });
      t.questions.forEach((q, k) =>
        events.push({
          e: 'answer',
          at,
          topic: t.id,
          question: q.id,
          choice: (i + j + k) % 3 === 0 ? 1 : q.answer,
          correct: (i + j + k) % 3 !== 0,
        }),
      );
    });
  });
  return events;
}
