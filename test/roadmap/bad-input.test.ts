import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import { formatProblem } from '../../src/roadmap/problems.js';
import { tempDir } from '../helpers/cli.js';
import { VALID, mutate } from './fixtures.js';

const tmp = tempDir('pyroad-bad-');
afterAll(tmp.cleanup);

interface Case {
  name: string;
  /** File content; a function gets the folder and may create the file itself. */
  content: string | Buffer | ((file: string) => void);
  /** Expected "line:col: message" (message as a regexp source), one per expected problem. */
  expect: [position: string, message: RegExp][];
}

const aliasBomb = [
  'version: 1',
  'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'areas: *g',
].join('\n');

const cases: Case[] = [
  { name: 'a missing file', content: () => {}, expect: [['1:1', /file not found/]] },
  { name: 'a directory', content: (f) => mkdirSync(f), expect: [['1:1', /is a directory/]] },
  { name: 'an empty file', content: '', expect: [['1:1', /file is empty/]] },
  { name: 'only whitespace', content: '  \n\n', expect: [['1:1', /file is empty/]] },
  { name: 'only a comment', content: '# nothing here\n', expect: [['1:1', /no YAML document/]] },
  {
    name: 'an unclosed flow sequence',
    content: mutate('prerequisites: [loops]', 'prerequisites: [loops'),
    expect: [['29:9', /Flow sequence in block collection must be sufficiently indented and end with a \]/]],
  },
  {
    name: 'a tab used for indentation',
    content: mutate('    title: Basics', '\ttitle: Basics'),
    expect: [['5:1', /tab/i]],
  },
  {
    name: 'several YAML documents',
    content: `${VALID}---\nversion: 1\n`,
    expect: [['49:1', /several YAML documents/]],
  },
  { name: 'an alias bomb', content: aliasBomb, expect: [['1:1', /too many YAML aliases/]] },
  {
    name: 'a duplicate key',
    content: mutate('    title: Basics\n', '    title: Basics\n    title: Again\n'),
    expect: [['6:5', /unique/i]],
  },
  {
    name: 'a __proto__ key',
    content: mutate('title: Tiny roadmap\n', 'title: Tiny roadmap\n__proto__:\n  polluted: true\n'),
    expect: [['3:1', /unknown field "__proto__"/]],
  },
  {
    name: 'a constructor key',
    content: mutate(
      '    stage: skills\n    summary: The first',
      '    stage: skills\n    constructor: 1\n    summary: The first',
    ),
    expect: [['7:5', /unknown field "constructor"/]],
  },
  {
    name: 'choices that are a number',
    content: mutate('choices: ["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', 'choices: 3'),
    expect: [['20:22', /choices: expected an array, got number 3/]],
  },
  {
    name: 'a misspelt field',
    content: mutate('    summary: The first steps.', '    sumary: The first steps.'),
    expect: [
      ['4:5', /missing required field "summary"/],
      ['7:5', /unknown field "sumary" \(did you mean "summary"\?\)/],
    ],
  },
  {
    name: 'a missing required field',
    content: mutate("        summary: The web's protocol.\n", ''),
    expect: [['40:9', /missing required field "summary"/]],
  },
  {
    name: 'an http URL',
    content: mutate('https://docs.python.org/3/tutorial/', 'http://docs.python.org/3/tutorial/'),
    expect: [['15:18', /url: must be an https:\/\/ URL/]],
  },
  {
    name: 'an answer out of range',
    content: mutate('answer: 0', 'answer: 3'),
    expect: [['21:21', /answer 3 is out of range: there are 3 choices/]],
  },
  {
    name: 'a negative answer',
    content: mutate('answer: 0', 'answer: -1'),
    expect: [['21:21', /answer: must be 0 or more/]],
  },
  {
    name: 'duplicate choices',
    content: mutate('"1, 2, 3", "0, 1, 2, 3"', '"0, 1, 2", "0, 1, 2, 3"'),
    expect: [['20:34', /choice 1 repeats choice 0/]],
  },
  {
    name: 'an empty summary',
    content: mutate('summary: Repeating work.', 'summary: ""'),
    expect: [['11:18', /summary: must not be empty/]],
  },
  {
    name: 'a duplicate area id',
    content: mutate('  - id: web\n', '  - id: basics\n'),
    expect: [['34:9', /duplicate area id "basics" \(first used at .*:4\)/]],
  },
  {
    name: 'a topic id used twice',
    content: mutate('      - id: http\n', '      - id: loops\n'),
    expect: [['40:13', /duplicate topic id "loops"/]],
  },
  {
    name: 'a topic id that equals an area id',
    content: mutate('      - id: http\n', '      - id: basics\n'),
    expect: [['40:13', /duplicate topic id "basics"/]],
  },
  {
    name: 'a duplicate question id',
    content: mutate(
      '        questions: []',
      '        questions:\n          - id: loops-range\n            prompt: Again?\n            choices: [a, b, c]\n            answer: 1\n            explanation: Because.\n            difficulty: easy',
    ),
    expect: [['34:17', /duplicate question id "loops-range"/]],
  },
  {
    name: 'an unknown prerequisite with a suggestion',
    content: mutate('prerequisites: [loops]', 'prerequisites: [loop]'),
    expect: [['28:25', /unknown topic "loop" in prerequisites \(did you mean "loops"\?\)/]],
  },
  {
    name: 'an unknown area prerequisite',
    content: mutate('prerequisites: [basics]', 'prerequisites: [basix]'),
    expect: [['38:21', /unknown area "basix" in prerequisites \(did you mean "basics"\?\)/]],
  },
  {
    name: 'a topic prerequisite that is an area',
    content: mutate('prerequisites: [functions]', 'prerequisites: [basics]'),
    expect: [['44:25', /prerequisite "basics" is an area/]],
  },
  {
    name: 'a prerequisite cycle of two',
    content: mutate(
      '        why: Every program repeats something.\n',
      '        why: Every program repeats something.\n        prerequisites: [functions]\n',
    ),
    expect: [['13:25', /prerequisite cycle between topics: loops -> functions -> loops/]],
  },
  {
    name: 'a prerequisite cycle of three',
    content: mutate(
      '        why: Every program repeats something.\n',
      '        why: Every program repeats something.\n        prerequisites: [http]\n',
    ),
    expect: [['13:25', /prerequisite cycle between topics: loops -> http -> functions -> loops/]],
  },
  {
    name: 'a newer format version',
    content: mutate('version: 1', 'version: 7\nfuture_field: true'),
    expect: [['1:10', /format version 7 is newer than this pyroad understands \(up to 1\); upgrade pyroad/]],
  },
  {
    name: 'a missing version',
    content: mutate('version: 1\n', ''),
    expect: [['1:1', /missing required field "version"/]],
  },
  {
    name: 'an unknown stage',
    content: mutate('    stage: skills\n    summary: Talking', '    stage: learning\n    summary: Talking'),
    expect: [['36:12', /stage: must be one of "skills", "prove", "apply"/]],
  },
  {
    name: 'an id with spaces',
    content: mutate('  - id: web\n', '  - id: Web Stuff\n'),
    expect: [['34:9', /id: must be lowercase words joined by dashes/]],
  },
  { name: 'a list at the top', content: '- version: 1\n', expect: [['1:1', /expected a mapping/]] },
  {
    name: 'binary garbage',
    content: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff, 0xfe]),
    expect: [['1:1', /not a text file/]],
  },
  {
    name: 'a 20 MB file',
    content: Buffer.alloc(20 * 1024 * 1024, 0x61),
    expect: [['1:1', /file is too large \(20\.0 MB/]],
  },
  {
    name: 'an include that does not exist',
    content: mutate('title: Tiny roadmap\n', 'title: Tiny roadmap\ninclude:\n  - more/areas.yaml\n'),
    expect: [['4:5', /cannot include "more\/areas.yaml": file not found/]],
  },
];

