/**
 * The interactive flow through src/prompts.ts and inquirer's real prompts, on @inquirer/testing's
 * in-memory screen: pick, rate, answer right and wrong, Ctrl-C, resume.
 */
import { screen, wrapPrompt } from '@inquirer/testing/vitest';
import { describe, expect, it, vi } from 'vitest';
import { PyroadError } from '../../src/errors.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { createPrompts } from '../../src/prompts.js';
import { runInteractive, type AssessDeps, type Screen } from '../../src/quiz/run.js';
import { plainStyle } from '../../src/render/style.js';
import { area, index, question, topic } from './fixtures.js';

// pyroad's own rating prompt, on the same in-memory screen as inquirer's.
vi.mock('../../src/scale-prompt.js', async (importOriginal) => {
  const actual = await importOriginal<{ default: Parameters<typeof wrapPrompt>[0] }>();
  return { ...actual, default: wrapPrompt(actual.default) };
});

const quiz = area('quiz', [
  topic('t1', [
    question('q1', 0, ['right one', 'wrong one a', 'wrong one b']),
    question('q2', 0, ['right two', 'wrong two a', 'wrong two b']),
    question('q3', 0, ['right three', 'wrong three a', 'wrong three b']),
  ]),
]);
const other = area('other', [topic('t9', [question('q9')])]);

function setup() {
  const events: ProgressEvent[] = [];
  let ids = 0;
  const deps: AssessDeps = {
    index: index(other, quiz),
    store: { load: () => foldEvents(events), append: (e) => void events.push(...e) },
    now: () => new Date('2026-02-01T10:00:00Z'),
    newId: () => `session-${++ids}`,
  };
  const printed: string[] = [];
  const io: Screen = {
    prompts: createPrompts(),
    print: (t = '') => void printed.push(t),
    style: plainStyle,
    columns: 80,
    rows: 40,
  };
  return { deps, io, events, printed };
}

/** The number the screen shows before the choice whose text starts with `text`. */
function numberOf(text: string): string {
  const match = new RegExp(`(\\d)\\. ${text}`).exec(screen.getScreen());
  if (!match) throw new Error(`"${text}" is not on screen:\n${screen.getScreen()}`);
  return match[1]!;
}

/** Picks a choice by its number; waits for the next prompt unless it was the last. */
async function choose(text: string, last = false) {
  screen.type(numberOf(text));
  screen.keypress('enter');
  if (!last) await screen.next();
}

const options = { questionsPerTopic: 10, seed: 3, quick: false, retake: false };

