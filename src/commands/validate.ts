import { untrusted } from '../render/untrusted.js';
import { plural } from '../render/text.js';
import { examples, type Program } from '../command.js';
import { dataError } from '../errors.js';
import { writeCachedRoadmap } from '../roadmap/cache.js';
import { countRoadmap } from '../roadmap/query.js';

export function registerValidate(program: Program): void {
  program.command
    .command('validate')
    .argument('[file]', 'roadmap file to check (default: the roadmap in use)')
    .description('check a roadmap file; every problem is printed as file:line:col: message')
    .option('--json', 'print the result as JSON')
    .option('--stats', "also print the question bank's statistics: difficulty, key position, length and wording cues")
    .addHelpText(
      'after',
      examples('pyroad validate', 'pyroad validate my-bootcamp.yaml', 'pyroad validate --stats my-bootcamp.yaml'),
    )
    .action(
      program.action(async (ctx, file: string | undefined, opts: { json?: boolean; stats?: boolean }) => {
        // The loader brings yaml and zod; only validate and a stale cache need them.
        const { displayPath, loadRoadmapFiles, roadmapProblemsError } = await import('../roadmap/load.js');
        const { formatProblem } = await import('../roadmap/problems.js');
        const root = file ?? ctx.roadmapFile;
        const result = loadRoadmapFiles(root);
        const stats =
          opts.stats && result.roadmap ? (await import('../roadmap/stats.js')).bankStats(result.roadmap) : undefined;
        if (opts.json)
          ctx.json({
            file: displayPath(root),
            valid: !!result.roadmap,
            problems: result.problems,
            warnings: result.warnings,
            ...(result.roadmap ? { counts: countRoadmap(result.roadmap) } : {}),
            ...(stats ? { stats } : {}),
          });
        if (!opts.json) for (const w of result.warnings) ctx.warn(formatProblem(w));
        if (!result.roadmap) {
          const error = roadmapProblemsError(root, result.problems);
          // With --json the problems are in the JSON on stdout; stderr says only that there are some.
          throw opts.json ? dataError(error.message.replace(/:$/, '; the JSON lists them')) : error;
        }
        writeCachedRoadmap(ctx.paths.cacheDir, root, result.roadmap);
        if (!opts.json) {
          const c = countRoadmap(result.roadmap);
          const files = result.files.length === 1 ? '1 file' : `${result.files.length} files`;
          ctx.print(
            `${ctx.style.green('✓')} ${untrusted(displayPath(root), { oneLine: true })} is valid: ${plural(c.areas, 'area')}, ${plural(c.topics, 'topic')}, ${plural(c.questions, 'question')}, ${plural(c.resources, 'resource')}${c.exercises ? `, ${plural(c.exercises, 'exercise')}` : ''} (${files})`,
          );
          if (stats) {
            const { renderStats } = await import('../render/stats.js');
            ctx.print();
            ctx.print(renderStats(stats, ctx.style, ctx.columns));
          }
        }
      }),
    );
}
