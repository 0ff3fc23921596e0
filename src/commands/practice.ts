import type { Command } from 'commander';
import { join } from 'node:path';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { EXIT, PyroadError, usageError } from '../errors.js';
import { untrusted } from '../render/untrusted.js';
import { wrap, wrapSegments } from '../render/text.js';
import { displayWidth, truncate } from '../render/width.js';
import { practiceDir } from '../practice/folder.js';
import type { Exercise } from '../practice/exercise.js';
import type { Verdict } from '../practice/judge.js';

interface PracticeOptions {
  dir?: string;
  python?: string;
  json?: boolean;
  /** Agree to run a roadmap's own exercise code (practice-consent.ts). */
  trust?: boolean;
}

export type ExerciseState = 'new' | 'started' | 'passed';

const pythonOf = (ctx: Context, python?: string): string => python || ctx.settings['practice.python'] || 'python3';

/** The shipped exercises for the roadmap's topics, then the roadmap's own (practice/carried.ts). */
async function exercisesOf(ctx: Context): Promise<Exercise[]> {
  const [{ indexRoadmap }, { loadExercises }, { exercisesOfRoadmap, mergeExercises }, { SHIPPED_ROADMAP }] =
    await Promise.all([
      import('../roadmap/query.js'),
      import('../practice/catalog.js'),
      import('../practice/carried.js'),
      import('../context.js'),
    ]);
  const index = indexRoadmap(await ctx.roadmap());
  const shipped = loadExercises(new Set(index.topics.keys()));
  const own = ctx.roadmapFile === SHIPPED_ROADMAP ? undefined : ctx.roadmapFile;
  return mergeExercises(shipped, exercisesOfRoadmap(index.roadmap, own), ctx.roadmapFile);
}

function find(exercises: Exercise[], id: string): Exercise {
  const found = exercises.find((x) => x.id === id);
  if (found) return found;
  throw usageError(
    `no exercise "${id}"${didYouMean(
      id,
      exercises.map((x) => x.id),
    )}; \`pyroad practice\` lists them`,
  );
}

async function handsOn(ctx: Context) {
  const [{ openStore }, { handsOnEvidence }] = await Promise.all([
    import('../progress/open.js'),
    import('../coach/evidence.js'),
  ]);
  const store = openStore(ctx);
  return { store, evidence: handsOnEvidence(store.load().log) };
}

export interface ListedExercise {
  id: string;
  topic: string;
  title: string;
  file: string;
  state: ExerciseState;
}

export async function runList(
  ctx: Context,
  opts: PracticeOptions,
): Promise<{ dir: string; exercises: ListedExercise[] }> {
  const dir = practiceDir(ctx, opts.dir);
  const [exercises, { evidence }, { existsSync }] = await Promise.all([
    exercisesOf(ctx),
    handsOn(ctx),
    import('node:fs'),
  ]);
  return {
    dir,
    exercises: exercises.map((x) => {
      const record = evidence.get(x.topic)?.exercises.get(x.id);
      const state: ExerciseState = record?.passedAt
        ? 'passed'
        : record || existsSync(join(dir, x.file))
          ? 'started'
          : 'new';
      return { id: x.id, topic: x.topic, title: x.title, file: x.file, state };
    }),
  };
}

export interface CheckResult {
  exercise: string;
  topic: string;
  title: string;
  file: string;
  verdict: Verdict;
  ms: number;
  /** Another exercise of the same topic not passed yet, for "what next". */
  nextExercise?: string;
}

