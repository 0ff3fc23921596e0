import { Command, CommanderError, Option } from 'commander';
import { makeProgram, typedGlobals } from './command.js';
import { withGlobals, type Streams } from './context.js';
import { didYouMean } from './didyoumean.js';
import { EXIT, PyroadError, usageError } from './errors.js';
import { VERSION } from './version.js';
import { guardOutput, untrusted } from './render/untrusted.js';
import { fitErrorLines } from './render/stderr.js';
import { fitHelpText, helpWidth, narrowHelp } from './render/help.js';
import { COMMAND_NAMES, registerCommands, unknownHelpTopic } from './commands/index.js';

/** `-v` is the version in many tools; pyroad's is `-V`. */
const versionHint = (text: string): string =>
  /^unknown option '-v'/.test(text) ? text.replace(/\n?$/, " (did you mean '-V', the version?)\n") : text;

/** Builds the whole program. Kept separate from `main` so tests can drive it in-process. */
export async function buildProgram(streams: Streams, argv: readonly string[] = []): Promise<Command> {
  // commander's own messages ("error: unknown option") look like every other pyroad error.
  // Help fits the terminal's width (render/help.ts).
  const width = helpWidth(streams.stdout, streams.env);
  const output = {
    writeOut: (text: string) => void streams.stdout.write(guardOutput(fitHelpText(text, width), false)),
    writeErr: (text: string) => void streams.stderr.write(guardOutput(text, false)),
    outputError: (text: string, write: (text: string) => void) =>
      write(fitErrorLines(`pyroad: ${versionHint(text.replace(/^error: /, ''))}`, streams.stderr)),
    getOutHelpWidth: () => width,
    getErrHelpWidth: () => width,
  };
  const program = new Command('pyroad')
    .description('Your coach on the road to a first job as a Python back-end developer.')
    .version(VERSION, '-V, --version', 'print the version')
    // The environment variables are read from the env main() is given (context.ts), never by
    // commander, which would read the process's own: see README, "Where a setting comes from".
    .addOption(new Option('--roadmap <file>', 'use another roadmap file (env: PYROAD_ROADMAP)'))
    .addOption(new Option('--home <dir>', 'keep settings and progress in this folder (env: PYROAD_HOME)'))
    .option('--no-color', 'no colours in output (NO_COLOR and FORCE_COLOR are honoured too)')
    .showSuggestionAfterError(true)
    .configureHelp(narrowHelp)
    .configureOutput(output)
    .exitOverride();
  program.addHelpText(
    'after',
    `
Start here:
  $ pyroad assess        rate yourself and answer questions, one area at a time
  $ pyroad next          what to learn next, and why
  $ pyroad status        where you stand

Exit codes: 0 ok, 1 data or runtime problem, 2 usage problem, 130 interrupted.
`,
  );
  await registerCommands(makeProgram(program, streams), argv);
  // Every subcommand inherits the output routing and the exit override.
  for (const sub of program.commands) {
    sub.configureOutput(output);
    sub.exitOverride();
  }
  return program;
}

const isPromptExit = (error: unknown): boolean =>
  error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');

/** The one place that turns an outcome into an exit code. Returns it; bin/pyroad.js sets it. */
export async function main(argv: string[], streams: Streams): Promise<number> {
  const topic = unknownHelpTopic(argv);
  if (topic !== undefined)
    return reportError(
      usageError(`unknown command '${topic}'${didYouMean(topic, COMMAND_NAMES)}; \`pyroad --help\` lists them`),
      streams,
    );
  const program = await buildProgram(streams, argv);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (error) {
    return reportError(error, streams, typedGlobals(program));
  }
}

/** `repeat`: the global options typed on the command line, for the commands a message suggests. */
export function reportError(error: unknown, streams: Streams, repeat = ''): number {
  const debug = /(^|,)\s*pyroad\s*(,|$)/.test(streams.env.DEBUG ?? '');
  // At a terminal, a long message wraps to its width (render/stderr.ts); piped, it stays one line.
  const say = (text: string) => void streams.stderr.write(fitErrorLines(text, streams.stderr));
  if (error instanceof CommanderError) {
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
