import { requireZod } from '../zod.js';
import { roadmapFileSchema } from './schema.js';

/**
 * The JSON Schema for roadmap files, derived from the zod schema so the two cannot drift.
 * Editors with a YAML language server use it through the `# yaml-language-server: $schema=`
 * line at the top of each roadmap file. `npm run schema` writes it to schema/.
 */
export function roadmapJsonSchema(): Record<string, unknown> {
  return {
    title: 'pyroad roadmap file',
    description: 'A pyroad roadmap, or one file of a roadmap split over several files (see `include`).',
    ...requireZod().toJSONSchema(roadmapFileSchema, { io: 'input', target: 'draft-2020-12', unrepresentable: 'any' }),
  };
}
