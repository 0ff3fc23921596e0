import type { Command } from 'commander';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';
import { STATUSES, type Status } from '../progress/format.js';
import { wrap, wrapWhole } from '../render/text.js';

const isStatus = (value: string): value is Status => (STATUSES as readonly string[]).includes(value);

export interface MarkResult {
  topic: string;
  title: string;
  status: Status;
  previous?: Status;
  changed: boolean;
  /** Marked done, but the quiz on it went poorly: it is not counted as mastered. */
  quizDisagrees?: { answered: number; correct: number; area: string };
}

/** Records a status for one topic. Unknown topic or status: exit 2 before anything is read. */
export async function runMark(ctx: Context, id: string, status: string): Promise<MarkResult> {
  if (!isStatus(status))
    throw usageError(`"${status}" is not a status${didYouMean(status, STATUSES)}; use one of: ${STATUSES.join(', ')}`);
  const [{ indexRoadmap, findTopic }, { openStore }, { renamesOf }] = await Promise.all([
    import('../roadmap/query.js'),
    import('../progress/open.js'),
    import('../roadmap/renames.js'),
  ]);
  const index = indexRoadmap(await ctx.roadmap());
  const area = index.areas.get(id);
  if (area) throw usageError(`"${id}" is an area; mark one of its topics: ${area.topics.map((t) => t.id).join(', ')}`);
  const { topic } = findTopic(index, id);
  const store = openStore(ctx);
  // Loading first also refuses a progress file that cannot be read, before anything is added to it.
  const state = store.load(renamesOf(index.roadmap));
  const current = state.topics.get(topic.id)?.status;
  const previous = current?.status;
  const base = { topic: topic.id, title: topic.title, status, ...(previous ? { previous } : {}) };
  if (previous === status) return { ...base, changed: false };
  // The newer status wins when progress is folded or merged. A status stamped later than now (a
  // clock that ran ahead, an import from such a machine) must not outrank what is set by hand now.
  const now = ctx.now().getTime();
  const latest = current ? Date.parse(current.at) : -Infinity;
  // Strictly later, so that no two statuses tie (a pinned clock, two marks in one millisecond).
  const at = latest >= now ? latest + 1 : now;
  const event = { e: 'status', at: new Date(at).toISOString(), topic: topic.id, status } as const;
  store.append([event]);
  if (status !== 'done') return { ...base, changed: true };
  // Where the quiz went poorly, it outweighs the mark: say so, rather than seem to ignore it.
  state.apply(event);
  const { topicFacts } = await import('../coach/facts.js');
  const { area: home, index: position } = index.topics.get(topic.id)!;
  const f = topicFacts(topic, home, position, state.topics.get(topic.id), ctx.now());
  if (f.complete) return { ...base, changed: true };
  return {
    ...base,
    changed: true,
    quizDisagrees: { answered: f.quiz.answered, correct: f.quiz.correct, area: home.id },
  };
}

export function registerMark(program: Program): void {
  program.command
    .command('mark')
    .argument('<id>', 'a topic id (see `pyroad roadmap`)')
    .argument('[status]', `one of: ${STATUSES.join(', ')} (with --milestone or --item: done or todo)`)
    .description("set a topic's status by hand, or tick a project's milestones or a checklist's steps")
    .option('--milestone <n>', "tick (done) or untick (todo) a project's milestone N, as `pyroad show` numbers them")
    .option('--item <n>', "tick (done) or untick (todo) a topic's checklist step N")
    .option('--json', 'print the result as JSON')
    .addHelpText(
      'after',
      examples(
        'pyroad mark http-protocol done',
        'pyroad mark pymongo skip',
        'pyroad mark portfolio-site-project --milestone 3 done',
        'pyroad mark job-boards --item 2 todo',
        'pyroad mark portfolio-site-project      (at a terminal: tick from the list)',
      ) +
        '\nStatuses: todo (not started), learning (working on it), done (finished; counts as complete),\nskip (not for me; next never recommends it).\n',
    )
    // Extra words are checked here, so that `--milestone 1 todo --item 2 done` is told what is wrong.
    .allowExcessArguments(true)
    .action(async (...args: unknown[]) => {
      const cmd = args.at(-1) as Command;
      if (cmd.args.length > 2) {
        const opts = cmd.opts<MarkOptions>();
        throw usageError(
          opts.milestone !== undefined && opts.item !== undefined
            ? '--milestone and --item cannot be combined: tick a milestone and a checklist step in two commands'
            : `too many arguments for 'mark': it takes an id and a status, got ${cmd.args.length} words`,
        );
      }
      await markAction(...args);
    });
  const markAction = program.action(async (ctx, id: string, status: string | undefined, opts: MarkOptions) => {
    if (opts.milestone !== undefined || opts.item !== undefined || status === undefined) {
      await markTicks(ctx, id, status, opts);
      return;
    }
    const result = await runMark(ctx, id, status);
    if (opts.json) {
      ctx.json(result);
      return;
    }
    const name = `${result.title} ${ctx.style.dim(`(${result.topic})`)}`;
    if (!result.changed) ctx.print(wrapWhole(`${name} is already ${result.status}; nothing changed.`, ctx.columns));
    else
      ctx.print(
        wrapWhole(
          `${ctx.style.green('✓')} ${name}: ${ctx.style.bold(result.status)}${result.previous ? ctx.style.dim(` (was ${result.previous})`) : ''}`,
          ctx.columns,
        ),
      );
    const quiz = result.quizDisagrees;
    if (quiz)
      ctx.print(
        wrap(
          `Your quiz on it went poorly (${quiz.correct} of ${quiz.answered} right), and the quiz counts for more ` +
            `than a mark: it is not counted as mastered, and \`pyroad next\` may still suggest it until a ` +
            `re-check goes better (\`pyroad assess ${quiz.area}\`).`,
          ctx.columns,
        ),
      );
  });
}

interface MarkOptions {
  json?: boolean;
  milestone?: string;
  item?: string;
}

/** `--milestone N`, `--item N`, or no status at a terminal: ticks (mark-ticks.ts). */
async function markTicks(ctx: Context, id: string, status: string | undefined, opts: MarkOptions): Promise<void> {
  if (opts.milestone !== undefined && opts.item !== undefined) throw usageError('give --milestone or --item, not both');
  const { runTick, runTickInteractive } = await import('./mark-ticks.js');
  const option =
    opts.milestone !== undefined
      ? { list: 'milestone' as const, raw: opts.milestone }
      : opts.item !== undefined
        ? { list: 'checklist' as const, raw: opts.item }
        : undefined;
  const result = option ? await runTick(ctx, id, option, status) : await runTickInteractive(ctx, id);
  if (opts.json) {
    ctx.json(result);
    return;
  }
  const name = `${result.title} ${ctx.style.dim(`(${result.topic})`)}`;
  const what = result.list === 'milestone' ? 'milestone' : 'step';
  if (result.changed.length === 0) ctx.print(`${name}: nothing changed; ${result.label}.`);
  for (const c of result.changed)
    ctx.print(`${c.done ? ctx.style.green('✓') : '○'} ${name}: ${what} ${c.n} ${c.done ? 'done' : 'not done'}`);
  if (result.changed.length) ctx.print(`${result.label}${result.done === result.total ? ' — all done' : ''}.`);
}
