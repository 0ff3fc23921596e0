import type { Question, Roadmap } from './schema.js';

/**
 * The roadmap without the wording of its questions: every question keeps its id, answer,
 * difficulty, former ids and number of choices, but its prompt and choices are empty strings and
 * its explanation is left out. The question text is about three quarters of a roadmap's bytes, and
 * the commands that coach (`next`, `status`, `plan`, the `roadmap` tree) count and judge answers
 * without ever showing a question, so they read this smaller copy from the cache (roadmap/cache.ts):
 * less JSON to parse and less garbage to collect on every start-up (issue 19). A command that
 * shows or checks a question's wording (assess, show, export, import, --json trees) reads the full
 * roadmap.
 *
 * The prose of areas and topics (`summary`, `why`) goes too: `summary` is an empty string and `why`
 * is left out. The outline's readers print titles, ids, resources, milestones and checklist steps,
 * never that prose (`show` and the report, which do, read the full roadmap); it was a quarter of
 * the outline's bytes.
 */
export type RoadmapOutline = Roadmap;

function outlineQuestion(q: Question): Question {
  const { explanation: _explanation, prompt: _prompt, choices, ...kept } = q;
  return { ...kept, prompt: '', choices: choices.map(() => '') };
}

export function outlineOf(roadmap: Roadmap): RoadmapOutline {
  return {
    ...roadmap,
    areas: roadmap.areas.map((area) => ({
      ...area,
      summary: '',
      topics: area.topics.map(({ why: _why, ...topic }) => ({
        ...topic,
        summary: '',
        questions: topic.questions.map(outlineQuestion),
      })),
    })),
  };
}
