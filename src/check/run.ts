import { lookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { dataError, usageError } from '../errors.js';
import { judge, type Answer, type Difference } from './judge.js';
import type { Check } from './schema.js';
import { expandJson, expandPath, expand, missingCaptures, type CaptureValue } from './template.js';

/**
 * The runner: sends each check's request to the learner's server and hands the answer to the
 * judge. It owns every limit: a timeout per request, a cap on each body, a limit on the whole run.
 * Redirects are never followed. Only loopback addresses unless the learner allows others.
 */

export interface Target {
  /** The server's origin, e.g. http://127.0.0.1:8000. */
  url: URL;
  /** Prefix for every check's path, e.g. "/api" (no trailing slash), or "". */
  basePath: string;
  timeoutMs: number;
  maxBodyBytes: number;
  runLimitMs: number;
  tokens: { main?: string | undefined; other?: string | undefined };
}

export type ResultStatus = 'pass' | 'fail' | 'error' | 'skip';

export interface CheckResult {
  id: string;
  title: string;
  status: ResultStatus;
  method: string;
  path: string;
  ms: number;
  differences: Difference[];
  /** For error and skip: what went wrong. */
  message?: string;
  why?: string;
}

/** Whether an IP address is this machine's loopback: 127.0.0.0/8, ::1, ::ffff:127.x.x.x. */
export function isLoopback(address: string): boolean {
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith('127.');
  return address === '::1' || /^0*:(0*:)*0*1$/.test(address) || address === '0:0:0:0:0:0:0:1';
}

export interface Resolved {
  address: string;
  family: 4 | 6;
  remote: boolean;
}

/** Resolves the host once; the requests go to that address (a second lookup could answer otherwise). */
export async function resolveTarget(url: URL, allowRemote: boolean): Promise<Resolved> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  try {
    addresses = isIP(host) ? [{ address: host, family: isIP(host) }] : await lookup(host, { all: true });
  } catch {
    throw dataError(`cannot find the host "${host}" (--url ${url.origin})`);
  }
  const local = addresses.find((a) => isLoopback(a.address));
  if (local && addresses.every((a) => isLoopback(a.address)))
    return { address: local.address, family: local.family === 6 ? 6 : 4, remote: false };
  if (!allowRemote)
    throw usageError(
      `${host} is not this computer (${addresses.map((a) => a.address).join(', ')}); pyroad check talks only to loopback addresses unless you add --allow-remote`,
    );
  const first = addresses[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4, remote: true };
}

type Outcome = { ok: true; answer: Answer } | { ok: false; kind: 'refused' | 'failed'; message: string };

/** One request with a deadline and a body cap. Never rejects. */
export function send(
  target: Target,
  resolved: Resolved,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: string | undefined,
  timeoutMs: number,
): Promise<Outcome> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: Outcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(o);
    };
    const client = target.url.protocol === 'https:' ? https : http;
    let req: http.ClientRequest;
    try {
      req = client.request({
        protocol: target.url.protocol,
        hostname: target.url.hostname.replace(/^\[|\]$/g, ''),
        port: target.url.port || (target.url.protocol === 'https:' ? 443 : 80),
        method,
        path,
        headers: { ...headers, ...(body !== undefined ? { 'Content-Length': String(Buffer.byteLength(body)) } : {}) },
        agent: false,
        // The address checked in resolveTarget, not a new lookup.
        lookup: ((_host: string, opts: { all?: boolean }, cb: (...args: unknown[]) => void) =>
          opts.all
            ? cb(null, [{ address: resolved.address, family: resolved.family }])
            : cb(null, resolved.address, resolved.family)) as never,
      });
    } catch (error) {
      finish({ ok: false, kind: 'failed', message: `could not send it: ${(error as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      finish({ ok: false, kind: 'failed', message: `no complete answer within ${seconds(timeoutMs)}` });
      req.destroy();
    }, timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? '';
      if (code === 'ECONNREFUSED') finish({ ok: false, kind: 'refused', message: 'the connection was refused' });
      else if (code === 'HPE_HEADER_OVERFLOW')
        finish({ ok: false, kind: 'failed', message: 'the answer has too many or too large headers' });
      else if (code.startsWith('HPE_')) finish({ ok: false, kind: 'failed', message: 'the answer is not valid HTTP' });
      else if (code === 'ECONNRESET' || error.message === 'socket hang up')
        finish({ ok: false, kind: 'failed', message: 'the server closed the connection before answering in full' });
      else finish({ ok: false, kind: 'failed', message: `the request failed (${code || error.message})` });
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > target.maxBodyBytes) {
          finish({
            ok: false,
            kind: 'failed',
            message: `the answer's body is larger than ${Math.round(target.maxBodyBytes / 1024)} KB`,
          });
          req.destroy();
          return;
        }
        chunks.push(chunk);
      });
      res.on('aborted', () =>
        finish({ ok: false, kind: 'failed', message: 'the server closed the connection before answering in full' }),
      );
      res.on('error', () =>
        finish({ ok: false, kind: 'failed', message: 'the server closed the connection before answering in full' }),
      );
      res.on('end', () => {
        if (!res.complete) {
          finish({ ok: false, kind: 'failed', message: 'the server closed the connection before answering in full' });
          return;
        }
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(res.headers))
          if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
        finish({
          ok: true,
          answer: {
            status: res.statusCode ?? 0,
            statusText: res.statusMessage ?? '',
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
          },
        });
      });
    });
    req.end(body);
  });
}

