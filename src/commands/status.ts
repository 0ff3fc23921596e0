import { examples, type Program } from '../command.js';
import { checkLine, proofOf } from '../coach/checks.js';
import type { HandsOn } from '../coach/evidence.js';
import { PROOF } from '../coach/proof.js';
import { Coach } from '../coach/summary.js';
import type { Context } from '../context.js';
import { openStore } from '../progress/open.js';
import { renamesOf, unknownProgressIds, unknownProgressNote } from '../roadmap/renames.js';
import { wrap } from '../render/text.js';
import { renderStatus } from '../render/status.js';
import { untrusted } from '../render/untrusted.js';
import { indexRoadmap } from '../roadmap/query.js';
import { exerciseTally } from '../coach/exercise-steps.js';
import { roadmapExerciseIndex } from '../practice/index-cache.js';

/**
 * Loads progress and asks the coach for everything. This module is loaded only when `status`
 * runs (commands/index.ts), so what it needs is imported up front: one module graph is cheaper to
 * load than several lazy ones.
 */
export async function runStatus(ctx: Context) {
  const roadmap = await ctx.roadmap('outline');
  const state = openStore(ctx).load(renamesOf(roadmap));
  const index = indexRoadmap(roadmap);
  const exercises = await roadmapExerciseIndex(index, ctx.paths.cacheDir, ctx.roadmapFile);
  // One coach, so the hands-on evidence is folded from the journal once for all three uses.
  const coach = new Coach(index, state, ctx.now(), exercises);
  return {
    roadmap,
    summary: coach.summary({ limit: ctx.settings.nextLimit }),
    exercises: exerciseTally(exercises, coach.hands).all,
    unknown: unknownProgressIds(state.topics.keys(), roadmap),
    checks: projectChecks(index, coach.hands),
  };
}

/** Projects whose checks have been run (`pyroad check`): proven or how far the last run got. */
function projectChecks(index: ReturnType<typeof indexRoadmap>, hands: ReadonlyMap<string, HandsOn>) {
  const out: { topic: string; title: string; proven: boolean; result: string; proves?: string[] }[] = [];
  for (const [id, h] of hands) {
    const topic = index.topics.get(id)?.topic;
    const result = topic && checkLine(topic, h);
    if (!topic || !result) continue;
    const proven = proofOf(topic, h) !== undefined;
    // A proven project is hands-on evidence for the topics it proves (coach/proof.ts).
    const proves = proven ? (topic.project?.proves ?? []).map((p) => index.topics.get(p)?.topic.title ?? p) : [];
    out.push({ topic: id, title: topic.title, proven, result, ...(proves.length ? { proves } : {}) });
  }
  return out;
}

/** `pyroad status`: also run without commander by the quick entry (src/quick.ts). */
export async function showStatus(ctx: Context, opts: { json?: boolean }): Promise<void> {
  const result = await runStatus(ctx);
  const { roadmap } = result;
  const summary = ctx.withHints(result.summary);
  if (opts.json) {
    const exercises = result.exercises.total ? { exercises: result.exercises } : {};
    ctx.json(result.checks.length ? { ...summary, checks: result.checks, ...exercises } : { ...summary, ...exercises });
    return;
  }
  ctx.print(renderStatus(summary, roadmap, ctx.style, ctx.columns, (text) => ctx.withHints(text)));
  if (result.checks.length) {
    ctx.print('');
    ctx.print(ctx.style.bold('Projects checked'));
    for (const c of result.checks) {
      ctx.print(
        `  ${c.proven ? ctx.style.green('✓') : ctx.style.yellow('-')} ${untrusted(c.title, { oneLine: true })}: ${c.result}`,
      );
      if (c.proves)
        ctx.print(
          ctx.style.dim(
            wrap(
              `hands-on evidence for ${c.proves.map((t) => untrusted(t, { oneLine: true })).join(', ')} (each at least ${Math.round(PROOF.floor * 100)}% mastered, counted in readiness)`,
              ctx.columns,
              '    ',
            ),
          ),
        );
    }
  }
  if (result.exercises.total) {
    ctx.print('');
    ctx.print(`${ctx.style.bold('Exercises:')} ${result.exercises.passed} of ${result.exercises.total} passed`);
  }
  const note = unknownProgressNote(
    result.unknown.map((id) => untrusted(id, { oneLine: true })),
    ctx.sources.roadmap,
  );
  if (note) {
    ctx.print();
    ctx.print(wrap(note, ctx.columns));
  }
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
    .action(program.action(showStatus));
}
