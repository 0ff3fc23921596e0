import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { main } from '../../src/cli.js';
import { ROOT } from '../helpers/cli.js';
import type { ProgressEvent } from '../../src/progress/schema.js';

export const FIXTURES = join(ROOT, 'test', 'fixtures', 'progress');
export const ROADMAP = join(FIXTURES, 'roadmap.yaml');

/** A temp folder per test; `cleanup` in afterEach. */
export function tempHome(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'pyroad-progress-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true, maxRetries: 5 }) };
}

export interface InProcessResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the program in this process (fast), with the fixture roadmap and a pinned home. */
export async function run(
  args: string[],
  opts: { home: string; input?: string; env?: Record<string, string | undefined>; tty?: boolean },
): Promise<InProcessResult> {
  const collect = (isTTY: boolean) => {
    const stream = Object.assign(new PassThrough(), { isTTY, columns: 100 });
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
  };
  const out = collect(Boolean(opts.tty));
  const err = collect(false);
  const stdin = Object.assign(Readable.from(opts.input === undefined ? [] : [Buffer.from(opts.input)]), {
    isTTY: Boolean(opts.tty),
  });
  const code = await main(args, {
    stdin,
    stdout: out.stream,
    stderr: err.stream,
    env: { PYROAD_HOME: opts.home, PYROAD_ROADMAP: ROADMAP, NO_COLOR: '1', ...opts.env },
  });
  return { code, stdout: out.text(), stderr: err.text() };
}

let clock = Date.parse('2026-01-10T08:00:00.000Z');
/** Events with increasing times. */
export const at = (): string => new Date((clock += 1000)).toISOString();

export const answer = (question: string, topic: string, choice = 0, correct = true, time = at()): ProgressEvent => ({
  e: 'answer',
  at: time,
  topic,
  question,
  choice,
  correct,
});
export const rating = (topic: string, value: number, time = at()): ProgressEvent => ({
  e: 'rating',
  at: time,
  topic,
  value,
});
export const status = (topic: string, s: 'todo' | 'learning' | 'done' | 'skip', time = at()): ProgressEvent => ({
  e: 'status',
  at: time,
  topic,
  status: s,
});