export async function runCheck(ctx: Context, id: string | undefined, opts: PracticeOptions): Promise<CheckResult> {
  const dir = practiceDir(ctx, opts.dir);
  const [{ readState, exerciseFile }, { existsSync }] = await Promise.all([
    import('../practice/workspace.js'),
    import('node:fs'),
  ]);
  const exercises = await exercisesOf(ctx);
  const chosen = id ?? readState(dir).current;
  if (!chosen) throw usageError('which exercise? give its id (`pyroad practice` lists them), or start one first');
  const exercise = find(exercises, chosen);
  const file = exerciseFile(dir, exercise);
  if (!existsSync(file))
    throw new PyroadError(
      `${file} does not exist yet; \`pyroad practice ${exercise.id}\` writes the starter`,
      EXIT.data,
    );
  const python = pythonOf(ctx, opts.python);
  const { ensureConsent } = await import('./practice-consent.js');
  await ensureConsent(ctx, exercises, exercise, {
    ...(opts.trust ? { trust: true } : {}),
    ...(opts.json ? { json: true } : {}),
    python,
    dir,
  });
  const [{ runHarness }, { judge }, { HARNESS, fingerprint }] = await Promise.all([
    import('../practice/runner.js'),
    import('../practice/judge.js'),
    import('../practice/catalog.js'),
  ]);
  const started = Date.now();
  const outcome = await runHarness({
    python,
    harness: HARNESS,
    cwd: dir,
    tests: exercise.tests,
    ...(exercise.requires ? { requires: exercise.requires } : {}),
    env: ctx.streams.env,
  });
  const ms = Date.now() - started;
  const verdict = judge(outcome);
  const { store, evidence } = await handsOn(ctx);
  // An interpreter that never ran the tests (verdict.setup) says nothing about the learner's code:
  // not an attempt.
  if (!(verdict.outcome === 'stopped' && verdict.setup))
    store.append([
      {
        e: 'exercise',
        at: ctx.now().toISOString(),
        topic: exercise.topic,
        exercise: exercise.id,
        fingerprint: fingerprint(exercise),
        passed: verdict.outcome === 'passed',
        ms,
      },
    ]);
  const done = (x: Exercise) => evidence.get(x.topic)?.exercises.get(x.id)?.passedAt !== undefined;
  const next = exercises.find((x) => x.topic === exercise.topic && x.id !== exercise.id && !done(x));
  return {
    exercise: exercise.id,
    topic: exercise.topic,
    title: exercise.title,
    file,
    verdict,
    ms,
    ...(next ? { nextExercise: next.id } : {}),
  };
}

function renderCheck(ctx: Context, r: CheckResult): void {
  const { style } = ctx;
  const title = untrusted(r.title, { oneLine: true });
  const v = r.verdict;
  if (v.outcome === 'passed') {
    ctx.print(`${style.green('✓')} ${title}: all ${v.tests} tests pass.`);
    ctx.print(
      wrap(
        r.nextExercise
          ? `Next: \`pyroad practice ${r.nextExercise}\`, another exercise on the same topic, or \`pyroad next\`.`
          : `This counts as hands-on evidence for ${r.topic}. Next: \`pyroad next\`.`,
        ctx.columns,
      ),
    );
  } else if (v.outcome === 'stopped') {
    ctx.print(wrap(`${style.red('✗')} ${title}: ${untrusted(v.reason, { oneLine: true })}`, ctx.columns));
  } else {
    const f = v.first;
    ctx.print(`${style.red('✗')} ${title}: not yet.`);
    ctx.print(`  ${style.bold('checked:')} ${untrusted(f.checks || f.test, { oneLine: true })}`);
    if (f.expected !== undefined && f.got !== undefined) {
      ctx.print(wrap(`  ${style.bold('expected:')} ${untrusted(f.expected, { oneLine: true })}`, ctx.columns));
      ctx.print(wrap(`  ${style.bold('got:')}      ${untrusted(f.got, { oneLine: true })}`, ctx.columns));
    } else {
      const kind = f.kind === 'error' ? `your code raised ${f.error}` : f.error;
      ctx.print(
        wrap(
          `  ${style.bold('problem:')} ${untrusted(`${kind}${f.message ? `: ${f.message}` : ''}`, { oneLine: true })}`,
          ctx.columns,
        ),
      );
    }
    if (f.where) ctx.print(`  ${style.bold('at:')} ${untrusted(`${f.where.file}:${f.where.line}`, { oneLine: true })}`);
  }
  if (v.output) {
    const lines = v.output.replace(/\n$/, '').split('\n');
    ctx.print(style.dim(`Your code printed${v.outputSize > v.output.length ? ' (the start of it)' : ''}:`));
    // The program's lines as it wrote them, cut at the edge (…): a 4,000-character line is no read.
    for (const line of lines.slice(0, 20))
      ctx.print(`  | ${truncate(untrusted(line, { oneLine: true }), Math.max(10, ctx.columns - 4))}`);
    if (lines.length > 20) ctx.print(style.dim(`  | … ${lines.length - 20} more lines`));
  }
  if (v.outcome === 'failed' || (v.outcome === 'stopped' && !v.setup))
    ctx.print(
      style.dim(
        wrap(
          `Edit ${untrusted(r.file, { oneLine: true })} and check again; \`pyroad practice hint ${r.exercise}\` gives a hint.`,
          ctx.columns,
        ),
      ),
    );
}

