import { examples, type Program } from '../command.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { dataError, usageError } from '../errors.js';
import { findTopic, indexRoadmap } from '../roadmap/query.js';
import { untrusted } from '../render/untrusted.js';
import { wrap } from '../render/text.js';
import { truncate } from '../render/width.js';

export interface CheckOptions {
  url?: string;
  json?: boolean;
  only?: string;
  from?: string;
  basePath?: string;
  timeout?: string;
  allowRemote?: boolean;
  token?: string;
  otherToken?: string;
}

/** The body cap per answer and the limit on a whole run. */
export const MAX_BODY_BYTES = 1024 * 1024;
export const RUN_LIMIT_MS = 120_000;

/** --timeout: seconds per request, 0.1 to 60. */
export function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return 5000;
  const n = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 0.1 && n <= 60)) throw usageError(`--timeout must be a number of seconds from 0.1 to 60, got "${raw}"`);
  return Math.round(n * 1000);
}

export function parseUrl(raw: string | undefined): URL {
  const text = raw ?? 'http://127.0.0.1:8000';
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`);
  } catch {
    throw usageError(`--url must be a URL such as http://127.0.0.1:8000, got "${text}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw usageError(`--url must start with http:// or https://, got "${text}"`);
  if (url.username || url.password) throw usageError('--url must not carry a user name or password');
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash)
    throw usageError(
      `--url is the server's address only (e.g. http://127.0.0.1:8000); put a path prefix in --base-path`,
    );
  return url;
}

export function parseBasePath(raw: string | undefined): string {
  if (raw === undefined || raw === '' || raw === '/') return '';
  if (!/^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/.test(raw))
    throw usageError(`--base-path must start with "/" and be a plain path such as /api, got "${raw}"`);
  return raw.replace(/\/+$/, '');
}

/** Picks the checks to run: all, `--only a,b`, or `--from a` onwards. Unknown ids: exit 2. */
export function selectChecks<T extends { id: string }>(checks: readonly T[], only?: string, from?: string): T[] {
  const ids = checks.map((c) => c.id);
  const known = (id: string, option: string) => {
    if (!ids.includes(id))
      throw usageError(
        `${option}: no check "${id}" in this project${didYouMean(id, ids)}; its checks: ${ids.join(', ')}`,
      );
  };
  if (only !== undefined && from !== undefined) throw usageError('give --only or --from, not both');
  if (only !== undefined) {
    const wanted = only
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    if (wanted.length === 0) throw usageError('--only needs check ids, separated by commas');
    for (const id of wanted) known(id, '--only');
    return checks.filter((c) => wanted.includes(c.id));
  }
  if (from !== undefined) {
    known(from, '--from');
    return checks.slice(ids.indexOf(from));
  }
  return [...checks];
}

export async function runCheckCommand(ctx: Context, projectId: string, opts: CheckOptions) {
  const timeoutMs = parseTimeout(opts.timeout);
  const url = parseUrl(opts.url);
  const basePath = parseBasePath(opts.basePath);
  const index = indexRoadmap(await ctx.roadmap());
  const { topic } = findTopic(index, projectId);
  const checks = topic.project?.checks;
  if (!checks?.length) {
    const withChecks = [...index.topics.values()].filter((t) => t.topic.project?.checks?.length).map((t) => t.topic.id);
    throw usageError(
      `"${topic.id}" has no checks${withChecks.length ? `; projects with checks: ${withChecks.join(', ')}` : ' (this roadmap has no project with checks)'}`,
    );
  }
  const selected = selectChecks(checks, opts.only, opts.from);
  const env = ctx.streams.env;
  const tokens = {
    main: opts.token ?? env.PYROAD_CHECK_TOKEN,
    other: opts.otherToken ?? env.PYROAD_CHECK_OTHER_TOKEN,
  };
  for (const [user, option, variable] of [
    ['main', '--token', 'PYROAD_CHECK_TOKEN'],
    ['other', '--other-token', 'PYROAD_CHECK_OTHER_TOKEN'],
  ] as const) {
    const value = tokens[user];
    if (value !== undefined && !/^[\x21-\x7e]{1,4096}$/.test(value))
      throw usageError(`${option} must be printable characters without spaces`);
    if (value === undefined && selected.some((c) => c.request.auth === user))
      throw usageError(
        `these checks sign in as ${user === 'main' ? 'your test user' : 'a second test user'}: give its token with ${option} TOKEN (or ${variable})`,
      );
  }
  const [{ resolveTarget, runChecks, captureProducers }, { checksFingerprint }] = await Promise.all([
    import('../check/run.js'),
    import('../check/fingerprint.js'),
  ]);
  const resolved = await resolveTarget(url, opts.allowRemote === true);
  if (resolved.remote)
    ctx.warn(`${url.host} is not this computer: the checks' requests, with your tokens, go over the network`);
  const live = Boolean(ctx.streams.stderr.isTTY) && !opts.json;
  const results = await runChecks(
    selected,
    { url, basePath, timeoutMs, maxBodyBytes: MAX_BODY_BYTES, runLimitMs: RUN_LIMIT_MS, tokens },
    resolved,
    {
      notRun: new Map([...captureProducers(checks)].filter(([, id]) => !selected.some((c) => c.id === id))),
      notRunHint: opts.only !== undefined ? 'drop --only' : opts.from !== undefined ? 'start earlier with --from' : '',
      onStart: live
        ? (i, check) =>
            void ctx.streams.stderr.write(
              `\r\x1b[2K${truncate(`checking ${i + 1}/${selected.length}: ${untrusted(check.id, { oneLine: true })}`, ctx.columns - 1)}`,
            )
        : undefined,
    },
  );
  if (live) ctx.streams.stderr.write('\r\x1b[2K');
  const at = ctx.now().toISOString();
  const fingerprint = checksFingerprint(checks);
  // Recorded as not passed either way; the report tells a skipped check from a failing one.
  const failed = results.filter((r) => r.status !== 'pass').map((r) => r.id);
  const skipped = results.filter((r) => r.status === 'skip').map((r) => r.id);
  const subset = selected.length !== checks.length;
  const { openStore } = await import('../progress/open.js');
  openStore(ctx).append([
    {
      e: 'check',
      at,
      topic: topic.id,
      fingerprint,
      total: results.length,
      passed: results.length - failed.length,
      failed,
      ...(subset ? { subset: true as const } : {}),
    },
  ]);
  return {
    project: topic.id,
    title: topic.title,
    url: `${url.origin}${basePath}`,
    at,
    fingerprint,
    subset,
    total: results.length,
    passed: results.length - failed.length,
    failed: failed.filter((id) => !skipped.includes(id)),
    skipped,
    results,
  };
}

