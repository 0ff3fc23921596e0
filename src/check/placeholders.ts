/**
 * `{{name}}` placeholders, shared by the schema (which checks that each is captured first) and the
 * templates (which fill them in). No zod here: a run of the checks must not load it for this.
 */

/** `{{name}}` in a path, a header value or a body string. */
export const PLACEHOLDER = /\{\{\s*([a-z][a-z0-9_]{0,39})\s*\}\}/g;

/** Placeholders in a value (a request, header rules). */
export function placeholdersIn(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown): void => {
    if (typeof v === 'string') for (const m of v.matchAll(PLACEHOLDER)) found.add(m[1]!);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v !== null && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(value);
  return [...found];
}
