import { guardOutput, untrusted } from '../render/untrusted.js';
import { displayPath } from '../paths.js';
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { writeOutputFile } from '../output.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { usageError } from '../errors.js';
import { wrapWhole } from '../render/text.js';

export interface ReportOptions {
  /** A file path, or `-` for stdout. */
  output: string;
  open?: boolean;
  /** Show job applications (company, role, stage) and the steps that name them: for a mentor. */
  applications?: boolean;
}

export const DEFAULT_REPORT_FILE = 'pyroad-report.html';

export function registerReport(program: Program): void {
  program.command
    .command('report')
    .description('a self-contained HTML report with charts, for a portfolio or a mentor')
    .option('-o, --output <file>', 'where to write it; - for stdout', DEFAULT_REPORT_FILE)
    .option('--open', 'open it in the default browser afterwards, where there is one')
    .option('--applications', 'include your job applications (private, so left out by default): for a mentor')
    .addHelpText(
      'after',
      examples(
        'pyroad report --open',
        'pyroad report --output ~/portfolio/progress.html',
        'pyroad report -o - > report.html',
        'pyroad report --applications -o for-my-mentor.html',
      ),
    )
    .action(
      program.action(async (ctx, opts: ReportOptions) => {
        const options = checkOptions(opts);
        const page = await runReport(ctx, { applications: options.applications === true });
        if (options.output === '-') {
          ctx.streams.stdout.write(guardOutput(page, false));
          return;
        }
        const file = resolve(options.output);
        // A missing folder is refused, as `export` does: a typo should not make folders.
        writeOutputFile(file, page, 'cannot write the report to', { createFolders: false });
        ctx.print(
          wrapWhole(`Wrote ${shownPath(file)} (${Math.ceil(Buffer.byteLength(page) / 1024)} KB).`, ctx.columns),
        );
        if (options.open) {
          if (!(await openInBrowser(file)))
            ctx.warn(`found no way to open a browser here; open ${shownPath(file)} yourself`);
          // The opener starts whether or not a browser then appears (a server has none): say so.
          else
            ctx.print(
              process.platform === 'linux' && !ctx.streams.env.DISPLAY && !ctx.streams.env.WAYLAND_DISPLAY
                ? `Asked ${opener(file)[0]} to open it, but there is no graphical display here (DISPLAY is not set): if no browser appears, open ${shownPath(file)} yourself.`
                : `Asked ${opener(file)[0]} to open it; if no browser appears, open ${shownPath(file)} yourself.`,
            );
        } else if (ctx.streams.stdout.isTTY)
          ctx.print(ctx.style.dim('Open it in any browser, even offline; `pyroad report --open` does that for you.'));
      }),
    );
}

/** A path as the user would type it (relative below the working folder), shown, never obeyed. */
const shownPath = (file: string): string => untrusted(displayPath(file), { oneLine: true });

function checkOptions(opts: ReportOptions): ReportOptions {
  if (opts.output.trim() === '') throw usageError('--output needs a file name, or - for stdout');
  if (opts.open && opts.output === '-') throw usageError('--open needs a file: drop --output - or name a file');
  return opts;
}

/** The report page for the learner in `ctx`. The coach, the store and the renderer load only here. */
export async function runReport(ctx: Context, opts: { applications?: boolean } = {}): Promise<string> {
  const [{ indexRoadmap }, { openStore }, { Coach }, { renamesOf }, { renderReport }, { VERSION }, { makePlan }] =
    await Promise.all([
      import('../roadmap/query.js'),
      import('../progress/open.js'),
      import('../coach/summary.js'),
      import('../roadmap/renames.js'),
      import('../render/report/render.js'),
      import('../version.js'),
      import('../coach/plan.js'),
    ]);
  const roadmap = await ctx.roadmap();
  const state = openStore(ctx).load(renamesOf(roadmap));
  const index = indexRoadmap(roadmap);
  const { roadmapExerciseIndex } = await import('../practice/index-cache.js');
  const exercises = await roadmapExerciseIndex(index, ctx.paths.cacheDir, ctx.roadmapFile);
  const now = ctx.now();
  const coach = new Coach(index, state, now, exercises);
  const full = coach.summary({ limit: 5, exercises });
  const summary = opts.applications ? full : (await import('../coach/private.js')).withoutApplications(full);
  const plan = makePlan({
    goal: roadmap.goal ?? roadmap.title,
    facts: coach.facts,
    orientation: coach.plan.orientation,
    log: state.log,
    now,
    hoursPerWeek: ctx.settings['plan.hoursPerWeek'],
    hoursSource: ctx.settingsGiven?.has('plan.hoursPerWeek') ? 'setting' : 'default',
  });
  const { exercisesPerArea } = await import('../coach/exercise-steps.js');
  return renderReport({
    roadmap,
    summary,
    plan,
    version: VERSION,
    exercises: exercisesPerArea(index, exercises, state.log),
  });
}

/** The platform's "open with the default app" command. */
function opener(file: string): [string, string[]] {
  if (process.platform === 'darwin') return ['open', [file]];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', file]];
  return ['xdg-open', [file]];
}

/**
 * Hands the file to the desktop's opener and returns at once; false when there is no opener.
 * Never throws: not having a browser (a server, CI) is normal.
 */
export function openInBrowser(file: string): Promise<boolean> {
  const [command, args] = opener(file);
  return new Promise((done) => {
    try {
      const child = spawn(command, args, { detached: true, stdio: 'ignore', windowsHide: true });
      child.once('error', () => done(false));
      child.once('spawn', () => {
        child.unref();
        done(true);
      });
    } catch {
      done(false);
    }
  });
}
