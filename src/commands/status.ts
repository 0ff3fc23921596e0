import { examples, type Program } from '../command.js';
import type { Summary } from '../coach/types.js';
import type { Context } from '../context.js';
import type { RoadmapIndex } from '../roadmap/query.js';

const openStore = async (ctx: Context) => {
  const { ProgressStore } = await import('../progress/store.js');
  return new ProgressStore(ctx.paths.progressFile, {
    cacheDir: ctx.paths.cacheDir,
    warn: ctx.warn,
    now: () => ctx.now(),
  });
};

/**
 * The learner's summary for commands that show it next to the roadmap (`roadmap`, `show`), or
 * undefined when nothing is stored yet, so those commands load no coach code for a new user.
 */
export async function learnerSummary(ctx: Context, index: RoadmapIndex): Promise<Summary | undefined> {
  const store = await openStore(ctx);
  if (!store.exists()) return undefined;
  const state = store.load();
  if (state.log.length === 0) return undefined;
  const { summarize } = await import('../coach/summary.js');
  return summarize(index, state, ctx.now(), { limit: 0, history: false });
}

export async function runStatus(ctx: Context) {
  const [{ indexRoadmap }, store, { summarize }] = await Promise.all([
    import('../roadmap/query.js'),
    openStore(ctx),
    import('../coach/summary.js'),
  ]);
  const roadmap = await ctx.roadmap();
  const state = store.load();
  return {
    roadmap,
    summary: summarize(indexRoadmap(roadmap), state, ctx.now(), { limit: ctx.settings.nextLimit }),
  };
}

export function registerStatus(program: Program): void {
  program.command
    .command('status')
    .description('where you stand: mastery per area, stage, readiness, reviews due, calibration')
    .option('--json', 'print the whole summary as JSON')
    .addHelpText(
      'after',
      examples('pyroad status', 'pyroad status --json | jq .readiness', 'PYROAD_NOW=2026-12-01 pyroad status') +
        '\nPYROAD_NOW (an ISO date) pins the clock, e.g. to see which reviews will be due; meant for tests and demos.\n',
    )
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const { roadmap, summary } = await runStatus(ctx);
        if (opts.json) {
          ctx.print(JSON.stringify(summary, null, 2));
          return;
        }
        const { renderStatus } = await import('../render/status.js');
        ctx.print(renderStatus(summary, roadmap, ctx.style, ctx.columns));
      }),
    );
}
