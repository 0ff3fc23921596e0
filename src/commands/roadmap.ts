import { examples, type Program } from '../command.js';
import { STAGE_LABELS } from '../render/text.js';

export function registerRoadmap(program: Program): void {
  program.command
    .command('roadmap')
    .description('the whole path as a tree of areas and topics, in order')
    .option('--json', 'print the roadmap as JSON')
    .addHelpText('after', examples('pyroad roadmap', 'pyroad roadmap --json | jq ".areas[].id"'))
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const roadmap = await ctx.roadmap();
        if (opts.json) {
          ctx.print(JSON.stringify({ title: roadmap.title, areas: roadmap.areas }, null, 2));
          return;
        }
        const { style } = ctx;
        ctx.print(style.bold(roadmap.title));
        let stage = '';
        roadmap.areas.forEach((area, a) => {
          if (area.stage !== stage) {
            stage = area.stage;
            ctx.print();
            ctx.print(style.magenta(`== ${STAGE_LABELS[area.stage]} ==`));
          }
          const lastArea = a === roadmap.areas.length - 1;
          ctx.print(`${lastArea ? '└─' : '├─'} ${style.bold(area.title)} ${style.dim(`(${area.id})`)}`);
          area.topics.forEach((topic, t) => {
            const branch = t === area.topics.length - 1 ? '└─' : '├─';
            ctx.print(`${lastArea ? '   ' : '│  '}${branch} ${topic.title} ${style.dim(topic.id)}`);
          });
        });
      }),
    );
}
