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

/**
 * Runs the built binary (run `npm run build` first; `npm test` does) with a clean environment:
 * no colour, no user roadmap, and a home folder that is never the real one.
 */
export function runCli(
  args: string[],
  opts: { home: string; env?: Record<string, string | undefined>; input?: string; cwd?: string } & Pick<
    SpawnSyncOptions,
    'timeout'
  >,
): RunResult {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(PYROAD_|FORCE_COLOR|NO_COLOR|DEBUG)/.test(k)) env[k] = v;
  env.PYROAD_HOME = opts.home;
  for (const [k, v] of Object.entries(opts.env ?? {}))
    if (v === undefined) delete env[k];
    else env[k] = v;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    env,
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout ?? 20_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
