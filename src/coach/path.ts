import type { Area, Roadmap, Stage } from '../roadmap/schema.js';

/**
 * The shape of the path, computed once per roadmap (independent of progress): stage order, the
 * order areas are worked through, and which leading areas are an orientation.
 */
export const STAGE_ORDER: Record<Stage, number> = { skills: 0, prove: 1, apply: 2 };
export const STAGE_LIST = ['skills', 'prove', 'apply'] as const satisfies readonly Stage[];

export interface PathPlan {
  /** Area id → its position on the path (roadmap order). */
  areaIndex: Map<string, number>;
  /**
   * Leading areas that nothing in the skills stage builds on (the shipped roadmap opens with
   * "what the job is"). They are read alongside the first foundation area instead of gating it,
   * so a new learner starts on Python, not on reading about the job.
   */
  orientation: Set<string>;
  /** The first area after the orientation: where a new learner starts. */
  foundation?: Area;
  /** Topic id → how many topics list it as a prerequisite (for "N topics build on it"). */
  dependents: Map<string, number>;
  /** Area id → the areas that list it as a prerequisite. */
  areaDependents: Map<string, string[]>;
}

export function planPath(roadmap: Roadmap): PathPlan {
  const areaIndex = new Map<string, number>();
  const areaDependents = new Map<string, string[]>();
  const dependents = new Map<string, number>();
  const requiredBySkills = new Set<string>();
  roadmap.areas.forEach((area, i) => {
    areaIndex.set(area.id, i);
    for (const p of area.prerequisites) {
      const list = areaDependents.get(p);
      if (list) list.push(area.id);
      else areaDependents.set(p, [area.id]);
      if (area.stage === 'skills') requiredBySkills.add(p);
    }
    for (const topic of area.topics)
      for (const p of topic.prerequisites) dependents.set(p, (dependents.get(p) ?? 0) + 1);
  });
  const orientation = new Set<string>();
  let foundation: Area | undefined;
  for (const area of roadmap.areas) {
    if (area.stage === 'skills' && area.prerequisites.length === 0 && !requiredBySkills.has(area.id)) {
      orientation.add(area.id);
      continue;
    }
    foundation = area;
    break;
  }
  // With no foundation after them (e.g. a roadmap without area prerequisites), nothing is an
  // orientation: the path is simply followed in order.
  if (!foundation || foundation.stage !== 'skills') {
    orientation.clear();
    foundation = roadmap.areas[0];
  }
  const plan: PathPlan = { areaIndex, orientation, dependents, areaDependents };
  if (foundation) plan.foundation = foundation;
  return plan;
}
