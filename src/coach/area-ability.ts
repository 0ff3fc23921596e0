import type { ProgressState } from '../progress/state.js';
import type { Area } from '../roadmap/schema.js';
import { estimateAbility, type Ability, type Response } from './ability.js';

/**
 * The answers given in one area as Rasch responses: each answer's question looked up for its
 * difficulty level. Answers to questions the roadmap no longer has are left out (their level is
 * unknown). Pure.
 */
export function areaResponses(area: Area, state: Pick<ProgressState, 'topics'>): Response[] {
  const out: Response[] = [];
  for (const topic of area.topics) {
    const progress = state.topics.get(topic.id);
    if (!progress || progress.answerCount === 0) continue;
    const levels = new Map(topic.questions.map((q) => [q.id, q.difficulty]));
    progress.eachAnsweredQuestion((question, correct) => {
      const level = levels.get(question);
      if (level) out.push({ level, correct });
    });
  }
  return out;
}

/** The ability estimate for one area, or undefined when it has no answers to known questions. */
export function areaAbility(area: Area, state: Pick<ProgressState, 'topics'>): Ability | undefined {
  const responses = areaResponses(area, state);
  return responses.length ? estimateAbility(responses) : undefined;
}
