import { Validator } from '@cfworker/json-schema';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync, tempDir, type RunResult } from '../helpers/cli.js';
import { startReferenceServer, TOKENS, type Fault } from '../check/reference-server.js';

// The built binary, with the shipped roadmap's notes-api-project, against servers on an ephemeral
// loopback port. The binary runs as an async child
// process so that the servers in this process can answer it.
const ALL = [
  'no-credentials',
  'wrong-token',
  'create-note',
  'read-note',
  'unknown-note',
  'missing-title',
  'title-not-text',
  'body-not-json',
  'list-first-page',
  'list-past-end',
  'update-note',
  'update-again',
  'other-user-read',
  'other-user-delete',
  'delete-note',
  'deleted-is-gone',
  'delete-again',
  'method-not-allowed',
];

let home: ReturnType<typeof tempDir>;
beforeAll(() => void (home = tempDir()));
afterAll(() => home.cleanup());

function pyroad(args: string[], env: Record<string, string | undefined> = {}, timeout = 20_000): Promise<RunResult> {
  return runCliAsync(args, { home: home.dir, env, timeout });
}

const tokens = ['--token', TOKENS.alice, '--other-token', TOKENS.bob];

async function withReference<T>(faults: Fault[], f: (url: string) => Promise<T>): Promise<T> {
  const server = await startReferenceServer(faults);
  try {
    return await f(server.url);
  } finally {
    await server.close();
  }
}

const failedIds = (stdout: string): string[] => (JSON.parse(stdout) as { failed: string[] }).failed;