async function checkOnce(ctx: Context, id: string | undefined, opts: PracticeOptions): Promise<CheckResult> {
  const result = await runCheck(ctx, id, opts);
  if (opts.json) ctx.json(result);
  else renderCheck(ctx, result);
  return result;
}

/** Re-checks on every save until Ctrl-C (exit 130). */
async function watch(ctx: Context, id: string | undefined, opts: PracticeOptions): Promise<void> {
  const { watch: watchFile } = await import('node:fs');
  const first = await checkOnce(ctx, id, opts);
  const exercise = first.exercise;
  ctx.print(ctx.style.dim(`Watching ${untrusted(first.file, { oneLine: true })}; Ctrl-C stops.`));
  await new Promise<void>((_resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let running = Promise.resolve();
    const watcher = watchFile(first.file, () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        running = running.then(async () => {
          ctx.print('');
          ctx.print(ctx.style.dim(`— ${ctx.now().toISOString().slice(11, 19)} changed, checking again —`));
          try {
            await checkOnce(ctx, exercise, opts);
          } catch (error) {
            watcher.close();
            reject(error);
          }
        });
      }, 150);
    });
    const stop = () => {
      watcher.close();
      clearTimeout(timer);
      process.off('SIGINT', stop);
      reject(new PyroadError('stopped watching', EXIT.interrupted));
    };
    process.on('SIGINT', stop);
  });
}

