import type { Path } from './parse.js';

/**
 * Roadmaps may come from strangers, and their text is shown in a terminal: a control character
 * in it could set the window title, hide text or make a link (issue: text from strangers is
 * shown, never obeyed). Every string of a roadmap file is scanned before the schema: C0 controls
 * other than tab and newline, DEL and C1 controls are errors; bidirectional controls and
 * invisible characters, which make text read differently from what it is, are warnings. Pure.
 */

// Built from strings (the escapes are the point): C0 but tab and newline, DEL, C1.
const C0_BUT_TAB_AND_NEWLINE = '\\u0000-\\u0008\\u000b-\\u001f';
const CONTROL = new RegExp(`[${C0_BUT_TAB_AND_NEWLINE}\\u007f-\\u009f]`);
const INVISIBLE = new RegExp('[\\u061c\\u200b-\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff]');

/** Fields read character by character: code and answers live here. */
const CLOSE_READ = new Set(['prompt', 'choices', 'explanation']);

const NAMES: Record<number, string> = {
  0x07: 'BEL',
  0x08: 'backspace',
  0x0d: 'carriage return',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x9b: 'CSI',
  0x9d: 'OSC',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202e: 'right-to-left override',
  0x202d: 'left-to-right override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0xfeff: 'zero-width no-break space',
};

function describe(char: string): string {
  const code = char.codePointAt(0)!;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return NAMES[code] ? `${hex} (${NAMES[code]})` : hex;
}

/** `areas[0].topics[2].title`: the field as a reader finds it. */
export function fieldPath(path: Path): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
}

export interface CharacterFinding {
  path: Path;
  /** On the key itself rather than its value (a key may hold them too). */
  key?: string;
  message: string;
  severity: 'error' | 'warning';
}

/** Every string (keys included) of a parsed YAML value, checked for characters a terminal obeys. */
export function scanCharacters(raw: unknown): CharacterFinding[] {
  const out: CharacterFinding[] = [];
  const check = (text: string, path: Path, key?: string) => {
    const where = fieldPath(key === undefined ? path : [...path, key]) || 'the document';
    const what = key === undefined ? '' : ' (in a field name)';
    const control = CONTROL.exec(text);
    if (control)
      out.push({
        path,
        ...(key !== undefined ? { key } : {}),
        severity: 'error',
        message: `${where}: control character ${describe(control[0])}${what} is not allowed: a terminal would obey it, not show it`,
      });
    const invisible = INVISIBLE.exec(text);
    // Joiners are part of emoji and several scripts: only where code and answers are read closely.
    const field = [...path].reverse().find((p) => typeof p === 'string');
    const joinerOnly =
      invisible &&
      /^[\u200c\u200d]$/.test(invisible[0]) &&
      !/[^\u200c\u200d]/.test([...text].filter((c) => INVISIBLE.test(c)).join(''));
    if (invisible && !(joinerOnly && !CLOSE_READ.has(String(field))))
      out.push({
        path,
        ...(key !== undefined ? { key } : {}),
        severity: 'warning',
        message: `${where}: invisible or direction-changing character ${describe(invisible[0])}${what}: the text may read differently from what it is (pyroad shows it as an escape)`,
      });
  };
  const walk = (value: unknown, path: Path): void => {
    if (typeof value === 'string') check(value, path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) {
        check(k, path, k);
        walk(v, [...path, k]);
      }
  };
  walk(raw, []);
  return out;
}
