import type { z as Zod } from 'zod';
import { requireZod } from '../zod.js';
import { placeholdersIn } from './placeholders.js';

const z = requireZod();

/**
 * A project's checks (`project.checks` in a roadmap): short HTTP conversations written as data,
 * never code, because a roadmap can come from anyone. `pyroad check` sends each request to the
 * learner's own server and judges the answer (judge.ts). docs/checks.md documents the format.
 */

export const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
/** Whose credentials a request carries: the learner's two test users (tokens given to `pyroad check`). */
export const AUTH_USERS = ['main', 'other'] as const;

/** A name captured from an answer and used later as `{{name}}`. */
export const CAPTURE_NAME = /^[a-z][a-z0-9_]{0,39}$/;

const text = z.string().trim().min(1, 'must not be empty');
const oneLine = text.refine((s) => !/[\r\n]/.test(s), 'must be one line');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes, like "create-note"');
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, 'must be an HTTP header name');
const headerValue = z
  .string()
  .max(2000)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .refine((s) => !/[\u0000-\u0008\u000a-\u001f\u007f]/.test(s), 'must not contain control characters');

const regex = z
  .string()
  .min(1)
  .max(200, 'must be at most 200 characters')
  .refine((s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  }, 'must be a valid regular expression');

export const headerRuleSchema = z.union([
  headerValue.describe('The header must have exactly this value.'),
  z
    .strictObject({
      present: z.boolean().optional().describe('true: the header must be there; false: it must not be.'),
      equals: headerValue.optional().describe('The exact value (case-sensitive).'),
      contains: headerValue.optional().describe('A part the value must contain.'),
      matches: regex.optional().describe('A regular expression the value must match; `{{name}}` inserts a capture.'),
    })
    .refine((r) => Object.keys(r).length > 0, 'needs one of present, equals, contains, matches'),
]);

export const checkRequestSchema = z
  .strictObject({
    method: z.enum(METHODS).default('GET'),
    path: z
      .string()
      .regex(/^\/[^\s#]*$/, 'must start with "/" and hold no spaces or "#"')
      .max(2000)
      .describe('Path and query, after --url and --base-path; `{{name}}` inserts a capture.'),
    auth: z
      .enum(AUTH_USERS)
      .optional()
      .describe('Send `Authorization: Bearer <token>` for the main or the other test user; absent: no credentials.'),
    headers: z.record(headerName, headerValue).optional().describe('Extra request headers.'),
    json: z.unknown().optional().describe('A JSON body (sent with Content-Type: application/json).'),
    form: z.record(z.string(), z.string()).optional().describe('A form body (application/x-www-form-urlencoded).'),
    text: z.string().max(100_000).optional().describe('A raw body, sent as is (set Content-Type in headers).'),
  })
  .refine((r) => [r.json, r.form, r.text].filter((b) => b !== undefined).length <= 1, {
    message: 'give at most one of json, form, text',
  });

const status = z.int().min(100).max(599);

export const checkExpectSchema = z.strictObject({
  status: z
    .union([status, z.array(status).min(1)])
    .describe('The status, or a list of statuses any of which is right.'),
  headers: z.record(headerName, headerRuleSchema).optional().describe('Rules per header (names are case-insensitive).'),
  json: z
    .record(z.string(), z.unknown())
    .optional()
    .describe('The body must be JSON that matches this JSON Schema (draft 2020-12).'),
  empty: z.boolean().optional().describe('true: the answer must have no body (as after 204).'),
});

export const captureSchema = z
  .strictObject({
    json: z
      .string()
      .regex(/^(\/[^/]*)*$/, 'must be a JSON Pointer such as "/id"')
      .optional()
      .describe('A JSON Pointer into the body, e.g. "/id" or "/items/0/id".'),
    header: headerName.optional().describe('A header of the answer, e.g. Location.'),
  })
  .refine((c) => (c.json === undefined) !== (c.header === undefined), 'needs exactly one of json, header');

export const checkSchema = z.strictObject({
  id: id.describe('Unique within the project; `--only` and `--from` name it.'),
  title: oneLine.describe('What the check shows, as a short sentence.'),
  why: oneLine.describe('One line shown when the check fails: why the rule matters.'),
  request: checkRequestSchema,
  expect: checkExpectSchema,
  capture: z
    .record(z.string().regex(CAPTURE_NAME, 'must be a lowercase name like "note_id"'), captureSchema)
    .optional()
    .describe('Values to keep from this answer, used by later checks as `{{name}}`.'),
});

/** The list: ids unique, every `{{name}}` captured by an earlier check. */
export const checksSchema = z
  .array(checkSchema)
  .min(1)
  .max(200)
  .superRefine((checks, ctx) => {
    const ids = new Set<string>();
    const captured = new Set<string>();
    checks.forEach((check, i) => {
      if (ids.has(check.id))
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${check.id}" is used by an earlier check` });
      ids.add(check.id);
      for (const name of placeholdersIn(check.request))
        if (!captured.has(name))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'request'],
            message: `{{${name}}} is not captured by an earlier check`,
          });
      // Header rules may also use what this very answer captures (Location ends with its id).
      for (const name of placeholdersIn(check.expect.headers))
        if (!captured.has(name) && !(check.capture && name in check.capture))
          ctx.addIssue({
            code: 'custom',
            path: [i, 'expect', 'headers'],
            message: `{{${name}}} is not captured by this or an earlier check`,
          });
      for (const name of Object.keys(check.capture ?? {})) captured.add(name);
    });
  });

export type Check = Zod.infer<typeof checkSchema>;
export type CheckRequest = Check['request'];
export type CheckExpect = Check['expect'];
export type HeaderRule = Zod.infer<typeof headerRuleSchema>;
export type Capture = Zod.infer<typeof captureSchema>;
