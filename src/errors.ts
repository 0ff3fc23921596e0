/** Exit codes, as documented in the README. */
export const EXIT = {
  ok: 0,
  /** A runtime or data problem: a bad roadmap, a bad progress file, I/O. */
  data: 1,
  /** A usage problem: unknown command, bad option, no terminal for an interactive command. */
  usage: 2,
  /** Interrupted by the user (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * The one error type for problems the user can fix. It carries its exit code; src/cli.ts is the
 * only place that turns it into a process exit. Anything else that is thrown is a bug.
 */
export class PyroadError extends Error {
  readonly exitCode: ExitCode;
  /** Extra lines printed after the message (e.g. every problem of a roadmap file). */
  readonly details: readonly string[];

  constructor(message: string, exitCode: ExitCode = EXIT.data, details: readonly string[] = []) {
    super(message);
    this.name = 'PyroadError';
    this.exitCode = exitCode;
    this.details = details;
  }
}

export const usageError = (message: string): PyroadError => new PyroadError(message, EXIT.usage);
export const dataError = (message: string, details: readonly string[] = []): PyroadError =>
  new PyroadError(message, EXIT.data, details);
