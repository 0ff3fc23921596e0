import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
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

const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const when = fc.oneof(
  fc
    .date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
    .map((d) => d.toISOString()),
  fc.constantFrom('2026-01-31T12:00:00+02:00', '2026-01-31T12:00:00Z', '2026-01-31T12:00:00.5Z'),
);
const ref = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/);
const text = fc.string({ minLength: 1, maxLength: 30 }).filter((t) => t.trim() === t && t !== '');
const fingerprint = fc.stringMatching(/^[0-9a-f]{16}$/);
/** The evidence and prove/apply kinds, kept whole by the event log. */
const recordEvents: fc.Arbitrary<ProgressEvent>[] = [
  fc.record(
    {
      e: fc.constant('check' as const),
      at: when,
      topic: id,
      fingerprint,
      total: fc.integer({ min: 0, max: 30 }),
      passed: fc.integer({ min: 0, max: 30 }),
      failed: fc.array(id, { maxLength: 3 }),
      subset: fc.constant(true as const),
    },
    { requiredKeys: ['e', 'at', 'topic', 'fingerprint', 'total', 'passed', 'failed'] },
  ),
  fc.record(
    {
      e: fc.constant('exercise' as const),
      at: when,
      topic: id,
      exercise: id,
      fingerprint,
      passed: fc.boolean(),
      ms: fc.integer({ min: 0, max: 60_000 }),
    },
    { requiredKeys: ['e', 'at', 'topic', 'exercise', 'fingerprint', 'passed'] },
  ),
  fc.record(
    { e: fc.constant('evidence' as const), at: when, topic: id, ref, url: text, note: text },
    { requiredKeys: ['e', 'at', 'topic', 'ref', 'url'] },
  ),
  fc.record({ e: fc.constant('evidence-removed' as const), at: when, topic: id, ref }),
  fc.record({
    e: fc.constant('tick' as const),
    at: when,
    topic: id,
    list: fc.constantFrom('milestone' as const, 'checklist' as const),
    item: fc.integer({ min: 0, max: 20 }),
    done: fc.boolean(),
  }),
  fc.record(
    {
      e: fc.constant('application' as const),
      at: when,
      ref,
      stage: fc.constantFrom('applied', 'screen', 'interview', 'offer', 'rejected', 'withdrawn'),
      company: text,
      role: text,
      url: text,
      stack: fc.array(text, { maxLength: 3 }),
      source: text,
      date: fc.constantFrom('2026-12-01', '2027-02-28'),
      note: text,
    },
    { requiredKeys: ['e', 'at', 'ref', 'stage'] },
  ),
];

/** Any valid event, with times in every form the schema accepts (offsets, fewer or more digits). */
export const anyEvent: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc.record({ e: fc.constant('rating' as const), at: when, topic: id, value: fc.integer({ min: 0, max: 4 }) }),
  fc.record(
    {
      e: fc.constant('answer' as const),
      at: when,
      topic: id,
      question: id,
      choice: fc.integer({ min: 0, max: 4 }),
      correct: fc.boolean(),
      session: id,
    },
    { requiredKeys: ['e', 'at', 'topic', 'question', 'choice', 'correct'] },
  ),
  fc.record({
    e: fc.constant('status' as const),
    at: when,
    topic: id,
    status: fc.constantFrom('todo', 'learning', 'done', 'skip'),
  }),
  fc.record({
    e: fc.constant('session' as const),
    at: when,
    session: id,
    area: id,
    phase: fc.constantFrom('start', 'end'),
  }),
  ...recordEvents,
);
