/**
 * `--help` at the terminal's width. commander wraps descriptions to a help width, but only when
 * 40 columns are left beside the longest term, so at 40 (or 60) columns every description ran past
 * the edge; the text added after the options (examples, notes) is not wrapped at all. Here: the
 * width is the terminal's (COLUMNS, else 80, when piped, as for every screen); a description that
 * has too little room beside its term goes under it; and any line still too wide is wrapped, an
 * example command with a shell continuation (` \`) so it can still be copied as it is.
 */
import type { Help } from 'commander';
import { wrap, wrapSegments } from './text.js';
import { displayWidth } from './width.js';

/** Columns of help: the terminal's width, within 40..120 like every other screen (context.ts). */
export function helpWidth(
  stdout: { isTTY?: boolean; columns?: number },
  env: Record<string, string | undefined>,
): number {
  const columns = (stdout.isTTY ? stdout.columns : undefined) ?? (Number(env.COLUMNS) || 80);
  return Math.max(40, Math.min(columns, 120));
}

/** Fewer columns than this beside the terms, and descriptions go under them. */
const BESIDE = 24;
/** Where a description under its term starts. */
const UNDER = '      ';

/** Settings for commander's Help (configureHelp): narrow terminals get descriptions under the terms. */
export const narrowHelp: Partial<Help> = {
  // commander's default (40) leaves descriptions unwrapped whenever a term is long.
  minWidthToWrap: 20,
  formatItem(this: Help, term: string, termWidth: number, description: string, helper: Help): string {
    const width = this.helpWidth ?? 80;
    if (!description || width - termWidth - 4 >= BESIDE)
      return Object.getPrototypeOf(this).formatItem.call(this, term, termWidth, description, helper) as string;
    return `  ${term}\n${wrap(description, width, UNDER)}`;
  },
};

/** Words of a shell command: a quoted string is one word (a break inside it would change it). */
const SHELL_WORDS = /(?:"[^"]*"|'[^']*'|[^\s"'])+/g;

/** An example command ("  $ pyroad …") broken with ` \` continuations, each line within `width`. */
function wrapCommand(line: string, width: number): string {
  const lead = /^\s*\$ /.exec(line)![0];
  const hang = ' '.repeat(lead.length + 2);
  const out: string[] = [];
  let current = lead.trimEnd();
  for (const word of line.slice(lead.length).match(SHELL_WORDS) ?? []) {
    const fresh = current.trim() === '$' || current === hang;
    if (!fresh && displayWidth(current) + 1 + displayWidth(word) + 2 > width) {
      out.push(`${current} \\`);
      current = hang + word;
    } else current = current === hang ? current + word : `${current} ${word}`;
  }
  out.push(current);
  return out.join('\n');
}

/** "  $ pyroad next        what to learn next": a command, two spaces or more, what it does. */
const DESCRIBED = /^(\s*\$ \S.*?) {2,}(\S.*)$/;

/** One line still wider than `width`, wrapped: a command, a command and its description, or text. */
function fitLine(line: string, width: number): string {
  const described = DESCRIBED.exec(line);
  if (described) {
    // The description goes under the command, as for the items above.
    const [, command, what] = described as unknown as [string, string, string];
    return `${fitLine(command, width)}\n${wrap(what, width, ' '.repeat(/^\s*/.exec(command)![0].length + 4))}`;
  }
  if (displayWidth(line) <= width) return line;
  if (/^\s*\$ \S/.test(line)) return wrapCommand(line, width);
  const lead = /^\s*/.exec(line)![0];
  return wrapSegments([[line.slice(lead.length)]], width, lead, `${lead}  `);
}

/**
 * Help text with every line that is still wider than `width` wrapped (see the top). A paragraph
 * of notes (lines at the margin, written wrapped for a wide terminal) is joined and wrapped again.
 */
export function fitHelpText(text: string, width: number): string {
  const out: string[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.some((l) => displayWidth(l) > width)) out.push(wrap(paragraph.join(' '), width));
    else out.push(...paragraph);
    paragraph = [];
  };
  for (const line of text.split('\n')) {
    // A note's line: at the margin, not a heading ("Examples:") or a usage line.
    if (/^\S/.test(line) && !/:$/.test(line) && !/^Usage: /.test(line)) {
      paragraph.push(line);
      continue;
    }
    flush();
    out.push(displayWidth(line) <= width ? line : fitLine(line, width));
  }
  flush();
  return out.join('\n');
}
