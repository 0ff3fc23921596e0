import type { Program } from '../command.js';

type Register = (program: Program) => void;

/**
 * Every command, in the order `pyroad --help` lists them (DESIGN.md's table). One file per
 * command, each loaded only when needed: a run of `pyroad next` registers `next` alone, so start-up
 * does not pay for compiling the other twelve.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  assess: async () => (await import('./assess.js')).registerAssess,
  next: async () => (await import('./next.js')).registerNext,
  status: async () => (await import('./status.js')).registerStatus,
  roadmap: async () => (await import('./roadmap.js')).registerRoadmap,
  show: async () => (await import('./show.js')).registerShow,
  mark: async () => (await import('./mark.js')).registerMark,
  export: async () => (await import('./export.js')).registerExport,
  import: async () => (await import('./import.js')).registerImport,
  reset: async () => (await import('./reset.js')).registerReset,
  validate: async () => (await import('./validate.js')).registerValidate,
  report: async () => (await import('./report.js')).registerReport,
  config: async () => (await import('./config.js')).registerConfig,
  where: async () => (await import('./where.js')).registerWhere,
  doctor: async () => (await import('./doctor.js')).registerDoctor,
  evidence: async () => (await import('./evidence.js')).registerEvidence,
  apply: async () => (await import('./apply.js')).registerApply,
  check: async () => (await import('./check.js')).registerCheck,
  practice: async () => (await import('./practice.js')).registerPractice,
  plan: async () => (await import('./plan.js')).registerPlan,
  cohort: async () => (await import('./cohort.js')).registerCohort,
  completion: async () => (await import('./completion.js')).registerCompletion,
  __complete: async () => (await import('./completion.js')).registerComplete,
};

export const COMMAND_NAMES = Object.keys(COMMANDS);

/** Global options that take a value: their value is not the command name. */
const VALUE_OPTIONS = new Set(['--roadmap', '--home']);

/** The words of a command line that are not options or option values. */
function positionals(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (VALUE_OPTIONS.has(arg)) i++;
    else if (!arg.startsWith('-')) out.push(arg);
  }
  return out;
}

/** The command a command line runs, when it names one of ours; otherwise undefined. */
export function commandOf(argv: readonly string[]): string | undefined {
  const first = positionals(argv)[0];
  return first !== undefined && Object.hasOwn(COMMANDS, first) ? first : undefined;
}

/**
 * For `pyroad help WORD`: the word, when it is not one of our commands. (commander would print
 * the general help and exit 0, as if the question had an answer.)
 */
export function unknownHelpTopic(argv: readonly string[]): string | undefined {
  const [first, second] = positionals(argv);
  return first === 'help' && second !== undefined && second !== 'help' && !Object.hasOwn(COMMANDS, second)
    ? second
    : undefined;
}

/**
 * Registers the command `argv` runs, or every command when it runs none of ours (help, a typo
 * that deserves a suggestion, no command at all).
 */
export async function registerCommands(program: Program, argv: readonly string[]): Promise<void> {
  const only = commandOf(argv);
  const names = only ? [only] : COMMAND_NAMES;
  const registers = await Promise.all(names.map((name) => COMMANDS[name]!()));
  for (const register of registers) register(program);
}
