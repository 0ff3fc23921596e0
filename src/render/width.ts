import { createRequire } from 'node:module';

/**
 * How many columns text takes on a terminal, and cutting text to a width, counted by what the
 * terminal shows: wide characters (CJK, emoji) take two columns, combining marks none, and colour
 * codes nothing. The counting is string-width's (chalk's family). Loading it costs ~90 ms (ICU
 * segmentation and Unicode-property regexes), so text made only of characters that always take
 * one column (ASCII, Latin, and the symbols pyroad draws with) is measured by its length, and
 * string-width is loaded, synchronously, the first time other text comes along.
 */

/** Characters one column wide in every terminal: printable ASCII, Latin-1 and Latin Extended, and pyroad's symbols. */
const NARROW =
  /^[\u0020-\u007e\u00a0-\u02ff\u2010-\u2027\u2030-\u205e\u2190-\u21ff\u2500-\u25fc\u2713-\u2718\u276f\u2800-\u28ff]*$/;
const SGR = new RegExp(`${String.fromCharCode(0x1b)}\\[[0-9;]*m`, 'g');

type Measure = (text: string) => number;
let stringWidth: Measure | undefined;
function measure(): Measure {
  // string-width is ESM; Node 20.19+ loads it synchronously, and the renderers are synchronous.
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: Measure }).default;
  return stringWidth;
}

/** Whether the text (colour codes aside) is measured by its length. */
const narrow = (plain: string): boolean => NARROW.test(plain);

/** Columns the text takes (colour codes count nothing). */
export function displayWidth(text: string): number {
  const plain = text.includes('\u001b') ? text.replace(SGR, '') : text;
  return narrow(plain) ? plain.length : measure()(plain);
}

let segmenter: Intl.Segmenter | undefined;
/** The text's user-perceived characters (grapheme clusters): a cut never splits one. */
function graphemes(text: string): string[] {
  segmenter ??= new Intl.Segmenter();
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The word broken into pieces of at most `width` columns each (at least one character a piece),
 * for a word wider than the line: never inside a character (grapheme) or a colour code.
 */
export function breakWord(word: string, width: number): string[] {
  if (displayWidth(word) <= width) return [word];
  const pieces: string[] = [];
  let piece = '';
  let used = 0;
  // Colour codes are kept whole and count nothing; the text between them is cut by grapheme.
  for (const part of word.split(new RegExp(`(${SGR.source})`))) {
    if (part === '') continue;
    if (part.startsWith('\u001b')) {
      piece += part;
      continue;
    }
    for (const g of narrow(part) ? [...part] : graphemes(part)) {
      const w = displayWidth(g);
      if (used + w > width && used > 0) {
        pieces.push(piece);
        piece = '';
        used = 0;
      }
      piece += g;
      used += w;
    }
  }
  if (piece !== '') pieces.push(piece);
  return pieces;
}

/**
 * The plain text cut to at most `width` columns, ending with `…` when cut. Never splits a
 * character: a wide character that would straddle the edge is left out whole.
 */
export function truncate(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (width <= 0) return '';
  if (narrow(text)) return `${text.slice(0, width - 1)}…`;
  const of = measure();
  let out = '';
  let used = 0;
  for (const g of graphemes(text)) {
    const w = of(g);
    if (used + w > width - 1) break;
    out += g;
    used += w;
  }
  return `${out}…`;
}

/** The text padded with spaces to `width` columns (unchanged when already as wide). */
export const padEndWidth = (text: string, width: number): string =>
  text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export const padStartWidth = (text: string, width: number): string =>
  ' '.repeat(Math.max(0, width - displayWidth(text))) + text;

/** The text cut (with `…`) or padded to exactly `width` columns. */
export const fit = (text: string, width: number): string => padEndWidth(truncate(text, width), width);
