import { randomBytes } from 'node:crypto';
import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';
import { APPLICATION_STAGES } from '../progress/format.js';
import type { ApplicationEvent } from '../progress/schema.js';
import { wrap, wrapWhole } from '../render/text.js';
import { hasControlOrBidi, untrusted } from '../render/untrusted.js';

/**
 * `pyroad apply add|list|update`: a small, private log of the job hunt. Every change is an
 * `application` event, so each application's history is kept; `next` turns it into follow-ups.
 */

const one = (s: string) => untrusted(s, { oneLine: true });
const SOURCES = ['board', 'referral', 'recruiter', 'direct', 'other'] as const;
const UPDATES = APPLICATION_STAGES.filter((s) => s !== 'applied');

function plainText(value: string, what: string, max: number): string {
  if (hasControlOrBidi(value)) throw usageError(`${what} must not contain control or text-direction characters`);
  const text = value.trim();
  if (!text) throw usageError(`${what} is empty`);
  if (text.length > max) throw usageError(`${what} is longer than ${max} characters`);
  return text;
}

export interface AddOptions {
  url?: string;
  stack?: string;
  source?: string;
  note?: string;
  json?: boolean;
}

async function load(ctx: Context) {
  const [{ openStore }, { applicationsOf, funnelOf }] = await Promise.all([
    import('../progress/open.js'),
    import('../coach/applications.js'),
  ]);
  const store = openStore(ctx);
  const state = store.load();
  return { store, apps: applicationsOf(state.log), funnelOf };
}

export async function runApplyAdd(ctx: Context, company: string, role: string, opts: AddOptions) {
  const event = {
    e: 'application' as const,
    at: ctx.now().toISOString(),
    ref: `app-${randomBytes(6).toString('hex')}`,
    stage: 'applied' as const,
    company: plainText(company, 'the company', 200),
    role: plainText(role, 'the role', 200),
  } as ApplicationEvent;
  if (opts.url !== undefined) {
    const url = plainText(opts.url, '--url', 2000);
    const { linkProblem, isWebLink } = await import('../coach/portfolio.js');
    const problem = isWebLink(url) ? linkProblem(url) : 'is not an https URL';
    if (problem) throw usageError(`--url "${one(url)}" ${problem}`);
    event.url = url;
  }
  if (opts.stack !== undefined) {
    const stack = opts.stack
      .split(',')
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    if (!stack.length) throw usageError('--stack is empty; give words such as python,django,postgres');
    event.stack = [...new Set(stack.map((s) => plainText(s, '--stack', 60)))];
  }
  if (opts.source !== undefined) {
    if (!(SOURCES as readonly string[]).includes(opts.source))
      throw usageError(
        `--source "${one(opts.source)}" is not one of ${SOURCES.join(', ')}${didYouMean(opts.source, SOURCES)}`,
      );
    event.source = opts.source;
  }
  if (opts.note !== undefined) event.note = plainText(opts.note, '--note', 1000);
  const { store, apps } = await load(ctx);
  store.append([event]);
  return { n: apps.length + 1, company: event.company!, role: event.role!, stage: event.stage };
}

export async function runApplyUpdate(ctx: Context, raw: string, stage: string, opts: { note?: string; on?: string }) {
  const n = /^\s*\d{1,6}\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1))
    throw usageError(`apply update takes an application's number from \`pyroad apply list\`, got "${raw}"`);
  if (!(UPDATES as readonly string[]).includes(stage))
    throw usageError(`"${one(stage)}" is not a stage${didYouMean(stage, UPDATES)}; use one of: ${UPDATES.join(', ')}`);
  let date: string | undefined;
  if (opts.on !== undefined) {
    if (stage !== 'interview') throw usageError('--on is the interview day; use it with `interview`');
    date = opts.on.trim();
    if (
      !/^\d{4}-\d{2}-\d{2}$/.test(date) ||
      Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ||
      new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date
    )
      throw usageError(`--on must be a date such as 2026-03-09, got "${one(opts.on)}"`);
  }
  const note = opts.note === undefined ? undefined : plainText(opts.note, '--note', 1000);
  const { store, apps } = await load(ctx);
  const app = apps.find((a) => a.n === n);
  if (!app)
    throw usageError(
      apps.length
        ? `there is no application ${n}; \`pyroad apply list\` shows 1 to ${apps.length}`
        : `there is no application ${n}; none is logged yet (pyroad apply add "<company>" "<role>")`,
    );
  if (date !== undefined) {
    const { interviewDayProblem } = await import('../coach/interview-day.js');
    const problem = interviewDayProblem(date, app.appliedAt, ctx.now());
    if (problem) throw usageError(problem);
  }
  // Strictly after the application's latest change, so that the history keeps its order.
  const latest = Date.parse(app.updatedAt);
  const now = ctx.now().getTime();
  const at = new Date(latest >= now ? latest + 1 : now).toISOString();
  store.append([
    {
      e: 'application',
      at,
      ref: app.ref,
      stage: stage as (typeof UPDATES)[number],
      ...(date ? { date } : {}),
      ...(note ? { note } : {}),
    },
  ]);
  return { n, company: app.company, role: app.role, stage, previous: app.stage, ...(date ? { date } : {}) };
}

