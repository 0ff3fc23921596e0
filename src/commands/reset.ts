import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { EXIT, PyroadError } from '../errors.js';

export interface ResetResult {
  /** cleared; declined at the question; or nothing (no progress yet). */
  outcome: 'cleared' | 'declined' | 'nothing';
  backups: string[];
  /** Set when the progress could not be read: it is kept as it was, but cannot be imported. */
  unreadable?: string;
}

const noTerminal = () =>
  new PyroadError(
    '`pyroad reset` asks before clearing your progress, and there is no terminal to ask in.',
    EXIT.usage,
    ['Run it with --yes to clear without asking (a backup is kept).'],
  );

/** Moves the progress aside (the backup can be imported again). Asks first unless `yes`. */
export async function runReset(ctx: Context, opts: { yes?: boolean }): Promise<ResetResult> {
  const { openStore } = await import('../progress/open.js');
  const store = openStore(ctx);
  if (!store.exists()) return { outcome: 'nothing', backups: [] };
  // Reset is also how a learner moves an unreadable file aside; say so rather than promise an import.
  let unreadable: string | undefined;
  try {
    store.loadEvents();
  } catch (error) {
    if (!(error instanceof PyroadError)) throw error;
    unreadable = error.message;
  }
  if (!opts.yes) {
    if (!ctx.interactive) throw noTerminal();
    const { createPrompts } = await import('../prompts.js');
    const prompts = createPrompts({ input: ctx.streams.stdin, output: ctx.streams.stdout, color: ctx.style.enabled });
    const sure = await prompts.confirm({
      message: unreadable
        ? `Move the progress file pyroad cannot read (${store.file}) aside and start afresh? (it is kept as it is)`
        : `Clear all your progress in ${store.file}? (a backup is kept)`,
      default: false,
    });
    if (!sure) return { outcome: 'declined', backups: [] };
  }
  const { backups } = store.reset();
  return { outcome: 'cleared', backups, ...(unreadable ? { unreadable } : {}) };
}

export function registerReset(program: Program): void {
  program.command
    .command('reset')
    .description('clear your progress (asks first; a backup is kept)')
    .option('-y, --yes', 'do not ask (for scripts)')
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples('pyroad reset', 'pyroad reset --yes') +
        '\nThe old progress is moved to a backup file next to it; `pyroad import BACKUP` brings it back.\n',
    )
    .action(
      program.action(async (ctx, opts: { yes?: boolean; json?: boolean }) => {
        const result = await runReset(ctx, opts);
        if (opts.json) ctx.json(result);
        else if (result.outcome === 'cleared') {
          ctx.print(`${ctx.style.green('✓')} Progress cleared.`);
          for (const backup of result.backups)
            ctx.print(
              result.unreadable
                ? `  Kept as it was: ${backup} (pyroad could not read it, so it cannot be imported as it is)`
                : `  Backup: ${backup} (\`pyroad import "${backup}"\` brings it back)`,
            );
        } else if (result.outcome === 'declined') ctx.print('Nothing changed.');
        else ctx.print('Nothing to reset: there is no progress yet.');
      }),
    );
}
