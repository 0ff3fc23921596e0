import { withGlobals, type Streams } from './context.js';
import { EXIT, PyroadError } from './errors.js';
import { debugging } from './quick-line.js';
import { fitErrorLines } from './render/stderr.js';
import { untrusted } from './render/untrusted.js';

/**
 * The one place that turns an error into a message and an exit code: for the whole program
 * (src/cli.ts) and for the quick entry of `next`, `status` and `plan` (src/quick.ts), which
 * must not load commander, so its errors are told by their shape (commander's `code`).
 */
function isCommanderError(error: unknown): error is Error & { code: string; exitCode: number } {
  const { code, exitCode } = (error ?? {}) as { code?: unknown; exitCode?: unknown };
  return (
    error instanceof Error && typeof code === 'string' && code.startsWith('commander.') && typeof exitCode === 'number'
  );
}

const isPromptExit = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

/** `repeat`: the global options typed on the command line, for the commands a message suggests. */
export function reportError(error: unknown, streams: Streams, repeat = ''): number {
  const debug = debugging(streams.env);
  // At a terminal, a long message wraps to its width (render/stderr.ts); piped, it stays one line.
  const say = (text: string) => void streams.stderr.write(fitErrorLines(text, streams.stderr));
  if (isCommanderError(error)) {
    // commander has already printed help, the version or its own one-line message.
    if (error.exitCode === 0 || error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return EXIT.ok;
    // Anything else is a usage problem, including a command with subcommands given none
    // (`pyroad evidence`, commander.help): its help went to stderr.
    return EXIT.usage;
  }
  if (error instanceof PyroadError) {
    // Messages name files, ids and values from outside: shown, never obeyed.
    say(`pyroad: ${untrusted(withGlobals(error.message, repeat))}\n`);
    for (const line of error.details) say(`${untrusted(withGlobals(line, repeat))}\n`);
    if (debug && error.stack) streams.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  if (isPromptExit(error)) {
    say('pyroad: interrupted\n');
    return EXIT.interrupted;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(`pyroad: internal error: ${untrusted(message)}\n`);
  streams.stderr.write(
    debug && error instanceof Error && error.stack
      ? `${error.stack}\n`
      : 'This is a bug in pyroad. Please report it with the command you ran; DEBUG=pyroad shows the stack trace.\n',
  );
  return EXIT.data;
}
