import type { Argument, Command, Option } from 'commander';

/**
 * What completion needs to know about the command line, read from commander's own command tree
 * (the single source: a command another engineer registers is completed with no change here).
 */
export interface CompletionOption {
  /** The spellings the option is typed with: `--format`, `-f`. */
  flags: string[];
  /** Whether the next word is the option's value. */
  takesValue: boolean;
  /** What a value is, for completing it (see valueKindOf). */
  value: ValueKind;
}

export interface CompletionArgument {
  value: ValueKind;
  variadic: boolean;
}

export interface CompletionNode {
  name: string;
  aliases: string[];
  options: CompletionOption[];
  arguments: CompletionArgument[];
  commands: CompletionNode[];
}

/**
 * How to complete a value: a fixed list of words, ids of the roadmap in use, a path, or nothing
 * (free text such as a number or a URL).
 */
export type ValueKind =
  | { kind: 'words'; words: string[] }
  | { kind: 'ids'; of: 'area' | 'topic' | 'project' | 'checked' | 'exercise' | 'any' }
  | { kind: 'file' }
  | { kind: 'dir' }
  | { kind: 'none' };

/** A list of values written in the help text the way pyroad's commands write them. */
// Words may hold dots (setting keys such as `practice.dir`).
const LISTED = /(?:one of|format): ((?:[a-z0-9][\w.-]*, )+[a-z0-9][\w.-]*)/i;

/**
 * What a value is, from the name commander knows it by (`<area>`, `--output <file>`) and its
 * choices: declared with `.choices()`, or listed in its description ("one of: a, b, c").
 */
export function valueKindOf(name: string, choices: readonly string[] | undefined, description: string): ValueKind {
  if (choices?.length) return { kind: 'words', words: [...choices] };
  const listed = LISTED.exec(description);
  if (listed) return { kind: 'words', words: listed[1]!.split(', ') };
  const n = name.toLowerCase();
  if (/dir|folder|home/.test(n)) return { kind: 'dir' };
  if (/file|output|path|export/.test(n)) return { kind: 'file' };
  if (/area/.test(n)) return { kind: 'ids', of: 'area' };
  // `check` takes only projects that have checks; its argument says so.
  if (/project/.test(n)) return { kind: 'ids', of: /with checks/i.test(description) ? 'checked' : 'project' };
  if (/topic/.test(n)) return { kind: 'ids', of: 'topic' };
  if (/^ids?$/.test(n)) return { kind: 'ids', of: /exercise/i.test(description) ? 'exercise' : 'any' };
  return { kind: 'none' };
}

function optionOf(option: Option): CompletionOption {
  const value = /<([^>]+)>|\[([^\]]+)\]/.exec(option.flags);
  const valueName = value ? (value[1] ?? value[2] ?? '') : '';
  return {
    flags: [option.long, option.short].filter((f): f is string => Boolean(f)),
    takesValue: option.required || option.optional,
    value: valueKindOf(`${valueName} ${option.long ?? ''}`, option.argChoices, option.description),
  };
}

function argumentOf(argument: Argument): CompletionArgument {
  return {
    value: valueKindOf(argument.name(), argument.argChoices, argument.description),
    variadic: argument.variadic,
  };
}

/** The visible part of the tree under `command` (hidden commands and options are left out). */
export function completionTree(command: Command): CompletionNode {
  const help = command.createHelp();
  return {
    name: command.name(),
    aliases: command.aliases(),
    options: help.visibleOptions(command).map(optionOf),
    arguments: command.registeredArguments.map(argumentOf),
    commands: help
      .visibleCommands(command)
      // commander's implicit `help` command is listed without options or arguments of its own.
      .map((sub) => completionTree(sub)),
  };
}
