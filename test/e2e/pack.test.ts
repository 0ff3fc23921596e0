import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, childEnv, tempDir } from '../helpers/cli.js';

// The package as a user gets it: `npm pack`, then a global install of the tarball into a
// temporary prefix, then the installed `pyroad` on its own.
const tmp = tempDir('pyroad-pack-');
afterAll(tmp.cleanup);

describe('the packed package, installed globally', () => {
  it('installs and runs --version, roadmap, validate, next and assess --answers', { timeout: 240_000 }, () => {
    // dist/ is fresh: `npm test` builds before running the tests.
    const packed = JSON.parse(
      execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp.dir], {
        cwd: ROOT,
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
    ) as { size: number; files: { path: string }[] }[];
    const tarball = readdirSync(tmp.dir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    // Only what runs ships: the start script, the bundle, the roadmap and its exercises (with the
    // harness that runs their tests), the JSON Schemas and the package's own papers; no sources,
    // tests, reference solutions, dist/ (tsc's output for the scripts) or scripts.
    const shipped = packed[0]!.files.map((f) => f.path);
    const allowed =
      /^(bin\/pyroad\.js|bin\/package\.json|lib\/[\w-]+\.c?js|data\/.+\.yaml|data\/exercises\/harness\.py|schema\/[\w-]+\.schema\.json|package\.json|README\.md|LICENSE)$/;
    expect(shipped.filter((f) => !allowed.test(f))).toEqual([]);
    expect(shipped).toEqual(
      expect.arrayContaining([
        'bin/pyroad.js',
        'bin/package.json',
        'lib/cli.js',
        'lib/quick.cjs',
        'lib/quick-start.cjs',
        'data/roadmap.yaml',
        'data/exercises/harness.py',
      ]),
    );
    expect(packed[0]!.size).toBeLessThan(2 * 1024 * 1024);
    const prefix = join(tmp.dir, 'prefix');
    execFileSync(
      'npm',
      [
        'install',
        '--global',
        '--prefix',
        prefix,
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        join(tmp.dir, tarball!),
      ],
      { stdio: 'pipe' },
    );
    const bin = join(prefix, 'bin', 'pyroad');
    // The installed command runs the copy in the prefix, not the source tree.
    expect(realpathSync(bin).startsWith(join(prefix, 'lib', 'node_modules', 'pyroad'))).toBe(true);
    const env = childEnv(join(tmp.dir, 'home'), { NO_COLOR: '1' });
    const run = (...args: string[]) => spawnSync(bin, args, { env, encoding: 'utf8', cwd: tmp.dir });

    const version = run('--version');
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(
      (
        JSON.parse(
          execFileSync('node', ['-p', 'JSON.stringify(require("./package.json"))'], { cwd: ROOT, encoding: 'utf8' }),
        ) as { version: string }
      ).version,
    );

    const roadmap = run('roadmap');
    expect(roadmap.status, roadmap.stderr).toBe(0);
    expect(roadmap.stdout).toContain('Python fundamentals');
    expect(roadmap.stdout).toContain('put yourself out there');

    const validate = run('validate');
    expect(validate.status, validate.stderr).toBe(0);
    expect(validate.stdout).toMatch(/is valid: \d+ areas, \d+ topics, \d+ questions/);

    // A learner's first session: a scripted assessment, then the coach's advice.
    const answers = join(tmp.dir, 'answers.json');
    writeFileSync(
      answers,
      JSON.stringify({
        area: 'python',
        ratings: { 'python-functions': 3 },
        answers: { 'python-functions-keyword-only': 0 },
      }),
    );
    const assess = run('assess', '--answers', answers, '--json');
    expect(assess.status, assess.stderr).toBe(0);
    expect(assess.stdout).toContain('python-functions');
    const next = run('next');
    expect(next.status, next.stderr).toBe(0);
    expect(next.stdout).toMatch(/^What to do next/);
    expect(next.stdout).toMatch(/^1\. /m);

    // Practice runs from the package: the starter is written and fails, the reference solution passes
    // (the harness that runs the tests ships in data/exercises).
    const folder = join(tmp.dir, 'practice');
    const start = run('practice', 'list-comprehension-squares', '--dir', folder);
    expect(start.status, start.stderr).toBe(0);
    const starter = run('practice', 'check', 'list-comprehension-squares', '--dir', folder);
    expect(starter.status, starter.stderr).toBe(1);
    expect(starter.stdout).toContain('not yet');
    copyFileSync(
      join(ROOT, 'test', 'fixtures', 'exercises', 'list-comprehension-squares.py'),
      join(folder, 'squares.py'),
    );
    const solved = run('practice', 'check', 'list-comprehension-squares', '--dir', folder);
    expect(solved.status, solved.stdout + solved.stderr).toBe(0);

    // The JSON Schema ships too, next to the data that references it.
    const schema = run('validate', join(prefix, 'lib', 'node_modules', 'pyroad', 'data', 'roadmap.yaml'));
    expect(schema.status).toBe(0);
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'pyroad', 'schema'))).toContain('roadmap.schema.json');
  });
});
