/**
 * Issue 14: a renamed project keeps its hands-on records. Ticks and evidence links recorded under a
 * project's old id count for its new id once the roadmap lists the old id under `formerly:`; the
 * journal itself keeps the old id.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';

const tmp = tempDir('pyroad-renames-records-');
afterAll(() => tmp.cleanup());
const home = join(tmp.dir, 'home');

const roadmap = (projectId: string, formerly = '') => `version: 1
title: Projects roadmap
areas:
  - id: basics
    title: Basics
    stage: skills
    summary: The first steps.
    topics:
      - id: loops
        title: Loops
        summary: Repeating work.
        questions: []
  - id: portfolio
    title: Portfolio
    stage: prove
    summary: Show what you can do.
    topics:
      - id: ${projectId}
${formerly}        title: A notes API
        summary: A small JSON API with tests.
        questions: []
        project:
          proves: [loops]
          milestones:
            - Pick a framework and write the first endpoint.
            - Add tests for every endpoint.
            - Deploy it somewhere public.
          done_when: The tests pass and the API answers on a public URL.
`;
const before = join(tmp.dir, 'before.yaml');
const after = join(tmp.dir, 'after.yaml');
const forgot = join(tmp.dir, 'forgot.yaml');
writeFileSync(before, roadmap('notes-api'));
writeFileSync(after, roadmap('json-notes-api', '        formerly: [notes-api]\n'));
writeFileSync(forgot, roadmap('json-notes-api'));

const cli = (file: string, args: string[]) =>
  runCli(['--roadmap', file, ...args], { home, env: { NO_COLOR: '1', PYROAD_NOW: '2026-12-01T12:00:00Z' } });

describe('a renamed project keeps its ticks and links', () => {
  it('records ticks and a link under the old id', () => {
    for (const file of [before, after, forgot]) expect(runCli(['validate', file], { home }).code).toBe(0);
    const tick = cli(before, ['mark', 'notes-api', '--milestone', '1', 'done']);
    expect(tick.code, tick.stderr).toBe(0);
    expect(cli(before, ['mark', 'notes-api', '--milestone', '2', 'done']).code).toBe(0);
    const link = cli(before, ['evidence', 'add', 'notes-api', 'https://github.com/example/notes-api']);
    expect(link.code, link.stderr).toBe(0);
  });

  it('show, evidence list and status count them for the new id', () => {
    const show = cli(after, ['show', 'json-notes-api']);
    expect(show.code, show.stderr).toBe(0);
    expect(show.stdout).toContain('1. [x] Pick a framework');
    expect(show.stdout).toContain('2. [x] Add tests');
    expect(show.stdout).toContain('3. [ ] Deploy it');
    expect(show.stdout).toContain('2 of 3 milestones');
    expect(show.stdout).toContain('Evidence 1: https://github.com/example/notes-api');

    const links = cli(after, ['evidence', 'list', '--json']);
    expect(JSON.parse(links.stdout)).toEqual([
      expect.objectContaining({ n: 1, topic: 'json-notes-api', title: 'A notes API' }),
    ]);

    const status = cli(after, ['status', '--json']);
    const portfolio = (JSON.parse(status.stdout) as { portfolio: { work: { topic: string; done: number }[] } })
      .portfolio;
    expect(portfolio.work).toEqual([expect.objectContaining({ topic: 'json-notes-api', done: 2 })]);
  });

  it('ticking and removing under the new id act on the same records', () => {
    expect(cli(after, ['mark', 'json-notes-api', '--milestone', '1', 'todo']).code).toBe(0);
    expect(cli(after, ['show', 'json-notes-api']).stdout).toContain('1. [ ] Pick a framework');
    const removed = cli(after, ['evidence', 'remove', '1']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(cli(after, ['evidence', 'list']).stdout).toContain('No evidence attached yet');
    // The journal keeps the id each record was written with ("tp" is the topic in its compact form).
    const events = readFileSync(join(home, 'progress.jsonl'), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { e: string; tp?: string });
    expect(new Set(events.filter((e) => e.e === 'tick').map((e) => e.tp))).toEqual(
      new Set(['notes-api', 'json-notes-api']),
    );
    expect(events.find((e) => e.e === 'evidence')?.tp).toBe('notes-api');
  });

  it('without formerly, the old records do not count for the new id', () => {
    const show = cli(forgot, ['show', 'json-notes-api']);
    expect(show.stdout).toContain('2. [ ] Add tests');
  });
});
