import { PLACEHOLDER, placeholdersIn } from './placeholders.js';
import type { Check } from './schema.js';

/**
 * Captures: values kept from earlier answers (the id of a note just created), put into later
 * paths, headers and bodies as `{{name}}`. Pure.
 */
export type CaptureValue = string | number | boolean;
export type Captures = Readonly<Record<string, CaptureValue>>;

/** The captures a check needs that are not there (an earlier check failed or was not run). */
export function missingCaptures(check: Check, captures: Captures): string[] {
  return placeholdersIn(check.request).filter((name) => !Object.hasOwn(captures, name));
}

/** The text with every `{{name}}` replaced by `encode(value)`; unknown names are left as they are. */
export function expand(text: string, captures: Captures, encode: (value: string) => string = (v) => v): string {
  return text.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(captures, name) ? encode(String(captures[name])) : whole,
  );
}

/** A path with captures URL-encoded, so a captured "a/b?c" cannot change where the request goes. */
export const expandPath = (path: string, captures: Captures): string => expand(path, captures, encodeURIComponent);

/** A JSON body: a string that is exactly one `{{name}}` becomes the captured value with its type. */
export function expandJson(value: unknown, captures: Captures): unknown {
  if (typeof value === 'string') {
    const whole = /^\{\{\s*([a-z][a-z0-9_]*)\s*\}\}$/.exec(value);
    if (whole && Object.hasOwn(captures, whole[1]!)) return captures[whole[1]!];
    return expand(value, captures);
  }
  if (Array.isArray(value)) return value.map((v) => expandJson(v, captures));
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, expandJson(v, captures)]));
  return value;
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A regular expression with captures inserted literally (a captured "1.5" matches only "1.5"). */
export const expandRegExp = (source: string, captures: Captures): string => expand(source, captures, escapeRegExp);

/** The value at a JSON Pointer (RFC 6901), or undefined. */
export function atPointer(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current: unknown = document;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key)) return undefined;
      current = current[Number(key)];
    } else if (current !== null && typeof current === 'object' && Object.hasOwn(current, key))
      current = (current as Record<string, unknown>)[key];
    else return undefined;
  }
  return current;
}
