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
        const root = cmd.parent ?? cmd;
        // Global options typed on this command line (not from the environment): suggested
        // commands must carry them, or they would act on another roadmap or home.
        const typed = (['roadmap', 'home'] as const).filter((name) => root.getOptionValueSource(name) === 'cli');
        const ctx = await createContext(cmd.optsWithGlobals<GlobalOptions>(), streams, typed);
        await (handler as (ctx: Context, ...rest: unknown[]) => Promise<void>)(ctx, ...args.slice(0, -1));
      };
    },
  };
}

/** The "Examples:" block shown at the end of a command's --help. */
export const examples = (...lines: string[]): string => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join('\n')}\n`;
