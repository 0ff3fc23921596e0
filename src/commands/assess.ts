import { Option } from 'commander';
import { readInput } from '../input.js';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { EXIT, PyroadError, usageError } from '../errors.js';
import { MAX_SEED, streamKey } from '../quiz/random.js';
import type { AssessSummary } from '../quiz/summary.js';
import type { PlacementMap } from '../quiz/placement-map.js';

/** The options as commander hands them over (strings and booleans). */
export interface AssessFlags {
  questions?: string;
  seed?: string;
  quick?: boolean;
  retake?: boolean;
  answers?: string;
  json?: boolean;
  placement?: boolean;
  full?: boolean;
}

export interface AssessOptions {
  questions?: number;
  seed?: number;
  quick: boolean;
  retake: boolean;
  answers?: string;
  json: boolean;
  placement?: boolean;
  full?: boolean;
}

function whole(flag: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw.trim());
  if (!/^\s*\d+\s*$/.test(raw) || n < min || n > max)
    throw usageError(`${flag} takes a whole number from ${min} to ${max}, got "${raw}"`);
  return n;
}

/** Checks the flags (usage errors, exit 2). Commander has already refused --answers with the prompt-only flags. */
export function parseAssessOptions(flags: AssessFlags): AssessOptions {
  if (flags.answers !== undefined && flags.answers.trim() === '')
    throw usageError('--answers takes a file name, or - for stdin');
  const questions = whole('--questions', flags.questions, 1, 50);
  const seed = whole('--seed', flags.seed, 0, MAX_SEED);
  return {
    ...(questions !== undefined ? { questions } : {}),
    ...(seed !== undefined ? { seed } : {}),
    quick: Boolean(flags.quick),
    retake: Boolean(flags.retake),
    ...(flags.answers !== undefined ? { answers: flags.answers } : {}),
    json: Boolean(flags.json),
    ...(flags.placement ? { placement: true } : {}),
    ...(flags.full ? { full: true } : {}),
  };
}

const ANSWERS_HELP = `
Without a terminal, --answers FILE (or - for stdin) records an assessment from JSON:
  {"area": "networking",
   "ratings": {"tcp-ip": 3},
   "answers": {"tcp-ip-udp-for-voice": 1}}
ratings: topic id -> self-rating 0..4 (0 never heard of it … 4 could teach it).
answers: question id -> index of the chosen choice as written in the roadmap file, 0-based.
With --placement the file names no area: {"ratings": {...}, "answers": {...}} over any areas;
the placement asks, adaptively, only the questions the file answers.
The whole file is checked first; if anything is wrong, nothing is recorded (exit 1).
Ctrl-C keeps every answer given; running assess on the area again offers to resume.
`;

/**
 * Runs an assessment and returns its summary. Everything beyond the flags is imported here, so
 * other commands do not load it, and a run without a terminal is refused before anything loads.
 */
