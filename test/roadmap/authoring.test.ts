import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refersToOthers } from '../../src/roadmap/authoring.js';
import { loadRoadmapFiles, roadmapProblemsError } from '../../src/roadmap/load.js';
import { formatProblem } from '../../src/roadmap/problems.js';
import { QuizSession, planSession, type Step } from '../../src/quiz/session.js';
import { tempDir } from '../helpers/cli.js';
import { state } from '../quiz/fixtures.js';
import { VALID, mutate } from './fixtures.js';

const tmp = tempDir('pyroad-authoring-');
afterAll(tmp.cleanup);
let n = 0;

function load(files: string | Record<string, string>) {
  const dir = join(tmp.dir, String(n++));
  mkdirSync(dir);
  const all = typeof files === 'string' ? { 'roadmap.yaml': files } : files;
  for (const [name, text] of Object.entries(all)) writeFileSync(join(dir, name), text);
  const result = loadRoadmapFiles(join(dir, 'roadmap.yaml'));
  const short = (p: { line: number; col: number; message: string }) => `${p.line}:${p.col}: ${p.message}`;
  return { ...result, errors: result.problems.map(short), warns: result.warnings.map(short) };
}

/** VALID with the loops question, the loops topic's why and the http topic's resources left out. */
const LEAN = mutate(
  '            explanation: range stops before its end value.\n            difficulty: easy\n',
  '',
  mutate(
    '        why: Every program repeats something.\n',
    '',
    mutate(
      '        resources:\n          - title: MDN HTTP\n            url: https://developer.mozilla.org/en-US/docs/Web/HTTP\n            kind: docs\n',
      '',
    ),
  ),
);

