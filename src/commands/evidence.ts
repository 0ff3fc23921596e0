import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { renamesOf } from '../roadmap/renames.js';
import { usageError } from '../errors.js';
import { wrap, wrapSegments } from '../render/text.js';
import { hasControlOrBidi, untrusted } from '../render/untrusted.js';

/**
 * `pyroad evidence add|list|remove`: links (a repository, a deployed site, a package, a
 * certificate) or local files attached to a topic or project as evidence. Links are checked for
 * form only, never fetched; a file path must exist and is kept absolute. Removal is an event.
 */

const one = (s: string) => untrusted(s, { oneLine: true });

function plainText(value: string, what: string, max: number): string {
  if (hasControlOrBidi(value)) throw usageError(`${what} must not contain control or text-direction characters`);
  const text = value.trim();
  if (!text) throw usageError(`${what} is empty`);
  if (text.length > max) throw usageError(`${what} is longer than ${max} characters`);
  return text;
}

async function openAll(ctx: Context) {
  const [{ indexRoadmap, findTopic }, { openStore }, portfolio] = await Promise.all([
    import('../roadmap/query.js'),
    import('../progress/open.js'),
    import('../coach/portfolio.js'),
  ]);
  const index = indexRoadmap(await ctx.roadmap());
  return { index, findTopic, store: openStore(ctx), portfolio };
}

export async function runEvidenceAdd(ctx: Context, id: string, target: string, note: string | undefined) {
  const { index, findTopic, store, portfolio } = await openAll(ctx);
  const area = index.areas.get(id);
  if (area)
    throw usageError(
      `"${id}" is an area; attach evidence to one of its topics: ${area.topics.map((t) => t.id).join(', ')}`,
    );
  const { topic } = findTopic(index, id);
  let url = plainText(target, 'the link', 2000);
  const problem = portfolio.linkProblem(url);
  if (problem) throw usageError(`"${one(url)}" ${problem}`);
  if (!portfolio.isWebLink(url)) {
    const path = resolve(url);
    if (!existsSync(path))
      throw usageError(`${one(path)} does not exist; give an https URL or the path of a file you have`);
    if (statSync(path).isDirectory())
      throw usageError(`${one(path)} is a folder; give a file in it, or an https URL to where the work is published`);
    url = path;
  }
  const text = note === undefined ? undefined : plainText(note, '--note', 500);
  const state = store.load(renamesOf(await ctx.roadmap()));
  // The same link on the same topic is attached once: adding it again says where it is.
  const same = portfolio.numberedLinks(state.log).find((l) => l.topic === topic.id && l.url === url);
  if (same)
    return {
      n: same.n,
      topic: topic.id,
      title: topic.title,
      url,
      ...(same.note ? { note: same.note } : {}),
      alreadyAttached: true,
    };
  const event = {
    e: 'evidence' as const,
    at: ctx.now().toISOString(),
    topic: topic.id,
    ref: `ev-${randomBytes(6).toString('hex')}`,
    url,
    ...(text ? { note: text } : {}),
  };
  store.append([event]);
  return {
    n: portfolio.linksEverAttached(state.log) + 1,
    topic: topic.id,
    title: topic.title,
    url,
    ...(text ? { note: text } : {}),
    alreadyAttached: false,
  };
}

export async function runEvidenceList(ctx: Context) {
  const { index, store, portfolio } = await openAll(ctx);
  const log = store.load(renamesOf(await ctx.roadmap())).log;
  return portfolio.numberedLinks(log).map((l) => ({ ...l, title: index.topics.get(l.topic)?.topic.title ?? l.topic }));
}

export async function runEvidenceRemove(ctx: Context, raw: string) {
  const n = /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1)) throw usageError(`evidence remove takes a link's number from \`pyroad evidence list\`, got "${raw}"`);
  const { store, portfolio } = await openAll(ctx);
  const links = portfolio.numberedLinks(store.load(renamesOf(await ctx.roadmap())).log);
  const link = links.find((l) => l.n === n);
  if (!link)
    throw usageError(
      links.length
        ? `there is no link ${n}; \`pyroad evidence list\` shows ${links.map((l) => l.n).join(', ')}`
        : `there is no link ${n}; no evidence is attached yet`,
    );
  store.append([{ e: 'evidence-removed', at: ctx.now().toISOString(), topic: link.topic, ref: link.ref }]);
  return link;
}

export function registerEvidence(program: Program): void {
  const evidence = program.command
    .command('evidence')
    .description('links (repository, deployed site, certificate) attached to a topic or project')
    .addHelpText(
      'after',
      examples(
        'pyroad evidence add portfolio-site-project https://github.com/you/site --note "the repository"',
        'pyroad evidence add backend-path-certificate ~/certificates/backend.pdf',
        'pyroad evidence list',
        'pyroad evidence remove 2',
      ) +
        '\nA link is checked for form, never fetched: https, or http on localhost only. Anything else is a\nfile path, which must exist (it is kept as an absolute path).\n',
    );
  evidence
    .command('add')
    .argument('<id>', 'a topic or project id')
    .argument('<url-or-path>', 'an https URL (http only on localhost), or a file')
    .option('--note <text>', 'a few words on what it is')
    .option('--json', 'print the result as JSON')
    .description('attach a link or a file as evidence')
    .action(
      program.action(async (ctx, id: string, target: string, opts: { note?: string; json?: boolean }) => {
        const added = await runEvidenceAdd(ctx, id, target, opts.note);
        if (opts.json) return ctx.json(added);
        ctx.print(
          wrapSegments(
            [
              [
                added.alreadyAttached
                  ? `${ctx.style.green('✓')} Already attached as link ${added.n} to ${one(added.title)}`
                  : `${ctx.style.green('✓')} Link ${added.n} attached to ${one(added.title)}`,
              ],
              [` (${added.topic})`, ctx.style.dim],
              [`: ${one(added.url)}${added.alreadyAttached ? '; nothing added' : ''}`],
            ],
            ctx.columns,
            '',
            '  ',
          ),
        );
      }),
    );
  evidence
    .command('list')
    .option('--json', 'print the links as JSON')
    .description('the links attached, numbered')
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const links = await runEvidenceList(ctx);
        if (opts.json) return ctx.json(links);
        if (!links.length)
          return ctx.print(wrap(ctx.withHints('No evidence attached yet: pyroad evidence add ID URL'), ctx.columns));
        const hang = ' '.repeat(5);
        for (const l of links)
          ctx.print(
            [
              wrapSegments(
                [[`${String(l.n).padStart(3)}. ${one(l.title)}`], [` (${l.topic})`, ctx.style.dim]],
                ctx.columns,
                '',
                hang,
              ),
              wrapSegments([[one(l.url), ctx.style.blue]], ctx.columns, hang),
              ...(l.note ? [wrapSegments([[one(l.note)]], ctx.columns, hang)] : []),
            ].join('\n'),
          );
      }),
    );
  evidence
    .command('remove')
    .argument('<n>', "the link's number in `pyroad evidence list`")
    .option('--json', 'print the removed link as JSON')
    .description('take a link back (the journal keeps that it was there)')
    .action(
      program.action(async (ctx, n: string, opts: { json?: boolean }) => {
        const link = await runEvidenceRemove(ctx, n);
        if (opts.json) return ctx.json(link);
        ctx.print(`Link ${link.n} removed: ${one(link.url)}`);
      }),
    );
}
