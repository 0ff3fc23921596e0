/**
 * A resize while a prompt waits (src/quiz/redraw.ts), through src/prompts.ts and inquirer's real
 * prompts on @inquirer/testing's in-memory screen: the question is drawn again at the new width,
 * the cursor stays on its choice, and the answer is recorded once.
 */
import { EventEmitter } from 'node:events';
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { PyroadError } from '../../src/errors.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { createPrompts } from '../../src/prompts.js';
import { runInteractive, type AssessDeps, type Screen } from '../../src/quiz/run.js';
import { plainStyle } from '../../src/render/style.js';
import { area, index, question, topic } from './fixtures.js';

vi.mock('../../src/scale-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<{ default: Parameters<typeof wrapPrompt>[0] }>();
  return { ...actual, default: wrapPrompt(actual.default) };
});

const LONG = 'Which of these describes what the server should answer after it created a new resource for the client';
const quiz = area('quiz', [
  topic('t1', [
    { ...question('q1', 0, ['right one', 'wrong one a', 'wrong one b']), prompt: LONG },
    question('q2', 0, ['right two', 'wrong two a', 'wrong two b']),
  ]),
]);

function setup() {
  const events: ProgressEvent[] = [];
  const terminal = new EventEmitter();
  const printed: string[] = [];
  let clears = 0;
  const deps: AssessDeps = {
    index: index(quiz),
    store: { load: () => foldEvents(events), append: (e) => void events.push(...e) },
    now: () => new Date('2026-02-01T10:00:00Z'),
    newId: () => 'session-1',
  };
  const io: Screen = {
    prompts: createPrompts(),
    print: (t = '') => void printed.push(t),
    style: plainStyle,
    columns: 100,
    rows: 40,
    onResize: (listener) => {
      terminal.on('resize', listener);
      return () => void terminal.off('resize', listener);
    },
    clear: () => void clears++,
  };
  const resize = (columns: number) => {
    io.columns = columns;
    terminal.emit('resize');
  };
  return { deps, io, events, printed, resize, clears: () => clears, listeners: () => terminal.listenerCount('resize') };
}

const options = { questionsPerTopic: 10, seed: 3, quick: false, retake: false, area: 'quiz' };

describe('a resize while a question waits', () => {
  it('draws the question again at the new width, keeps the cursor, and records one answer', async () => {
    const { deps, io, events, printed, resize, clears, listeners } = setup();
    const outcome = runInteractive(deps, io, options).catch((error: unknown) => error);
    await screen.next();
    // The rating: the cursor moves to 3, the terminal narrows, the scale comes back on 3.
    screen.keypress('down');
    screen.keypress('down');
    screen.keypress('down');
    resize(120);
    await screen.next();
    expect(screen.getScreen()).toMatch(/❯ 3 {2}use it on my own/);
    expect(clears()).toBe(1);
    screen.keypress('enter');
    await screen.next();
    expect(events.filter((e) => e.e === 'rating')).toMatchObject([{ value: 3 }]);

    // The long question: one line at 120 columns.
    let shown = printed.join('\n');
    while (!shown.includes(LONG.slice(0, 40))) {
      // q2 came first (the order is seeded): answer it and go on to q1.
      screen.type('1');
      screen.keypress('enter');
      await screen.next();
      shown = printed.join('\n');
    }
    const before = printed.length;
    expect(printed.at(-1)).toContain(`  ${LONG}\n`);
    screen.keypress('down');
    const onTwo = /❯ 2\. (.+)/.exec(screen.getScreen())![1]!.trim();

    resize(40);
    await screen.next();
    expect(clears()).toBe(2);
    const redrawn = printed.slice(before).join('\n');
    // Drawn again at 40 columns: the question wraps, no line is wider.
    expect(redrawn).toContain('  Which of these describes what the\n  server should answer after it created');
    for (const line of redrawn.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(screen.getScreen()).toContain(`❯ 2. ${onTwo}`);

    screen.keypress('enter');
    const q1 = () => events.filter((e) => e.e === 'answer' && e.question === 'q1');
    await vi.waitFor(() => expect(q1()).toHaveLength(1));
    expect(q1()[0]).toMatchObject({ correct: onTwo === 'right one' });
    // q2, if it is still to come, is answered; the run ends with every answer recorded once.
    let done = false;
    void outcome.then(() => (done = true));
    const pending = () =>
      (printed.join('\n').match(/Question q2\?/g) ?? []).length >
      events.filter((e) => e.e === 'answer' && e.question === 'q2').length;
    await vi.waitFor(() => expect(done || pending()).toBe(true));
    if (!done) {
      screen.type('1');
      screen.keypress('enter');
    }
    expect(await outcome).not.toBeInstanceOf(Error);
    expect(events.filter((e) => e.e === 'answer').map((e) => (e.e === 'answer' ? e.question : ''))).toHaveLength(2);
    // No listener is left behind.
    expect(listeners()).toBe(0);
  });

  it('Ctrl-C after a redraw still interrupts with what was saved', async () => {
    const { deps, io, events, resize } = setup();
    const run = runInteractive(deps, io, options).catch((error: unknown) => error);
    await screen.next();
    resize(50);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    const error = await run;
    expect(error).toBeInstanceOf(PyroadError);
    expect((error as PyroadError).exitCode).toBe(130);
    expect(events.filter((e) => e.e === 'rating')).toEqual([]);
  });
});