export function registerApply(program: Program): void {
  const apply = program.command
    .command('apply')
    .description('your job applications: add, list, update; next reminds you to follow up')
    .addHelpText(
      'after',
      examples(
        'pyroad apply add "Acme" "Junior Python developer" --stack python,django,postgres --source board',
        'pyroad apply list',
        'pyroad apply update 1 interview --on 2026-03-09 --note "pairing session"',
        'pyroad apply update 1 rejected --note "wanted more SQL indexing experience"',
      ) +
        `\nStages: ${APPLICATION_STAGES.join(', ')}. \`pyroad next\` brings follow-ups: no answer after 7 days,\nan interview tomorrow (the topics its stack names), a rejection whose note names a skill.\n`,
    );
  apply
    .command('add')
    .argument('<company>', 'the company')
    .argument('<role>', 'the job title')
    .option('--url <url>', 'the job ad (https)')
    .option('--stack <words>', 'technologies the ad names, comma-separated: python,django,postgres')
    .option('--source <where>', `where you found it: ${SOURCES.join(', ')}`)
    .option('--note <text>', 'a note')
    .option('--json', 'print the result as JSON')
    .description('log an application you sent')
    .action(
      program.action(async (ctx, company: string, role: string, opts: AddOptions) => {
        const added = await runApplyAdd(ctx, company, role, opts);
        if (opts.json) return ctx.json(added);
        ctx.print(
          wrap(
            `${ctx.style.green('✓')} Application ${added.n}: ${one(added.company)} — ${one(added.role)} (applied)`,
            ctx.columns,
            '',
          ),
        );
      }),
    );
  apply
    .command('list')
    .option('--json', 'print the applications and the funnel as JSON')
    .description('your applications, newest stage first, and the funnel')
    .action(
      program.action(async (ctx, opts: { json?: boolean }) => {
        const { apps, funnelOf } = await load(ctx);
        const funnel = funnelOf(apps);
        if (opts.json) return ctx.json({ applications: apps, funnel });
        if (!apps.length)
          return ctx.print(
            wrap(ctx.withHints('No applications logged yet: pyroad apply add "<company>" "<role>"'), ctx.columns),
          );
        const { renderApplications } = await import('../render/portfolio.js');
        ctx.print(renderApplications(apps, funnel, ctx.style, ctx.now(), ctx.columns));
      }),
    );
  apply
    .command('update')
    .argument('<n>', "the application's number in `pyroad apply list`")
    .argument('<stage>', `one of: ${UPDATES.join(', ')}`)
    .option('--note <text>', 'what happened; a skill named in a rejection shows up in `pyroad next`')
    .option('--on <date>', 'the interview day, YYYY-MM-DD')
    .option('--json', 'print the result as JSON')
    .description('move an application to its next stage (the history is kept)')
    .action(
      program.action(async (ctx, n: string, stage: string, opts: { note?: string; on?: string; json?: boolean }) => {
        const r = await runApplyUpdate(ctx, n, stage, opts);
        if (opts.json) return ctx.json(r);
        ctx.print(
          wrapWhole(
            `${ctx.style.green('✓')} Application ${r.n}: ${one(r.company)} — ${r.stage}${r.date ? ` on ${r.date}` : ''} ${ctx.style.dim(`(was ${r.previous})`)}`,
            ctx.columns,
          ),
        );
      }),
    );
}
