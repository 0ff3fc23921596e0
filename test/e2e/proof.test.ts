import { afterAll, describe, expect, it } from 'vitest';
import type { Summary } from '../../src/coach/types.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runCli, runCliAsync, tempDir, type RunResult } from '../helpers/cli.js';
import { startReferenceServer, TOKENS } from '../check/reference-server.js';

// Issue 16 "Evidence" and 18 on the built binary: the shipped checks pass against the reference
// server, then status, show, report and export say so and readiness moves.
const home = tempDir('pyroad-proof-');
afterAll(home.cleanup);
const NOW = '2026-12-04T10:00:00.000Z';
const env = { PYROAD_NOW: NOW };
const run = (args: string[]) => runCli(args, { home: home.dir, env, timeout: 30_000 });

/** Async, so that the server in this process can answer it. */
function check(url: string): Promise<RunResult> {
  return runCliAsync(
    ['check', 'notes-api-project', '--url', url, '--token', TOKENS.alice, '--other-token', TOKENS.bob],
    { home: home.dir, env, timeout: 30_000 },
  );
}

const summary = (): Summary => JSON.parse(run(['status', '--json']).stdout) as Summary;
const PROOF = 'proven by 18/18 checks on 2026-12-04';
const PROVES = ['api-endpoints', 'api-auth', 'api-errors', 'api-data-modeling'];

describe('a project proven by its checks, everywhere the learner looks', () => {
  it('lifts the topics it proves and readiness, and every view says so', async () => {
    const before = summary();
    for (const id of PROVES) expect(before.topics.find((t) => t.topic === id)).toMatchObject({ mastered: false });

    const server = await startReferenceServer();
    let r: RunResult;
    try {
      r = await check(server.url);
    } finally {
      await server.close();
    }
    expect(r.code, r.stderr).toBe(0);

    const after = summary();
    expect(after.readiness).toBeGreaterThan(before.readiness);
    for (const id of PROVES)
      expect(after.topics.find((t) => t.topic === id)).toMatchObject({
        mastered: true,
        mastery: 0.75,
        provenBy: [{ project: 'notes-api-project', passed: 18, total: 18, at: NOW }],
      });
    expect(after.topics.find((t) => t.topic === 'notes-api-project')).toMatchObject({ mastered: true, mastery: 1 });

    const status = run(['status']).stdout;
    // Nothing was rated or answered, yet readiness moved: that is activity.
    expect(status).toMatch(/Last 30 days: mastery \+\d+ pts, readiness \+\d+ pts, 0 answers, 0 topics assessed/);
    expect(status).toContain(`✓ First API project: a JSON notes API: ${PROOF}`);
    expect(status.replace(/\s+/g, ' ')).toContain(`(notes-api-project): 0 of 4 milestones · ${PROOF}`);
    expect(status.replace(/\s+/g, ' ')).toContain(
      'hands-on evidence for Endpoint design, versioning and pagination, Authentication and authorization, Error handling, Data modeling, formats and validation (each at least 75% mastered, counted in readiness)',
    );

    const show = run(['show', 'api-auth']).stdout;
    expect(show).toContain('mastery 75% (mastered)');
    expect(show.replace(/\s+/g, ' ')).toContain(
      '✓ notes-api-project is proven by 18/18 checks on 2026-12-04: hands-on evidence for this topic',
    );
    expect(run(['show', 'notes-api-project']).stdout).toContain(`0 of 4 milestones · ${PROOF}`);

    const report = run(['report', '--output', '-']);
    expect(report.code).toBe(0);
    expect(report.stdout).toContain('Proven by 18/18 checks on 2026-12-04');
    expect(report.stdout).toContain(`First API project: a JSON notes API: 0 of 4 milestones · ${PROOF}`);
    expect(report.stdout).toMatch(/Skills it proves: <strong>4 of 4<\/strong> mastered/);

    const json = JSON.parse(run(['export']).stdout) as { summary: Summary };
    expect(json.summary.portfolio!.work).toEqual([
      expect.objectContaining({ topic: 'notes-api-project', stage: 'proven', checks: PROOF }),
    ]);
    expect(json.summary.topics.find((t) => t.topic === 'api-errors')!.provenBy).toHaveLength(1);

    const md = run(['export', '--format', 'md']).stdout;
    expect(md).toContain(`- [x] First API project: a JSON notes API — mastery 100% · 0 of 4 milestones · ${PROOF}`);
    expect(md).toContain(
      '- [x] Error handling — mastery 75% · proven by notes-api-project (18/18 checks on 2026-12-04)',
    );
    const csv = run(['export', '--format', 'csv']).stdout.split('\r\n');
    expect(csv.find((l) => l.startsWith('web-frameworks,Python web frameworks,notes-api-project,'))).toMatch(
      /,0,4,proven,proven by 18\/18 checks on 2026-12-04,,,0$/,
    );
    expect(csv.find((l) => l.startsWith('api-design,API design,api-auth,'))).toMatch(/,notes-api-project,,0$/);
  });

  it('markdown and csv carry ticks and links; the funnel only when asked (applications are private)', () => {
    expect(run(['mark', 'notes-api-project', '--milestone', '1', 'done']).code).toBe(0);
    expect(
      run(['evidence', 'add', 'notes-api-project', 'https://github.com/ada/notes-api', '--note', 'code']).code,
    ).toBe(0);
    expect(run(['apply', 'add', 'Acme', 'Junior Python developer']).code).toBe(0);
    const md = run(['export', '--format', 'markdown']).stdout;
    expect(md).toContain('1 of 4 milestones');
    expect(md).toContain('  - Evidence: [https://github.com/ada/notes-api](https://github.com/ada/notes-api) — code');
    expect(md).not.toContain('Acme');
    expect(md).not.toContain('## Job search');
    const withApps = run(['export', '--format', 'markdown', '--applications']).stdout;
    expect(withApps).toContain('## Job search\n\n1 applied · 0 screened · 0 interviewed · 0 offers · 0% response rate');
    expect(withApps).not.toContain('Acme');
    const csv = run(['export', '--format', 'csv']).stdout;
    expect(csv).toMatch(
      /,1,4,proven,proven by 18\/18 checks on 2026-12-04,,https:\/\/github\.com\/ada\/notes-api,0\r\n/,
    );
    const wrong = run(['export', '--format', 'csv', '--applications']);
    expect([wrong.code, wrong.stderr]).toEqual([
      2,
      'pyroad: --applications adds a section to the markdown export; the csv export has one row per topic\n',
    ]);
  });

  it('a later full run that fails takes the proof back, and every view says when it last passed', async () => {
    // Another server on the port the learner gave: everything is 404.
    const wrong = createServer((_req, res) => res.writeHead(404).end());
    await new Promise<void>((done) => wrong.listen(0, '127.0.0.1', done));
    let r: RunResult;
    try {
      r = await check(`http://127.0.0.1:${(wrong.address() as AddressInfo).port}`);
    } finally {
      await new Promise((done) => wrong.close(done));
    }
    expect(r.code).toBe(1);
    const status = run(['status']).stdout.replace(/\s+/g, ' ');
    expect(status).not.toContain(PROOF);
    expect(status).toMatch(
      /last check run on 2026-12-04: 0\/18 passed \(it passed 18\/18 on 2026-12-04; run them all again to prove it\)/,
    );
    const after = summary();
    expect(after.topics.find((t) => t.topic === 'api-errors')!.provenBy ?? []).toEqual([]);
    expect(run(['export', '--format', 'md']).stdout).not.toContain(PROOF);
  });
});
