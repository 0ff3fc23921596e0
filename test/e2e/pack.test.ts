import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, childEnv, tempDir } from '../helpers/cli.js';

// The package as a user gets it: `npm pack`, then a global install of the tarball into a
// temporary prefix, then the installed `pyroad` on its own.
const tmp = tempDir('pyroad-pack-');
afterAll(tmp.cleanup);

describe('the packed package, installed globally', () => {
  it('installs and runs --version, roadmap and validate', { timeout: 240_000 }, () => {
    // dist/ is fresh: `npm test` builds before running the tests.
    execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', tmp.dir], { cwd: ROOT, stdio: 'pipe' });
    const tarball = readdirSync(tmp.dir).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
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

    // The JSON Schema ships too, next to the data that references it.
    const schema = run('validate', join(prefix, 'lib', 'node_modules', 'pyroad', 'data', 'roadmap.yaml'));
    expect(schema.status).toBe(0);
    expect(readdirSync(join(prefix, 'lib', 'node_modules', 'pyroad', 'schema'))).toContain('roadmap.schema.json');
  });
});
