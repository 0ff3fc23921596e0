import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN, ROOT, childEnv } from '../helpers/cli.js';
import { ProgressStore } from '../../src/progress/store.js';
import { FIXTURES, answer, tempHome } from './helpers.js';

/**
 * Real processes writing one journal at the same time, and being killed mid-write. The writers run
 * the built store (dist/), so run `npm run build` first (npm test does).
 */
const WRITER = join(FIXTURES, 'writer.mjs');

let home: ReturnType<typeof tempHome>;
let file: string;
let cacheDir: string;
/** Every writer started, so none outlives its test (they also stop by themselves). */
const children = new Set<ChildProcess>();

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist', 'progress', 'store.js'))) throw new Error('run `npm run build` first');
});
beforeEach(() => {
  home = tempHome();
  file = join(home.dir, 'progress.jsonl');
  cacheDir = join(home.dir, 'cache');
});
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children.clear();
  home.cleanup();
});

interface Writer {
  child: ChildProcess;
  /** "ID:N" of every answer whose save completed. */
  acked: string[];
  done: Promise<number | null>;
}

function startWriter(id: string, count: number, seconds = 20): Writer {
  const child = spawn(process.execPath, [WRITER, file, cacheDir, id, String(count), String(seconds)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const acked: string[] = [];
  let pending = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    pending += chunk.toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop()!;
    acked.push(...lines);
  });
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
  const done = new Promise<number | null>((resolve) =>
    child.on('close', (code) => {
      if (code !== 0 && code !== null) process.stderr.write(`writer ${id} failed: ${stderr}\n`);
      resolve(code);
    }),
  );
  return { child, acked, done };
}

const questionsIn = (store: ProgressStore) =>
  store.load().events.flatMap((e) => (e.e === 'answer' ? [e.question] : []));

describe('several processes saving at once', () => {
  for (const processes of [2, 4])
    it(`${processes} processes × 100 answers: every answer is there, once`, async () => {
      const writers = Array.from({ length: processes }, (_, i) => startWriter(`w${i}`, 100));
      expect(await Promise.all(writers.map((w) => w.done))).toEqual(writers.map(() => 0));
      const questions = questionsIn(new ProgressStore(file, { warn: () => {} }));
      expect(questions).toHaveLength(processes * 100);
      expect(new Set(questions).size).toBe(processes * 100);
      for (let i = 0; i < processes; i++) for (let n = 0; n < 100; n++) expect(questions).toContain(`w${i}-${n}`);
      expect(existsSync(`${file}.lock`)).toBe(false);
    });
});

describe('imports at the same time', () => {
  it('four imports of one file add it once', async () => {
    const events = Array.from({ length: 3000 }, (_, i) =>
      answer(i % 2 ? 'loops-range' : 'functions-default', i % 2 ? 'loops' : 'functions', i % 3, i % 4 === 0),
    );
    const source = join(home.dir, 'source.jsonl');
    new ProgressStore(source, { warn: () => {} }).append(events);
    const env = childEnv(home.dir, { PYROAD_ROADMAP: join(FIXTURES, 'roadmap.yaml') });
    const codes = await Promise.all(
      Array.from({ length: 4 }, () => {
        const child = spawn(process.execPath, [BIN, 'import', source], { env, stdio: 'ignore' });
        children.add(child);
        return new Promise<number | null>((resolve) => child.on('close', resolve));
      }),
    );
    expect(codes).toEqual([0, 0, 0, 0]);
    expect(new ProgressStore(file, { warn: () => {} }).loadEvents()).toHaveLength(events.length);
  });
});

describe('writers killed with SIGKILL at random moments', () => {
  it('the journal always loads, and every completed save is in it (100 kills)', async () => {
    const lanes = 4;
    const killsPerLane = 25;
    const acked = new Set<string>();
    const warnings: string[] = [];
    let kills = 0;

    // Each lane starts a writer, kills it at a random moment (often mid-save, while it holds the
    // lock), checks the journal loads, and starts the next; lanes run side by side on one file.
    const lane = async (l: number) => {
      for (let k = 0; k < killsPerLane; k++) {
        const writer = startWriter(`l${l}k${k}`, 100_000, 10);
        // Wait for the first save most of the time (a kill before any save tests little).
        const firstSave = Math.random() < 0.85;
        const deadline = Date.now() + 5_000;
        while (firstSave && writer.acked.length === 0 && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 2));
        await new Promise((r) => setTimeout(r, Math.random() * 40));
        writer.child.kill('SIGKILL');
        await writer.done;
        kills++;
        for (const a of writer.acked) acked.add(a);
        // The journal loads after every kill, whatever the moment.
        new ProgressStore(file, { cacheDir, warn: (t) => warnings.push(t) }).load();
      }
    };
    await Promise.all(Array.from({ length: lanes }, (_, l) => lane(l)));
    expect(kills).toBeGreaterThanOrEqual(100);

    const questions = new Set(questionsIn(new ProgressStore(file, { warn: () => {} })));
    const missing = [...acked].map((a) => a.replace(':', '-')).filter((q) => !questions.has(q));
    expect(missing).toEqual([]);
    // Many saves completed before their kills (fewer on a loaded machine, where a writer starts
    // slowly and often dies after its first save): the check above had plenty to find.
    expect(acked.size).toBeGreaterThan(25);
    // What a later save may leave behind: lock temp files of killed writers, never a broken journal.
    const leftovers = readdirSync(home.dir).filter(
      (f) => !['progress.jsonl', 'progress.jsonl.torn', 'cache'].includes(f),
    );
    for (const f of leftovers) expect(f).toMatch(/^(progress\.jsonl\.lock.*|\.progress\.jsonl\..*\.tmp)$/);
  }, 120_000);
});
