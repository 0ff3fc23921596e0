import { checkReportJsonSchema } from './check/report-schema.js';
import { planJsonSchema } from './coach/plan-schema.js';
import { exportJsonSchema } from './progress/export.js';
import { placementJsonSchema } from './quiz/placement-schema.js';
import { roadmapJsonSchema } from './roadmap/json-schema.js';

/**
 * Every JSON Schema file shipped in schema/, by file name, each derived from its zod schema.
 * `npm run schema` writes them; test/schema.test.ts fails when a committed one is stale.
 */
export const SCHEMA_FILES: Record<string, () => Record<string, unknown>> = {
  'roadmap.schema.json': roadmapJsonSchema,
  'export.schema.json': exportJsonSchema,
  'check.schema.json': checkReportJsonSchema,
  'plan.schema.json': planJsonSchema,
  'placement.schema.json': placementJsonSchema,
};
