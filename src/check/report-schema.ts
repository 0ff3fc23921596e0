import { requireZod } from '../zod.js';

/**
 * The JSON Schema of `pyroad check --json` (schema/check.schema.json), derived from a zod schema
 * of the report commands/check.ts prints. test/e2e/check.test.ts validates real output with it.
 */
export function checkReportJsonSchema(): Record<string, unknown> {
  const z = requireZod();
  const difference = z.strictObject({
    what: z.string().describe('What differs: "status", "header Location", "JSON /title", "body", "capture {{id}}".'),
    expected: z.string(),
    got: z.string().describe('An excerpt of what the server answered (text from the server: shown, never obeyed).'),
  });
  const result = z.strictObject({
    id: z.string().describe('The check id in the roadmap.'),
    title: z.string(),
    status: z
      .enum(['pass', 'fail', 'error', 'skip'])
      .describe('fail: the answer differs; error: no usable answer (timeout, too large, closed); skip: not run.'),
    method: z.string(),
    path: z.string().describe('The path sent (with --base-path and captures), or as written when not sent.'),
    ms: z.int().min(0).describe('How long the request took.'),
    differences: z.array(difference),
    message: z.string().optional().describe('For error and skip: what went wrong.'),
    why: z.string().optional().describe("The check's reason, present when it did not pass."),
  });
  const report = z.strictObject({
    project: z.string().describe("The project's topic id."),
    title: z.string(),
    url: z.string().describe('Where the checks were sent: --url plus --base-path.'),
    at: z.iso.datetime({ offset: true }).describe('When the run was recorded.'),
    fingerprint: z.string().describe("A hash of the project's checks: a result is proof for this version of them."),
    subset: z.boolean().describe('Only some checks ran (--only, --from): not proof on its own.'),
    total: z.int().min(0),
    passed: z.int().min(0),
    failed: z.array(z.string()).describe('Ids of the checks that were run and did not pass (fail or error).'),
    skipped: z
      .array(z.string())
      .describe('Ids of the checks not run (a capture they need was not made, or the time limit was reached).'),
    results: z.array(result),
  });
  return {
    title: 'pyroad check --json',
    description: "The results of one run of a project's HTTP checks against the learner's server.",
    ...z.toJSONSchema(report, { target: 'draft-2020-12' }),
  };
}
