import type { Context } from '../context.js';
import { renamesOf } from '../roadmap/renames.js';
import { usageError } from '../errors.js';
import type { TickEvent } from '../progress/schema.js';
import type { Topic } from '../roadmap/schema.js';

/**
 * `pyroad mark ID --milestone N done|todo`, `--item N done|todo`, and `pyroad mark ID` at a
 * terminal: ticking a project's milestones or a topic's checklist. Each change is a `tick` event.
 */
export interface TickResult {
  topic: string;
  title: string;
  list: 'milestone' | 'checklist';
  /** The items changed (1-based) and their new state. */
  changed: { n: number; done: boolean }[];
  done: number;
  total: number;
  label: string;
}

const TICK_STATES = ['done', 'todo'] as const;

async function loadTopic(ctx: Context, id: string) {
  const [{ indexRoadmap, findTopic }, { openStore }] = await Promise.all([
    import('../roadmap/query.js'),
    import('../progress/open.js'),
  ]);
  const index = indexRoadmap(await ctx.roadmap());
  const area = index.areas.get(id);
  if (area) throw usageError(`"${id}" is an area; name one of its topics: ${area.topics.map((t) => t.id).join(', ')}`);
  const { topic } = findTopic(index, id);
  return { topic, store: openStore(ctx) };
}

function listOf(topic: Topic, want: 'milestone' | 'checklist' | undefined) {
  const list = topic.project ? 'milestone' : topic.checklist ? 'checklist' : undefined;
  const items = topic.project?.milestones ?? topic.checklist;
  if (!list || !items)
    throw usageError(
      `"${topic.id}" has no milestones or checklist to tick; \`pyroad mark ${topic.id} done\` sets its status`,
    );
  if (want && want !== list)
    throw usageError(
      list === 'milestone'
        ? `"${topic.id}" is a project: use --milestone N (it has no checklist)`
        : `"${topic.id}" has a checklist: use --item N (it has no milestones)`,
    );
  return { list, items } as const;
}

/** Parses N and the state; out of range or unknown: a usage error (exit 2) before anything is read. */
export function parseTick(raw: string, state: string | undefined, option: string): { item: number; done: boolean } {
  if (state === undefined || !(TICK_STATES as readonly string[]).includes(state))
    throw usageError(
      `${option} ${raw} needs done or todo after it${state === undefined ? '' : `, got "${state}"`}, e.g. pyroad mark ID ${option} ${raw} done`,
    );
  const n = /^\d{1,3}$/.test(raw.trim()) ? Number(raw) : NaN;
  if (!(n >= 1)) throw usageError(`${option} must be a number from 1, as \`pyroad show ID\` lists them, got "${raw}"`);
  return { item: n, done: state === 'done' };
}

type Store = Awaited<ReturnType<typeof loadTopic>>['store'];

async function record(
  ctx: Context,
  store: Store,
  topic: Topic,
  list: 'milestone' | 'checklist',
  wanted: Map<number, boolean>,
): Promise<TickResult> {
  const state = store.load(renamesOf(await ctx.roadmap()));
  const { handsOnEvidence } = await import('../coach/evidence.js');
  const { tickProgress, tickLabel } = await import('../coach/portfolio.js');
  const before = tickProgress(topic, handsOnEvidence(state.log).get(topic.id))!;
  // Later than any tick already recorded, so that the newest tick wins the fold.
  let latest = -Infinity;
  for (const t of state.log.recordsOf('tick'))
    if (state.log.recordTopic(t.topic) === topic.id) latest = Math.max(latest, Date.parse(t.at));
  const now = ctx.now().getTime();
  const at = new Date(latest >= now ? latest + 1 : now).toISOString();
  const events: TickEvent[] = [];
  const changed: TickResult['changed'] = [];
  for (const [n, done] of [...wanted].sort((a, b) => a[0] - b[0])) {
    if (before.items[n - 1]!.done === done) continue;
    events.push({ e: 'tick', at, topic: topic.id, list, item: n - 1, done });
    changed.push({ n, done });
  }
  store.append(events);
  const done = before.done + changed.reduce((d, c) => d + (c.done ? 1 : -1), 0);
  const result = { list, done, total: before.total };
  return { topic: topic.id, title: topic.title, changed, ...result, label: tickLabel(result) };
}

export async function runTick(
  ctx: Context,
  id: string,
  option: { list: 'milestone' | 'checklist'; raw: string },
  state: string | undefined,
): Promise<TickResult> {
  const flag = option.list === 'milestone' ? '--milestone' : '--item';
  const { item, done } = parseTick(option.raw, state, flag);
  const { topic, store } = await loadTopic(ctx, id);
  const { list, items } = listOf(topic, option.list);
  if (item > items.length)
    throw usageError(
      `${flag} ${item} is out of range: ${topic.id} has ${items.length} ${list === 'milestone' ? 'milestones' : 'checklist steps'} (1 to ${items.length})`,
    );
  return record(ctx, store, topic, list, new Map([[item, done]]));
}

/** At a terminal: the list with its state, ticked and unticked with space, saved on Enter. */
export async function runTickInteractive(ctx: Context, id: string): Promise<TickResult> {
  const { topic, store } = await loadTopic(ctx, id);
  const { list } = listOf(topic, undefined);
  if (!ctx.interactive)
    throw usageError(
      `pyroad mark ${id} needs a status (${['done', 'learning', 'skip', 'todo'].join(', ')}), or ${list === 'milestone' ? '--milestone' : '--item'} N done|todo when not at a terminal`,
    );
  const { handsOnEvidence } = await import('../coach/evidence.js');
  const { tickProgress } = await import('../coach/portfolio.js');
  const { untrusted } = await import('../render/untrusted.js');
  const current = tickProgress(topic, handsOnEvidence(store.load(renamesOf(await ctx.roadmap())).log).get(topic.id))!;
  const { createPrompts } = await import('../prompts.js');
  const prompts = createPrompts({ input: ctx.streams.stdin, output: ctx.streams.stdout, color: ctx.style.enabled });
  const { wrap } = await import('../render/text.js');
  // Each item wrapped at spaces to the terminal, its lines under its first ("❯◯ " is 3 columns),
  // and as many lines on screen as the terminal has room for.
  const names = current.items.map((i) => {
    const label = `${i.n}. `;
    const pad = ' '.repeat(3 + label.length);
    return (
      label +
      wrap(untrusted(i.text, { oneLine: true }), ctx.columns - pad.length)
        .split('\n')
        .join(`\n${pad}`)
    );
  });
  const lines = names.reduce((n, name) => n + name.split('\n').length, 0);
  const rows = (ctx.streams.stdout as { rows?: number }).rows ?? 24;
  const message = wrap(
    `${untrusted(topic.title, { oneLine: true })}: tick what is done (space), then Enter`,
    ctx.columns - 2,
  );
  // Under the list: the key help (two lines when narrow) and a spare line.
  const room = rows - message.split('\n').length - (ctx.columns < 60 ? 3 : 2);
  const ticked = await prompts.checkbox({
    message,
    choices: current.items.map((i, k) => ({
      value: i.n,
      name: names[k]!,
      short: String(i.n),
      checked: i.done,
    })),
    pageSize: Math.max(3, Math.min(lines, room)),
  });
  const wanted = new Map(current.items.map((i) => [i.n, ticked.includes(i.n)]));
  return record(ctx, store, topic, list, wanted);
}
