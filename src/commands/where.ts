import { wrapSegments } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';
import { existsSync } from 'node:fs';
import { consentFile } from '../practice/consent.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { practiceDir } from '../practice/folder.js';

export interface WhereResult {
  /** Set when --home or PYROAD_HOME put everything in one folder. */
  home: string | null;
  settings: string;
  progress: string;
  cache: string;
  /** Where `pyroad practice` writes exercise files. */
  practice: string;
  /** Consents to run a roadmap's own exercise code (practice/consent-store.ts). */
  consents: string;
  roadmap: string;
  /** Where each came from: flag, env (PYROAD_HOME, PYROAD_ROADMAP), setting or default. */
  sources: Context['sources'];
}

export function runWhere(ctx: Context): WhereResult {
  return {
    home: ctx.paths.home ?? null,
    settings: ctx.paths.settingsFile,
    progress: ctx.paths.progressFile,
    cache: ctx.paths.cacheDir,
    practice: practiceDir(ctx),
    consents: consentFile(ctx.paths.configDir),
    roadmap: ctx.roadmapFile,
    sources: ctx.sources,
  };
}

const ROADMAP_FROM = {
  flag: 'from --roadmap',
  env: 'from PYROAD_ROADMAP',
  setting: 'from the roadmap setting',
  default: 'shipped with pyroad',
} as const;
const HOME_FROM = { flag: 'from --home', env: 'from PYROAD_HOME', default: '' } as const;

export function registerWhere(program: Program): void {
  program.command
    .command('where')
    .description('where your settings and progress are kept')
    .option('--json', 'print the paths as JSON')
    .addHelpText(
      'after',
      examples('pyroad where', 'pyroad where --json | jq -r .progress', 'pyroad --home ~/pyroad-work where') +
        `
By default pyroad follows the platform's conventions (as conf and env-paths do): settings in the
config folder, progress in the data folder, caches in the cache folder; on Linux
~/.config/pyroad, ~/.local/share/pyroad and ~/.cache/pyroad (XDG_*_HOME are honoured).
--home DIR or PYROAD_HOME=DIR keep everything in DIR instead (caches in DIR/cache).
The cache only speeds things up and can be deleted at any time.
`,
    )
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const where = runWhere(ctx);
        if (opts.json) {
          ctx.json(where);
          return;
        }
        const note = (path: string) => (existsSync(path) ? '' : ' (not created yet)');
        const shown = (path: string) => untrusted(path, { oneLine: true });
        // Label and path; a path wider than the terminal goes on over the next lines, under itself.
        const row = (label: string, path: string, after: string) =>
          ctx.print(
            wrapSegments([[label.padEnd(10)], [shown(path)], [after, ctx.style.dim]], ctx.columns, '', ' '.repeat(10)),
          );
        row('settings', where.settings, note(where.settings));
        row('progress', where.progress, note(where.progress));
        row('cache', where.cache, note(where.cache));
        row('practice', where.practice, note(where.practice));
        // Only once the learner agreed to run some roadmap's exercise code.
        if (existsSync(where.consents)) row('consents', where.consents, '');
        row('roadmap', where.roadmap, ` (${ROADMAP_FROM[where.sources.roadmap]})`);
        if (where.home)
          ctx.print(
            wrapSegments(
              [[`Everything is kept in ${shown(where.home)} (${HOME_FROM[where.sources.home]}).`, ctx.style.dim]],
              ctx.columns,
            ),
          );
        else {
          // The default home says where it came from too: the platform's folders, and any XDG_* set.
          const xdg = ['XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_CACHE_HOME'].filter((v) => ctx.streams.env[v]);
          ctx.print(
            wrapSegments(
              [
                [
                  `Your platform's per-user folders (the default: no --home or PYROAD_HOME given${xdg.length ? `; from ${xdg.join(', ')}` : ''}).`,
                  ctx.style.dim,
                ],
              ],
              ctx.columns,
            ),
          );
        }
      }),
    );
}
