/**
 * The stages of a path, in order. Kept apart from the zod schema (schema.ts) so that renderers on
 * the hot path can use them without loading zod.
 */
export const STAGES = ['skills', 'prove', 'apply'] as const;
export type Stage = (typeof STAGES)[number];

/** The stages a roadmap's areas use, in path order (a roadmap of your own may leave some out). */
export const stagesOf = (areas: readonly { stage: Stage }[]): Stage[] =>
  STAGES.filter((stage) => areas.some((a) => a.stage === stage));
