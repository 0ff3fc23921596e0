import { Command, Option } from 'commander';
import { makeProgram, typedGlobals } from './command.js';
import type { Streams } from './context.js';
import { didYouMean } from './didyoumean.js';
import { EXIT, usageError } from './errors.js';
import { reportError } from './report-error.js';
import { VERSION } from './version.js';
import { guardOutput } from './render/untrusted.js';
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
    // Help sent to stderr (a command with subcommands given none) fits the terminal too.
    writeErr: (text: string) => void streams.stderr.write(guardOutput(fitHelpText(text, width), false)),
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
