/**
 * Issue 21 (and 14): width counts what the terminal shows. A roadmap with wide characters (CJK,
 * emoji) and combining marks, which the checks accept: every read command keeps each line within
 * the terminal's width at 40 and 80 columns, and never cuts inside a character. One URL policy
 * (src/render/text.ts): a URL is never broken; only a line holding nothing but a URL wider than
 * the terminal may run past the edge.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/commands/index.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';
import { run } from '../progress/helpers.js';

const WIDE = join(ROOT, 'test', 'fixtures', 'roadmap', 'wide.yaml');
const tmp = tempDir('pyroad-widths-');
afterAll(() => tmp.cleanup());
const home = join(tmp.dir, 'home');
mkdirSync(home);

const REPO = 'https://github.com/example/a-very-long-repository-name-for-loops';
const AD = 'https://jobs.example.com/postings/junior-python-backend-developer-12345';
const TUTORIAL = 'https://docs.python.org/3/tutorial/';
/** The URLs each command shows: each must appear whole, on one line. */
const URLS: Record<string, string[]> = {
  'show loops': [TUTORIAL, REPO],
  next: [TUTORIAL],
  'evidence list': [REPO],
  'apply list': [AD],
};
/** A line only a URL wider than the terminal may make too wide: nothing else on it. */
const urlOnly = (line: string, columns: number) => {
  const m = /^(\s*)(https:\/\/\S+)$/.exec(line);
  return m !== null && stringWidth(m[2]!) > columns - m[1]!.length;
};

const COMMANDS = [
  ['roadmap'],
  ['show', 'basics'],
  ['show', 'loops'],
  ['show', 'functions'],
  ['next'],
  ['status'],
  ['where'],
  ['config', 'list'],
  ['practice'],
  ['evidence', 'list'],
  ['apply', 'list'],
  ['doctor'],
  ['cohort', join(tmp.dir, 'export.json')],
];

describe('wide characters and combining marks stay within the width', () => {
  it('the fixture is valid', () => {
    const r = runCli(['validate', WIDE], { home, env: { NO_COLOR: '1' } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  // A little progress, so that status and next show results too; a link and an application with
  // long words (URLs, names) for the portfolio screens; an export for the cohort table.
  runCli(['--roadmap', WIDE, 'mark', 'loops', 'learning'], { home });
  runCli(
    ['--roadmap', WIDE, 'evidence', 'add', 'loops', 'https://github.com/example/a-very-long-repository-name-for-loops'],
    { home },
  );
  runCli(
    [
      '--roadmap',
      WIDE,
      'apply',
      'add',
      'Sehr Lange Firmenbezeichnung GmbH',
      'Junior Python Backend Developer',
      '--url',
      AD,
    ],
    {
      home,
    },
  );
  runCli(['--roadmap', WIDE, 'export', '-o', join(tmp.dir, 'export.json')], { home });

  for (const columns of [40, 80, 200])
    for (const args of COMMANDS)
      it(`${args.join(' ')} at ${columns} columns`, () => {
        const r = runCli(['--roadmap', WIDE, ...args], { home, env: { NO_COLOR: '1', COLUMNS: String(columns) } });
        expect(r.code, r.stderr).toBe(0);
        const long = r.stdout.split('\n').filter((line) => stringWidth(line) > columns && !urlOnly(line, columns));
        expect(long, `lines wider than ${columns} columns`).toEqual([]);
        const words = r.stdout.split('\n').flatMap((line) => line.split(/\s+/));
        for (const url of URLS[args.join(' ')] ?? []) expect(words, `${url} whole on a line`).toContain(url);
        expect(r.stdout).not.toContain('\ufffd'); // no character cut in half
      });
});

/** A line only one word too wide for the terminal may make too wide (a path, a quoted shell argument). */
const oneWord = (line: string) => /^\s*(?:\$ )?(?:"[^"]*"|\S+)(?: \\)?$/.test(line);

describe('--help fits the terminal', () => {
  const HELP = [
    [],
    ...COMMAND_NAMES.map((name) => [name]),
    ['evidence', 'add'],
    ['apply', 'update'],
    ['config', 'set'],
  ];
  for (const columns of [40, 80, 200])
    it(`pyroad --help and every command's help at ${columns} columns`, async () => {
      for (const args of HELP) {
        // In-process (fast): the help is the same program's, 26 of them.
        const r = await run([...args, '--help'], { home, env: { COLUMNS: String(columns) } });
        expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
        const long = r.stdout.split('\n').filter((line) => stringWidth(line) > columns && !oneWord(line));
        expect(long, `pyroad ${args.join(' ')} --help: lines wider than ${columns} columns`).toEqual([]);
      }
    });

  it('help sent to stderr (a command with subcommands given none) fits too, exit 2', async () => {
    for (const name of ['evidence', 'apply'])
      for (const columns of [40, 80]) {
        const r = await run([name], { home, env: { COLUMNS: String(columns) } });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/^Usage: pyroad /);
        const long = r.stderr.split('\n').filter((line) => stringWidth(line) > columns && !oneWord(line));
        expect(long, `pyroad ${name} at ${columns} columns`).toEqual([]);
      }
  });

  it('puts descriptions under their terms at 40 columns, beside them at 80', () => {
    const narrow = runCli(['--help'], { home, env: { NO_COLOR: '1', COLUMNS: '40' } }).stdout;
    expect(narrow).toMatch(/\n {2}assess \[options\] \[area\]\n {6}rate yourself and answer\n/);
    expect(narrow).toMatch(/\n {2}\$ pyroad assess\n {6}rate yourself/);
    const wide = runCli(['--help'], { home, env: { NO_COLOR: '1', COLUMNS: '80' } }).stdout;
    expect(wide).toMatch(/\n {2}assess \[options\] \[area\] {2,}rate yourself/);
  });
});
