import { guardOutput, safeJson, untrusted } from '../render/untrusted.js';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { writeOutputFile } from '../output.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';
import { wrapWhole } from '../render/text.js';

export const EXPORT_FORMATS = ['json', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  /** Given with --format; otherwise from --output's extension, else JSON. */
  format?: ExportFormat;
  output?: string;
  json?: boolean;
  /** Markdown only: add the job-search funnel (applications are private; left out by default). */
  applications?: boolean;
}

/** --format: one of the formats, or `md` for markdown, in any case; anything else is a usage error naming them. */
export function parseFormat(raw: string): ExportFormat {
  const lower = raw.toLowerCase();
  const format = lower === 'md' ? 'markdown' : lower;
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw usageError(
    `--format must be one of ${EXPORT_FORMATS.join(', ')} (or md), got "${raw}"${didYouMean(raw, EXPORT_FORMATS)}`,
  );
}

const BY_EXTENSION: Record<string, ExportFormat> = { md: 'markdown', markdown: 'markdown', csv: 'csv', json: 'json' };

/**
 * The format: --format or --json when given, else what --output's extension says, else JSON. A
 * format that contradicts a known extension (`--format json -o progress.md`) is a usage error.
 */
export function chooseFormat(opts: ExportOptions): ExportFormat {
  if (opts.json && opts.format && opts.format !== 'json')
    throw usageError(`--json and --format ${opts.format} disagree; give one of them`);
  const given = opts.format ?? (opts.json ? 'json' : undefined);
  const ext = opts.output && opts.output !== '-' ? /\.([a-z]+)$/i.exec(opts.output)?.[1]?.toLowerCase() : undefined;
  const implied = ext === undefined ? undefined : BY_EXTENSION[ext];
  if (given && implied && given !== implied)
    throw usageError(
      `--output ${opts.output} looks like ${implied} but the format is ${given}; rename the file or drop --format/--json`,
    );
  return given ?? implied ?? 'json';
}

/** The export as text in the chosen format. Loads progress and asks the coach for the summary. */
export async function runExport(
  ctx: Context,
  format: ExportFormat,
  opts: { applications?: boolean } = {},
): Promise<string> {
  const [{ indexRoadmap }, { openStore }, { uniqueEvents, foldEvents }, { summarize }, { buildExport }] =
    await Promise.all([
      import('../roadmap/query.js'),
      import('../progress/open.js'),
      import('../progress/state.js'),
      import('../coach/summary.js'),
      import('../progress/export.js'),
    ]);
  const roadmap = await ctx.roadmap();
  // The summary is computed from exactly the events exported, so that importing the export
  // elsewhere and exporting again gives the same document.
  const events = uniqueEvents(openStore(ctx).loadEvents());
  const now = ctx.now();
  const summary = summarize(indexRoadmap(roadmap), foldEvents(events), now);
  const doc = buildExport({ events, summary, roadmapTitle: roadmap.title, now, learnerName: ctx.settings.name });
  switch (format) {
    case 'json':
      return `${safeJson(doc, 2)}\n`;
    case 'markdown':
      return (await import('../render/export-markdown.js')).renderExportMarkdown(doc, opts);
    case 'csv':
      return (await import('../render/export-csv.js')).renderExportCsv(doc);
  }
}

/** Writes the file atomically: an existing file is replaced whole or not at all. */
export function registerExport(program: Program): void {
  program.command
    .command('export')
    .description('your progress plus a computed summary, as JSON (default), Markdown or CSV')
    .addOption(
      new Option('-f, --format <format>', `output format: ${EXPORT_FORMATS.join(', ')} (md for short)`).argParser(
        parseFormat,
      ),
    )
    .option('--json', 'JSON (the default format, unless --output ends in .md or .csv)')
    .option(
      '-o, --output <file>',
      'write to this file (atomically; its folder must exist); - for stdout, the default. The format follows a .md, .csv or .json name',
    )
    .option('--applications', 'markdown only: add your job-search funnel (private, so left out by default)')
    .addHelpText(
      'after',
      examples(
        'pyroad export > progress.json',
        'pyroad export --output progress.json',
        'pyroad export --format markdown --output PROGRESS.md',
        'pyroad export --format csv > progress.csv',
        'pyroad export | jq .summary.readiness',
      ) +
        '\nThe JSON carries "format" and "version"; its JSON Schema ships as schema/export.schema.json.\nMove progress to another machine with `pyroad import progress.json` there.\n',
    )
    .action(
      program.action(async (ctx, opts: ExportOptions) => {
        const format = chooseFormat(opts);
        if (opts.applications && format !== 'markdown')
          throw usageError(
            `--applications adds a section to the markdown export; the ${format} export ${format === 'json' ? 'always carries your applications' : 'has one row per topic'}`,
          );
        const text = await runExport(ctx, format, { applications: opts.applications === true });
        if (opts.output === undefined || opts.output === '-') {
          ctx.streams.stdout.write(guardOutput(text, false));
          return;
        }
        const file = resolve(opts.output);
        writeOutputFile(file, text, 'cannot write', { createFolders: false });
        ctx.print(wrapWhole(`Exported progress to ${untrusted(file, { oneLine: true })} (${format}).`, ctx.columns));
      }),
    );
}
