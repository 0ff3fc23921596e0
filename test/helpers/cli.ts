import { execFileSync, spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
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

/**
 * runCli without blocking this process: for tests whose server runs in it (a blocked event loop
 * could not answer). `node` are options for node itself, such as a loader.
 */
export function runCliAsync(
  args: string[],
  opts: { home: string; env?: Record<string, string | undefined>; timeout?: number; node?: string[] },
): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...(opts.node ?? []), BIN, ...args], {
      cwd: ROOT,
      env: childEnv(opts.home, opts.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: opts.timeout ?? 20_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/**
 * python3 as PATH finds it in a clean environment, resolved once to the interpreter itself: a
 * version manager's shim (pyenv) can cost a second per start.
 */
export function systemPython(home: string): string {
  return execFileSync('python3', ['-c', 'import sys; print(sys.executable)'], {
    env: childEnv(home),
    encoding: 'utf8',
    timeout: 20_000,
  }).trim();
}
