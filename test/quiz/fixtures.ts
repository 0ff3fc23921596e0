import type { AnswerEvent, ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { indexRoadmap } from '../../src/roadmap/query.js';
import type { Area, Question, Topic } from '../../src/roadmap/schema.js';

/** Small hand-made roadmap pieces for the pure quiz tests. */
export function question(id: string, answer = 0, choices = ['a', 'b', 'c']): Question {
  return { id, prompt: `Question ${id}?`, choices, answer, explanation: `Because ${id}.`, difficulty: 'easy' };
}

export function topic(id: string, questions: Question[]): Topic {
  return {
    id,
    title: `Topic ${id}`,
    summary: `About ${id}.`,
    why: 'It matters.',
    prerequisites: [],
    resources: [{ title: `Read about ${id}`, url: `https://example.com/${id}`, kind: 'docs', free: true }],
    questions,
  };
}

export function area(
  id = 'area',
  topics: Topic[] = [topic('t1', [question('q1'), question('q2'), question('q3'), question('q4')])],
): Area {
  return { id, title: `Area ${id}`, stage: 'skills', summary: 'An area.', prerequisites: [], topics };
}

export function index(...areas: Area[]) {
  return indexRoadmap({ version: 1, title: 'Test', files: [], areas });
}

export const at = (minute: number): string => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

export function answer(
  topicId: string,
  questionId: string,
  correct: boolean,
  minute: number,
  session?: string,
): AnswerEvent {
  return {
    e: 'answer',
    at: at(minute),
    topic: topicId,
    question: questionId,
    choice: correct ? 0 : 1,
    correct,
    ...(session ? { session } : {}),
  };
}

export const state = (events: ProgressEvent[] = []) => foldEvents(events);
