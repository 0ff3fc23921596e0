import type { Context } from '../context.js';
import { renamesOf } from '../roadmap/renames.js';
import type { Topic } from '../roadmap/schema.js';

/** The latest `pyroad check` result of a project, as one line, for `show` and `status`. */
export async function latestCheckLine(ctx: Context, topic: Topic): Promise<string | undefined> {
  const { openStore } = await import('../progress/open.js');
  const store = openStore(ctx);
  if (!store.exists()) return undefined;
  const [{ handsOnEvidence }, { checkLine }] = await Promise.all([
    import('../coach/evidence.js'),
    import('../coach/checks.js'),
  ]);
  return checkLine(topic, handsOnEvidence(store.load(renamesOf(await ctx.roadmap())).log).get(topic.id));
}
