/**
 * Building HTML safely. Everything interpolated into `html` is escaped unless it is itself a
 * fragment made by `html` (or, for markup we write ourselves, `raw`). Escaping is the default,
 * so a roadmap title such as `<script>` can only ever become text.
 */
import { untrusted } from '../untrusted.js';

const FRAGMENT = Symbol('html fragment');

export interface Fragment {
  readonly [FRAGMENT]: string;
}

export type Value = string | number | Fragment | null | undefined | false | readonly Value[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text made safe for element content and for quoted attribute values: markup escaped, and control,
 * bidi and invisible characters shown as escapes (they would reorder or hide text in a browser).
 */
export const escapeHtml = (text: string): string => untrusted(text).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Markup written by this module, trusted as is. Never pass data from a roadmap or progress here. */
export const raw = (markup: string): Fragment => ({ [FRAGMENT]: markup });

const isFragment = (value: unknown): value is Fragment =>
  typeof value === 'object' && value !== null && FRAGMENT in value;

function render(value: Value): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'string') return escapeHtml(value);
  if (typeof value === 'number') return escapeHtml(String(value));
  if (isFragment(value)) return value[FRAGMENT];
  return value.map(render).join('');
}

/** A tagged template: `html\`<p>${title}</p>\`` escapes `title`, keeps nested fragments. */
export function html(strings: TemplateStringsArray, ...values: Value[]): Fragment {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return raw(out);
}

export const toHtml = (fragment: Fragment): string => fragment[FRAGMENT];

/**
 * A link target, or undefined when it is not a plain web address. The roadmap schema already
 * insists on https; this also guards URLs that come from elsewhere (a recommendation, a merge).
 */
export function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
