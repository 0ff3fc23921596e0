import { requireZod } from '../zod.js';

/**
 * The JSON Schema of `pyroad assess --placement --json` (schema/placement.schema.json), from a zod
 * schema of the map placement-map.ts builds. test/e2e/placement.test.ts validates real output with it.
 */
export function placementJsonSchema(): Record<string, unknown> {
  const z = requireZod();
  const level = z.enum(['easy', 'medium', 'hard']);
  const area = z.strictObject({
    area: z.string().describe('Area id.'),
    title: z.string(),
    answered: z.int().min(0),
    correct: z.int().min(0),
    hardestRight: level.nullable().describe('The hardest level answered right.'),
    easiestWrong: level.nullable().describe('The easiest level answered wrong.'),
    theta: z.number().nullable().describe('Rasch EAP estimate of ability in the area (logits); null when not asked.'),
    se: z.number().nullable().describe('Its standard error.'),
    band: z.string().describe('"likely intermediate, could be beginner": the estimate in words.'),
    verdict: z.enum(['knows it', 'partly', 'new']).nullable().describe('null when the area was not reached.'),
    stopped: z
      .enum(['cap', 'precise', 'clear', 'agree', 'no more questions'])
      .nullable()
      .describe("Why the area's questions stopped: 'agree' when its first answers were all right or all wrong."),
    evidence: z.string().describe('"3 of 3 right, up to hard".'),
    selfRating: z.number().min(0).max(4).nullable().describe("Mean self-rating of the area's rated topics."),
    calibration: z
      .enum(['over-confident', 'under-confident', 'consistent', 'unknown'])
      .describe("Over- or under-confident only when the estimate's 90% interval excludes the self-rating."),
  });
  const map = z.strictObject({
    session: z.string().describe("The id shared by the placement's answer events."),
    complete: z.boolean(),
    resumed: z
      .int()
      .min(0)
      .describe('Answers kept from an interrupted placement that this run went on with; 0 for a fresh one.'),
    answered: z.int().min(0),
    correct: z.int().min(0),
    areas: z.array(area).describe('Every skill area with questions, in path order.'),
    next: z.strictObject({ text: z.string(), command: z.string() }),
  });
  return {
    title: 'pyroad assess --placement --json',
    description: 'The placement map: per skill area what the placement answers say, with the evidence.',
    ...z.toJSONSchema(map, { target: 'draft-2020-12' }),
  };
}
