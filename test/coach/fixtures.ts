import type { AnswerEvent, ProgressEvent, Status } from '../../src/progress/schema.js';
import { foldEvents, type ProgressState } from '../../src/progress/state.js';
import { indexRoadmap, type RoadmapIndex } from '../../src/roadmap/query.js';
import type { Area, Project, Question, Roadmap, Stage, Topic } from '../../src/roadmap/schema.js';

/** Builders for small in-memory roadmaps and progress, so coach tests read as tables. */

export const NOW = new Date('2026-03-01T12:00:00Z');
export const DAY = 86_400_000;
export const daysAgo = (n: number, from = NOW): string => new Date(from.getTime() - n * DAY).toISOString();

export function question(id: string): Question {
  return {
    id,
    prompt: `Question ${id}?`,
    choices: ['a', 'b', 'c'],
    answer: 0,
    explanation: 'Because.',
    difficulty: 'easy',
  };
}

export function topic(
  id: string,
  opts: {
    prerequisites?: string[];
    questions?: number;
    project?: Project;
    checklist?: string[];
    certificate?: boolean;
  } = {},
): Topic {
  const t: Topic = {
    id,
    title: `Title of ${id}`,
    summary: `About ${id}.`,
    why: `Why ${id}.`,
    prerequisites: opts.prerequisites ?? [],
    resources: [
      ...(opts.certificate
        ? [{ title: `${id} exam`, url: `https://example.com/${id}/exam`, kind: 'certificate' as const, free: false }]
        : []),
      { title: `${id} docs`, url: `https://example.com/${id}`, kind: 'docs', free: true },
    ],
    questions: Array.from({ length: opts.questions ?? 4 }, (_, i) => question(`${id}-q${i + 1}`)),
  };
  if (opts.project) t.project = opts.project;
  if (opts.checklist) t.checklist = opts.checklist;
  return t;
}

export function area(id: string, topics: Topic[], opts: { stage?: Stage; prerequisites?: string[] } = {}): Area {
  return {
    id,
    title: `Area ${id}`,
    stage: opts.stage ?? 'skills',
    summary: `The ${id} area.`,
    prerequisites: opts.prerequisites ?? [],
    topics,
  };
}

export function roadmapOf(areas: Area[]): RoadmapIndex {
  const roadmap: Roadmap = { version: 1, title: 'Test roadmap', files: ['test.yaml'], areas };
  return indexRoadmap(roadmap);
}

/** A small roadmap shaped like the shipped one: orientation, Python, SQL before NoSQL, projects, job search. */
export function pathRoadmap(): RoadmapIndex {
  return roadmapOf([
    area('the-job', [topic('backend-role'), topic('backend-ops', { prerequisites: ['backend-role'] })]),
    area('python', [
      topic('py-basics'),
      topic('py-functions', { prerequisites: ['py-basics'] }),
      topic('py-classes', { prerequisites: ['py-functions'] }),
    ]),
    area('networking', [topic('http'), topic('http-clients', { prerequisites: ['http', 'py-functions'] })], {
      prerequisites: ['python'],
    }),
    area('sql', [topic('sql-queries'), topic('sql-modeling', { prerequisites: ['sql-queries'] })], {
      prerequisites: ['python'],
    }),
    area('nosql', [topic('doc-modeling', { prerequisites: ['sql-modeling'] })], { prerequisites: ['sql'] }),
    area(
      'portfolio',
      [
        topic('api-project', {
          prerequisites: ['http-clients', 'sql-modeling'],
          project: {
            proves: ['http-clients', 'sql-modeling'],
            milestones: ['Sketch the API', 'Build it', 'Deploy it'],
            done_when: 'It is live.',
          },
        }),
      ],
      { stage: 'prove', prerequisites: ['sql'] },
    ),
    area('certificates', [topic('pcep', { questions: 0, certificate: true })], {
      stage: 'prove',
      prerequisites: ['python'],
    }),
    area('job-search', [topic('cv', { questions: 0, checklist: ['Write a one-page CV', 'Ask a friend to read it'] })], {
      stage: 'apply',
      prerequisites: ['portfolio'],
    }),
  ]);
}

/** Events for one assessment of a topic: a rating and answers, `right` of them correct. */
export function assessed(
  topicId: string,
  opts: { rating?: number; right: number; of?: number; at?: string; session?: string },
): ProgressEvent[] {
  const at = opts.at ?? daysAgo(1);
  const of = opts.of ?? 4;
  const events: ProgressEvent[] = [];
  if (opts.rating !== undefined) events.push({ e: 'rating', at, topic: topicId, value: opts.rating });
  for (let i = 0; i < of; i++) {
    const a: AnswerEvent = {
      e: 'answer',
      at,
      topic: topicId,
      question: `${topicId}-q${i + 1}`,
      choice: i < opts.right ? 0 : 1,
      correct: i < opts.right,
    };
    if (opts.session) a.session = opts.session;
    events.push(a);
  }
  return events;
}

export const status = (topicId: string, s: Status, at = daysAgo(1)): ProgressEvent => ({
  e: 'status',
  at,
  topic: topicId,
  status: s,
});

export const stateOf = (...events: (ProgressEvent | ProgressEvent[])[]): ProgressState => foldEvents(events.flat());

/** Every topic of an area assessed strongly. */
export function masterArea(index: RoadmapIndex, areaId: string, at = daysAgo(1)): ProgressEvent[] {
  return index.areas.get(areaId)!.topics.flatMap((t) => [
    ...(t.questions.length ? assessed(t.id, { rating: 4, right: t.questions.length, of: t.questions.length, at }) : []),
    // Projects and job-search steps are complete only when marked done.
    ...(t.project || t.checklist || !t.questions.length ? [status(t.id, 'done', at)] : []),
  ]);
}
