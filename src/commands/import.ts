import { resolve } from 'node:path';
import { readInput } from '../input.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { dataError } from '../errors.js';
import { wrap } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';

export interface ImportOptions {
  replace?: boolean;
}

export interface ImportResult {
  source: string;
  kind: string;
  /** Events in the file (without duplicates). */
  read: number;
  /** Events added (merge) or now in the journal (replace). */
  added: number;
  replaced: boolean;
  backup?: string;
  summary: string;
  /** Ids the roadmap in use lacks, whose records were kept anyway, and what to do about them. */
  unknown?: string[];
}

/**
 * Validates the whole file first (every problem is reported and nothing is written if there is
 * any), then merges it into the progress, or replaces the progress with it (keeping a backup).
 */
export async function runImport(ctx: Context, source: string, opts: ImportOptions): Promise<ImportResult> {
  const text = await readInput(ctx, source, 'cannot import');
  const name = source === '-' ? 'stdin' : source;
  const [{ parseImport, checkReferences, describeEvents }, { indexRoadmap }, { openStore }, { renamesOf }] =
    await Promise.all([
      import('../progress/import.js'),
      import('../roadmap/query.js'),
      import('../progress/open.js'),
      import('../roadmap/renames.js'),
    ]);
  const parsed = parseImport(text);
  const problems = [...parsed.problems];
  let unknown: string[] = [];
  if (parsed.kind) {
    const roadmap = await ctx.roadmap();
    const refs = checkReferences(parsed.events, indexRoadmap(roadmap), parsed.roadmapTitle, renamesOf(roadmap));
    problems.push(...refs.problems);
    unknown = refs.unknown;
    const { futureDated } = await import('../progress/dates.js');
    problems.push(...futureDated(parsed.events, ctx.now()));
  }
  if (problems.length)
    throw dataError(
      problems.length === 1
        ? `cannot import ${name}: ${problems[0]}`
        : `cannot import ${name}: ${problems.length} problems`,
      [...(problems.length === 1 ? [] : problems.map((p) => `  ${p}`)), '  Nothing was imported.'],
    );
  for (const warning of parsed.warnings) ctx.warn(`${name}: ${warning}`);
  const store = openStore(ctx);
  const base = {
    source: source === '-' ? '-' : resolve(source),
    kind: parsed.kind ?? 'export',
    read: parsed.events.length,
    ...(unknown.length ? { unknown } : {}),
  };
  if (opts.replace) {
    const { backup } = store.replace(parsed.events);
    return {
      ...base,
      added: parsed.events.length,
      replaced: true,
      ...(backup ? { backup } : {}),
      summary: describeEvents(parsed.events),
    };
  }
  const added = store.appendNew(parsed.events);
  return { ...base, added: added.length, replaced: false, summary: describeEvents(added) };
}

export function registerImport(program: Program): void {
  program.command
    .command('import')
    .argument('<file>', 'an export from `pyroad export` (or a progress backup); - reads stdin')
    .description('check an export and merge it into your progress (--replace to overwrite it)')
    .option('--replace', 'replace your progress with the file instead of merging (a backup is kept)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'pyroad import progress.json',
        'ssh laptop pyroad export | pyroad import -',
        'pyroad import --replace progress.json',
      ) +
        `
Merging keeps everything from both sides: quiz answers are combined without duplicates, and for
ratings and statuses the newer one wins. Importing the same file twice changes nothing.
The whole file is checked first; if anything is wrong, nothing is imported (exit 1).
Backups kept by \`pyroad reset\` and \`import --replace\` (progress.backup-*.jsonl) import the same way.
`,
    )
    .action(
      program.action(async (ctx, file: string, opts: ImportOptions & { json?: boolean }) => {
        const result = await runImport(ctx, file, opts);
        if (opts.json) {
          ctx.json(result);
          return;
        }
        const from = result.source === '-' ? 'stdin' : result.source;
        const ok = ctx.style.green('✓');
        if (result.replaced) {
          ctx.print(`${ok} Replaced your progress with ${from}: ${result.summary}.`);
          if (result.backup) ctx.print(`  The previous progress is kept in ${result.backup}.`);
        } else if (result.added === 0) ctx.print(`Nothing new in ${from}: your progress already has all of it.`);
        else {
          const known = result.read - result.added;
          ctx.print(
            `${ok} Imported ${result.summary} from ${from}${known ? ctx.style.dim(` (${known} already there)`) : ''}.`,
          );
        }
        if (result.unknown) {
          ctx.print('Kept, but not counted by the roadmap in use:');
          for (const line of result.unknown) ctx.print(wrap(untrusted(line), ctx.columns, '  '));
        }
      }),
    );
}
