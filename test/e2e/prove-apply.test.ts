import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Recommendation, Summary } from '../../src/coach/types.js';
import { runCli, tempDir } from '../helpers/cli.js';

// Issue 18 on the built binary (`npm run build` first), shipped roadmap, a temporary home and
// the documented test clock.
const tmp = tempDir('pyroad-apply-');
afterAll(tmp.cleanup);
const NOW = '2026-03-01T12:00:00Z';
const homes: string[] = [];
const newHome = () => {
  const home = join(tmp.dir, `home-${homes.length}`);
  homes.push(home);
  return home;
};
const runIn = (home: string, args: string[], now = NOW) =>
  runCli(args, { home, env: { PYROAD_NOW: now }, timeout: 60_000 });
const journal = (home: string) =>
  readFileSync(join(home, 'progress.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('pyroad mark --milestone / --item', () => {
  const home = newHome();
  const run = (args: string[], now = NOW) => runIn(home, args, now);

  it('ticks and unticks, one event each, and show, status and roadmap say "N of 7 milestones"', () => {
    expect(run(['mark', 'portfolio-site-project', '--milestone', '1', 'done']).code).toBe(0);
    const two = run(['mark', 'portfolio-site-project', '--milestone', '2', 'done']);
    expect(two.stdout).toContain('2 of 7 milestones');
    const undo = run(['mark', 'portfolio-site-project', '--milestone', '1', 'todo'], '2026-03-01T12:05:00Z');
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).toContain('milestone 1 not done');
    expect(journal(home).map((e) => [e.e, e.i, e.d])).toEqual([
      ['tick', 0, true],
      ['tick', 1, true],
      ['tick', 0, false],
    ]);
    const show = run(['show', 'portfolio-site-project']);
    expect(show.stdout).toMatch(/1\. \[ \] Pick the framework/);
    expect(show.stdout).toMatch(/2\. \[x\] Build a read-only JSON API/);
    expect(show.stdout).toContain('1 of 7 milestones');
    expect(run(['status']).stdout).toMatch(
      /A portfolio site with a REST API \(portfolio-site-project\): 1 of 7 milestones/,
    );
    expect(run(['roadmap']).stdout).toMatch(/portfolio-site-project .*1 of 7 milestones/);
    expect(run(['mark', 'job-boards', '--item', '1', 'done']).stdout).toContain('1 of 8 checklist steps');
  });

  it.each([
    [
      ['mark', 'portfolio-site-project', '--milestone', '8', 'done'],
      /--milestone 8 is out of range: .* has 7 milestones/,
    ],
    [['mark', 'portfolio-site-projet', '--milestone', '1', 'done'], /did you mean "portfolio-site-project"/],
    [['mark', 'portfolio-site-project', '--milestone', '1', 'finished'], /needs done or todo after it, got "finished"/],
    [['mark', 'portfolio-site-project', '--item', '1', 'done'], /is a project: use --milestone N/],
    [['mark', 'python-functions', '--milestone', '1', 'done'], /has no milestones or checklist to tick/],
    [['mark', 'portfolio-site-project'], /needs a status .* when not at a terminal/],
  ])('%j → exit 2, one line, nothing recorded', (args, message) => {
    const before = journal(home).length;
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(journal(home)).toHaveLength(before);
  });
});