describe('optional fields', () => {
  it('loads without difficulty, explanation, why or resources, and warns about each with its line', () => {
    const r = load(LEAN);
    expect(r.errors).toEqual([]);
    const loops = r.roadmap!.areas[0]!.topics[0]!;
    expect(loops.questions[0]!.difficulty).toBe('medium');
    expect(loops.questions[0]!.explanation).toBeUndefined();
    expect(loops.why).toBeUndefined();
    expect(r.roadmap!.areas[1]!.topics[0]!.resources).toEqual([]);
    expect(r.warns).toEqual([
      '9:9: topic "loops" has no "why": the learner is not told why it matters',
      '17:13: question "loops-range" has no "explanation": a learner who answers wrong is not told why',
      '37:9: topic "http" has no "resources": the learner is given nothing to study it with',
    ]);
  });

  it('allows true/false questions with two choices, but not one choice', () => {
    const two = load(mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: ["True", "False"]'));
    expect(two.errors).toEqual([]);
    expect(two.roadmap!.areas[0]!.topics[0]!.questions[0]!.choices).toEqual(['True', 'False']);
    const one = load(mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: ["True"]'));
    expect(one.errors).toEqual(['20:22: choices: needs at least 2 choices']);
  });
});

describe('every problem and warning in one run', () => {
  it('warnings, an unknown project.proves in a broken included topic and a stage typo, all at once', () => {
    const r = load({
      'roadmap.yaml': mutate('    stage: skills\n', '    stage: skils\n', LEAN).replace(
        /^version: 1\n/m,
        'version: 1\ninclude: [more.yaml]\n',
      ),
      'more.yaml': `version: 1
areas:
  - id: extra
    title: Extra
    summary: More.
    stage: prove
    topics:
      - id: site
        title: Site
        summary: A site.
        unknownfield: 1
        project:
          proves: [acme-styl]
          milestones: [Build it]
          done_when: It is live.
`,
    });
    expect(r.errors).toEqual([
      '11:9: unknown field "unknownfield"',
      '13:20: unknown topic "acme-styl" in project.proves',
      '7:12: stage: must be one of "skills", "prove", "apply" (did you mean "skills"?)',
    ]);
    // The warnings of the file with the stage typo come in the same run; none for the stand-ins.
    expect(r.warns).toEqual([
      '10:9: topic "loops" has no "why": the learner is not told why it matters',
      '18:13: question "loops-range" has no "explanation": a learner who answers wrong is not told why',
      '38:9: topic "http" has no "resources": the learner is given nothing to study it with',
    ]);
    expect(r.warns.join('\n')).not.toMatch(/"site"/);
  });
});

describe('duplicate choices', () => {
  it('compares exactly after trimming: case matters in code', () => {
    const cased = load(mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: ["null", "NULL", "None"]'));
    expect(cased.errors).toEqual([]);
    const flags = load(
      mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: ["git branch -d x", "git branch -D x", "x"]'),
    );
    expect(flags.errors).toEqual([]);
    const same = load(mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: ["None", " None ", "x"]'));
    expect(same.errors).toEqual(['20:31: choice 1 repeats choice 0']);
  });
});

describe('every problem in one run', () => {
  it('reports a repeated choice together with a schema error in the same question', () => {
    const r = load(
      mutate(
        'choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]',
        'choices: ["a", "a", "b"]',
        mutate('difficulty: easy', 'difficulty: tough'),
      ),
    );
    expect(r.errors).toEqual([
      '20:28: choice 1 repeats choice 0',
      '23:25: difficulty: must be one of "easy", "medium", "hard"',
    ]);
  });

  it('still knows the ids of an included file when the main file has an unrelated error', () => {
    const main = [
      'version: 1',
      'title: Main',
      'include: [more.yaml]',
      'areas:',
      '  - id: first',
      '    title: First',
      '    stage: skills',
      '    summary: Starts here.',
      '    topics:',
      '      - id: start',
      '        title: Start',
      '        summary: The start.',
      '        prerequisites: [later-topic]',
      '        colour: blue',
      '',
    ].join('\n');
    const more = [
      'version: 1',
      'areas:',
      '  - id: second',
      '    title: Second',
      '    stage: skills',
      '    summary: Then this.',
      '    topics:',
      '      - id: later-topic',
      '        title: Later',
      '        summary: Comes later.',
      '',
    ].join('\n');
    const r = load({ 'roadmap.yaml': main, 'more.yaml': more });
    expect(r.errors).toEqual(['14:9: unknown field "colour"']);
  });

  it('ends a long list of problems with a tally by kind', () => {
    const broken = VALID.replaceAll('        summary:', '        sumary:').replace('answer: 0', 'answer: 7');
    const r = load(broken);
    expect(r.problems.length).toBeGreaterThanOrEqual(6);
    const error = roadmapProblemsError('roadmap.yaml', r.problems);
    expect(error.details.at(-1)).toBe('By kind: 3 missing required field, 3 unknown field, 1 answer out of range');
    expect(error.details.slice(0, -1)).toEqual(r.problems.map(formatProblem));
    // A short list has no tally.
    const short = roadmapProblemsError('roadmap.yaml', r.problems.slice(0, 2));
    expect(short.details).toHaveLength(2);
  });
});

describe('shuffle', () => {
  const allAbove = mutate(
    'choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]',
    'choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3", "All of the above"]',
  );

  it('warns when a choice refers to the others while choices are shuffled', () => {
    const r = load(allAbove);
    expect(r.warns).toEqual([
      '20:59: choice 3 of question "loops-range" refers to other choices or their labels, but choices are shuffled; add "shuffle: false"',
    ]);
    const kept = load(mutate('difficulty: easy', 'difficulty: easy\n            shuffle: false', allAbove));
    expect(kept.warns).toEqual([]);
  });

  it('recognises references and labels, not ordinary code', () => {
    for (const c of ['All of the above', 'none of the above', 'Both A and B', 'A) print(x)', '(B) 3'])
      expect(refersToOthers(c), c).toBe(true);
    for (const c of ['a: int = 5', 'x and y', 'print("above")', 'True', 'A and B are both lists'])
      expect(refersToOthers(c), c).toBe(false);
  });

  it('keeps the written order in the quiz when shuffle is false, for every seed', () => {
    const labelled = mutate(
      'choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]',
      'choices: ["A) one", "B) two", "C) three", "D) four"]\n            shuffle: false',
    );
    const area = load(labelled).roadmap!.areas[0]!;
    const orders = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const session = new QuizSession(planSession(area, state(), { id: 's', questionsPerTopic: 5, seed }));
      session.start('2026-01-01T00:00:00.000Z');
      let step: Step = session.current();
      while (step.kind === 'rate') {
        session.rate(2, '2026-01-01T00:01:00.000Z');
        step = session.current();
      }
      if (step.kind === 'question') orders.add(step.order.join(','));
    }
    expect([...orders]).toEqual(['0,1,2,3']);
  });
});
