import { spawn } from 'node:child_process';
import { PyroadError, EXIT } from '../errors.js';
import { MIN_PYTHON, type RunOutcome } from './judge.js';

export const DEFAULT_TIMEOUT_MS = 10_000;
/** More than this on stdout or stderr and the run is stopped: the harness caps what it keeps. */
export const OUTPUT_CAP = 1_000_000;

export interface RunRequest {
  python: string;
  harness: string;
  /** The learner's practice folder: the child's working directory. */
  cwd: string;
  tests: string;
  /** Packages the tests need beyond the standard library; the harness checks they import. */
  requires?: readonly string[];
  timeoutMs?: number;
  /** Where PATH (to find python) and the locale come from: the context's environment. */
  env: Record<string, string | undefined>;
}

/**
 * Only what Python needs: where to find programs, a UTF-8 locale, and no bytecode files or user
 * site-packages in the learner's folder. Nothing else of the learner's environment reaches the
 * code under test.
 */
export function pythonEnv(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {
    PATH: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    PYTHONIOENCODING: 'utf-8',
    PYTHONDONTWRITEBYTECODE: '1',
    PYTHONNOUSERSITE: '1',
  };
  if (env.SYSTEMROOT) out.SYSTEMROOT = env.SYSTEMROOT;
  return out;
}

export const missingPython = (python: string): PyroadError =>
  new PyroadError(
    `cannot run "${python}": install Python ${MIN_PYTHON} or later (https://www.python.org/downloads/), or name one with --python PATH or \`pyroad config set practice.python PATH\``,
    EXIT.data,
  );

/** Runs the harness once: no shell, a time limit and an output cap; never rejects for the learner's code. */
export function runHarness(req: RunRequest): Promise<RunOutcome> {
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return new Promise((resolve, reject) => {
    const child = spawn(req.python, ['-I', req.harness, req.cwd, ...(req.requires ?? [])], {
      cwd: req.cwd,
      env: pythonEnv(req.env),
      shell: false,
      stdio: ['pipe', 'pipe', 'pipe'],
      windowsHide: true,
    });
    let stdout = '';
    let stderr = '';
    let killed: RunOutcome['killed'];
    const stop = (why: NonNullable<RunOutcome['killed']>) => {
      if (killed) return;
      killed = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(() => stop('timeout'), timeoutMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length + chunk.length > OUTPUT_CAP) stop('output');
      else stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < OUTPUT_CAP) stderr += chunk.slice(0, OUTPUT_CAP - stderr.length);
    });
    child.stdin.on('error', () => {}); // a child that exits early closes its stdin: not our problem
    child.stdin.end(req.tests);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      if (error.code === 'ENOENT' || error.code === 'EACCES') reject(missingPython(req.python));
      else reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, timeoutMs, ...(killed ? { killed } : {}) });
    });
  });
}
