/**
 * `pyroad check` at a terminal shows a live progress line ("checking 2/3: slow-answer") that the
 * results replace; with output to a pipe there is no progress line at all. The built binary runs
 * inside tmux (`npm run build` first) against a server in this process that holds one answer
 * until the test has seen the line. Skipped, with a message, only when tmux is not installed.
 */
import { writeFileSync } from 'node:fs';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCliAsync, tempDir, type RunResult } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux) console.warn('SKIPPED: the real-terminal check test needs tmux, which is not installed.');

const tmp = tempDir('pyroad-check-tmux-');
const terminal = new Terminal(tmp.dir);
const home = join(tmp.dir, 'home');
const roadmap = join(tmp.dir, 'roadmap.yaml');
const check = (id: string, path: string) => [
  `          - id: ${id}`,
  `            title: ${id} answers 200`,
  `            why: A check for the progress line.`,
  `            request: { method: GET, path: ${path} }`,
  `            expect: { status: 200 }`,
];
writeFileSync(
  roadmap,
  [
    'version: 1',
    'title: Progress line test',
    'areas:',
    '  - id: web',
    '    title: Web',
    '    stage: prove',
    '    summary: One project.',
    '    topics:',
    '      - id: tiny-api',
    '        title: A tiny API',
    '        summary: Three checks.',
    '        why: To watch the progress line.',
    '        resources: [{ title: RFC 9110, url: "https://www.rfc-editor.org/rfc/rfc9110", kind: docs }]',
    '        project:',
    '          proves: [tiny-api]',
    '          milestones: [Build it]',
    '          done_when: Its checks pass.',
    '          checks:',
    ...check('first', '/first'),
    ...check('slow-answer', '/slow'),
    ...check('last', '/last'),
    '',
  ].join('\n'),
);

/** Answers at once, except /slow, which waits until the test calls release(). */
let held: ServerResponse[] = [];
let holding = true;
const answer = (res: ServerResponse) => res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}');
const release = () => {
  holding = false;
  for (const res of held) answer(res);
  held = [];
};
const server = createServer((req, res) => {
  req.resume();
  if (req.url === '/slow' && holding) held.push(res);
  else answer(res);
});
let url = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  release();
  terminal.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  tmp.cleanup();
});

function piped(args: string[], node: string[] = []): Promise<RunResult> {
  return runCliAsync(args, { home, node, timeout: 30_000 });
}

describe.skipIf(!hasTmux)('pyroad check: the live progress line', () => {
  it('at a terminal: "checking 2/3: slow-answer" shows while it waits, then the results replace it', async () => {
    holding = true;
    const pane = terminal.start(['--roadmap', roadmap, 'check', 'tiny-api', '--url', url], { home, columns: 80 });
    const during = await pane.waitFor('checking 2/3: slow-answer');
    expect(during).not.toContain('✓ first');
    release();
    expect(await pane.exitCode()).toBe(0);
    const after = pane.screen();
    expect(after).not.toContain('checking');
    expect(after).toMatch(/^✓ first {2}first answers 200$/m);
    expect(after).toMatch(/^✓ slow-answer/m);
    expect(after).toContain('All 3 checks pass: tiny-api is proven by 3/3 checks on');
  });

  it('to a pipe: no progress line, only the results', async () => {
    release();
    const r = await piped(['--roadmap', roadmap, 'check', 'tiny-api', '--url', url]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).not.toContain('checking');
    expect(r.stdout).not.toContain('\r');
    expect(r.stdout).toContain('✓ last');
  });

  it('with a warm cache a whole run, recorded, loads neither zod nor yaml (issue 16: check speed)', async () => {
    release();
    const hooks = join(ROOT, 'test', 'helpers', 'import-hooks.mjs');
    const r = await piped(['--roadmap', roadmap, 'check', 'tiny-api', '--url', url], ['--import', hooks]);
    expect(r.code).toBe(0);
    const loaded = r.stderr.split('\n').filter((l) => l.startsWith('IMPORT '));
    expect(loaded.some((l) => l.includes('/check/') || l.includes('/lib/'))).toBe(true);
    expect(loaded.filter((l) => /\/node_modules\/(zod|yaml)\//.test(l))).toEqual([]);
  });
});
