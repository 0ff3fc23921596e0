import { examples, type Program } from '../command.js';
import { findItem, indexRoadmap } from '../roadmap/query.js';
import { renderArea, renderTopic } from '../render/show.js';

export function registerShow(program: Program): void {
  program.command
    .command('show')
    .argument('<id>', 'an area or topic id (see `pyroad roadmap`)')
    .description('everything about one area or topic: summary, why it matters, prerequisites, resources')
    .option('--json', 'print it as JSON')
    .addHelpText('after', examples('pyroad show http-protocol', 'pyroad show sql --json'))
    .action(
      program.action(async (ctx, id: string, opts: { json?: boolean }) => {
        const index = indexRoadmap(await ctx.roadmap());
        const item = findItem(index, id);
        const { learnerSummary } = await import('./learner.js');
        const progress = await learnerSummary(ctx, index);
        const checkResult =
          item.kind === 'topic' && item.topic.project?.checks?.length
            ? await (await import('./check-result.js')).latestCheckLine(ctx, item.topic)
            : undefined;
        const exercises =
          item.kind === 'topic'
            ? await (await import('./topic-exercises.js')).topicExercises(ctx, index, item.topic.id)
            : [];
        if (opts.json) {
          // "progress": the learner's results (coach/types.ts), present once anything is stored.
          const mine =
            progress &&
            (item.kind === 'area'
              ? {
                  area: progress.areas.find((a) => a.area === item.area.id),
                  topics: progress.topics.filter((t) => t.area === item.area.id),
                }
              : progress.topics.find((t) => t.topic === item.topic.id));
          ctx.json({
            ...(item.kind === 'area'
              ? { kind: 'area', area: item.area }
              : { kind: 'topic', area: item.area.id, topic: item.topic }),
            ...(mine ? { progress: mine } : {}),
            ...(exercises.length ? { exercises } : {}),
          });
          return;
        }
        ctx.print(
          item.kind === 'area'
            ? renderArea(index, item.area, ctx.style, ctx.columns, progress, (text) => ctx.withHints(text))
            : renderTopic(index, item.topic, item.area, ctx.style, ctx.columns, progress, checkResult, (text) =>
                ctx.withHints(text),
              ),
        );
        if (exercises.length) {
          const { renderTopicExercises } = await import('../render/exercises.js');
          ctx.print(renderTopicExercises(exercises, ctx.style, ctx.columns).join('\n'));
        }
      }),
    );
}
