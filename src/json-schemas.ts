import { roadmapJsonSchema } from './roadmap/json-schema.js';

/** Every JSON Schema file shipped in schema/, by file name. */
export const SCHEMA_FILES: Record<string, () => Record<string, unknown>> = {
  'roadmap.schema.json': roadmapJsonSchema,
};
