import type { Context } from '../context.js';
import { EXIT, PyroadError, usageError } from '../errors.js';
import { displayPath } from '../paths.js';
import { wrap } from '../render/text.js';
import { untrusted } from '../render/untrusted.js';
import { consentFingerprint, consentState, needingConsent } from '../practice/consent.js';
import type { Exercise } from '../practice/exercise.js';

/**
 * Before `pyroad practice check` runs an exercise a roadmap other than the shipped one carries:
 * the learner's consent to that roadmap's code, as it is now (practice/consent.ts). Given with
 * --trust, or asked on a terminal; without either the check is refused (exit 2, like other
 * commands that would need to ask). Declining runs nothing (exit 1). Once given, it is remembered
 * until the roadmap's exercise code changes.
 */
export async function ensureConsent(
  ctx: Context,
  all: readonly Exercise[],
  exercise: Exercise,
  opts: { trust?: boolean; json?: boolean; python: string; dir: string },
): Promise<void> {
  const roadmap = exercise.roadmap;
  if (roadmap === undefined) return; // shipped with pyroad
  const theirs = needingConsent(all, roadmap);
  const fingerprint = consentFingerprint(theirs);
  const { ConsentStore } = await import('../practice/consent-store.js');
  const store = new ConsentStore(ctx.paths.configDir);
  const state = consentState(store.get(roadmap), fingerprint);
  if (state === 'given') return;
  const record = () => store.give({ roadmap, fingerprint, at: ctx.now().toISOString() });
  if (opts.trust) return record();
  const shown = untrusted(displayPath(roadmap), { oneLine: true });
  const why =
    state === 'changed'
      ? `the exercise code of roadmap ${shown} changed since you agreed to run it`
      : `exercise ${exercise.id} comes from roadmap ${shown}, not from pyroad`;
  // A question on stdout would break --json: there, as in a script, only --trust agrees.
  if (!ctx.interactive || opts.json)
    throw usageError(
      `${why}; its tests are code that would run on this machine: run the check in a terminal${opts.json ? ' without --json' : ''} to be asked, or add --trust to agree`,
    );
  const ids = theirs.map((x) => untrusted(x.id, { oneLine: true }));
  const list = ids.length > 6 ? `${ids.slice(0, 6).join(', ')} and ${ids.length - 6} more` : ids.join(', ');
  ctx.print(ctx.style.yellow(wrap(`${why[0]!.toUpperCase()}${why.slice(1)}.`, ctx.columns)));
  ctx.print(
    wrap(
      `Checking runs its tests, Python code written by the roadmap's author (${theirs.length === 1 ? 'its one exercise' : `its ${theirs.length} exercises`}: ${list}), with ${untrusted(opts.python, { oneLine: true })} in ${untrusted(opts.dir, { oneLine: true })}: no shell, a 10 s limit and a clean environment, but with your user's rights, so it can read and change your files. Agree only if you trust where this roadmap comes from.`,
      ctx.columns,
    ),
  );
  const { createPrompts } = await import('../prompts.js');
  const prompts = createPrompts({ input: ctx.streams.stdin, output: ctx.streams.stdout, color: ctx.style.enabled });
  const yes = await prompts.confirm({ message: "Run this roadmap's exercise tests?", default: false });
  if (!yes)
    throw new PyroadError(
      `nothing was run: you did not agree to run roadmap ${shown}'s exercise code (\`pyroad practice check --trust\` agrees)`,
      EXIT.data,
    );
  record();
  ctx.print(ctx.style.dim('Agreed; pyroad asks again if these exercises change.'));
}
