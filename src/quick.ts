import { showNext } from './commands/next.js';
import { showPlan } from './commands/plan.js';
import { showRoadmap } from './commands/roadmap.js';
import { showStatus } from './commands/status.js';
import { createContext, type Context, type Streams } from './context.js';
import { EXIT } from './errors.js';
import { quickLine, type QuickCommand } from './quick-line.js';
import { reportError } from './report-error.js';

/**
 * The quick entry (issue 19). The command lines people type every day, `pyroad next`, `status`,
 * `plan` and `roadmap`, alone or with `--json`, have nothing for commander to parse, so they
 * run without it: the same handlers the full program registers (commands/*.ts), the same context,
 * the same one place for errors (report-error.ts). Which lines qualify is quick-line.ts's call;
 * anything else on the line (another option, a global option, help) goes to the full program in
 * src/cli.ts, which runs these commands too. Built into one CommonJS file with a code cache
 * (scripts/bundle.js, src/quick-start.ts), because loading ~45 ES modules and commander cost
 * more than the coaching itself.
 */
const QUICK: Record<QuickCommand, (ctx: Context, opts: { json?: boolean }) => Promise<void>> = {
  next: showNext,
  status: showStatus,
  plan: showPlan,
  roadmap: showRoadmap,
};

/**
 * Runs a quick command line and returns its exit code, or undefined (having done nothing) when
 * the line is not one of them.
 */
export async function runQuick(argv: readonly string[], streams: Streams): Promise<number | undefined> {
  const run = quickLine(argv, streams.env);
  if (!run) return undefined;
  try {
    const ctx = await createContext({}, streams);
    await QUICK[run.name](ctx, run.json ? { json: true } : {});
    return EXIT.ok;
  } catch (error) {
    return reportError(error, streams);
  }
}
