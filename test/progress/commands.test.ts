import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { rating, run, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());
const journal = () => join(home.dir, 'progress.jsonl');
const events = () => new ProgressStore(journal(), { warn: () => {} }).load().events;

describe('pyroad mark', () => {
  it('records a status with the time, and says what it was', async () => {
    const env = { PYROAD_NOW: '2026-04-01T09:00:00Z' };
    const first = await run(['mark', 'functions', 'learning'], { home: home.dir, env });
    expect([first.code, first.stdout, first.stderr]).toEqual([0, '✓ Functions (functions): learning\n', '']);
    const second = await run(['mark', 'functions', 'done'], { home: home.dir, env });
    expect(second.stdout).toBe('✓ Functions (functions): done (was learning)\n');
    const again = await run(['mark', 'functions', 'done'], { home: home.dir, env });
    expect(again.stdout).toBe('Functions (functions) is already done; nothing changed.\n');
    expect(events()).toEqual([
      { e: 'status', at: '2026-04-01T09:00:00.000Z', topic: 'functions', status: 'learning' },
      // Strictly after the one before, even on a pinned clock: statuses never tie.
      { e: 'status', at: '2026-04-01T09:00:00.001Z', topic: 'functions', status: 'done' },
    ]);
  });

  it('says so when a poor quiz outweighs "done"', async () => {
    const env = { PYROAD_NOW: '2026-04-01T09:00:00Z' };
    writeFileSync(
      journal(),
      `{"format":"pyroad-progress","version":2,"created":"2026-03-01T00:00:00.000Z"}\n` +
        `{"e":"answer","t":"2026-03-02T00:00:00.000Z","tp":"functions","q":"functions-default","c":0,"ok":false}\n`,
      { mode: 0o600 },
    );
    const r = await run(['mark', 'functions', 'done', '--json'], { home: home.dir, env });
    expect(JSON.parse(r.stdout)).toMatchObject({
      status: 'done',
      changed: true,
      quizDisagrees: { answered: 1, correct: 0, area: 'basics' },
    });
    await run(['mark', 'functions', 'todo'], { home: home.dir, env });
    const text = await run(['mark', 'functions', 'done'], { home: home.dir, env });
    expect(text.stdout.replace(/\s+/g, ' ')).toContain(
      'Your quiz on it went poorly (0 of 1 right), and the quiz counts for more than a mark: it is not counted as mastered',
    );
    // Without a quiz against it, "done" is taken as it is.
    const loops = await run(['mark', 'loops', 'done', '--json'], { home: home.dir, env });
    expect(JSON.parse(loops.stdout)).not.toHaveProperty('quizDisagrees');
  });

  it('wins over a status stamped in the future (a clock that ran ahead)', async () => {
    await run(['mark', 'functions', 'skip'], { home: home.dir, env: { PYROAD_NOW: '2027-03-01T00:00:00Z' } });
    const r = await run(['mark', 'functions', 'todo'], { home: home.dir, env: { PYROAD_NOW: '2026-04-01T09:00:00Z' } });
    expect(r.stdout).toBe('✓ Functions (functions): todo (was skip)\n');
    expect(new ProgressStore(journal(), { warn: () => {} }).load().topics.get('functions')?.status?.status).toBe(
      'todo',
    );
    expect(events().at(-1)).toMatchObject({ at: '2027-03-01T00:00:00.001Z', status: 'todo' });
  });

  it('an unknown topic: exit 2 with a did-you-mean, nothing written', async () => {
    const r = await run(['mark', 'functons', 'done'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'pyroad: no topic "functons" in the roadmap (did you mean "functions"?); `pyroad roadmap` lists them\n',
    );
    expect(existsSync(journal())).toBe(false);
  });

  it('an area instead of a topic: exit 2 naming its topics', async () => {
    const r = await run(['mark', 'web', 'done'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pyroad: "web" is an area; mark one of its topics: http, rest\n');
  });

  it('a bad status: exit 2 listing the four', async () => {
    const r = await run(['mark', 'http', 'finished'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('pyroad: "finished" is not a status; use one of: todo, learning, done, skip\n');
    const typo = await run(['mark', 'http', 'skp'], { home: home.dir });
    expect(typo.stderr).toContain('(did you mean "skip"?)');
  });

  it('refuses to add to a progress file it cannot read (exit 1, file unchanged)', async () => {
    writeFileSync(journal(), '{"format":"pyroad-progress","version":2,"created":"2026-01-01T00:00:00Z"}\n{oops\n');
    const r = await run(['mark', 'http', 'done'], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`pyroad: the progress file ${journal()} cannot be read: line 2 is not valid JSON`);
    expect(r.stderr).toContain('pyroad has not changed it.');
    expect(readFileSync(journal(), 'utf8')).toMatch(/\{oops\n$/);
  });
});

describe('pyroad reset', () => {
  it('without a terminal and without --yes: exit 2, nothing changed', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 2)]);
    const r = await run(['reset'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('asks before clearing your progress, and there is no terminal to ask in');
    expect(r.stderr).toContain('--yes');
    expect(events()).toHaveLength(1);
  });

  it('--yes clears and keeps a backup that import brings back', async () => {
    new ProgressStore(journal(), { warn: () => {} }).append([rating('loops', 2)]);
    const r = await run(['reset', '--yes'], { home: home.dir, env: { PYROAD_NOW: '2026-04-01T09:00:00Z' } });
    expect(r.code).toBe(0);
    const backup = join(home.dir, 'progress.backup-2026-04-01T09-00-00Z.jsonl');
    expect(r.stdout).toBe(`✓ Progress cleared.\n  Backup: ${backup} (\`pyroad import "${backup}"\` brings it back)\n`);
    expect(events()).toEqual([]);
    expect((await run(['import', backup], { home: home.dir })).code).toBe(0);
    expect(events()).toHaveLength(1);
  });

  it('with nothing to reset says so', async () => {
    const r = await run(['reset', '--yes'], { home: home.dir });
    expect([r.code, r.stdout]).toEqual([0, 'Nothing to reset: there is no progress yet.\n']);
  });
});
