/**
 * Issue 21: text from strangers is shown, never obeyed. A roadmap, a progress file, a settings
 * file, an import or a command line can carry escape sequences; the built binary must name them
 * (validate) or show them as harmless text (everything else), and only ever emit its own colour.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'roadmap');
const HOSTILE = join(FIXTURES, 'hostile.yaml');
const TINY = join(FIXTURES, 'tiny.yaml');
const ESC = '\x1b';
const BEL = '\x07';

/** Any byte a terminal could act on: C0 other than tab, newline and the CR of a CRLF, DEL, C1, and bidi controls. */
// eslint-disable-next-line no-control-regex -- the point: these are the bytes to look for
const DANGEROUS = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
/** pyroad's own colour codes (render/style.ts): nothing else may start with ESC. */
// eslint-disable-next-line no-control-regex -- ESC starts every colour code
const OWN_SGR = /\x1b\[(?:1|2|22|3[1-6]|39)m/g;

const tmp = tempDir('pyroad-hostile-');
afterAll(() => tmp.cleanup());
let n = 0;
const freshHome = () => {
  const dir = join(tmp.dir, `home-${++n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
};

describe('validate names every control character in a roadmap, with its place', () => {
  const r = runCli(['validate', HOSTILE], { home: freshHome(), env: { NO_COLOR: '1' } });

  it('exits 1 and lists each error and warning in one run', () => {
    expect(r.code).toBe(1);
    const file = 'test/fixtures/roadmap/hostile.yaml';
    const errors: [string, string, string][] = [
      ['8:12', 'areas[0].title', 'U+001B (ESC)'],
      ['10:14', 'areas[0].summary', 'U+001B (ESC)'],
      ['13:16', 'areas[0].topics[0].title', 'U+001B (ESC)'],
      ['15:14', 'areas[0].topics[0].why', 'U+007F (DEL)'],
      ['17:20', 'areas[0].topics[0].resources[0].title', 'U+0007 (BEL)'],
      ['22:21', 'areas[0].topics[0].questions[0].prompt', 'U+001B (ESC)'],
      ['25:26', 'areas[0].topics[0].questions[0].explanation', 'U+009B (CSI)'],
    ];
    expect(r.stderr).toContain(`roadmap ${file} has ${errors.length} problems`);
    for (const [at, path, char] of errors)
      expect(r.stderr).toContain(`${file}:${at}: ${path}: control character ${char} is not allowed`);
    for (const [at, path, char] of [
      ['23:34', 'choices[1]', 'U+202E (right-to-left override)'],
      ['23:65', 'choices[3]', 'U+200B (zero-width space)'],
    ])
      expect(r.stderr).toContain(
        `warning: ${file}:${at}: areas[0].topics[0].questions[0].${path}: invisible or direction-changing character ${char}`,
      );
  });

  it('prints none of the sequences it reports', () => {
    expect(r.stdout + r.stderr).not.toMatch(DANGEROUS);
  });

  it('every read command refuses the roadmap the same way, without echoing it', () => {
    for (const args of [['roadmap'], ['show', 'loops'], ['next'], ['status']]) {
      const c = runCli(['--roadmap', HOSTILE, ...args], { home: freshHome(), env: { NO_COLOR: '1' } });
      expect(c.code, args.join(' ')).toBe(1);
      expect(c.stdout + c.stderr).not.toMatch(DANGEROUS);
    }
  });
});

/** A roadmap that passes validation with warnings: bidi and invisible characters in what the learner reads. */
function sneakyRoadmap(): string {
  const file = join(tmp.dir, 'sneaky.yaml');
  const text = readFileSync(TINY, 'utf8')
    .replace('title: Loops', 'title: "Loops \\u202eesrever\\u202c"')
    .replace('summary: Repeating work.', 'summary: "Repeating\\u200b work\\u2066."')
    .replace('["0, 1, 2", "1, 2, 3", "0, 1, 2, 3"]', '["0, 1, 2", "1, 2, 3\\u202e", "0, 1, 2, 3"]');
  writeFileSync(file, text);
  return file;
}

/**
 * Input that gets past validation or reaches an error message: a roadmap with bidi controls, a
 * settings file and a progress journal edited by hand, an export carrying escapes, a file name
 * and a command line with escapes.
 */
function hostileRuns(extraEnv: Record<string, string>) {
  const roadmap = sneakyRoadmap();
  const home = freshHome();
  const run = (args: string[], input?: string) =>
    runCli(['--roadmap', roadmap, ...args], { home, env: extraEnv, ...(input === undefined ? {} : { input }) });
  const runs: [string, ReturnType<typeof runCli>][] = [];
  const record = (label: string, args: string[], input?: string) => runs.push([label, run(args, input)]);

  record('mark', ['mark', 'loops', 'learning']);
  for (const args of [['roadmap'], ['show', 'loops'], ['show', 'basics'], ['next'], ['status'], ['where']])
    record(args.join(' '), args);
  for (const format of ['json', 'markdown', 'csv']) record(`export ${format}`, ['export', '--format', format]);
  record('validate', ['validate', roadmap]);

  // Hand-edited settings: values carrying a title sequence and a clear screen.
  writeFileSync(
    join(home, 'settings.json'),
    JSON.stringify({ roadmap: `/tmp/${ESC}]0;T${BEL}x.yaml`, questionsPerTopic: `${ESC}[2J` }),
  );
  record('config list', ['config', 'list']);
  record('config set', ['config', 'set', 'roadmap', `/tmp/${ESC}[8mhidden.yaml`]);
  record('config get unknown', ['config', 'get', `colour${ESC}[2J`]);

  // An export whose topic id carries escapes, from a file and from stdin.
  const evil = JSON.stringify({
    format: 'pyroad-export',
    version: 2,
    progress: { events: [{ e: 'status', t: '2026-01-02T00:00:00.000Z', tp: `lo${ESC}[31mops${BEL}`, st: 'done' }] },
  });
  const evilFile = join(tmp.dir, `evil-${ESC}]0;x${BEL}.json`);
  writeFileSync(evilFile, evil);
  record('import file', ['import', evilFile]);
  record('import stdin', ['import', '-'], evil);

  // A journal line edited by hand.
  const journal = join(home, 'progress.jsonl');
  writeFileSync(
    journal,
    readFileSync(journal, 'utf8') +
      JSON.stringify({ e: 'status', t: '2026-01-03T00:00:00.000Z', tp: `x${ESC}[2J`, st: 'done' }) +
      '\n',
  );
  record('status on an edited journal', ['status']);

  // Names on the command line.
  record('unknown command', [`fo${ESC}[2Jo`]);
  record('unknown id', ['show', `lo${ESC}]0;x${BEL}ops`]);
  record('unknown option', [`--c${ESC}[31mlr`]);
  record('missing roadmap file', ['--roadmap', `/nonexistent/${ESC}]0;x${BEL}.yaml`, 'status']);
  return runs;
}

describe('with NO_COLOR=1, no command lets an escape, BEL, C1 or bidi byte out', () => {
  const runs = hostileRuns({ NO_COLOR: '1' });

  it.each(runs.map(([label, r]) => [label, r] as const))('%s', (_, r) => {
    expect(r.stdout + r.stderr).not.toMatch(DANGEROUS);
    expect(r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/); // never a stack trace
  });

  it('shows the sneaky characters as escapes where the learner reads them', () => {
    const byLabel = new Map(runs);
    expect(byLabel.get('show loops')!.stdout).toContain('Loops \\u202eesrever\\u202c');
    expect(byLabel.get('roadmap')!.stdout).toContain('\\u202e');
    expect(byLabel.get('export markdown')!.stdout).toContain('\\u202e');
    expect(byLabel.get('unknown id')!.stderr).toContain('lo\\x1b]0;x\\x07ops');
    expect(byLabel.get('import file')!.code).toBe(1);
    expect(byLabel.get('import file')!.stderr).toContain('\\x1b');
  });

  it('JSON output stays JSON and decodes to the real text', () => {
    const json = new Map(runs).get('export json')!;
    expect(json.code).toBe(0);
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain('\u202e');
  });
});

describe("with FORCE_COLOR=1, the only escape sequences are pyroad's own colour codes", () => {
  const runs = hostileRuns({ FORCE_COLOR: '1' });

  it.each(runs.map(([label, r]) => [label, r] as const))('%s', (_, r) => {
    const rest = (r.stdout + r.stderr).replace(OWN_SGR, '');
    expect(rest).not.toMatch(DANGEROUS);
  });

  it('colour is on: status is styled', () => {
    expect(new Map(runs).get('status')!.stdout).toMatch(OWN_SGR);
  });
});
