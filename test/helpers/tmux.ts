/**
 * A real terminal for tests: the built binary runs inside tmux; tests type with send-keys and read
 * the screen with capture-pane. The program's environment is childEnv's clean one (nothing of the
 * runner's), started through `env -i`, since a tmux server hands its own environment to panes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, ROOT, childEnv } from './cli.js';

export const hasTmux = spawnSync('tmux', ['-V'], { encoding: 'utf8' }).status === 0;

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export interface Pane {
  name: string;
  /** The text on screen, with the scroll-back (joined wrapped lines unless `raw`). */
  screen(opts?: { raw?: boolean }): string;
  keys(...keys: string[]): void;
  /** Waits until the screen shows `what`; returns the screen. */
  waitFor(what: RegExp | string, timeout?: number): Promise<string>;
  /** The program's exit code, once it has exited. */
  exitCode(timeout?: number): Promise<number>;
  resize(columns: number, rows?: number): void;
  kill(): void;
}

export class Terminal {
  private readonly socket = `pyroad-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  private runs = 0;

  /** `dir`: a temporary folder for the scripts and exit files. */
  constructor(private readonly dir: string) {}

  tmux(...args: string[]) {
    return spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /**
   * Starts `pyroad ARGS` in a fresh terminal of the given size. `home` is PYROAD_HOME; `env` adds
   * variables (TERM is xterm-256color unless given).
   */
  start(
    args: readonly string[],
    opts: { home: string; env?: Record<string, string | undefined>; columns?: number; rows?: number },
  ): Pane {
    const name = `pane-${++this.runs}`;
    const exitFile = join(this.dir, `${name}.exit`);
    const script = join(this.dir, `${name}.sh`);
    const env = childEnv(opts.home, { TERM: 'xterm-256color', ...opts.env });
    const assignments = Object.entries(env).map(([k, v]) => `${k}=${shellQuote(v)}`);
    writeFileSync(
      script,
      [
        `cd ${shellQuote(ROOT)}`,
        `env -i ${assignments.join(' ')} ${shellQuote(process.execPath)} ${shellQuote(BIN)} ${args.map(shellQuote).join(' ')}`,
        `echo "EXIT=$?" > ${shellQuote(exitFile)}`,
        'sleep 600',
      ].join('\n'),
    );
    const size = ['-x', String(opts.columns ?? 120), '-y', String(opts.rows ?? 40)];
    const r = this.tmux('new-session', '-d', '-s', name, ...size, `sh ${shellQuote(script)}`);
    if (r.status !== 0) throw new Error(`tmux new-session failed: ${r.stderr}`);
    const pane: Pane = {
      name,
      screen: (o = {}) => this.tmux('capture-pane', '-p', ...(o.raw ? [] : ['-J']), '-t', name, '-S', '-200').stdout,
      keys: (...k) => void this.tmux('send-keys', '-t', name, ...k),
      waitFor: async (what, timeout = 15_000) => {
        const until = Date.now() + timeout;
        for (;;) {
          const text = pane.screen();
          if (typeof what === 'string' ? text.includes(what) : what.test(text)) return text;
          if (Date.now() > until) throw new Error(`timed out waiting for ${String(what)}; the screen shows:\n${text}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      exitCode: async (timeout = 10_000) => {
        const until = Date.now() + timeout;
        while (!existsSync(exitFile) || !readFileSync(exitFile, 'utf8').includes('\n')) {
          if (Date.now() > until) throw new Error(`the program did not exit (${exitFile})`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return Number(/EXIT=(\d+)/.exec(readFileSync(exitFile, 'utf8'))![1]);
      },
      resize: (columns, rows = opts.rows ?? 40) =>
        void this.tmux('resize-window', '-t', name, '-x', String(columns), '-y', String(rows)),
      kill: () => void this.tmux('kill-session', '-t', name),
    };
    return pane;
  }

  close(): void {
    if (hasTmux) this.tmux('kill-server');
  }
}