describe('pyroad evidence', () => {
  const home = newHome();
  const run = (args: string[]) => runIn(home, args);

  it('adds, lists and removes links; removal is an event; shown in show, status and the report', () => {
    const file = join(tmp.dir, 'certificate.pdf');
    writeFileSync(file, 'pdf');
    expect(
      run(['evidence', 'add', 'portfolio-site-project', 'https://github.com/ada/site', '--note', 'the repo']).stdout,
    ).toContain('Link 1 attached');
    expect(run(['evidence', 'add', 'backend-path-certificate', file]).code).toBe(0);
    expect(run(['evidence', 'add', 'flask', 'http://localhost:5000/']).code).toBe(0);
    const list = run(['evidence', 'list', '--json']);
    expect((JSON.parse(list.stdout) as { n: number; url: string }[]).map((l) => [l.n, l.url])).toEqual([
      [1, 'https://github.com/ada/site'],
      [2, file],
      [3, 'http://localhost:5000/'],
    ]);
    expect(run(['evidence', 'remove', '3']).stdout).toContain('Link 3 removed');
    expect(journal(home).at(-1)).toMatchObject({ e: 'evidence-removed', tp: 'flask' });
    expect(run(['evidence', 'list']).stdout).not.toContain('localhost');
    expect(run(['show', 'portfolio-site-project']).stdout).toMatch(/Evidence 1: https:\/\/github\.com\/ada\/site/);
    expect(run(['status']).stdout).toMatch(/Evidence \(2\)/);
    const report = run(['report', '--output', '-']);
    expect(report.code, report.stderr).toBe(0);
    expect(report.stdout).toContain('<a href="https://github.com/ada/site"');
  });

  it('the same link on the same topic is attached once: adding it again names it, exit 0', () => {
    const before = journal(home).length;
    const again = run(['evidence', 'add', 'portfolio-site-project', 'https://github.com/ada/site']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout.replace(/\s+/g, ' ')).toContain(
      'Already attached as link 1 to A portfolio site with a REST API (portfolio-site-project): https://github.com/ada/site; nothing added',
    );
    expect(journal(home)).toHaveLength(before);
    const json = JSON.parse(
      run(['evidence', 'add', 'portfolio-site-project', 'https://github.com/ada/site', '--json']).stdout,
    ) as { n: number; alreadyAttached: boolean };
    expect(json).toMatchObject({ n: 1, alreadyAttached: true });
  });

  it.each([
    [['evidence', 'add', 'portfolio-site-project', 'http://example.com'], /uses http; use https/],
    [['evidence', 'add', 'portfolio-site-project', 'javascript:alert(1)'], /uses javascript:/],
    [['evidence', 'add', 'portfolio-site-project', './no-such-file.pdf'], /does not exist/],
    [
      ['evidence', 'add', 'portfolio-site-project', tmp.dir],
      /^pyroad: .* is a folder; give a file in it, or an https URL/,
    ],
    [['evidence', 'add', 'portfolio', 'https://github.com/ada/site'], /is an area/],
    [['evidence', 'add', 'flaks', 'https://github.com/ada/site'], /did you mean "flask"/],
    [['evidence', 'add', 'flask', 'https://github.com/ada/site', '--note', 'a\u001b[2Jb'], /control/],
    [['evidence', 'remove', '9'], /there is no link 9/],
    [['evidence', 'remove', 'two'], /takes a link's number/],
  ])('%j → exit 2, nothing recorded', (args, message) => {
    const before = journal(home).length;
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(journal(home)).toHaveLength(before);
  });
});

describe('usage problems exit 2', () => {
  const home = newHome();
  it.each([['evidence'], ['apply'], []])('%j with no subcommand: help on stderr, nothing on stdout', (...args) => {
    const r = runIn(home, args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: pyroad/);
  });

  it('--milestone and --item together are named, not "too many arguments"', () => {
    const r = runIn(home, ['mark', 'portfolio-site-project', '--milestone', '1', 'todo', '--item', '2', 'done']);
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'pyroad: --milestone and --item cannot be combined: tick a milestone and a checklist step in two commands\n',
    });
  });
});

