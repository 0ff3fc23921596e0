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
        if (opts.json) {
          ctx.print(
            JSON.stringify(
              item.kind === 'area' ? { kind: 'area', area: item.area } : { kind: 'topic', area: item.area.id, topic: item.topic },
              null,
              2,
            ),
          );
          return;
        }
        ctx.print(
          item.kind === 'area'
            ? renderArea(index, item.area, ctx.style, ctx.columns)
            : renderTopic(index, item.topic, item.area, ctx.style, ctx.columns),
        );
      }),
    );
}
