import { usageError } from '../errors.js';
import { didYouMean } from '../didyoumean.js';
import type { Area, Question, Roadmap, Topic } from './schema.js';

/** A topic with its area and its position on the path (roadmap order). */
export interface TopicEntry {
  topic: Topic;
  area: Area;
  index: number;
}

/** Lookups over a loaded roadmap. Pure; built once per run. */
export interface RoadmapIndex {
  roadmap: Roadmap;
  areas: Map<string, Area>;
  topics: Map<string, TopicEntry>;
  questions: Map<string, { question: Question; topic: Topic; area: Area }>;
}

export function indexRoadmap(roadmap: Roadmap): RoadmapIndex {
  const areas = new Map<string, Area>();
  const topics: RoadmapIndex['topics'] = new Map();
  let index = 0;
  for (const area of roadmap.areas) {
    areas.set(area.id, area);
    for (const topic of area.topics) topics.set(topic.id, { topic, area, index: index++ });
  }
  // Questions by id are built on first use: only assess and import look questions up, and the
  // coaching commands (next, status, plan) would build the map for nothing on every run.
  let questions: RoadmapIndex['questions'] | undefined;
  return {
    roadmap,
    areas,
    topics,
    get questions() {
      return (questions ??= questionsOf(roadmap));
    },
  };
}

function questionsOf(roadmap: Roadmap): RoadmapIndex['questions'] {
  const out: RoadmapIndex['questions'] = new Map();
  for (const area of roadmap.areas)
    for (const topic of area.topics)
      for (const question of topic.questions) out.set(question.id, { question, topic, area });
  return out;
}

export function countRoadmap(roadmap: Roadmap) {
  let topics = 0;
  let questions = 0;
  let resources = 0;
  let exercises = 0;
  for (const area of roadmap.areas)
    for (const topic of area.topics) {
      topics++;
      questions += topic.questions.length;
      resources += topic.resources.length;
      exercises += topic.exercises?.length ?? 0;
    }
  return { areas: roadmap.areas.length, topics, questions, resources, exercises };
}

/** Ids are lowercase (the schema says so), so `SQL` or ` sql ` on the command line mean `sql`. */
const canonical = (id: string): string => id.trim().toLowerCase();

/** An area or topic by id, or a usage error (exit 2) with a did-you-mean. */
export function findItem(
  index: RoadmapIndex,
  id: string,
): { kind: 'area'; area: Area } | { kind: 'topic'; topic: Topic; area: Area } {
  id = canonical(id);
  const area = index.areas.get(id);
  if (area) return { kind: 'area', area };
  const topic = index.topics.get(id);
  if (topic) return { kind: 'topic', topic: topic.topic, area: topic.area };
  throw usageError(
    `no area or topic "${id}" in the roadmap${didYouMean(id, [...index.areas.keys(), ...index.topics.keys()])}; \`pyroad roadmap\` lists them`,
  );
}

export function findArea(index: RoadmapIndex, id: string): Area {
  id = canonical(id);
  const area = index.areas.get(id);
  if (area) return area;
  throw usageError(
    `no area "${id}" in the roadmap${didYouMean(id, index.areas.keys())}; \`pyroad roadmap\` lists them`,
  );
}

export function findTopic(index: RoadmapIndex, id: string): { topic: Topic; area: Area } {
  id = canonical(id);
  const found = index.topics.get(id);
  if (found) return found;
  throw usageError(
    `no topic "${id}" in the roadmap${didYouMean(id, index.topics.keys())}; \`pyroad roadmap\` lists them`,
  );
}
