import { requireZod } from '../zod.js';

/**
 * The JSON Schema of `pyroad plan --json` (schema/plan.schema.json), from a zod schema of the
 * Plan in plan.ts. Only `npm run schema` and the tests load it; `plan` itself does not (zod is slow
 * to load). test/e2e/plan.test.ts validates real output with it.
 */
export function planJsonSchema(): Record<string, unknown> {
  const z = requireZod();
  const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
  const span = z
    .strictObject({ low: day, high: day })
    .describe('Earliest and latest likely day; equal with a measured pace.');
  const hours = z.strictObject({ low: z.number().min(0), high: z.number().min(0) });
  const stage = z.enum(['skills', 'prove', 'apply']);
  const plan = z.strictObject({
    generatedAt: z.iso.datetime({ offset: true }),
    goal: z.string().describe("The roadmap's goal (or its title)."),
    hoursPerWeek: z.number().positive(),
    hoursSource: z
      .enum(['flag', 'setting', 'default'])
      .describe('--hours-per-week typed now, the plan.hoursPerWeek setting, or its default (not set yet).'),
    basis: z
      .enum(['estimate', 'pace'])
      .describe("estimate: the roadmap's topic hours, as a range; pace: corrected by the learner's measured pace."),
    pace: z
      .strictObject({
        factor: z.number().describe('Measured hours over estimated hours for the topics it rests on.'),
        topics: z.int().min(0),
        estimated: z.number().min(0),
        measured: z.number().min(0),
      })
      .optional(),
    measuredTopics: z.int().min(0).describe('Topics marked learning and finished since: the pace needs 3.'),
    hours: hours.describe('Hours of work left to the goal.'),
    ready: span.optional().describe('When the goal should be reached; absent when nothing is left.'),
    stages: z.array(
      z.strictObject({ stage, hours, by: span.optional(), done: z.boolean() }).describe('One stage of the path.'),
    ),
    weeks: z.array(
      z.strictObject({
        week: z.int().min(1),
        from: day,
        to: day,
        reviews: z.array(z.string()).describe('Topic ids due for a re-check, done first.'),
        items: z.array(
          z.strictObject({
            topic: z.string(),
            area: z.string(),
            title: z.string(),
            hours: z.number().min(0),
            continued: z.literal(true).optional(),
          }),
        ),
      }),
    ),
    until: z
      .strictObject({ date: day, weeks: z.number().positive(), hoursPerWeek: hours })
      .optional()
      .describe('With --until: the hours a week it takes to be ready by then.'),
  });
  return {
    title: 'pyroad plan --json',
    description: 'A dated plan to the roadmap goal: stages, the next weeks, and the hours a week a deadline needs.',
    ...z.toJSONSchema(plan, { target: 'draft-2020-12' }),
  };
}