const seconds = (ms: number) => `${Number((ms / 1000).toFixed(1))} s`;

/** What a check sends, with captures put in. */
export function buildRequest(check: Check, target: Target, captures: Record<string, CaptureValue>) {
  const { request } = check;
  const path = `${target.basePath}${expandPath(request.path, captures)}`;
  const headers: Record<string, string> = { Accept: 'application/json', 'User-Agent': 'pyroad-check' };
  let body: string | undefined;
  if (request.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(expandJson(request.json, captures));
  } else if (request.form !== undefined) {
    headers['Content-Type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(
      Object.entries(request.form).map(([k, v]) => [k, expand(v, captures)] as [string, string]),
    ).toString();
  } else if (request.text !== undefined) body = expand(request.text, captures);
  for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = expand(value, captures);
  if (request.auth) headers.Authorization = `Bearer ${target.tokens[request.auth]}`;
  return { method: request.method, path, headers, body };
}

/** Runs the checks in order. `onStart` reports progress. A server that answers nothing at all is an error. */
export async function runChecks(
  checks: readonly Check[],
  target: Target,
  resolved: Resolved,
  opts: {
    onStart?: (i: number, check: Check) => void;
    clock?: () => number;
    /** Captures made by checks that were left out of this run (--only, --from): name → check id. */
    notRun?: ReadonlyMap<string, string>;
    /** How to run those checks too, said after the skip's reason: "run it too or drop --only". */
    notRunHint?: string;
  } = {},
): Promise<CheckResult[]> {
  const clock = opts.clock ?? (() => performance.now());
  const started = clock();
  const captures: Record<string, CaptureValue> = {};
  const producer = new Map<string, string>();
  const results: CheckResult[] = [];
  let answered = false;
  for (const [i, check] of checks.entries()) {
    opts.onStart?.(i, check);
    const base = { id: check.id, title: check.title, method: check.request.method, path: check.request.path };
    const missing = missingCaptures(check, captures);
    if (missing.length) {
      results.push({
        ...base,
        status: 'skip',
        ms: 0,
        differences: [],
        message: skipReason(missing, producer, opts.notRun, opts.notRunHint),
        why: check.why,
      });
      continue;
    }
    const left = target.runLimitMs - (clock() - started);
    if (left <= 0) {
      results.push({
        ...base,
        status: 'skip',
        ms: 0,
        differences: [],
        message: `the run's time limit (${seconds(target.runLimitMs)}) was reached`,
        why: check.why,
      });
      continue;
    }
    const req = buildRequest(check, target, captures);
    const t0 = clock();
    const outcome = await send(
      target,
      resolved,
      req.method,
      req.path,
      req.headers,
      req.body,
      Math.min(target.timeoutMs, left),
    );
    const ms = Math.round(clock() - t0);
    if (!outcome.ok) {
      if (outcome.kind === 'refused' && !answered)
        throw dataError(
          `nothing answers at ${target.url.host} — start your server first, e.g. \`flask --app app run\` or \`uvicorn app:app\``,
        );
      results.push({
        ...base,
        path: req.path,
        status: 'error',
        ms,
        differences: [],
        message: outcome.message,
        why: check.why,
      });
      continue;
    }
    answered = true;
    const verdict = judge(check, outcome.answer, captures);
    for (const [name, value] of Object.entries(verdict.captures)) {
      captures[name] = value;
      producer.set(name, check.id);
    }
    for (const name of Object.keys(check.capture ?? {})) if (!producer.has(name)) producer.set(name, check.id);
    results.push({
      ...base,
      path: req.path,
      status: verdict.passed ? 'pass' : 'fail',
      ms,
      differences: verdict.differences,
      ...(verdict.passed ? {} : { why: check.why }),
    });
  }
  return results;
}

/**
 * Why a check was not run for want of captures: the check that was run and did not give them, or
 * the check left out of this run that would ("needs create-note's captured id; run it too or drop
 * --only").
 */
export function skipReason(
  missing: readonly string[],
  ran: ReadonlyMap<string, string>,
  notRun: ReadonlyMap<string, string> = new Map(),
  hint = '',
): string {
  const left = missing.filter((m) => !ran.has(m) && notRun.has(m));
  if (left.length) {
    const owners = [...new Set(left.map((m) => notRun.get(m)!))];
    const what = owners
      .map((o) => `${o}'s captured ${left.filter((m) => notRun.get(m) === o).join(', ')}`)
      .join(' and ');
    const them = owners.length === 1 ? 'it' : 'them';
    return `needs ${what}; run ${them} too${hint ? ` or ${hint}` : ''}`;
  }
  const from = [...new Set(missing.map((m) => ran.get(m)).filter((x) => x !== undefined))];
  return `needs ${missing.map((m) => `{{${m}}}`).join(', ')}, which ${from.length ? `check ${from.join(', ')} did not give` : 'no check run before it gave'}`;
}

/** Which check captures each name, in the order of the project's checks (the first one wins). */
export function captureProducers(checks: readonly Check[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const check of checks)
    for (const name of Object.keys(check.capture ?? {})) if (!out.has(name)) out.set(name, check.id);
  return out;
}
