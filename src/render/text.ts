/** Plain-text helpers shared by every renderer. No colour here: callers pass a Style. */
import { breakWord, displayWidth } from './width.js';

/**
 * The one URL policy: a word holding a URL is never broken, so it can be clicked and copied. It
 * goes on the next line when it does not fit, and runs past the edge only when it is wider than a
 * line by itself.
 */
export const isUrlWord = (word: string): boolean => /\b(?:https?|ftp|file):\/\/\S/i.test(word);

/** A word as pieces that each fit `width` columns (see breakWord); a URL stays one piece. */
const piecesOf = (word: string, width: number): string[] => (isUrlWord(word) ? [word] : breakWord(word, width));

/**
 * Wraps text to `width` columns, keeping existing line breaks; `indent` prefixes every line. An
 * inline code span (`like this`) is never broken across lines unless it is wider than a line; a
 * URL never is (isUrlWord); another word wider than a line (a long path, or a run of CJK text
 * without spaces) is broken by display width, never inside a character.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const out: string[] = [];
  const room = Math.max(20, width - displayWidth(indent));
  for (const paragraph of text.split('\n')) {
    if (paragraph.trim() === '') {
      out.push('');
      continue;
    }
    const lead = /^\s*/.exec(paragraph)![0];
    let line = lead;
    const space = Math.max(1, room - displayWidth(lead));
    for (const whole of paragraph.trim().match(WORDS) ?? []) {
      // A word wider than the line starts a line of its own, then goes on over the next ones.
      const pieces = piecesOf(whole, space);
      for (const word of pieces) {
        if (line.trim() !== '' && displayWidth(line) + 1 + displayWidth(word) > room) {
          out.push(line);
          line = lead + word;
        } else line = line.trim() === '' ? lead + word : `${line} ${word}`;
      }
    }
    out.push(line);
  }
  return out.map((l) => (l ? indent + l : l)).join('\n');
}

const WORDS = /(?:`[^`\n]*`|[^\s`]|`)+/g;

/**
 * Inline code spans as a terminal shows them: in colour, the code without its backticks; without
 * colour, the backticks stay (they are the only mark that it is code).
 */
export const inlineCode = (line: string, style: { enabled: boolean; cyan: (s: string) => string }): string =>
  style.enabled ? line.replace(/`([^`]+)`/g, (_, code: string) => style.cyan(code)) : line;

/** A run of text and how to paint it. */
export type Segment = [text: string, paint?: (s: string) => string];

/**
 * Wraps a line made of differently painted segments to `width` columns, measuring only the text:
 * each word keeps its segment's paint, and lines break only where there is white space.
 * Continuation lines start with `hang` (default: `indent`).
 */
export function wrapSegments(segments: readonly Segment[], width: number, indent = '', hang = indent): string {
  const words: { text: string; paint: (s: string) => string; gap: string }[] = [];
  let pending = '';
  for (const [text, paint = (s: string) => s] of segments) {
    for (const match of text.matchAll(/(\s*)(\S+)/g)) {
      // A word wider than a line is broken into pieces that each fit one (no gap between them).
      piecesOf(match[2]!, Math.max(1, width - displayWidth(hang))).forEach((piece, i) =>
        words.push({ text: piece, paint, gap: i === 0 ? pending + match[1]! : '' }),
      );
      pending = '';
    }
    pending += /\s*$/.exec(text)![0];
  }
  const lines: string[] = [];
  let line = indent;
  let length = displayWidth(indent);
  let empty = true;
  for (const word of words) {
    const gap = empty ? '' : word.gap;
    const w = displayWidth(word.text);
    if (!empty && length + gap.length + w > width) {
      lines.push(line);
      line = hang + word.paint(word.text);
      length = displayWidth(hang) + w;
      continue;
    }
    line += gap + word.paint(word.text);
    length += gap.length + w;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/**
 * A one-line message (a confirmation, an error) wrapped at spaces to `width`, its continuation
 * lines indented by `hang` past its own indentation. Unlike wrap, no word is ever broken: a path,
 * an id or a URL in a message is copied from it, so one wider than a line runs past the edge on a
 * line of its own.
 */
export function wrapWhole(line: string, width: number, hang = '  '): string {
  if (displayWidth(line) <= width) return line;
  const lead = /^\s*/.exec(line)![0];
  const next = lead + hang;
  const out: string[] = [];
  let current = lead;
  for (const word of line.slice(lead.length).split(/ +/)) {
    const start = current === lead || current === next;
    if (!start && displayWidth(current) + 1 + displayWidth(word) > width) {
      out.push(current);
      current = next + word;
    } else current = start ? current + word : `${current} ${word}`;
  }
  out.push(current);
  return out.join('\n');
}

/** A bar such as "███████░░░" for a fraction in 0..1. */
export function bar(fraction: number, width = 20): string {
  const filled = Math.round(Math.max(0, Math.min(1, fraction)) * width);
  return '█'.repeat(filled) + '░'.repeat(width - filled);
}

export const percent = (fraction: number): string => `${Math.round(fraction * 100)}%`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

export const STAGE_LABELS = {
  skills: 'get the skills',
  prove: 'prove the skills',
  apply: 'put yourself out there',
} as const;
