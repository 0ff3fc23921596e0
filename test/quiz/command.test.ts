/** `pyroad assess` in process: flags → options, and the command through main() with fake streams. */
import { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { parseAssessOptions } from '../../src/commands/assess.js';
import type { Streams } from '../../src/context.js';
import { ProgressStore } from '../../src/progress/store.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quiz', 'roadmap.yaml');
const tmp = tempDir('pyroad-assess-cmd-');
afterAll(tmp.cleanup);

function streams(input: string, tty = false) {
  const out = { stdout: '', stderr: '' };
  const sink = (key: 'stdout' | 'stderr') =>
    Object.assign(new Writable({ write: (chunk, _enc, done) => ((out[key] += String(chunk)), done()) }), {
      isTTY: tty,
    });
  const stdin = Object.assign(Readable.from([input]), { isTTY: tty });
  const s: Streams = { stdin, stdout: sink('stdout'), stderr: sink('stderr'), env: { NO_COLOR: '1' } };
  return { s, out, wasRead: () => stdin.readableDidRead || stdin.readableFlowing !== null };
}

describe('parseAssessOptions', () => {
  it.each([
    [{}, { quick: false, retake: false, json: false }],
    [
      { questions: '3', seed: '42', quick: true },
      { questions: 3, seed: 42, quick: true, retake: false, json: false },
    ],
    [
      { answers: '-', json: true },
      { answers: '-', quick: false, retake: false, json: true },
    ],
  ])('%j → %j', (flags, expected) => expect(parseAssessOptions(flags)).toEqual(expected));

  it.each([
    [{ questions: '0' }, '--questions takes a whole number from 1 to 50, got "0"'],
    [{ questions: '2.5' }, '--questions takes a whole number from 1 to 50, got "2.5"'],
    [{ seed: '-1' }, '--seed takes a whole number from 0 to 4294967295, got "-1"'],
    [{ answers: ' ' }, '--answers takes a file name, or - for stdin'],
  ])('%j is a usage error', (flags, message) => {
    expect(() => parseAssessOptions(flags)).toThrow(expect.objectContaining({ exitCode: 2, message }));
  });
});

describe('assess through main()', () => {
  it('without a terminal and without --answers: exit 2, stdin untouched', async () => {
    const { s, out, wasRead } = streams('{}');
    expect(await main(['--home', join(tmp.dir, 'a'), '--roadmap', FIXTURE, 'assess'], s)).toBe(2);
    expect(out.stderr).toContain('use --answers FILE');
    expect(wasRead()).toBe(false);
  });

  it('--answers - records from stdin and prints the summary', async () => {
    const home = join(tmp.dir, 'b');
    const answers = {
      area: 'web',
      ratings: { 'http-methods': 2 },
      answers: { 'http-idempotent': 2, 'http-created': 1 },
    };
    const { s, out, wasRead } = streams(JSON.stringify(answers));
    const code = await main(['--home', home, '--roadmap', FIXTURE, 'assess', '--answers', '-'], s);
    expect(out.stderr).toBe('');
    expect(code).toBe(0);
    expect(wasRead()).toBe(true);
    expect(out.stderr).toBe('');
    expect(out.stdout).toContain('Web basics: assessment done · 1 of 2 right (50%)');
    const events = new ProgressStore(join(home, 'progress.jsonl')).loadEvents();
    expect(events.map((e) => e.e)).toEqual(['session', 'rating', 'answer', 'answer', 'session']);
  });

  it('--answers with a prompt-only flag is refused by commander (exit 2)', async () => {
    const { s, out } = streams('');
    expect(await main(['--home', join(tmp.dir, 'c'), 'assess', '--answers', '-', '--retake'], s)).toBe(2);
    expect(out.stderr).toContain("option '--answers <file>' cannot be used with option '--retake'");
  });
});
