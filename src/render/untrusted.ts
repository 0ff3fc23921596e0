/**
 * Text pyroad did not write (roadmap text, progress and settings values, file names, a server's
 * answer, a program's output, an imported file) is shown, never obeyed: one function makes every
 * character that could drive the terminal visible before the text is styled or printed. Only
 * pyroad's own styling emits escape sequences (see `guardOutput`, the last check at every output).
 *
 * Pure, no dependencies: every command can afford it.
 */

/**
 * Characters a terminal may act on or that hide or reorder text: C0 controls (tab and newline
 * are kept unless `oneLine`), DEL, C1 controls, bidirectional controls, and invisible characters
 * that make two strings look alike (zero-width space, word joiner, byte-order mark, LRM/RLM/ALM).
 * Zero-width (non-)joiners are kept: emoji and several scripts need them.
 */
const INVISIBLE = '\\u061c\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff\\ufff9-\\ufffb';
const CONTROLS = '\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f';
const UNSAFE = new RegExp(`[${CONTROLS}${INVISIBLE}]`, 'g');
/** Also newlines (and the Unicode line and paragraph separators), for text that must stay on one line. */
const UNSAFE_ONE_LINE = new RegExp(`[${CONTROLS}\\n\\t\\u2028\\u2029${INVISIBLE}]`, 'g');

const ALL_CONTROLS = '\\u0000-\\u001f\\u007f-\\u009f';
const BIDI = '\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL_OR_BIDI = new RegExp(`[${ALL_CONTROLS}${BIDI}]`);

/**
 * Whether a value that should be plain text (an id, a note, a path in a setting) holds a control
 * or text-direction character: stored data refuses such values rather than show them.
 */
export const hasControlOrBidi = (text: string): boolean => CONTROL_OR_BIDI.test(text);

/** How a character is shown: `\x1b`, `\x07`, `\u202e` (as it would be written in code). */
export function visible(char: string): string {
  const code = char.codePointAt(0)!;
  if (char === '\n') return '\\n';
  if (char === '\r') return '\\r';
  if (char === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * The text with every character that could drive the terminal shown as an escape (`\x1b`), so an
 * escape sequence prints as harmless text. Tabs and newlines are kept, unless `oneLine` (for a
 * title, an id or a header value, where a newline would break the layout).
 */
export function untrusted(text: string, opts: { oneLine?: boolean } = {}): string {
  return text.replace(opts.oneLine ? UNSAFE_ONE_LINE : UNSAFE, visible);
}

/** Whether the text holds a character `untrusted` would change. */
export function hasUnsafe(text: string, opts: { oneLine?: boolean } = {}): boolean {
  const pattern = opts.oneLine ? UNSAFE_ONE_LINE : UNSAFE;
  pattern.lastIndex = 0;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

const ESC = String.fromCharCode(0x1b);

/**
 * The Select Graphic Rendition codes pyroad's own styling emits (render/style.ts through chalk):
 * bold and dim (1, 2, off 22), red to cyan (31-36) and the default colour (39). Nothing else:
 * not hidden text (8), blinking, or any other sequence.
 */
const SGR = new RegExp(`${ESC}\\[(?:1|2|22|3[1-6]|39)m`, 'y');

/**
 * The last check before text reaches stdout or stderr: with colour on, pyroad's own colour codes
 * (`ESC [ 1 m`, `ESC [ 31 m` and the like) pass and any other control character is shown as an
 * escape; with colour off, nothing passes. A CR directly before a newline (CSV lines) passes. Foreign text has already been through `untrusted`; this guarantees that a
 * renderer that forgot never lets a title, hyperlink, clear-screen or cursor sequence through.
 */
export function guardOutput(text: string, colour: boolean): string {
  let out = '';
  let last = 0;
  UNSAFE.lastIndex = 0;
  for (let m = UNSAFE.exec(text); m; m = UNSAFE.exec(text)) {
    const at = m.index;
    // A CR that ends a line (CSV's CRLF) moves nothing: the newline after it goes to the next line anyway.
    if (m[0] === '\r' && text[at + 1] === '\n') continue;
    if (colour && m[0] === ESC) {
      SGR.lastIndex = at;
      const sgr = SGR.exec(text);
      if (sgr) {
        UNSAFE.lastIndex = at + sgr[0].length;
        continue;
      }
    }
    out += text.slice(last, at) + visible(m[0]);
    last = at + m[0].length;
  }
  return last === 0 ? text : out + text.slice(last);
}

/**
 * JSON that shows as it means: JSON.stringify already escapes C0 controls; this escapes the rest
 * `untrusted` guards against (C1, bidi, invisible characters) as \uXXXX, which JSON readers
 * decode to the same string.
 */
export function safeJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space).replace(
    UNSAFE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}