export function registerPractice(program: Program): void {
  const withCommon = <T extends Command>(cmd: T): T =>
    cmd
      .option('--dir <folder>', 'the practice folder (default: the practice.dir setting, see `pyroad where`)')
      .option('--python <program>', 'the Python interpreter (default: the practice.python setting, else python3)') as T;
  const practice = withCommon(
    program.command
      .command('practice')
      .argument('[id]', 'an exercise to start (writes its starter file)')
      .description('Python exercises checked on your machine: list, start, check, hint')
      .option('--reset', 'start the exercise afresh: your file is kept as a backup (asks first)')
      .option('--yes', 'with --reset: do not ask')
      .option('--json', 'print the list as JSON')
      .addHelpText(
        'after',
        examples(
          'pyroad practice',
          'pyroad practice list-comprehension-squares',
          'pyroad practice check',
          'pyroad practice check --watch',
          'pyroad practice hint list-comprehension-squares',
        ) +
          '\nExercises are Python files you edit in the practice folder; `check` runs their tests with python3\n(no shell, a 10 s limit, a clean environment) and shows the first thing that is not right yet.\n',
      ),
  );
  practice.action(
    program.action(async (ctx, id: string | undefined, opts: PracticeOptions & { reset?: boolean; yes?: boolean }) => {
      if (id === undefined) {
        const list = await runList(ctx, opts);
        if (opts.json) return ctx.json(list);
        const mark = {
          new: ctx.style.dim('new    '),
          started: ctx.style.yellow('started'),
          passed: ctx.style.green('passed '),
        };
        const width = Math.max(...list.exercises.map((x) => x.id.length), 2);
        // The title goes under the id when the three do not fit on one line.
        const together =
          9 +
            width +
            2 +
            Math.max(0, ...list.exercises.map((x) => displayWidth(untrusted(x.title, { oneLine: true })))) <=
          ctx.columns;
        for (const x of list.exercises) {
          const id = untrusted(x.id, { oneLine: true });
          const title = untrusted(x.title, { oneLine: true });
          ctx.print(
            together
              ? `${mark[x.state]}  ${id.padEnd(width)}  ${title}`
              : `${wrapSegments([[mark[x.state]], [`  ${id}`]], ctx.columns, '', ' '.repeat(9))}\n${wrap(title, ctx.columns, ' '.repeat(9))}`,
          );
        }
        const passed = list.exercises.filter((x) => x.state === 'passed').length;
        ctx.print('');
        ctx.print(
          wrap(
            `${passed} of ${list.exercises.length} passed. Files go to ${untrusted(list.dir, { oneLine: true })}.`,
            ctx.columns,
          ),
        );
        ctx.print(
          wrap(ctx.withHints('Start one with `pyroad practice ID`.'), ctx.columns)
            .split('\n')
            .map((line) => ctx.style.dim(line))
            .join('\n'),
        );
        return;
      }
      const exercise = find(await exercisesOf(ctx), id);
      const dir = practiceDir(ctx, opts.dir);
      if (opts.reset && !opts.yes) {
        if (!ctx.interactive)
          throw usageError('--reset asks first and needs a terminal; add --yes to go ahead without asking');
        const { createPrompts } = await import('../prompts.js');
        const prompts = createPrompts({
          input: ctx.streams.stdin,
          output: ctx.streams.stdout,
          color: ctx.style.enabled,
        });
        const sure = await prompts.confirm({
          message: `Start ${exercise.file} afresh? (your file is kept as a backup)`,
          default: false,
        });
        if (!sure) return ctx.print('Nothing changed.');
      }
      const { startExercise } = await import('../practice/workspace.js');
      const started = startExercise(dir, exercise, { reset: Boolean(opts.reset), stamp: ctx.now().toISOString() });
      if (opts.json) return ctx.json({ exercise: exercise.id, ...started });
      const file = untrusted(started.file, { oneLine: true });
      if (started.backup) ctx.print(`Your old file is kept as ${untrusted(started.backup, { oneLine: true })}.`);
      ctx.print(
        started.created
          ? `${ctx.style.green('✓')} wrote ${file}`
          : `${file} is already there; it was left as it is (--reset starts afresh, keeping a backup).`,
      );
      ctx.print('');
      ctx.print(ctx.style.bold(untrusted(exercise.title, { oneLine: true })));
      ctx.print(wrap(untrusted(exercise.task), ctx.columns));
      ctx.print('');
      ctx.print(`Edit the file, then run \`pyroad practice check ${exercise.id}\` (add --watch to re-check on save).`);
      if (exercise.roadmap)
        ctx.print(
          ctx.style.dim(
            wrap(
              `Its tests come from ${untrusted(exercise.roadmap, { oneLine: true })}, not from pyroad: the first check asks before it runs them.`,
              ctx.columns,
            ),
          ),
        );
    }),
  );
  withCommon(
    practice
      .command('check')
      .argument('[id]', 'the exercise (default: the one started last)')
      .description("run an exercise's tests on your file and show the first problem")
      .option('--watch', 'check again every time the file is saved, until Ctrl-C')
      .option('--trust', "agree to run the tests of a roadmap's own exercises (asked on a terminal otherwise)")
      .option('--json', 'print the result as JSON'),
  ).action(
    program.action(async (ctx, id: string | undefined, own: PracticeOptions & { watch?: boolean }) => {
      // Options typed after `practice` but before `check` land on the parent command.
      const opts = { ...practice.opts<PracticeOptions>(), ...own };
      if (opts.watch) return watch(ctx, id, opts);
      const result = await checkOnce(ctx, id, opts);
      if (result.verdict.outcome !== 'passed') throw new PyroadError(`${result.exercise}: not passed yet`, EXIT.data);
    }),
  );
  withCommon(
    practice
      .command('hint')
      .argument('<id>', 'the exercise')
      .description('the next hint for an exercise, one at a time'),
  ).action(
    program.action(async (ctx, id: string, own: PracticeOptions) => {
      const opts = { ...practice.opts<PracticeOptions>(), ...own };
      const exercise = find(await exercisesOf(ctx), id);
      const { nextHint } = await import('../practice/workspace.js');
      const hint = nextHint(practiceDir(ctx, opts.dir), exercise);
      if (!hint) return ctx.print('This exercise has no hints.');
      ctx.print(ctx.style.bold(`Hint ${hint.number} of ${hint.total}:`));
      ctx.print(wrap(untrusted(hint.hint), ctx.columns));
    }),
  );
}
