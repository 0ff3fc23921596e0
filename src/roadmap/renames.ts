import type { Renames } from '../progress/state.js';
import type { Located } from './check.js';
import type { ParsedFile } from './parse.js';
import type { Roadmap } from './schema.js';

/**
 * Renamed topics and questions (`formerly: [old-id]`). Progress recorded under an old id counts
 * for the new one: the map is applied when the journal is folded, and the journal is never
 * rewritten, so the old roadmap still reads it. Pure.
 */

const cache = new WeakMap<Roadmap, Renames>();

/** Old id → current id, for topics and questions. */
export function renamesOf(roadmap: Roadmap): Renames {
  let renames = cache.get(roadmap);
  if (!renames) {
    const topics = new Map<string, string>();
    const questions = new Map<string, string>();
    for (const area of roadmap.areas)
      for (const topic of area.topics) {
        for (const old of topic.formerly ?? []) topics.set(old, topic.id);
        for (const question of topic.questions)
          for (const old of question.formerly ?? []) questions.set(old, question.id);
      }
    renames = { topics, questions };
    cache.set(roadmap, renames);
  }
  return renames;
}

/** Topic ids with progress on record that this roadmap has neither as an id nor as a former id. */
export function unknownProgressIds(recorded: Iterable<string>, roadmap: Roadmap): string[] {
  const live = new Set(roadmap.areas.flatMap((a) => [a.id, ...a.topics.map((t) => t.id)]));
  return [...recorded].filter((id) => !live.has(id)).sort();
}

/**
 * The one line `status` shows about progress the roadmap does not know, or nothing. The way back
 * depends on how this roadmap was picked (`roadmapFrom`): a --roadmap for this run is dropped, an
 * environment variable unset, a setting changed.
 */
export function unknownProgressNote(
  ids: readonly string[],
  roadmapFrom: 'flag' | 'env' | 'setting' | 'default' = 'setting',
): string | undefined {
  if (ids.length === 0) return undefined;
  const shown = ids.slice(0, 5).join(', ') + (ids.length > 5 ? ` and ${ids.length - 5} more` : '');
  const one = ids.length === 1;
  const it = one ? 'it' : 'them';
  const back = {
    flag: `or run without --roadmap to use your usual roadmap, if it has ${it}`,
    env: `or unset PYROAD_ROADMAP to use your usual roadmap, if it has ${it}`,
    setting: `or switch back to the roadmap that has ${it} (pyroad config set roadmap FILE)`,
    default: `or use the roadmap that has ${it} (pyroad config set roadmap FILE)`,
  }[roadmapFrom];
  return (
    `Progress for ${one ? 'a topic' : `${ids.length} topics`} not in this roadmap is kept but not counted: ${shown}. ` +
    `To count it, list the old id under the new topic's "formerly:", ${back}.`
  );
}

type Report = (where: Located, message: string) => void;

/** A former id may not be a live id, nor be claimed by two topics (or two questions). */
export function checkFormerly(
  files: ParsedFile[],
  live: { areas: Map<string, Located>; topics: Map<string, Located>; questions: Map<string, Located> },
  report: Report,
): void {
  const claimed = { topic: new Map<string, string>(), question: new Map<string, string>() };
  const check = (kind: 'topic' | 'question', owner: string, old: string, where: Located) => {
    const liveHere = kind === 'question' ? live.questions : live.topics;
    if (liveHere.has(old) || (kind === 'topic' && live.areas.has(old)))
      report(
        where,
        `formerly "${old}" is the id of a live ${liveHere.has(old) ? kind : 'area'}: progress could not tell them apart`,
      );
    else if (claimed[kind].has(old) && claimed[kind].get(old) !== owner)
      report(where, `formerly "${old}" is also claimed by ${kind} "${claimed[kind].get(old)}"`);
    else claimed[kind].set(old, owner);
  };
  for (const parsed of files)
    parsed.data?.areas.forEach((area, a) =>
      area.topics.forEach((topic, t) => {
        const topicPath = ['areas', a, 'topics', t];
        topic.formerly?.forEach((old, i) =>
          check('topic', topic.id, old, { parsed, path: [...topicPath, 'formerly', i] }),
        );
        topic.questions.forEach((question, q) =>
          question.formerly?.forEach((old, i) =>
            check('question', question.id, old, { parsed, path: [...topicPath, 'questions', q, 'formerly', i] }),
          ),
        );
      }),
    );
}
