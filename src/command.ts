import type { Command } from 'commander';
import { createContext, type Context, type GlobalOptions, type Streams } from './context.js';

/**
 * Turns a command's handler into a commander action: builds the context from the global
 * options first. Handlers receive the positional arguments and the command's own options.
 */
export type Action = (...args: unknown[]) => Promise<void>;
export type Handler<A extends unknown[]> = (ctx: Context, ...args: A) => Promise<void>;

export interface Program {
  command: Command;
  streams: Streams;
  action<A extends unknown[]>(handler: Handler<A>): Action;
}

export function makeProgram(command: Command, streams: Streams): Program {
  return {
    command,
    streams,
    action(handler) {
      return async (...args: unknown[]) => {
        // commander passes (...positionals, options, command); the context needs the globals.
        const cmd = args.at(-1) as Command;
        const ctx = await createContext(cmd.optsWithGlobals<GlobalOptions>(), streams, typedGlobals(rootOf(cmd)));
        await (handler as (ctx: Context, ...rest: unknown[]) => Promise<void>)(ctx, ...args.slice(0, -1));
      };
    },
  };
}

/**
 * The global options typed on this command line (not taken from the environment), as they would
 * be typed again: suggested commands must carry them, or they would act on another roadmap or home.
 */
export function typedGlobals(root: Command): string {
  const globals = root.opts<GlobalOptions>();
  return (['roadmap', 'home'] as const)
    .filter((name) => root.getOptionValueSource(name) === 'cli' && globals[name] !== undefined)
    .map((name) => `--${name} ${shellWord(globals[name]!)}`)
    .join(' ');
}

/** A word as a shell reads it: quoted when it holds anything but plain path characters. */
const shellWord = (s: string): string => (/^[\w./@%+=:,-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);

/** The program a (sub)command belongs to: where the global options are. */
const rootOf = (cmd: Command): Command => (cmd.parent ? rootOf(cmd.parent) : cmd);

/** The "Examples:" block shown at the end of a command's --help. */
export const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
