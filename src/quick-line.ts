/**
 * The command lines the quick entry runs (src/quick.ts): `pyroad next`, `status`, `plan` and
 * `roadmap`, alone or with `--json`. Nothing here imports anything, so bin/pyroad.js can ask
 * before it loads either program.
 */
export const QUICK_COMMANDS = ['next', 'status', 'plan', 'roadmap'] as const;
export type QuickCommand = (typeof QUICK_COMMANDS)[number];

/** `DEBUG=pyroad`: stack traces for errors (report-error.ts). */
export const debugging = (env: Record<string, string | undefined>): boolean =>
  /(^|,)\s*pyroad\s*(,|$)/.test(env.DEBUG ?? '');

/**
 * The command and its options, or undefined when the line needs the full program (src/cli.ts).
 * With DEBUG=pyroad the full program runs every line: its stack traces name the functions (the
 * quick bundle is minified).
 */
export function quickLine(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): { name: QuickCommand; json: boolean } | undefined {
  if (debugging(env)) return undefined;
  const [name, option, ...rest] = argv;
  if (!(QUICK_COMMANDS as readonly (string | undefined)[]).includes(name) || rest.length) return undefined;
  if (option !== undefined && option !== '--json') return undefined;
  return { name: name as QuickCommand, json: option === '--json' };
}
