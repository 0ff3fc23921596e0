import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Option } from 'commander';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { dataError, usageError } from '../errors.js';
import type { CohortLearner } from '../coach/cohort.js';
import { fitErrorLines } from '../render/stderr.js';
import { guardOutput, untrusted } from '../render/untrusted.js';
import { renamesOf } from '../roadmap/renames.js';

export const COHORT_FORMATS = ['table', 'csv', 'json', 'html'] as const;
type CohortFormat = (typeof COHORT_FORMATS)[number];

/** An export larger than this is not one pyroad wrote for a learner: it is skipped unread. */
const MAX_EXPORT_BYTES = 64 * 1024 * 1024;

function parseFormat(raw: string): CohortFormat {
  if ((COHORT_FORMATS as readonly string[]).includes(raw)) return raw as CohortFormat;
  throw usageError(
    `--format must be one of ${COHORT_FORMATS.join(', ')}, got "${raw}"${didYouMean(raw, COHORT_FORMATS)}`,
  );
}

/** The files named: a folder stands for the `.json` files directly in it, in name order. */
function filesOf(paths: readonly string[], skip: (file: string, why: string) => void): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      skip(path, 'no such file or folder');
      continue;
    }
    if (!isDir) files.push(path);
    else
      files.push(
        ...readdirSync(path)
          .filter((f) => f.endsWith('.json'))
          .sort()
          .map((f) => join(path, f)),
      );
  }
  return files;
}

/**
 * Reads every export; each one that cannot be used (unreadable, damaged, from a newer pyroad or
 * another roadmap, naming ids the roadmap does not have) is reported on stderr and skipped.
 */
async function readLearners(
  ctx: Context,
  paths: readonly string[],
): Promise<{ learners: CohortLearner[]; skipped: number }> {
  const [{ readCohortExport }, { checkReferences }, { indexRoadmap }] = await Promise.all([
    import('../progress/cohort-read.js'),
    import('../progress/import.js'),
    import('../roadmap/query.js'),
  ]);
  const { futureDated } = await import('../progress/dates.js');
  const index = indexRoadmap(await ctx.roadmap());
  const skips: { file: string; why: string }[] = [];
  const skip = (file: string, why: string) => void skips.push({ file, why });
  const duplicates: string[] = [];
  const learners: CohortLearner[] = [];
  // The same export named twice (the same file, or a copy of it) is one learner, counted once.
  const seen = new Map<string, string>();
  for (const file of filesOf(paths, skip)) {
    let text: string;
    let real: string;
    try {
      if (statSync(file).size > MAX_EXPORT_BYTES) {
        skip(file, `larger than ${MAX_EXPORT_BYTES / 1024 / 1024} MB, not an export`);
        continue;
      }
      text = readFileSync(file, 'utf8');
      real = realpathSync(file);
    } catch (error) {
      skip(file, `cannot read it (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
      continue;
    }
    const same = seen.get(real) ?? seen.get(text);
    if (same !== undefined) {
      duplicates.push(
        same === file || seen.has(real)
          ? `${file} is named more than once; counted once`
          : `${file} is the same export as ${same}; counted once`,
      );
      continue;
    }
    seen.set(real, file).set(text, file);
    const parsed = readCohortExport(text);
    if (parsed.problem !== undefined) {
      skip(file, parsed.problem);
      continue;
    }
    if (parsed.roadmapTitle !== undefined && parsed.roadmapTitle !== index.roadmap.title) {
      skip(
        file,
        `exported with the roadmap "${parsed.roadmapTitle}", not "${index.roadmap.title}" (give that one with --roadmap)`,
      );
      continue;
    }
    // Ids this roadmap lacks (renamed, or from another version of it) are ignored, as import keeps them.
    const problems = [
      ...checkReferences(parsed.events, index, parsed.roadmapTitle, renamesOf(index.roadmap)).problems,
      ...futureDated(parsed.events, ctx.now(), 1),
    ];
    if (problems.length) {
      skip(file, problems[0]!);
      continue;
    }
    // The learner's own `name` setting when the export carries one, else the file's name.
    learners.push({ name: parsed.name ?? basename(file).replace(/\.json$/i, ''), file, events: parsed.events });
  }
  const line = (file: string, why: string) =>
    `${untrusted(file, { oneLine: true })}: ${untrusted(why, { oneLine: true })}`;
  if (learners.length === 0) {
    // Nothing to summarise: one error, not an empty table.
    if (skips.length === 0)
      throw dataError(
        `no export to summarise: no .json files in ${paths.map((p) => untrusted(p, { oneLine: true })).join(', ')}`,
      );
    if (skips.length === 1) throw dataError(`no export to summarise: ${line(skips[0]!.file, skips[0]!.why)}`);
    throw dataError(
      `no export to summarise: none of ${skips.length} could be used`,
      skips.map((k) => `  ${line(k.file, k.why)}`),
    );
  }
  const warn = (text: string) =>
    ctx.streams.stderr.write(fitErrorLines(`${guardOutput(`pyroad: ${text}`, false)}\n`, ctx.streams.stderr));
  for (const d of duplicates) warn(untrusted(d, { oneLine: true }));
  for (const k of skips) warn(`skipped ${line(k.file, k.why)}`);
  return { learners, skipped: skips.length };
}

export function registerCohort(program: Program): void {
  program.command
    .command('cohort')
    .argument('<exports...>', 'export files (`pyroad export`) or folders of them')
    .description("a mentor's summary over many learners' exports: one row each, then the common gaps")
    .addOption(
      new Option('-f, --format <format>', `output format: ${COHORT_FORMATS.join(', ')}`)
        .argParser(parseFormat)
        .default('table'),
    )
    .addHelpText(
      'after',
      examples(
        'pyroad cohort exports/',
        'pyroad cohort ana.json ben.json --format csv > cohort.csv',
        'pyroad cohort exports/ --format html > cohort.html',
      ) +
        `
Each learner is named by the name in the export (the learner's \`pyroad config set name\`), else
by the file's name, and summarised by the same coach as \`pyroad status\`, on the roadmap in use
and at this moment. An export that cannot be used (damaged, from a newer pyroad or another
roadmap) is named on stderr and skipped; the others still count, and the exit code is then 1.
`,
    )
    .action(
      program.action(async (ctx, paths: string[], opts: { format: CohortFormat }) => {
        const { learners, skipped } = await readLearners(ctx, paths);
        const [{ buildCohort }, { indexRoadmap }] = await Promise.all([
          import('../coach/cohort.js'),
          import('../roadmap/query.js'),
        ]);
        const cohort = buildCohort(indexRoadmap(await ctx.roadmap()), learners, ctx.now());
        const render = await import('../render/cohort.js');
        if (opts.format === 'json') ctx.json(cohort);
        else if (opts.format === 'html') {
          const { VERSION } = await import('../version.js');
          const { renderCohortHtml } = await import('../render/cohort-html.js');
          ctx.streams.stdout.write(guardOutput(renderCohortHtml(cohort, VERSION), false));
        } else if (opts.format === 'csv') ctx.streams.stdout.write(guardOutput(render.renderCohortCsv(cohort), false));
        else ctx.print(render.renderCohortTable(cohort, ctx.columns));
        const total = learners.length + skipped;
        if (skipped)
          throw dataError(`${skipped} of ${total} exports skipped (each named above); the others are summarised`);
      }),
    );
}
