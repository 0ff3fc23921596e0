/**
 * `pyroad assess` in a real terminal: the built binary (`npm run build` first) runs inside tmux;
 * the test types with send-keys and reads the screen with capture-pane. Skipped, with a message,
 * only when tmux is not installed (.ci/run installs it).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ProgressStore } from '../../src/progress/store.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { Terminal, hasTmux } from '../helpers/tmux.js';

if (!hasTmux)
  console.warn('SKIPPED: the real-terminal assess test needs tmux, which is not installed (apt-get install tmux).');

const FIXTURE = join(ROOT, 'test', 'fixtures', 'quiz', 'roadmap.yaml');
/** The fixture's web questions: what each asks, its right choice, and a wrong one. */
const WEB: Record<string, { prompt: string; right: string; wrong: string; explanation: string }> = {
  'http-idempotent': {
    prompt: 'Which method is not idempotent?',
    right: 'POST',
    wrong: 'PUT',
    explanation: 'Repeating a POST',
  },
  'http-get-body': {
    prompt: 'Where is the page number?',
    right: 'In the query string',
    wrong: 'In the body',
    explanation: 'page=2 follows',
  },
  'http-created': {
    prompt: 'Which status code says so?',
    right: '201 Created',
    wrong: '200 OK',
    explanation: '201 means a resource',
  },
};

const tmp = tempDir('pyroad-tmux-');
const terminal = new Terminal(tmp.dir);
afterAll(() => {
  terminal.close();
  tmp.cleanup();
});

const home = join(tmp.dir, 'home');
const progress = () => new ProgressStore(join(home, 'progress.jsonl')).loadEvents();
const answers = (events: ProgressEvent[]) => events.filter((e) => e.e === 'answer');

/** `pyroad assess ARGS` in a fresh 120x40 terminal, on the quiz fixture. */
const start = (...args: string[]) => terminal.start(['assess', ...args], { home, env: { PYROAD_ROADMAP: FIXTURE } });

/** The question on screen now (the last one printed), by its prompt. */
function currentQuestion(text: string): string {
  const at = text.lastIndexOf('? Your answer');
  const before = text.slice(0, at);
  let best: [string, number] = ['', -1];
  for (const [id, q] of Object.entries(WEB)) {
    const p = before.lastIndexOf(q.prompt);
    if (p > best[1]) best = [id, p];
  }
  if (best[1] < 0) throw new Error(`no known question on screen:\n${text}`);
  return best[0];
}

/** The number shown before a choice of the current prompt. */
function numberOf(text: string, choice: string): string {
  const list = text.slice(text.lastIndexOf('? Your answer'));
  const m = new RegExp(`(\\d)\\. ${choice.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).exec(list);
  if (!m) throw new Error(`choice "${choice}" not on screen:\n${list}`);
  return m[1]!;
}

describe.skipIf(!hasTmux)('pyroad assess in a real terminal (tmux)', () => {
  it('picks with arrows, rates, gives feedback, survives Ctrl-C with exit 130, then resumes', async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js')))
      throw new Error('run `npm run build` first: this test runs the built binary');
    mkdirSync(home, { recursive: true });

    // 1. The picker: arrow down to the second area.
    const first = start('--questions', '3');
    // A first run offers the placement: declined, the area picker follows.
    await first.waitFor('Take the placement');
    first.keys('n', 'Enter');
    await first.waitFor('Which area do you want to assess?');
    expect(first.screen()).toMatch(/❯ Python basics\s+not started/);
    first.keys('Down');
    await first.waitFor(/❯ Web basics\s+not started/);
    first.keys('Enter');

    // 2. The self-rating: three steps down is "use it on my own".
    await first.waitFor('How well do you know HTTP methods?');
    expect(first.screen()).toContain('Web basics · topic 1 of 1');
    first.keys('Down', 'Down', 'Down', 'Enter');

    // 3. A right answer, with feedback.
    let text = await first.waitFor('Web basics · question 1 of 3');
    text = await first.waitFor('? Your answer');
    const q1 = currentQuestion(text);
    first.keys(numberOf(text, WEB[q1]!.right), 'Enter');
    text = await first.waitFor('Web basics · question 2 of 3');
    expect(text).toContain('✔ Correct.');
    expect(text).toMatch(/› Your answer \d\. /); // not ✔: choosing is not being right
    expect(text).toContain(WEB[q1]!.explanation);

    // 4. A wrong answer: the right one and the explanation are shown.
    text = await first.waitFor(/question 2 of 3[\s\S]*\? Your answer/);
    const q2 = currentQuestion(text);
    expect(q2).not.toBe(q1);
    first.keys(numberOf(text, WEB[q2]!.wrong), 'Enter');
    text = await first.waitFor(/question 3 of 3[\s\S]*\? Your answer/);
    expect(text).toMatch(new RegExp(`✘ Not quite\\. The right answer is \\d:\\s+${WEB[q2]!.right}`));
    expect(text).toContain(WEB[q2]!.explanation);
    expect(answers(progress())).toHaveLength(2); // saved before the next question was shown

    // 5. Ctrl-C mid-quiz: one line, exit 130, both answers kept, the session left open.
    first.keys('C-c');
    text = await first.waitFor('interrupted:');
    expect(await first.exitCode()).toBe(130);
    expect(text).toContain('pyroad: interrupted: 2 answers saved (and 1 rating); `pyroad assess web` resumes');
    expect(text).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
    const saved = progress();
    expect(answers(saved).map((e) => (e.e === 'answer' ? [e.question, e.correct] : []))).toEqual([
      [q1, true],
      [q2, false],
    ]);
    expect(saved.filter((e) => e.e === 'rating')).toMatchObject([{ topic: 'http-methods', value: 3 }]);
    expect(saved.filter((e) => e.e === 'session').map((e) => (e.e === 'session' ? e.phase : ''))).toEqual(['start']);

    // 6. Resume: offered, accepted; only the third question is left.
    const second = start('web', '--questions', '3');
    await second.waitFor('Pick up where you stopped?');
    second.keys('Enter');
    text = await second.waitFor(/question 3 of 3[\s\S]*\? Your answer/);
    expect(text).toContain('Resuming: 2 answers already saved.');
    expect(text).not.toContain('How well do you know');
    const q3 = currentQuestion(text);
    expect([q1, q2]).not.toContain(q3);
    second.keys(numberOf(text, WEB[q3]!.right), 'Enter');
    text = await second.waitFor('Web basics: assessment done');
    expect(await second.exitCode()).toBe(0);
    expect(text).toContain('2 of 3 right (67%)');
    expect(text).toContain('Best next step:');
    const after = progress();
    expect(answers(after)).toHaveLength(3);
    const sessions = new Set(after.flatMap((e) => (e.e === 'answer' ? [e.session] : [])));
    expect(sessions.size).toBe(1);
    expect(after.at(-1)).toMatchObject({ e: 'session', phase: 'end' });
  });

  it('a closed terminal before the first rating leaves nothing to resume', async () => {
    const gone = start('web');
    await gone.waitFor('How well do you know');
    gone.kill(); // the terminal goes away
    await new Promise((r) => setTimeout(r, 1000));
    const again = start('web');
    const text = await again.waitFor('How well do you know');
    expect(text).not.toContain('Pick up where you stopped?');
    again.kill();
  });
});
