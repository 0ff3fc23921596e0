import { didYouMean } from '../didyoumean.js';
import type { ParsedFile, Path } from './parse.js';
import { exerciseFileName } from './exercises.js';
import { checkFormerly } from './renames.js';
import type { Problem } from './problems.js';

export interface Located {
  parsed: ParsedFile;
  path: Path;
}

/**
 * Checks what the schema alone cannot: ids unique across every file, prerequisites that resolve
 * and form no cycle, answers in range, distinct choices. Pure: parsed files in, problems out.
 */
export function checkRoadmap(files: ParsedFile[]): Problem[] {
  const problems: Problem[] = [];
  const report = (where: Located, message: string, key?: string) =>
    problems.push({ file: where.parsed.file, ...where.parsed.locate.at(where.path, key), message });

  const areaIds = new Map<string, Located>();
  const topicIds = new Map<string, Located>();
  const questionIds = new Map<string, Located>();
  const exerciseIds = new Map<string, Located>();
  // Two exercises may not write the same practice file.
  const exerciseFiles = new Map<string, Located>();
  const firstSeen = (seen: Located) => `${seen.parsed.file}:${seen.parsed.locate.at(seen.path).line}`;

  const claim = (ids: Map<string, Located>, kind: string, id: string, where: Located) => {
    const ownSpace = kind === 'question' || kind === 'exercise';
    const earlier = ids.get(id) ?? (ownSpace ? undefined : (areaIds.get(id) ?? topicIds.get(id)));
    if (earlier) report(where, `duplicate ${kind} id "${id}" (first used at ${firstSeen(earlier)})`);
    else ids.set(id, where);
    return !earlier;
  };

  const looseIds = new Set(files.flatMap((f) => [...(f.ids ?? [])]));
  const known = (ids: Map<string, Located>, id: string) => ids.has(id) || looseIds.has(id);

  for (const parsed of files) {
    parsed.data?.areas.forEach((area, a) => {
      const areaPath = ['areas', a];
      claim(areaIds, 'area', area.id, { parsed, path: [...areaPath, 'id'] });
      area.topics.forEach((topic, t) => {
        const topicPath = [...areaPath, 'topics', t];
        claim(topicIds, 'topic', topic.id, { parsed, path: [...topicPath, 'id'] });
        topic.exercises?.forEach((exercise, x) => {
          const exercisePath = [...topicPath, 'exercises', x];
          if (!claim(exerciseIds, 'exercise', exercise.id, { parsed, path: [...exercisePath, 'id'] })) return;
          const file = exerciseFileName(exercise);
          const where = { parsed, path: [...exercisePath, exercise.file ? 'file' : 'id'] };
          const earlier = exerciseFiles.get(file);
          if (earlier)
            report(
              where,
              `exercise file "${file}" is already used by the exercise at ${firstSeen(earlier)}; give one a different \`file:\``,
            );
          else exerciseFiles.set(file, where);
        });
        topic.questions.forEach((question, q) => {
          const questionPath = [...topicPath, 'questions', q];
          claim(questionIds, 'question', question.id, { parsed, path: [...questionPath, 'id'] });
          if (question.answer >= question.choices.length)
            report(
              { parsed, path: [...questionPath, 'answer'] },
              `answer ${question.answer} is out of range: there are ${question.choices.length} choices, numbered from 0`,
            );
          const seen = new Map<string, number>();
          question.choices.forEach((choice, c) => {
            // In code case matters (`null`/`NULL`, `-d`/`-D`): exact, after trimming.
            const key = choice.trim();
            const first = seen.get(key);
            if (first !== undefined)
              report({ parsed, path: [...questionPath, 'choices', c] }, `choice ${c} repeats choice ${first}`);
            else seen.set(key, c);
          });
        });
      });
    });
  }

  checkFormerly(files, { areas: areaIds, topics: topicIds, questions: questionIds }, report);

  // References, once every id is known. `own` are the ids a list may name; `other` the ids of the
  // other kind, named in the message when a list mixes them up.
  const checkRefs = (
    ids: readonly string[],
    where: (i: number) => Located,
    field: string,
    own: { ids: Map<string, Located>; kind: 'area' | 'topic' },
    other: { ids: Map<string, Located>; kind: 'area' | 'topic' },
  ) =>
    ids.forEach((dep, i) => {
      if (known(own.ids, dep)) return;
      report(
        where(i),
        other.ids.has(dep) && field === 'prerequisites'
          ? `prerequisite "${dep}" is ${article(other.kind)} ${other.kind}; ${article(own.kind)} ${own.kind}'s prerequisites must be ${own.kind}s`
          : `unknown ${own.kind} "${dep}" in ${field}${didYouMean(dep, [...own.ids.keys(), ...looseIds])}`,
      );
    });
  const areas = { ids: areaIds, kind: 'area' as const };
  const topics = { ids: topicIds, kind: 'topic' as const };

  const topicGraph = new Map<string, { deps: string[]; where: (i: number) => Located }>();
  const areaGraph = new Map<string, { deps: string[]; where: (i: number) => Located }>();
  for (const parsed of files) {
    parsed.data?.areas.forEach((area, a) => {
      const areaPath = ['areas', a];
      const areaWhere = (i: number): Located => ({ parsed, path: [...areaPath, 'prerequisites', i] });
      checkRefs(area.prerequisites, areaWhere, 'prerequisites', areas, topics);
      if (!areaGraph.has(area.id)) areaGraph.set(area.id, { deps: area.prerequisites, where: areaWhere });
      area.topics.forEach((topic, t) => {
        const topicPath = [...areaPath, 'topics', t];
        const topicWhere = (i: number): Located => ({ parsed, path: [...topicPath, 'prerequisites', i] });
        checkRefs(topic.prerequisites, topicWhere, 'prerequisites', topics, areas);
        if (!topicGraph.has(topic.id)) topicGraph.set(topic.id, { deps: topic.prerequisites, where: topicWhere });
        const provesWhere = (i: number): Located => ({ parsed, path: [...topicPath, 'project', 'proves', i] });
        checkRefs(topic.project?.proves ?? [], provesWhere, 'project.proves', topics, areas);
      });
    });
  }

  for (const [graph, kind] of [
    [areaGraph, 'area'],
    [topicGraph, 'topic'],
  ] as const)
    for (const cycle of findCycles(graph)) {
      const [from, to] = cycle;
      const node = graph.get(from!)!;
      report(node.where(node.deps.indexOf(to!)), `prerequisite cycle between ${kind}s: ${cycle.join(' -> ')}`);
    }

  return problems;
}

/**
 * The cycles a depth-first walk meets, each reported once, as [a, b, ..., a]. Iterative, so a
 * roadmap with a prerequisite chain thousands of topics long cannot overflow the stack.
 */
export function findCycles(graph: Map<string, { deps: string[] }>): string[][] {
  const state = new Map<string, 'active' | 'done'>();
  const cycles: string[][] = [];
  for (const start of graph.keys()) {
    if (state.has(start)) continue;
    const path: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'active');
    while (path.length > 0) {
      const id = path.at(-1)!;
      const deps = graph.get(id)?.deps ?? [];
      const i = next[next.length - 1]!;
      if (i >= deps.length) {
        state.set(id, 'done');
        path.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = i + 1;
      const dep = deps[i]!;
      if (!graph.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'active') cycles.push([...path.slice(path.indexOf(dep)), dep]);
      else if (s === undefined) {
        state.set(dep, 'active');
        path.push(dep);
        next.push(0);
      }
    }
  }
  return cycles;
}

const article = (word: string): string => (/^[aeiou]/.test(word) ? 'an' : 'a');