export type CheckReport = Awaited<ReturnType<typeof runCheckCommand>>;

export function renderCheckReport(report: CheckReport, ctx: Pick<Context, 'style' | 'columns'>): string {
  const { style, columns } = ctx;
  const one = (s: string) => untrusted(s, { oneLine: true });
  const lines: string[] = [];
  for (const r of report.results) {
    const mark = r.status === 'pass' ? style.green('✓') : r.status === 'skip' ? style.yellow('-') : style.red('✗');
    lines.push(truncate(`${mark} ${one(r.id)}  ${style.dim(one(r.title))}`, columns));
    if (r.status === 'pass') continue;
    lines.push(truncate(`    ${style.dim(`${r.method} ${one(r.path)}`)}`, columns));
    if (r.message) lines.push(wrap(`${r.status === 'skip' ? 'skipped' : 'error'}: ${one(r.message)}`, columns, '    '));
    for (const d of r.differences)
      lines.push(wrap(`${one(d.what)}: expected ${one(d.expected)}, got ${one(d.got)}`, columns, '    '));
    if (r.why) lines.push(wrap(`why: ${one(r.why)}`, columns, '    '));
  }
  lines.push('');
  const date = report.at.slice(0, 10);
  if (report.failed.length === 0 && !report.subset)
    lines.push(
      style.green(
        `All ${report.total} checks pass: ${one(report.project)} is proven by ${report.total}/${report.total} checks on ${date}.`,
      ),
    );
  else if (report.failed.length === 0 && report.skipped.length === 0)
    lines.push(
      wrap(
        `${report.total} of the selected checks pass; run them all (no --only or --from) to prove the project.`,
        columns,
      ),
    );
  else {
    // Skipped checks were not run: said apart from the failing ones, with the reasons above.
    const parts = [`${report.passed}/${report.total} checks pass`];
    if (report.failed.length) parts.push(`failing: ${one(report.failed.join(', '))}`);
    if (report.skipped.length) parts.push(`skipped: ${one(report.skipped.join(', '))}`);
    lines.push(style.red(wrap(`${parts.join('; ')}.`, columns)));
  }
  lines.push(style.dim('This run is recorded in your progress.'));
  return lines.join('\n');
}

export function registerCheck(program: Program): void {
  program.command
    .command('check')
    .argument('<project>', 'a project with checks (see `pyroad roadmap`)')
    .description("run a project's HTTP checks against your own running server; the result is kept as evidence")
    .option('--url <url>', "your server's address (default: http://127.0.0.1:8000)")
    .option('--base-path <path>', 'a prefix for every path, for an API mounted under e.g. /api')
    .option('--only <ids>', 'run only these checks (comma-separated ids)')
    .option('--from <id>', 'run from this check to the end')
    .option('--token <token>', 'the bearer token of your test user (env: PYROAD_CHECK_TOKEN)')
    .option('--other-token <token>', 'the bearer token of a second test user (env: PYROAD_CHECK_OTHER_TOKEN)')
    .option('--timeout <seconds>', 'time limit per request (default: 5)')
    .option('--allow-remote', 'allow a server that is not on this computer (prints a warning)')
    .option('--json', 'print the results as JSON (schema/check.schema.json)')
    .addHelpText(
      'after',
      examples(
        'pyroad check notes-api-project --token alice-token --other-token bob-token',
        'pyroad check notes-api-project --url http://127.0.0.1:5000 --from delete-note',
        'pyroad check portfolio-site-project --json',
      ) + '\nExit codes: 0 every check passed, 1 some failed (or nothing answers), 2 usage problem.\n',
    )
    .action(
      program.action(async (ctx, project: string, opts: CheckOptions) => {
        const report = await runCheckCommand(ctx, project, opts);
        if (opts.json) ctx.json(report);
        else ctx.print(renderCheckReport(report, ctx));
        const notPassed = report.failed.length + report.skipped.length;
        if (notPassed)
          throw dataError(
            report.failed.length
              ? `${notPassed} of ${report.total} checks did not pass (${report.project})`
              : `${notPassed} of ${report.total} checks skipped, none failed (${report.project}): see why above`,
          );
      }),
    );
}
