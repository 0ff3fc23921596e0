import type { Summary } from '../coach/types.js';
import type { Context } from '../context.js';
import type { RoadmapIndex } from '../roadmap/query.js';

/**
 * The learner's summary for commands that show it next to the roadmap (`roadmap`, `show`), or
 * undefined when nothing is stored yet, so those commands load no coach code for a new user.
 */
export async function learnerSummary(ctx: Context, index: RoadmapIndex): Promise<Summary | undefined> {
  const { openStore } = await import('../progress/open.js');
  const store = openStore(ctx);
  if (!store.exists()) return undefined;
  const { renamesOf } = await import('../roadmap/renames.js');
  const state = store.load(renamesOf(index.roadmap));
  if (state.log.length === 0) return undefined;
  const { summarize } = await import('../coach/summary.js');
  return summarize(index, state, ctx.now(), { limit: 0, history: false });
}
