import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { PyroadError, dataError } from '../errors.js';
import { plural, wrapSegments } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';

export interface Finding {
  what: 'roadmap' | 'home' | 'settings' | 'progress' | 'permissions';
  ok: boolean;
  /** One line: what was found, or what was repaired. */
  text: string;
  repaired?: boolean;
}

/**
 * Health of a home: the roadmap validates, the progress journal reads (an incomplete last line
 * left by an interrupted save is moved aside to progress.jsonl.torn, bytes kept), and the folders
 * and the journal have the permissions pyroad needs.
 */
export async function runDoctor(ctx: Context): Promise<Finding[]> {
  const findings: Finding[] = [];
  const { loadRoadmapFiles } = await import('../roadmap/load.js');
  const roadmap = loadRoadmapFiles(ctx.roadmapFile);
  const name = untrusted(ctx.roadmapFile, { oneLine: true });
  findings.push(
    roadmap.roadmap
      ? {
          what: 'roadmap',
          ok: true,
          text: `${name} is valid${roadmap.warnings.length ? ` (${roadmap.warnings.length} warnings: pyroad validate shows them)` : ''}`,
        }
      : {
          what: 'roadmap',
          ok: false,
          text: `${name} has ${roadmap.problems.length} problem(s): run pyroad validate to see them`,
        },
  );

  // A home that is a file holds neither settings nor progress: say that once, not "nothing recorded".
  const fileHome = folderThatIsAFile(ctx);
  if (fileHome) {
    findings.push({
      what: 'home',
      ok: false,
      text: `${fileHome} is a file, not a folder: settings and progress cannot be kept there; give --home a folder (or move the file)`,
    });
    return findings;
  }

  const { readSettings } = await import('../settings/read.js');
  const settings = readSettings(ctx.paths.settingsFile);
  findings.push(
    settings.problem
      ? { what: 'settings', ok: false, text: settingsProblem(ctx.paths.settingsFile, settings.problem) }
      : {
          what: 'settings',
          ok: true,
          text: existsSync(ctx.paths.settingsFile)
            ? `${ctx.paths.settingsFile} reads`
            : 'all defaults (no settings file)',
        },
  );

  const { openStore } = await import('../progress/open.js');
  const store = openStore(ctx);
  const file = ctx.paths.progressFile;
  if (!store.exists()) findings.push({ what: 'progress', ok: true, text: 'nothing recorded yet' });
  else
    try {
      const moved = store.repairTail();
      const state = store.load();
      findings.push(
        moved > 0
          ? {
              what: 'progress',
              ok: true,
              repaired: true,
              text: `repaired: an incomplete last line (${moved} bytes, from an interrupted save) was moved to ${store.tornFile}; ${plural(state.log.length, 'event')} read`,
            }
          : { what: 'progress', ok: true, text: `${plural(state.log.length, 'event')} read from ${file}` },
      );
    } catch (error) {
      // The message and what to do about it (a PyroadError's details), as one finding.
      const details = error instanceof PyroadError ? error.details.map((d) => d.trim()) : [];
      const message = error instanceof Error ? error.message : String(error);
      findings.push({ what: 'progress', ok: false, text: [message, ...details].join('. ') });
    }

  const problems: string[] = [];
  for (const dir of [dirname(file), ctx.paths.cacheDir])
    if (existsSync(dir))
      try {
        accessSync(dir, constants.W_OK | constants.R_OK | constants.X_OK);
      } catch {
        problems.push(`${dir} is not writable`);
      }
  if (existsSync(file)) {
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      problems.push(`${file} cannot be read and written`);
    }
    // A journal that is a folder is reported under progress; its mode says nothing.
    if (statSync(file).isFile() && (statSync(file).mode & 0o077) !== 0)
      problems.push(`${file} can be read by other users (chmod 600 ${file} makes it private)`);
  }
  findings.push(
    problems.length
      ? { what: 'permissions', ok: false, text: problems.join('; ') }
      : { what: 'permissions', ok: true, text: 'folders writable, progress private' },
  );
  return findings;
}

/** The first of pyroad's folders that exists as something other than a folder. */
function folderThatIsAFile(ctx: Context): string | undefined {
  const { home, configDir, dataDir, cacheDir } = ctx.paths;
  return [home, configDir, dataDir, cacheDir].find(
    (dir): dir is string => dir !== undefined && existsSync(dir) && !statSync(dir).isDirectory(),
  );
}

/** The settings reader's warning, said as a problem to fix: `config set` refuses such a file. */
function settingsProblem(file: string, problem: string): string {
  const fix = 'fix it, or delete it to go back to the defaults (`pyroad config set` refuses to change it until then)';
  if (problem.includes('is not valid JSON')) return `${file} is not valid JSON: ${fix}`;
  if (problem.includes('does not hold a settings object')) return `${file} does not hold a settings object: ${fix}`;
  return problem.replace(/; using default settings$/, '');
}

export function registerDoctor(program: Program): void {
  program.command
    .command('doctor')
    .description('check the roadmap, progress and permissions; move an interrupted save aside')
    .option('--json', 'print the findings as JSON')
    .addHelpText('after', examples('pyroad doctor', 'pyroad doctor --json'))
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const findings = await runDoctor(ctx);
        if (opts.json) ctx.json({ ok: findings.every((f) => f.ok), findings });
        else
          for (const f of findings)
            ctx.print(
              wrapSegments(
                [
                  [`${f.ok ? ctx.style.green('✓') : ctx.style.red('✘')} ${f.what.padEnd(11)} `],
                  [untrusted(f.text, { oneLine: true })],
                ],
                ctx.columns,
                '',
                ' '.repeat(14),
              ),
            );
        const bad = findings.filter((f) => !f.ok).length;
        if (bad) throw dataError(`${bad} problem${bad === 1 ? '' : 's'} found`);
      }),
    );
}
