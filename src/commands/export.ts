import { guardOutput, safeJson, untrusted } from '../render/untrusted.js';
import { resolve } from 'node:path';
import { Option } from 'commander';
import { writeOutputFile } from '../output.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';

export const EXPORT_FORMATS = ['json', 'markdown', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportOptions {
  format: ExportFormat;
  output?: string;
}

/** --format: one of the formats, or `md` for markdown; anything else is a usage error naming them. */
export function parseFormat(raw: string): ExportFormat {
  const format = raw === 'md' ? 'markdown' : raw;
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw usageError(
    `--format must be one of ${EXPORT_FORMATS.join(', ')} (or md), got "${raw}"${didYouMean(raw, EXPORT_FORMATS)}`,
  );
}

/** The export as text in the chosen format. Loads progress and asks the coach for the summary. */
export async function runExport(ctx: Context, format: ExportFormat): Promise<string> {
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
  const doc = buildExport({ events, summary, roadmapTitle: roadmap.title, now });
  switch (format) {
    case 'json':
      return `${safeJson(doc, 2)}\n`;
    case 'markdown':
      return (await import('../render/export-markdown.js')).renderExportMarkdown(doc);
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
      new Option('-f, --format <format>', `output format: ${EXPORT_FORMATS.join(', ')} (md for short)`)
        .argParser(parseFormat)
        .default('json'),
    )
    .option('-o, --output <file>', 'write to this file (atomically); - for stdout, the default')
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
        const text = await runExport(ctx, opts.format);
        if (opts.output === undefined || opts.output === '-') {
          ctx.streams.stdout.write(guardOutput(text, false));
          return;
        }
        const file = resolve(opts.output);
        writeOutputFile(file, text, 'cannot write');
        ctx.print(`Exported progress to ${untrusted(file, { oneLine: true })} (${opts.format}).`);
      }),
    );
}