describe('pyroad apply and the follow-ups in next', () => {
  const home = newHome();
  const run = (args: string[], now = NOW) => runIn(home, args, now);

  it('logs applications and their history, shows the funnel, and next brings follow-ups', () => {
    expect(
      run(['apply', 'add', 'Acme', 'Junior Python developer', '--stack', 'python,django,postgres', '--source', 'board'])
        .stdout,
    ).toContain('Application 1: Acme');
    expect(run(['apply', 'add', 'Beta', 'Backend developer', '--url', 'https://jobs.example.com/42']).code).toBe(0);
    expect(run(['apply', 'update', '1', 'screen'], '2026-03-03T12:00:00Z').code).toBe(0);
    expect(run(['apply', 'update', '1', 'interview', '--on', '2026-03-10'], '2026-03-05T12:00:00Z').code).toBe(0);
    const history = journal(home).filter((e) => e.e === 'application');
    expect(history.map((e) => e.sg)).toEqual(['applied', 'applied', 'screen', 'interview']);
    const list = run(['apply', 'list'], '2026-03-09T12:00:00Z');
    expect(list.stdout).toContain('2 applied · 1 screened · 1 interviewed · 0 offers · 50% response rate');

    const next = run(['next', '--json'], '2026-03-09T12:00:00Z');
    const recs = (JSON.parse(next.stdout) as { recommendations: Recommendation[] }).recommendations;
    expect(recs[0]).toMatchObject({ kind: 'follow-up', title: 'Prepare for your interview at Acme', topic: 'django' });
    expect(recs[0]!.reason).toMatch(/is tomorrow, and its stack names Django/);
    expect(recs[1]).toMatchObject({ kind: 'follow-up', title: 'Follow up with Beta' });
    expect(recs[1]!.reason).toMatch(/no answer from Beta \(Backend developer\) for 8 days/);
    // The suggested command runs as given (a stage is required).
    expect(recs[1]!.action.command).toBe('pyroad apply update 2 screen');

    // Pages a learner may publish name no company: not in the Markdown export (with or without
    // the funnel), not in the report unless --applications (for a mentor).
    const at = '2026-03-09T12:00:00Z';
    for (const args of [
      ['export', '--format', 'md'],
      ['export', '--format', 'md', '--applications'],
      ['report', '-o', '-'],
    ]) {
      const page = run(args, at);
      expect(page.code, page.stderr).toBe(0);
      expect(page.stdout, args.join(' ')).not.toMatch(/Acme|Beta/);
    }
    const forMentor = run(['report', '-o', '-', '--applications'], at).stdout;
    expect(forMentor).toContain('Prepare for your interview at Acme');
    expect(forMentor).toMatch(/Beta — Backend developer: applied/);

    expect(
      run(['apply', 'update', '2', 'rejected', '--note', 'They wanted more SQL indexing'], '2026-03-09T13:00:00Z').code,
    ).toBe(0);
    const after = JSON.parse(run(['next', '--json'], '2026-03-12T12:00:00Z').stdout) as {
      recommendations: Recommendation[];
    };
    expect(after.recommendations[0]).toMatchObject({ kind: 'follow-up', topic: 'sql-indexing' });
    const status = JSON.parse(run(['status', '--json'], '2026-03-12T12:00:00Z').stdout) as Summary;
    expect(status.portfolio!.funnel).toMatchObject({
      applied: 2,
      screened: 1,
      interviewed: 1,
      rejected: 1,
      responseRate: 1,
    });
    expect(run(['status'], '2026-03-12T12:00:00Z').stdout).toContain('2 applied · 1 screened');
  });

  it.each([
    [['apply', 'update', '1', 'intervew'], /"intervew" is not a stage \(did you mean "interview"\?\)/],
    [['apply', 'update', '7', 'screen'], /there is no application 7/],
    [['apply', 'update', '1', 'screen', '--on', '2026-03-10'], /--on is the interview day/],
    [['apply', 'update', '1', 'interview', '--on', '10/03/2026'], /--on must be a date/],
    [
      ['apply', 'update', '1', 'interview', '--on', '1999-01-01'],
      /^pyroad: --on 1999-01-01 is before the application was added \(2026-03-01\)\n$/,
    ],
    [
      ['apply', 'update', '1', 'interview', '--on', '2099-01-01'],
      /^pyroad: --on 2099-01-01 is more than two years ahead \(2028-02-29 at the latest\)\n$/,
    ],
    [['apply', 'add', 'Acme', 'Dev', '--source', 'refferal'], /did you mean "referral"/],
    [['apply', 'add', 'Acme', 'Dev', '--url', 'http://jobs.example.com'], /--url .* uses http/],
    [['apply', 'add', 'Ac\u001b]0;pwned\u0007me', 'Dev'], /control/],
  ])('%j → exit 2, nothing recorded', (args, message) => {
    const before = journal(home).length;
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(journal(home)).toHaveLength(before);
  });

  it('export → import carries ticks, links and applications', () => {
    runIn(home, ['mark', 'portfolio-site-project', '--milestone', '3', 'done']);
    runIn(home, ['evidence', 'add', 'portfolio-site-project', 'https://github.com/ada/site']);
    const exported = runIn(home, ['export']);
    expect(exported.code, exported.stderr).toBe(0);
    const file = join(tmp.dir, 'export.json');
    writeFileSync(file, exported.stdout);
    const other = newHome();
    // Imported after the last record was made: the export holds changes up to 2026-03-09.
    const imported = runIn(other, ['import', file], '2026-03-12T12:00:00Z');
    expect(imported.code, imported.stderr).toBe(0);
    const a = JSON.parse(runIn(home, ['status', '--json'], '2026-03-12T12:00:00Z').stdout) as Summary;
    const b = JSON.parse(runIn(other, ['status', '--json'], '2026-03-12T12:00:00Z').stdout) as Summary;
    expect(b.portfolio).toEqual(a.portfolio);
    expect(b.portfolio!.applications).toHaveLength(2);
    expect(b.portfolio!.links).toHaveLength(1);
  });
});
