import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseLimit } from '../../src/commands/next.js';
import type { NextSummary, Summary } from '../../src/coach/types.js';
import { ROOT, tempDir } from '../helpers/cli.js';

// In-process runs of `next` and `status` (argv → exit code, stdout, stderr) on a tiny roadmap.
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const tmp = tempDir('pyroad-coach-cmd-');
afterAll(tmp.cleanup);

async function run(args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const env = { PYROAD_HOME: tmp.dir, PYROAD_ROADMAP: TINY, PYROAD_NOW: '2026-03-01T12:00:00Z', NO_COLOR: '1' };
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env });
  return { code, stdout: out, stderr: err };
}

describe('--limit', () => {
  it.each([
    [undefined, 3, 3],
    ['1', 3, 1],
    ['20', 3, 20],
    [' 7 ', 3, 7],
  ] as const)('%s (setting %i) → %i', (raw, fallback, expected) => expect(parseLimit(raw, fallback)).toBe(expected));

  it.each(['0', '-1', '2.5', 'abc', '', '101', '1e3', '0x10'])('"%s" is a usage error', (raw) => {
    expect(() => parseLimit(raw, 3)).toThrow(expect.objectContaining({ exitCode: 2 }));
  });
});

describe('pyroad next / status in-process', () => {
  it('next prints numbered recommendations with a reason and an action', async () => {
    const r = await run(['next']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^1\. Assess /m);
    expect(r.stdout).toMatch(/→ Run: pyroad assess basics/);
  });

  it('next --json is the NextSummary', async () => {
    const r = await run(['next', '--json', '--limit', '2']);
    const json = JSON.parse(r.stdout) as NextSummary;
    expect(json.recommendations).toHaveLength(2);
    expect(json).toMatchObject({
      generatedAt: '2026-03-01T12:00:00.000Z',
      stage: 'skills',
      readiness: 0,
      due: [],
      moreDue: 0,
    });
  });

  it.each([
    [['next', '--limit', 'x'], /--limit must be a whole number/],
    [['next', '--area', 'bsics'], /no area "bsics".*did you mean "basics"/],
    [['next', '--bogus'], /unknown option/],
    [['status', 'extra'], /too many arguments|unknown command|excess/i],
  ])('%j exits 2', async (args, message) => {
    const r = await run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('status --json is the full Summary, status the dashboard', async () => {
    const json = JSON.parse((await run(['status', '--json'])).stdout) as Summary;
    expect(json.areas.map((a) => a.area)).toEqual(['basics', 'web']);
    expect(json.recent).toMatchObject({ days: 30, answered: 0 });
    const text = (await run(['status'])).stdout;
    // A roadmap of skills only, with no goal: one stage, and readiness toward nothing in particular.
    expect(text).toMatch(/^Stage 1 of 1: get the skills {3}Readiness: 0%$/m);
    expect(text).toMatch(/Reviews due \(0\)/);
  });
});
