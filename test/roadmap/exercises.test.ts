import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importsModule } from '../../src/roadmap/authoring.js';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import { formatProblem } from '../../src/roadmap/problems.js';
import { countRoadmap } from '../../src/roadmap/query.js';
import { carriedExercises, exerciseFileName } from '../../src/roadmap/exercises.js';
import { ROOT, tempDir } from '../helpers/cli.js';

/** `exercises:` in the roadmap format (issue 17): checked by the same schema and checks as the rest. */
const FIXTURE = join(ROOT, 'test', 'fixtures', 'roadmap', 'carried');
const root = readFileSync(join(FIXTURE, 'roadmap.yaml'), 'utf8');
const web = readFileSync(join(FIXTURE, 'web.yaml'), 'utf8');
const tmp = tempDir('pyroad-carried-');
afterAll(tmp.cleanup);

let n = 0;
/** Writes the fixture pair, with edits, to a fresh folder, and loads it. */
function load(edit: { root?: (s: string) => string; web?: (s: string) => string } = {}) {
  const dir = join(tmp.dir, String(n++));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'roadmap.yaml'), (edit.root ?? ((s) => s))(root));
  writeFileSync(join(dir, 'web.yaml'), (edit.web ?? ((s) => s))(web));
  const result = loadRoadmapFiles(join(dir, 'roadmap.yaml'));
  return { ...result, shown: result.problems.map((p) => formatProblem(p).replaceAll(`${dir}/`, '')) };
}

const replace = (from: string, to: string) => (s: string) => {
  if (!s.includes(from)) throw new Error(`the fixture has no ${JSON.stringify(from)}`);
  return s.replace(from, to);
};

describe('exercises carried by a roadmap', () => {
  it('load from the root file and from an included one, with their topic and file name', () => {
    const { roadmap, problems } = load();
    expect(problems).toEqual([]);
    const carried = carriedExercises(roadmap!);
    expect(carried.map((c) => [c.topic, c.exercise.id, exerciseFileName(c.exercise)])).toEqual([
      ['loops', 'count-down', 'count_down.py'],
      ['http', 'status-line', 'status.py'],
    ]);
    expect(countRoadmap(roadmap!).exercises).toBe(2);
  });

  it('an id starting with a digit still gives an importable file name', () => {
    expect(exerciseFileName({ id: '2-sum' })).toBe('ex_2_sum.py');
  });

  it('an unknown field is a problem at its key, with a did-you-mean', () => {
    const { shown, roadmap } = load({ root: replace('            hints:\n', '            hint:\n') });
    expect(roadmap).toBeUndefined();
    expect(shown).toEqual([
      'roadmap.yaml:32:13: missing required field "hints"',
      'roadmap.yaml:57:13: unknown field "hint" (did you mean "hints"?)',
    ]);
  });

  it('a missing field, a starter without TODO, tests that are not unittest, an unknown requirement', () => {
    const { shown } = load({
      web: (s) =>
        s
          .replace('            task: Write', '            tusk: Write')
          .replace('# TODO: join', '# join')
          .replace('import unittest\n', 'import pytest\n')
          .replace('            file: status.py\n', '            file: status.py\n            requires: [flask]\n'),
    });
    expect(shown).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^web\.yaml:19:13: missing required field "task"$/),
        expect.stringMatching(/^web\.yaml:\d+:13: unknown field "tusk" \(did you mean "task"\?\)$/),
        expect.stringMatching(/^web\.yaml:\d+:22: starter: must mark what to write with a TODO$/),
        expect.stringMatching(/^web\.yaml:\d+:20: tests: must be a unittest module \(import unittest\)$/),
        expect.stringMatching(/^web\.yaml:\d+:24: item 0: must be one of "pytest"$/),
      ]),
    );
  });

  it('an exercise id used twice, across files, is refused where it is used again', () => {
    const { shown } = load({ web: replace('id: status-line', 'id: count-down') });
    expect(shown).toEqual(['web.yaml:19:17: duplicate exercise id "count-down" (first used at roadmap.yaml:32)']);
  });

  it('two exercises writing the same practice file are refused', () => {
    const { shown } = load({ web: replace('file: status.py', 'file: count_down.py') });
    expect(shown).toEqual([
      'web.yaml:21:19: exercise file "count_down.py" is already used by the exercise at roadmap.yaml:32; give one a different `file:`',
    ]);
  });

  it("tests that never import the learner's file are a warning at the tests, not a problem", () => {
    expect(load().warnings).toEqual([]);
    const { roadmap, warnings } = load({
      web: replace('from status import status_line', 'from http import HTTPStatus'),
    });
    expect(roadmap).toBeDefined();
    expect(warnings.map((w) => `${w.file.replace(/^.*\//, '')}:${w.line}:${w.col}: ${w.message}`)).toEqual([
      'web.yaml:27:20: the tests of exercise "status-line" never import status, the learner\'s file (status.py)',
    ]);
  });

  it.each([
    ['from status import status_line', true],
    ['import status', true],
    ['    import os, status', true],
    ['import statuses', false],
    ['from statusx import f', false],
    ['# status', false],
  ])('importsModule(%j, "status") is %s', (code, yes) => {
    expect(importsModule(code, 'status')).toBe(yes);
  });

  it('an exercise id may equal a topic or question id: exercises have their own ids', () => {
    const { problems } = load({ web: replace('id: status-line', 'id: loops') });
    expect(problems).toEqual([]);
  });
});

describe('the example in docs/roadmap-format.md', () => {
  it('is a valid topic with an exercise', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'roadmap-format.md'), 'utf8');
    const start = doc.indexOf('```yaml\n', doc.indexOf('## Exercises')) + '```yaml\n'.length;
    const topic = doc.slice(start, doc.indexOf('```', start));
    const dir = join(tmp.dir, 'docs');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'roadmap.yaml');
    writeFileSync(
      file,
      `version: 1\nareas:\n  - id: basics\n    title: Basics\n    stage: skills\n    summary: The first steps.\n    topics:\n${topic}`,
    );
    const { roadmap, problems } = loadRoadmapFiles(file);
    expect(problems).toEqual([]);
    expect(carriedExercises(roadmap!).map((c) => c.exercise.id)).toEqual(['count-down']);
  });
});