describe('pyroad check against the reference server', () => {
  it('passes every check, exits 0 and records the run as proof', async () => {
    const r = await withReference([], (url) => pyroad(['check', 'notes-api-project', '--url', url, ...tokens]));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    for (const id of ALL) expect(r.stdout).toContain(`✓ ${id}`);
    expect(r.stdout).toMatch(/All 18 checks pass: notes-api-project is proven by 18\/18 checks on \d{4}-\d\d-\d\d\./);
    const journal = readFileSync(join(home.dir, 'progress.jsonl'), 'utf8');
    expect(journal).toMatch(/"e":"check".*"notes-api-project"/);
    const show = await pyroad(['show', 'notes-api-project']);
    expect(show.stdout).toMatch(/Proven by 18\/18 checks on \d{4}-\d\d-\d\d/);
    expect(show.stdout).toContain('The contract');
    const status = await pyroad(['status']);
    expect(status.stdout).toMatch(/✓ First API project: a JSON notes API: proven by 18\/18 checks on \d{4}-\d\d-\d\d/);
  });

  it('--json gives the results per check', async () => {
    const r = await withReference([], (url) =>
      pyroad(['check', 'notes-api-project', '--url', url, '--json'], {
        PYROAD_CHECK_TOKEN: TOKENS.alice,
        PYROAD_CHECK_OTHER_TOKEN: TOKENS.bob,
      }),
    );
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { total: number; passed: number; results: { id: string; status: string }[] };
    expect(report.total).toBe(18);
    expect(report.passed).toBe(18);
    expect(report.results.map((x) => x.id)).toEqual(ALL);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'check.schema.json'), 'utf8')) as object;
    expect(new Validator(schema as never, '2020-12').validate(report).errors).toEqual([]);
  });

  it.each<[Fault, string[]]>([
    ['no-location', ['create-note']],
    ['unknown-200', ['unknown-note', 'deleted-is-gone', 'delete-again']],
    ['other-user-200', ['other-user-read', 'other-user-delete', 'delete-note']],
    ['delete-200', ['delete-note']],
  ])('a server broken by %s fails exactly the checks it breaks', async (fault, expected) => {
    const r = await withReference([fault], (url) =>
      pyroad(['check', 'notes-api-project', '--url', url, '--json', ...tokens]),
    );
    expect(r.code).toBe(1);
    expect(failedIds(r.stdout)).toEqual(expected);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'check.schema.json'), 'utf8')) as object;
    expect(new Validator(schema as never, '2020-12').validate(JSON.parse(r.stdout)).errors).toEqual([]);
  });

  it('shows expected vs got and the why on a failure', async () => {
    const r = await withReference(['unknown-200'], (url) =>
      pyroad(['check', 'notes-api-project', '--url', url, '--only', 'unknown-note', ...tokens]),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ unknown-note');
    expect(r.stdout).toContain('status: expected 404, got 200 OK');
    expect(r.stdout.replace(/\s+/g, ' ')).toContain(
      'why: An unknown id must answer 404, not 200 with an error in the body.',
    );
    expect(r.stderr).toBe('pyroad: 1 of 1 checks did not pass (notes-api-project)\n');
  });

  it('a check left without the capture it needs is skipped, with the check to run too, not failing', async () => {
    const r = await withReference([], (url) =>
      pyroad(['check', 'notes-api-project', '--url', url, '--only', 'read-note', ...tokens], { COLUMNS: '40' }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('- read-note');
    const flat = r.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain("skipped: needs create-note's captured note_id; run it too or drop --only");
    expect(flat).toContain('0/1 checks pass; skipped: read-note.');
    expect(r.stdout).not.toContain('failing');
    // Every line fits the terminal's 40 columns, the summary too.
    for (const line of r.stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(r.stderr).toBe('pyroad: 1 of 1 checks skipped, none failed (notes-api-project): see why above\n');
    const json = await withReference([], (url) =>
      pyroad(['check', 'notes-api-project', '--url', url, '--only', 'read-note,unknown-note', '--json', ...tokens]),
    );
    const report = JSON.parse(json.stdout) as { failed: string[]; skipped: string[]; passed: number };
    expect([report.failed, report.skipped, report.passed]).toEqual([[], ['read-note'], 1]);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'check.schema.json'), 'utf8')) as object;
    expect(new Validator(schema as never, '2020-12').validate(report).errors).toEqual([]);
  });

  it('--base-path puts a prefix before every path; --from starts part-way', async () => {
    const r = await withReference([], (url) =>
      pyroad([
        'check',
        'notes-api-project',
        '--url',
        url,
        '--base-path',
        '/api',
        '--from',
        'method-not-allowed',
        ...tokens,
      ]),
    );
    // The reference server has no /api: every path answers 404.
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('DELETE /api/notes');
    expect(r.stdout).toContain('0/1 checks pass; failing: method-not-allowed.');
  });

  it('says so when nothing answers, and exits 1', async () => {
    const server = await startReferenceServer();
    const url = server.url;
    await server.close();
    const r = await pyroad(['check', 'notes-api-project', '--url', url, ...tokens]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `pyroad: nothing answers at ${url.slice(7)} — start your server first, e.g. \`flask --app app run\` or \`uvicorn app:app\`\n`,
    );
  });

  it.each([
    [
      ['check', 'notes-api-project', '--url', 'http://example.com', ...tokens],
      /not this computer|cannot find the host/,
    ],
    [['check', 'notes-api-project', '--timeout', 'soon', ...tokens], /--timeout must be/],
    [
      ['check', 'notes-api-project', '--only', 'create-nte', ...tokens],
      /no check "create-nte".*did you mean "create-note"/,
    ],
    [['check', 'notes-api-project'], /give its token with --token TOKEN/],
    [['check', 'notes-api', ...tokens], /no topic "notes-api"/],
  ])('bad usage exits 2 with one line: %j', async (args, message) => {
    const r = await pyroad(args);
    expect(r.code, r.stderr).toBe(r.stderr.includes('cannot find the host') ? 1 : 2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('checks in a roadmap file', () => {
  it('are validated with file:line:col errors', async () => {
    const file = join(home.dir, 'bad-checks.yaml');
    writeFileSync(
      file,
      `version: 1
title: Bad checks
areas:
  - id: a
    title: A
    stage: prove
    summary: An area.
    topics:
      - id: p
        title: P
        summary: A project.
        why: To check the checks.
        resources: [{ title: R, url: "https://example.org/", kind: docs }]
        project:
          proves: [p]
          milestones: [m]
          done_when: d
          checks:
            - id: read
              title: Reads it
              why: Because.
              request: { path: "/notes/{{note_id}}", method: FETCH }
              expect: { status: 2000 }
`,
    );
    const r = await pyroad(['validate', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/bad-checks\.yaml:22:62: method: must be one of "GET", /);
    expect(r.stderr).toMatch(/bad-checks\.yaml:23:\d+: status: /);
    writeFileSync(file, readFileSync(file, 'utf8').replace('FETCH', 'GET').replace('2000', '200'));
    const again = await pyroad(['validate', file]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/bad-checks\.yaml:22:\d+: .*\{\{note_id\}\} is not captured by an earlier check/);
  });
});

describe('pyroad check portfolio-site-project', () => {
  it('passes against a small server with the read-only API its milestones describe', async () => {
    const projects = [{ id: 3, title: 'pyroad', tags: ['cli'] }];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const json = (status: number, body: unknown) =>
        res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
      if (url.pathname === '/api/projects' && req.method === 'POST') return json(405, { error: 'read-only' });
      if (url.pathname === '/api/projects') {
        const tag = url.searchParams.get('tag');
        const items = projects.filter((p) => tag === null || p.tags.includes(tag));
        const limit = Number(url.searchParams.get('limit') ?? 20);
        return json(200, { items: items.slice(0, limit), total: items.length });
      }
      const found = projects.find((p) => url.pathname === `/api/projects/${p.id}`);
      return found ? json(200, found) : json(404, { error: 'not found' });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const r = await pyroad(['check', 'portfolio-site-project', '--url', `http://127.0.0.1:${port}`]);
      expect(r.stdout).toContain('All 5 checks pass');
      expect(r.code).toBe(0);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});

/** A server that misbehaves in one way. */
async function hostile(handler: (socket: Socket) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer();
  server.removeAllListeners('request');
  server.on('connection', handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const answer = (status: string, headers: string[], body: string) =>
  `HTTP/1.1 ${status}\r\n${[...headers, `Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close'].join('\r\n')}\r\n\r\n${body}`;

describe('pyroad check against hostile servers', () => {
  const timers: NodeJS.Timeout[] = [];
  afterAll(() => timers.forEach(clearInterval));

  it.each<[string, (socket: Socket) => void, RegExp]>([
    ['never answers', () => undefined, /no complete answer within 0\.5 s/],
    [
      'drips bytes',
      (s) => {
        s.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n');
        const t = setInterval(() => (s.destroyed ? clearInterval(t) : s.write('x')), 50);
        timers.push(t);
      },
      /no complete answer within 0\.5 s/,
    ],
    [
      'sends a 50 MB body',
      (s) => {
        s.write('HTTP/1.1 401 Unauthorized\r\nContent-Type: application/json\r\nContent-Length: 52428800\r\n\r\n');
        const chunk = Buffer.alloc(1024 * 1024, 'a');
        let sent = 0;
        const more = () => {
          while (sent < 50 && !s.destroyed && s.write(chunk)) sent++;
          if (sent < 50 && !s.destroyed) s.once('drain', more);
        };
        s.on('error', () => undefined);
        more();
      },
      /larger than 1024 KB/,
    ],
    [
      'answers invalid JSON',
      (s) =>
        void s.end(
          answer('401 Unauthorized', ['Content-Type: application/json', 'WWW-Authenticate: Bearer'], '{"error":'),
        ),
      /body: expected JSON, got a body that is not JSON: \{"error":/,
    ],
    [
      'redirects to an outside host',
      (s) => void s.end(answer('302 Found', ['Location: http://example.com/steal'], '')),
      /status: expected 401, got 302 Found/,
    ],
    [
      'closes mid-answer',
      (s) => void s.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 500\r\n\r\n{"err'),
      /closed the connection before answering in full/,
    ],
    [
      'sends 10,000 headers',
      (s) => {
        s.on('error', () => undefined);
        s.end(
          `HTTP/1.1 401 Unauthorized\r\n${Array.from({ length: 10_000 }, (_, i) => `X-H${i}: v`).join('\r\n')}\r\n\r\n`,
        );
      },
      /too many or too large headers/,
    ],
    [
      'answers with terminal escape sequences',
      (s) =>
        void s.end(answer('200 OK', ['Content-Type: text/html'], '\x1b]0;owned\x07<b>\x1b[31mred\x1b[0m \u202e</b>')),
      /got a body that is not JSON:\s+\\x1b\]0;owned\\x07<b>\\x1b\[31mred\\x1b\[0m\s+\\u202e<\/b>/,
    ],
  ])('a server that %s: no hang, no crash, no stack', async (_, handler, message) => {
    const server = await hostile((socket) => {
      socket.on('error', () => undefined);
      socket.once('data', () => handler(socket));
    });
    const started = Date.now();
    try {
      const r = await pyroad([
        'check',
        'notes-api-project',
        '--url',
        server.url,
        '--only',
        'no-credentials',
        '--timeout',
        '0.5',
      ]);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(message);
      expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |internal error/);
      // eslint-disable-next-line no-control-regex -- no raw control character may reach the terminal
      expect(r.stdout + r.stderr).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      await server.close();
    }
  });
});