export async function runAssess(
  ctx: Context,
  areaArg: string | undefined,
  opts: AssessOptions,
): Promise<AssessSummary | PlacementMap> {
  if (opts.placement && areaArg !== undefined)
    throw usageError(`--placement covers every skill area; leave out the area ("${areaArg}"), or drop --placement`);
  // First of all: never wait on a pipe for keystrokes. (A mistyped area is still named first:
  // fixing the terminal would not fix that.)
  if (opts.answers === undefined && !ctx.interactive) {
    if (areaArg !== undefined) {
      const { indexRoadmap, findArea } = await import('../roadmap/query.js');
      findArea(indexRoadmap(await ctx.roadmap()), areaArg);
    }
    throw new PyroadError(
      '`pyroad assess` asks its questions in a terminal, and stdin or stdout is not one.',
      EXIT.usage,
      [
        'To record an assessment from a script, use --answers FILE (or --answers - for stdin); `pyroad assess --help` shows the format.',
      ],
    );
  }
  const [{ randomUUID }, { indexRoadmap }, { openStore }, { summarize }] = await Promise.all([
    import('node:crypto'),
    import('../roadmap/query.js'),
    import('../progress/open.js'),
    import('../coach/summary.js'),
  ]);
  const index = indexRoadmap(await ctx.roadmap());
  const deps = {
    index,
    store: openStore(ctx),
    now: () => ctx.now(),
    newId: () => randomUUID(),
    // The best next step after assessing an area: in that area when something is left there.
    coach: (state: Parameters<typeof summarize>[1], area?: string) => {
      const inArea = summarize(index, state, ctx.now(), { limit: 1, history: false, ...(area ? { area } : {}) });
      return inArea.recommendations.length > 0 || !area
        ? inArea
        : summarize(index, state, ctx.now(), { limit: 1, history: false });
    },
  };

  // Placement questions and choices are shuffled from the clock (PYROAD_NOW in tests) unless --seed says.
  const placementSeed = opts.seed ?? streamKey(0, ctx.now().toISOString());
  if (opts.answers !== undefined) {
    const source = opts.answers === '-' ? 'answers from stdin' : opts.answers;
    const text = await readInput(ctx, opts.answers, 'cannot read answers file');
    if (opts.placement) {
      const { runScriptedPlacement } = await import('../quiz/placement-run.js');
      return runScriptedPlacement(deps, text, source, placementSeed);
    }
    const { runScripted } = await import('../quiz/scripted.js');
    return runScripted(deps, text, source, areaArg);
  }

  const [{ runInteractive }, { createPrompts }] = await Promise.all([
    import('../quiz/run.js'),
    import('../prompts.js'),
  ]);
  // Every save checks its events with zod (~70 ms to load). Load it while the learner reads the
  // first prompt, so the first answer is saved as fast as the rest.
  setTimeout(() => void import('../zod.js').then(({ requireZod }) => requireZod()), 100).unref();
  // Ctrl-C between prompts (the terminal is not in raw mode then) cancels the next prompt; a closed
  // terminal (SIGHUP) or a kill (SIGTERM) ends the session the same way, saving what is done.
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  const signals = ['SIGINT', 'SIGHUP', 'SIGTERM'] as const;
  for (const signal of signals) process.on(signal, onSignal);
  const prompts = createPrompts({
    input: ctx.streams.stdin,
    output: ctx.streams.stdout,
    signal: controller.signal,
    color: ctx.style.enabled,
  });
  try {
    const screen = {
      prompts,
      print: ctx.print,
      style: ctx.style,
      // Read when each screen is drawn, so a terminal resized mid-quiz gets screens that fit.
      get columns() {
        const now = ctx.streams.stdout.columns;
        return now ? Math.max(40, Math.min(now, 120)) : ctx.columns;
      },
      get rows() {
        return (ctx.streams.stdout as { rows?: number }).rows ?? 24;
      },
      // A terminal tells of a resize (SIGWINCH): the open question is drawn again to fit (quiz/redraw.ts).
      ...(ctx.streams.stdout.isTTY
        ? {
            onResize: (listener: () => void) => {
              const { stdout } = ctx.streams;
              stdout.on('resize', listener);
              return () => void stdout.off('resize', listener);
            },
            // Scrolls what is on screen up into the scroll-back (kept, unlike an erase, in every
            // terminal), then starts again at the top.
            clear: () =>
              void ctx.streams.stdout.write(
                `${'\n'.repeat((ctx.streams.stdout as { rows?: number }).rows ?? 24)}\x1b[H\x1b[J`,
              ),
          }
        : {}),
    };
    // A first run (no area named, nothing on record) offers the placement before the area picker.
    let placement = opts.placement;
    if (!placement && areaArg === undefined && deps.store.load().log.length === 0) {
      const { Placement, MINUTES_PER_QUESTION } = await import('../quiz/placement.js');
      const sizing = new Placement(index.roadmap.areas, { seed: placementSeed });
      const about = sizing.expectedQuestions;
      if (
        about > 0 &&
        (await prompts.confirm({
          message: `Take the placement (about ${about} questions, ${sizing.maxQuestions} at most, ~${Math.ceil((about * MINUTES_PER_QUESTION) / 5) * 5} min)? It shows where you stand in every skill area.`,
          default: true,
        }))
      )
        placement = true;
    }
    if (placement) {
      const { runInteractivePlacement } = await import('../quiz/placement-run.js');
      return await runInteractivePlacement(deps, screen, placementSeed);
    }
    return await runInteractive(deps, screen, {
      ...(areaArg !== undefined ? { area: areaArg } : {}),
      questionsPerTopic: opts.questions ?? ctx.settings.questionsPerTopic,
      ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
      quick: opts.quick,
      retake: opts.retake,
      full: Boolean(opts.full),
    });
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
  }
}

export function registerAssess(program: Program): void {
  program.command
    .command('assess')
    .argument('[area]', 'the area to assess (a picker when omitted; `pyroad roadmap` lists them)')
    .description('rate yourself and answer knowledge-check questions for one area; every answer is saved at once')
    .option('--questions <n>', 'at most N questions per topic (default: the questionsPerTopic setting)')
    .option('--quick', 'self-ratings only, no questions')
    .option('--retake', 'pick questions as if none had been answered before')
    .option('--seed <n>', 'shuffle questions and choices repeatably')
    .addOption(
      new Option(
        '--full',
        'ask every question; by default an area quiz stops once your answers place you clearly',
      ).conflicts(['quick', 'placement']),
    )
    .addOption(
      new Option(
        '--placement',
        'a short adaptive quiz across every skill area (2 to 5 questions each, 40 at most), ending with a map',
      ).conflicts(['quick', 'retake', 'questions']),
    )
    .addOption(
      new Option('--answers <file>', 'record an assessment from a JSON file (- for stdin), without prompts').conflicts([
        'quick',
        'retake',
        'seed',
        'questions',
        'full',
      ]),
    )
    .option('--json', 'print the summary as JSON')
    .addHelpText(
      'after',
      ANSWERS_HELP +
        examples(
          'pyroad assess',
          'pyroad assess networking --questions 2',
          'pyroad assess python --quick',
          'pyroad assess --answers my-answers.json --json',
          'pyroad assess --placement',
        ),
    )
    .action(
      program.action(async (ctx, area: string | undefined, flags: AssessFlags) => {
        const opts = parseAssessOptions(flags);
        const summary = ctx.withHints(await runAssess(ctx, area, opts));
        if (opts.json) ctx.json(summary);
        else if ('areas' in summary) {
          const { renderPlacementMap } = await import('../render/placement.js');
          ctx.print(renderPlacementMap(summary, ctx.style, ctx.columns));
        } else {
          const { renderSummary } = await import('../render/quiz-summary.js');
          ctx.print(renderSummary(summary, ctx.style, ctx.columns));
        }
      }),
    );
}