describe('assess through the prompts', () => {
  it('picks, rates, answers with feedback, saves each answer, and Ctrl-C reports what was saved', async () => {
    const { deps, io, events, printed } = setup();
    const run = runInteractive(deps, io, options);
    const outcome = run.catch((error: unknown) => error);

    await screen.next();
    expect(screen.getScreen()).toContain('Which area do you want to assess?');
    expect(screen.getScreen()).toMatch(/❯ Area other\s+not started/);
    screen.keypress('down');
    expect(screen.getScreen()).toMatch(/❯ Area quiz\s+not started/);
    screen.keypress('enter');
    await screen.next();

    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    expect(printed.join('\n')).toContain('Area quiz · topic 1 of 1');
    // The scale shows its own numbers, and a number key picks that rating, not that position.
    expect(screen.getScreen()).toMatch(
      /❯ 0 {2}never heard of it\n {2}1 {2}heard of it\n {2}2 {2}could use it with help/,
    );
    expect(screen.getScreen()).toContain('0-4 pick');
    screen.type('3');
    expect(screen.getScreen()).toMatch(/❯ 3 {2}use it on my own/);
    screen.keypress('up');
    screen.keypress('enter'); // 2 · could use it with help
    await screen.next();
    expect(events.find((e) => e.e === 'rating')).toMatchObject({ topic: 't1', value: 2 });

    expect(screen.getScreen()).toContain('Your answer');
    expect(printed.join('\n')).toMatch(/Area quiz · question 1 of 3/);
    const first = /Question (q\d)\?/.exec(printed.join('\n'))![1]!;
    const rightText = { q1: 'right one', q2: 'right two', q3: 'right three' }[first]!;
    await choose(rightText);
    expect(printed.join('\n')).toContain('✔ Correct.');
    expect(events.filter((e) => e.e === 'answer')).toHaveLength(1); // saved before the next question

    const second = /Question (q\d)\?/g;
    const asked = [...printed.join('\n').matchAll(second)].map((m) => m[1]!);
    const wrongText = { q1: 'wrong one a', q2: 'wrong two a', q3: 'wrong three a' }[asked[1]!]!;
    expect(printed.join('\n')).toMatch(/Area quiz · question 2 of 3/);
    await choose(wrongText);
    expect(printed.join('\n')).toMatch(
      /✘ Not quite\. The right answer is \d:\n\s+right (one|two|three)\n\s+Because q\d\./,
    );

    expect(screen.getScreen()).toContain('Your answer');
    screen.keypress({ name: 'c', ctrl: true });
    const error = await outcome;
    expect(error).toBeInstanceOf(PyroadError);
    expect((error as PyroadError).exitCode).toBe(130);
    expect((error as PyroadError).message).toBe(
      'interrupted: 2 answers saved (and 1 rating); `pyroad assess quiz` resumes',
    );
    expect(events.map((e) => e.e)).toEqual(['session', 'rating', 'answer', 'answer']);
    expect(events.filter((e) => e.e === 'answer').map((e) => (e.e === 'answer' ? e.correct : null))).toEqual([
      true,
      false,
    ]);
  });

  it('offers to resume and asks only what is left', async () => {
    const { deps, io, events, printed } = setup();
    events.push(
      { e: 'session', at: '2026-01-31T09:00:00.000Z', session: 'old', area: 'quiz', phase: 'start' },
      { e: 'rating', at: '2026-01-31T09:00:01.000Z', topic: 't1', value: 3 },
      {
        e: 'answer',
        at: '2026-01-31T09:00:02.000Z',
        topic: 't1',
        question: 'q2',
        choice: 0,
        correct: true,
        session: 'old',
      },
    );
    const run = runInteractive(deps, io, { ...options, area: 'quiz' });
    await screen.next();
    expect(screen.getScreen()).toContain(
      'You stopped assessing Area quiz on 2026-01-31 after 1 rating and 1 answer. Pick up where you stopped?',
    );
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('Your answer'); // no rating again
    expect(printed.join('\n')).toContain('Resuming: 1 answer already saved.');
    expect(printed.join('\n')).toContain('Area quiz · question 2 of 3');
    expect(printed.join('\n')).not.toContain('Question q2?');
    await choose('right');
    await choose('right', true);
    const summary = await run;
    expect(summary).toMatchObject({ session: 'old', resumed: true, complete: true, answered: 3, correct: 3 });
    expect(events.at(-1)).toMatchObject({ e: 'session', session: 'old', phase: 'end' });
    expect(events.filter((e) => e.e === 'session' && e.phase === 'start')).toHaveLength(1);
  });

  it('asks nothing about a topic that is new to the learner, and says so', async () => {
    const { deps, io, events, printed } = setup();
    const run = runInteractive(deps, io, { ...options, area: 'quiz' });
    await screen.next();
    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    screen.keypress('enter'); // the first choice: 0, never heard of it
    const summary = await run;
    expect(printed.join('\n')).toContain('No questions on Topic t1: you have never heard of it (3 questions skipped).');
    expect(summary).toMatchObject({ complete: true, answered: 0 });
    expect(events.map((e) => e.e)).toEqual(['session', 'rating', 'session']);
  });

  it('does not offer an unfinished session that recorded nothing, and closes it', async () => {
    const { deps, io, events } = setup();
    events.push({ e: 'session', at: '2026-01-31T09:00:00.000Z', session: 'old', area: 'quiz', phase: 'start' });
    const run = runInteractive(deps, io, { ...options, area: 'quiz', quick: true });
    await screen.next();
    expect(screen.getScreen()).not.toContain('Pick up where you stopped?');
    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    screen.keypress('enter');
    await run;
    expect(
      events.filter((e) => e.e === 'session').map((e) => (e.e === 'session' ? `${e.session} ${e.phase}` : '')),
    ).toEqual(['old start', 'old end', 'session-1 start', 'session-1 end']);
  });

  it('closes the unfinished session when resuming is declined, and starts afresh', async () => {
    const { deps, io, events } = setup();
    events.push(
      { e: 'session', at: '2026-01-31T09:00:00.000Z', session: 'old', area: 'quiz', phase: 'start' },
      { e: 'rating', at: '2026-01-31T09:00:01.000Z', topic: 't1', value: 2 },
    );
    const run = runInteractive(deps, io, { ...options, area: 'quiz', quick: true });
    await screen.next();
    screen.type('n');
    screen.keypress('enter');
    await screen.next();
    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    screen.keypress('enter');
    const summary = await run;
    expect(summary).toMatchObject({ session: 'session-1', resumed: false, quick: true, answered: 0 });
    expect(
      events.filter((e) => e.e === 'session').map((e) => (e.e === 'session' ? `${e.session} ${e.phase}` : '')),
    ).toEqual(['old start', 'old end', 'session-1 start', 'session-1 end']);
  });

  it('--retake starts afresh without offering to resume, and closes the unfinished session', async () => {
    const { deps, io, events } = setup();
    events.push({ e: 'session', at: '2026-01-31T09:00:00.000Z', session: 'old', area: 'quiz', phase: 'start' });
    const run = runInteractive(deps, io, { ...options, area: 'quiz', quick: true, retake: true });
    await screen.next();
    expect(screen.getScreen()).not.toContain('Pick up where you stopped?');
    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    screen.keypress('enter');
    const summary = await run;
    expect(summary).toMatchObject({ session: 'session-1', resumed: false });
    expect(
      events.filter((e) => e.e === 'session').map((e) => (e.e === 'session' ? `${e.session} ${e.phase}` : '')),
    ).toEqual(['old start', 'old end', 'session-1 start', 'session-1 end']);
  });

  it('Ctrl-C at the picker saves nothing and says so', async () => {
    const { deps, io, events } = setup();
    const outcome = runInteractive(deps, io, options).catch((error: unknown) => error);
    await screen.next();
    screen.keypress({ name: 'c', ctrl: true });
    expect(((await outcome) as PyroadError).message).toBe('interrupted: nothing was saved');
    expect(events).toEqual([]);
  });

  it('Ctrl-C at the first rating closes the empty session, so nothing is offered to resume', async () => {
    const { deps, io, events } = setup();
    const outcome = runInteractive(deps, io, { ...options, area: 'quiz' }).catch((error: unknown) => error);
    await screen.next();
    expect(screen.getScreen()).toContain('How well do you know Topic t1?');
    screen.keypress({ name: 'c', ctrl: true });
    expect(((await outcome) as PyroadError).message).toBe('interrupted: nothing was saved');
    expect(events.map((e) => (e.e === 'session' ? e.phase : e.e))).toEqual(['start', 'end']);
  });

  it('an unknown area is a usage error with a did-you-mean', async () => {
    const { deps, io } = setup();
    await expect(runInteractive(deps, io, { ...options, area: 'quizz' })).rejects.toMatchObject({
      exitCode: 2,
      message: expect.stringContaining('(did you mean "quiz"?)'),
    });
  });
});
