import { createRequire } from 'node:module';
import type * as ChalkModule from 'chalk';

/**
 * The one place that decides about colour. Styles are plain string functions; chalk is only
 * loaded when colour is on, so commands whose output goes to a pipe never load it. It is loaded
 * with require (chalk is ESM; Node 20.19+ loads it synchronously), not import(): the quick entry
 * (src/quick.ts) runs as a script compiled with a code cache, where import() is not available.
 */
export interface Style {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  blue(s: string): string;
  cyan(s: string): string;
  magenta(s: string): string;
}

const identity = (s: string): string => s;
export const plainStyle: Style = {
  enabled: false,
  bold: identity,
  dim: identity,
  red: identity,
  green: identity,
  yellow: identity,
  blue: identity,
  cyan: identity,
  magenta: identity,
};

type Env = Record<string, string | undefined>;

/**
 * Colour is on when FORCE_COLOR asks for it, off with --no-color, NO_COLOR or the `color`
 * setting, and otherwise on only when the stream is a terminal.
 */
export function colorLevel(
  /** isTTY is asked last, only when nothing else decides: building process.stderr costs time. */
  opts: { noColorFlag: boolean; isTTY: () => boolean; setting?: boolean | undefined },
  env: Env,
): number {
  if (opts.noColorFlag) return 0;
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '0' && force !== 'false') {
    const n = Number(force);
    return Number.isInteger(n) && n >= 1 && n <= 3 ? n : 1;
  }
  if (force === '0' || force === 'false') return 0;
  if (env.NO_COLOR) return 0;
  if (opts.setting === false) return 0;
  return env.TERM !== 'dumb' && opts.isTTY() ? 1 : 0;
}

export async function makeStyle(level: number): Promise<Style> {
  if (level <= 0) return plainStyle;
  const { Chalk } = createRequire(import.meta.url)('chalk') as typeof ChalkModule;
  const chalk = new Chalk({ level: Math.min(level, 3) as 1 | 2 | 3 });
  return {
    enabled: true,
    bold: (s) => chalk.bold(s),
    dim: (s) => chalk.dim(s),
    red: (s) => chalk.red(s),
    green: (s) => chalk.green(s),
    yellow: (s) => chalk.yellow(s),
    blue: (s) => chalk.blue(s),
    cyan: (s) => chalk.cyan(s),
    magenta: (s) => chalk.magenta(s),
  };
}
