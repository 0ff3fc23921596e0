import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ProgressStore } from '../../src/progress/store.js';
import { run, tempHome } from './helpers.js';

/**
 * Property: export → import into an empty home → export gives the identical document; importing
 * again changes nothing; merging keeps everything from both sides with the newest rating/status.
 * Events only refer to the fixture roadmap (test/fixtures/progress/roadmap.yaml).
 */
const QUESTIONS: [question: string, topic: string, choices: number][] = [
  ['loops-range', 'loops', 3],
  ['loops-break', 'loops', 3],
  ['functions-default', 'functions', 4],
  ['http-idempotent', 'http', 3],
  ['http-status', 'http', 5],
  ['rest-noun', 'rest', 3],
];
const TOPICS = ['loops', 'functions', 'http', 'rest'];
const NOW = '2026-06-01T12:00:00.000Z';

// A small set of moments, so that ties (events at the same millisecond) happen often.
const time = fc
  .integer({ min: 0, max: 40 })
  .map((n) => new Date(Date.parse('2026-01-01T00:00:00.000Z') + n * 3_600_000 + (n % 3)).toISOString());

const event: fc.Arbitrary<ProgressEvent> = fc.oneof(
  fc.record({
    e: fc.constant('rating' as const),
    at: time,
    topic: fc.constantFrom(...TOPICS),
    value: fc.integer({ min: 0, max: 4 }),
  }),
  fc
    .tuple(
      time,
      fc.constantFrom(...QUESTIONS),
      fc.nat(),
      fc.boolean(),
      fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }),
    )
    .map(([at, [question, topic, choices], n, correct, session]): ProgressEvent => ({
      e: 'answer',
      at,
      topic,
      question,
      choice: n % choices,
      correct,
      ...(session ? { session } : {}),
    })),
  fc.record({
    e: fc.constant('status' as const),
    at: time,
    topic: fc.constantFrom(...TOPICS),
    status: fc.constantFrom('todo' as const, 'learning' as const, 'done' as const, 'skip' as const),
  }),
  fc.record({
    e: fc.constant('session' as const),
    at: time,
    session: fc.constantFrom('s1', 's2'),
    area: fc.constantFrom('basics', 'web'),
    phase: fc.constantFrom('start' as const, 'end' as const),
  }),
);
// Exact duplicates too: a journal may hold the same event twice.
const events = fc
  .array(event, { maxLength: 25 })
  .chain((list) => fc.subarray(list).map((again) => [...list, ...again]));

const homes: ReturnType<typeof tempHome>[] = [];
afterAll(() => homes.forEach((h) => h.cleanup()));
function newHome(list: ProgressEvent[] = []): string {
  const home = tempHome();
  homes.push(home);
  if (list.length) new ProgressStore(join(home.dir, 'progress.jsonl'), { warn: () => {} }).append(list);
  return home.dir;
}

const env = { PYROAD_NOW: NOW };
async function exportOf(home: string): Promise<string> {
  const r = await run(['export'], { home, env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}
async function importInto(home: string, text: string, extra: string[] = []) {
  const r = await run(['import', '-', ...extra], { home, input: text, env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r;
}

describe('export and import', () => {
  it('export → import into an empty home → export is identical, and a second import changes nothing', async () => {
    await fc.assert(
      fc.asyncProperty(events, async (list) => {
        const first = await exportOf(newHome(list));
        const target = newHome();
        await importInto(target, first);
        expect(await exportOf(target)).toBe(first);
        const journal = () =>
          existsSync(join(target, 'progress.jsonl')) ? readFileSync(join(target, 'progress.jsonl')) : undefined;
        const before = journal();
        const again = await importInto(target, first);
        expect(again.stdout).toMatch(/^Nothing new/);
        expect(journal()).toEqual(before);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('merging keeps every answer of both sides once, and the newest rating and status win', async () => {
    await fc.assert(
      fc.asyncProperty(events, events, async (mine, theirs) => {
        const target = newHome(mine);
        await importInto(target, await exportOf(newHome(theirs)));
        const state = new ProgressStore(join(target, 'progress.jsonl'), { warn: () => {} }).load();
        const key = (e: ProgressEvent) => JSON.stringify(e, Object.keys(e).sort());
        const union = new Set([...mine, ...theirs].map(key));
        expect(new Set(state.events.map(key))).toEqual(union);
        for (const topic of TOPICS) {
          const ratings = [...mine, ...theirs].filter((e) => e.e === 'rating' && e.topic === topic);
          const newest = ratings
            .map((e) => e.at)
            .sort()
            .at(-1);
          expect(state.topics.get(topic)?.rating?.at).toBe(newest);
          const statuses = [...mine, ...theirs].filter((e) => e.e === 'status' && e.topic === topic);
          expect(state.topics.get(topic)?.status?.at).toBe(
            statuses
              .map((e) => e.at)
              .sort()
              .at(-1),
          );
        }
      }),
      { numRuns: 20 },
    );
  }, 120_000);

  it('--replace swaps the progress for the file and keeps a backup', async () => {
    const target = newHome([{ e: 'rating', at: '2026-01-01T00:00:00.000Z', topic: 'loops', value: 1 }]);
    const incoming = await exportOf(
      newHome([{ e: 'rating', at: '2025-01-01T00:00:00.000Z', topic: 'http', value: 4 }]),
    );
    const r = await importInto(target, incoming, ['--replace']);
    expect(r.stdout).toMatch(
      /Replaced your progress with stdin: 1 rating\.\n {2}The previous progress is kept in .*progress\.backup-.*\.jsonl/,
    );
    expect(await exportOf(target)).toBe(incoming);
  });
});