describe('bad roadmap files: one message each, with line:col', () => {
  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  cases.forEach((c, i) => {
    it(c.name, () => {
      const folder = join(tmp.dir, String(i));
      mkdirSync(folder);
      const file = join(folder, 'roadmap.yaml');
      if (typeof c.content === 'function') c.content(file);
      else writeFileSync(file, c.content);
      const started = Date.now();
      const result = loadRoadmapFiles(file);
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.roadmap).toBeUndefined();
      const lines = result.problems.map(formatProblem);
      expect(lines.length, lines.join('\n')).toBe(c.expect.length);
      c.expect.forEach(([position, message], k) => {
        expect(lines[k]).toContain(`:${position}: `);
        expect(lines[k]).toMatch(message);
        expect(result.problems[k]!.file).toMatch(/roadmap\.yaml$/);
      });
    });
  });
});

describe('accepted variations', () => {
  it('reads CRLF line endings and a UTF-8 byte-order mark', () => {
    const file = join(tmp.dir, 'crlf.yaml');
    writeFileSync(file, '\uFEFF' + VALID.replace(/\n/g, '\r\n'));
    const result = loadRoadmapFiles(file);
    expect(result.problems).toEqual([]);
    expect(result.roadmap!.areas.map((a) => a.id)).toEqual(['basics', 'web']);
  });

  it('does not pollute prototypes through __proto__ keys', () => {
    const file = join(tmp.dir, 'proto.yaml');
    writeFileSync(file, mutate('title: Tiny roadmap\n', 'title: Tiny roadmap\n__proto__:\n  polluted: true\n'));
    loadRoadmapFiles(file);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('reports every problem of a file in one run, schema and references together', () => {
    const file = join(tmp.dir, 'many.yaml');
    let text = mutate('http://', 'http://', mutate('https://docs.python.org/3/tutorial/', 'http://docs.python.org/'));
    text = mutate('prerequisites: [functions]', 'prerequisites: [functons]', text);
    text = mutate('answer: 0', 'answer: 9', text);
    writeFileSync(file, text);
    const messages = loadRoadmapFiles(file).problems.map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/must be an https/),
      // the question sits in the topic whose resource is broken: it is checked all the same
      expect.stringMatching(/answer 9 is out of range/),
      expect.stringMatching(/unknown topic "functons".*did you mean "functions"/),
    ]);
  });

  it('merges areas from included files in order, and finds problems in them', () => {
    const folder = join(tmp.dir, 'split');
    mkdirSync(join(folder, 'areas'), { recursive: true });
    const [head, rest] = VALID.split('  - id: web\n') as [string, string];
    writeFileSync(join(folder, 'root.yaml'), head.replace('areas:\n', 'include: [areas/web.yaml]\nareas:\n'));
    writeFileSync(join(folder, 'areas', 'web.yaml'), `version: 1\nareas:\n  - id: web\n${rest}`);
    const ok = loadRoadmapFiles(join(folder, 'root.yaml'));
    expect(ok.problems).toEqual([]);
    expect(ok.roadmap!.areas.map((a) => a.id)).toEqual(['basics', 'web']);
    expect(ok.roadmap!.files).toHaveLength(2);

    writeFileSync(
      join(folder, 'areas', 'web.yaml'),
      `version: 1\nareas:\n  - id: web\n${rest.replace('[functions]', '[nope]')}`,
    );
    const bad = loadRoadmapFiles(join(folder, 'root.yaml'));
    expect(bad.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/areas\/web\.yaml:\d+:\d+: unknown topic "nope"/),
    ]);
  });
});
