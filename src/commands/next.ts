import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { summarizeNext } from '../coach/summary.js';
import { usageError } from '../errors.js';
import { renamesOf } from '../roadmap/renames.js';
import { openStore } from '../progress/open.js';
import { renderNext } from '../render/next.js';
import { findArea, indexRoadmap } from '../roadmap/query.js';
import { roadmapExerciseIndex } from '../practice/index-cache.js';

export interface NextOptions {
  limit?: string;
  area?: string;
  json?: boolean;
}

/** --limit: a whole number from 1 to 100; anything else is a usage error (exit 2). */
export function parseLimit(raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const n = /^\s*\d+\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= 100)) throw usageError(`--limit must be a whole number from 1 to 100, got "${raw}"`);
  return n;
}

/**
 * Loads progress and asks the coach. This module is loaded only when `next` runs
 * (commands/index.ts), so what it needs is imported up front (one module graph loads faster than
 * several lazy ones); nothing here loads yaml, zod or conf when the roadmap cache and journal are
 * fresh.
 */
export async function runNext(ctx: Context, opts: NextOptions) {
  const limit = parseLimit(opts.limit, ctx.settings.nextLimit);
  const index = indexRoadmap(await ctx.roadmap('outline'));
  const area = opts.area === undefined ? undefined : findArea(index, opts.area);
  const state = openStore(ctx).load(renamesOf(index.roadmap));
  const exercises = await roadmapExerciseIndex(index, ctx.paths.cacheDir, ctx.roadmapFile);
  const summary = summarizeNext(index, state, ctx.now(), { limit, area: area?.id, exercises });
  return { summary, limit, area: area ? { id: area.id, title: area.title } : undefined };
}

/** `pyroad next`: also run without commander by the quick entry (src/quick.ts). */
export async function showNext(ctx: Context, opts: NextOptions): Promise<void> {
  const view = await runNext(ctx, opts);
  const summary = ctx.withHints(view.summary);
  if (opts.json) {
    ctx.json(summary);
    return;
  }
  const { limit } = view;
  ctx.print(
    renderNext(view.area ? { summary, limit, area: view.area } : { summary, limit }, ctx.style, ctx.columns, (text) =>
      ctx.withHints(text),
    ),
  );
}

export function registerNext(program: Program): void {
  program.command
    .command('next')
    .description('what to learn next, and why: the top recommendations with one action each')
    .option('-n, --limit <n>', 'how many recommendations (default: the nextLimit setting, 3)')
    .option('--area <id>', 'only recommendations for this area')
    .option('--json', 'print the recommendations as JSON')
    .addHelpText(
      'after',
      examples(
        'pyroad next',
        'pyroad next --limit 5',
        'pyroad next --area sql',
        'pyroad next --json | jq ".recommendations[0]"',
      ) +
        '\nPYROAD_NOW (an ISO date) pins the clock, e.g. to see which reviews will be due; meant for tests and demos.\n',
    )
    .action(program.action(showNext));
}
