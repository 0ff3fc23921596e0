import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'pyroad.js');
export const SHIPPED = join(ROOT, 'data', 'roadmap.yaml');

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A fresh temporary folder, removed by the returned cleanup. */
export function tempDir(prefix = 'pyroad-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

let userHome: string | undefined;
/** One temporary HOME for every child of this test process, removed when it exits. */
function temporaryUserHome(): string {
  if (!userHome) {
    const dir = mkdtempSync(join(tmpdir(), 'pyroad-user-home-'));
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
    userHome = dir;
  }
  return userHome;
}

/**
 * The environment for a child process that runs pyroad: built from a clean base (PATH, a
 * temporary HOME, PYROAD_HOME, a UTF-8 locale), never from the runner's environment, so that a
 * PYROAD_HOME, PYROAD_ROADMAP or XDG_* set in the shell that runs the tests cannot reach the
 * learner's real files. `extra` adds to it; an undefined value removes a variable.
 */
export function childEnv(home: string, extra: Record<string, string | undefined> = {}): Record<string, string> {
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    HOME: temporaryUserHome(),
    PYROAD_HOME: home,
    LANG: 'C.UTF-8',
  };
  for (const [k, v] of Object.entries(extra))
    if (v === undefined) delete env[k];
    else env[k] = v;
  return env;
}

/**
 * Runs the built binary (run `npm run build` first; `npm test` does) with a clean environment
 * (childEnv): no colour, no user roadmap, and a home folder that is never the real one.
 */
export function runCli(
  args: string[],
  opts: { home: string; env?: Record<string, string | undefined>; input?: string; cwd?: string } & Pick<
    SpawnSyncOptions,
    'timeout'
  >,
): RunResult {
  const env = childEnv(opts.home, opts.env);
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
