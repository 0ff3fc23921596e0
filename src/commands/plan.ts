import { examples, type Program } from '../command.js';
import { isCalendarDay, makePlan, today, type Plan } from '../coach/plan.js';
import { Coach } from '../coach/summary.js';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { openStore } from '../progress/open.js';
import { renderPlan } from '../render/plan.js';
import { renamesOf } from '../roadmap/renames.js';
import { indexRoadmap } from '../roadmap/query.js';
import { parseHoursPerWeek } from '../settings/keys.js';

export interface PlanOptions {
  hoursPerWeek?: string;
  until?: string;
  json?: boolean;
}

/** The options checked: a usage error (exit 2) for hours out of range or a date that is not ahead. */
export function parsePlanOptions(opts: PlanOptions, now: Date): { hoursPerWeek?: number; until?: string } {
  const out: { hoursPerWeek?: number; until?: string } = {};
  if (opts.hoursPerWeek !== undefined) {
    const parsed = parseHoursPerWeek(opts.hoursPerWeek);
    if (typeof parsed !== 'number') throw usageError(`--hours-per-week ${parsed.error}, got "${opts.hoursPerWeek}"`);
    out.hoursPerWeek = parsed;
  }
  if (opts.until !== undefined) {
    const day = opts.until.trim();
    if (!isCalendarDay(day)) throw usageError(`--until must be a date like 2027-06-01, got "${opts.until}"`);
    if (day <= today(now)) throw usageError(`--until ${day} is not in the future (today is ${today(now)})`);
    out.until = day;
  }
  return out;
}

/**
 * Loads progress and plans. This module is loaded only when `plan` runs; like `status`, nothing
 * here loads yaml, zod or conf when the caches are fresh. `--hours-per-week` is also stored as the
 * plan.hoursPerWeek setting, through conf, loaded only then.
 */
export async function runPlan(ctx: Context, opts: PlanOptions): Promise<Plan> {
  const now = ctx.now();
  const parsed = parsePlanOptions(opts, now);
  const kept = ctx.settingsGiven?.has('plan.hoursPerWeek') && parsed.hoursPerWeek === ctx.settings['plan.hoursPerWeek'];
  if (parsed.hoursPerWeek !== undefined && !kept) {
    const { openSettings } = await import('../settings/store.js');
    openSettings(ctx.paths).set('plan.hoursPerWeek', String(parsed.hoursPerWeek));
  }
  const roadmap = await ctx.roadmap('outline');
  const index = indexRoadmap(roadmap);
  const state = openStore(ctx).load(renamesOf(roadmap));
  const coach = new Coach(index, state, now);
  return makePlan({
    goal: roadmap.goal ?? roadmap.title,
    facts: coach.facts,
    orientation: coach.plan.orientation,
    log: state.log,
    now,
    hoursPerWeek: parsed.hoursPerWeek ?? ctx.settings['plan.hoursPerWeek'],
    hoursSource:
      parsed.hoursPerWeek !== undefined ? 'flag' : ctx.settingsGiven?.has('plan.hoursPerWeek') ? 'setting' : 'default',
    ...(parsed.until !== undefined ? { until: parsed.until } : {}),
  });
}

/** `pyroad plan`: also run without commander by the quick entry (src/quick.ts). */
export async function showPlan(ctx: Context, opts: PlanOptions): Promise<void> {
  const plan = await runPlan(ctx, opts);
  if (opts.json) {
    ctx.json(plan);
    return;
  }
  ctx.print(renderPlan(plan, ctx.style, ctx.columns, (text) => ctx.withHints(text)));
}

export function registerPlan(program: Program): void {
  program.command
    .command('plan')
    .description('a dated plan to the goal: each of the next 4 weeks, and when each stage should be done')
    .option('--hours-per-week <n>', 'hours a week you study (remembered as the plan.hoursPerWeek setting; default 8)')
    .option('--until <date>', 'a date to be ready by (YYYY-MM-DD): how many hours a week it takes')
    .option('--json', 'print the plan as JSON (schema/plan.schema.json)')
    .addHelpText(
      'after',
      examples(
        'pyroad plan',
        'pyroad plan --hours-per-week 12',
        'pyroad plan --until 2027-06-01',
        'pyroad plan --json',
      ) +
        '\nTopic hours come from the roadmap (`hours:`); once you have finished 3 topics you marked as learning, your own pace corrects them.\n',
    )
    .action(program.action(showPlan));
}
