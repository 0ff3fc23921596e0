import { displayWidth, truncate } from '../render/width.js';
import { examples, type Program } from '../command.js';
import { STAGE_LABELS, percent, wrap } from '../render/text.js';
import { plainStyle } from '../render/style.js';
import type { Context } from '../context.js';

/** `pyroad roadmap`: also run without commander by the quick entry (src/quick.ts). */
export async function showRoadmap(ctx: Context, opts: { json?: boolean }): Promise<void> {
  // The tree shows no question text; --json prints the roadmap whole.
  const roadmap = await ctx.roadmap(opts.json ? undefined : 'outline');
  const [{ indexRoadmap }, { learnerSummary }] = await Promise.all([
    import('../roadmap/query.js'),
    import('./learner.js'),
  ]);
  const progress = await learnerSummary(ctx, indexRoadmap(roadmap));
  if (opts.json) {
    // "progress": the learner's results per area and topic (coach/types.ts), once anything is stored.
    const mine = progress && { areas: progress.areas, topics: progress.topics };
    ctx.json({ title: roadmap.title, areas: roadmap.areas, ...(mine ? { progress: mine } : {}) });
    return;
  }
  const { topicBadge } = await import('../render/status.js');
  const topicState = new Map(progress?.topics.map((t) => [t.topic, t]));
  const areaState = new Map(progress?.areas.map((a) => [a.area, a]));
  // "4 of 7 milestones" on projects and checklists with something ticked (coach/portfolio.ts).
  const ticks = new Map(progress?.portfolio?.work.filter((w) => w.done > 0).map((w) => [w.topic, w.label]));
  const { style } = ctx;
  ctx.print(
    wrap(roadmap.title, ctx.columns)
      .split('\n')
      .map((line) => style.bold(line))
      .join('\n'),
  );
  let stage = '';
  roadmap.areas.forEach((area, a) => {
    if (area.stage !== stage) {
      stage = area.stage;
      ctx.print();
      ctx.print(style.magenta(`== ${STAGE_LABELS[area.stage]} ==`));
    }
    // The last area of its stage closes that stage's branch.
    const lastArea = roadmap.areas[a + 1]?.stage !== area.stage;
    const mastery = areaState.get(area.id);
    const areaNote = mastery && (mastery.mastery > 0 || mastery.mastered > 0) ? `  ${percent(mastery.mastery)}` : '';
    const areaRoom = ctx.columns - 3 - displayWidth(` (${area.id})`) - areaNote.length;
    ctx.print(
      `${lastArea ? '└─' : '├─'} ${style.bold(fitTitle(area.title, areaRoom))} ${style.dim(`(${area.id})`)}${areaNote}`,
    );
    area.topics.forEach((topic, t) => {
      const branch = t === area.topics.length - 1 ? '└─' : '├─';
      const state = topicState.get(topic.id);
      const tick = ticks.get(topic.id);
      const badge = (state ? topicBadge(state, style) : '') + (tick ? `  ${style.dim(tick)}` : '');
      // The title gives way on a narrow terminal; the id, which commands take, does not.
      const plainBadge = (state ? topicBadge(state, plainStyle) : '') + (tick ? `  ${tick}` : '');
      const room = ctx.columns - 6 - displayWidth(` ${topic.id}`) - (plainBadge ? displayWidth(plainBadge) + 2 : 0);
      const stem = `${lastArea ? '   ' : '│  '}${branch} `;
      // Too narrow for 12 columns of title beside the id: the id goes on the next line.
      if (room < 12) {
        ctx.print(`${stem}${fitTitle(topic.title, ctx.columns - 6)}`);
        const under = `${lastArea ? '   ' : '│  '}${t === area.topics.length - 1 ? '   ' : '│  '}`;
        ctx.print(`${under}${style.dim(topic.id)}${badge ? `  ${badge}` : ''}`);
      } else ctx.print(`${stem}${fitTitle(topic.title, room)} ${style.dim(topic.id)}${badge ? `  ${badge}` : ''}`);
    });
  });
}

export function registerRoadmap(program: Program): void {
  program.command
    .command('roadmap')
    .description('the whole path as a tree of areas and topics, in order')
    .option('--json', 'print the roadmap as JSON')
    .addHelpText('after', examples('pyroad roadmap', 'pyroad roadmap --json | jq ".areas[].id"'))
    .action(program.action(showRoadmap));
}

/** A title cut to `room` columns with an ellipsis (but never below 12 characters). */
const fitTitle = (title: string, room: number): string => truncate(title, Math.max(12, room));
