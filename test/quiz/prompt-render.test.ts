/** How the question's choices behave in inquirer's real select prompt (rendered in memory). */
import { describe, expect, it } from 'vitest';
import { render } from '@inquirer/testing';
import { select } from '@inquirer/prompts';
import { choiceItems, questionView } from '../../src/render/quiz.js';
import { plainStyle } from '../../src/render/style.js';
import { question, topic } from './fixtures.js';

const codeQuestion = question('loops-pick', 1, [
  '```python\nfor i in range(3):\n    print(i)\n```',
  '```python\ni = 0\nwhile i < 3:\n    print(i)\n    i += 1\n```',
  'Neither of them',
]);

function config(order = [0, 1, 2], width = 60) {
  const step = {
    kind: 'question' as const,
    topic: topic('loops', [codeQuestion]),
    question: codeQuestion,
    order,
    number: 1,
    total: 1,
  };
  const view = questionView(step, 'Python basics', plainStyle, width, 40);
  return {
    message: view.select.message,
    choices: view.select.choices,
    pageSize: view.select.pageSize!,
    theme: { indexMode: 'number' as const },
  };
}

describe('a multi-line code choice in the select prompt', () => {
  it('is listed with its indentation kept and its lines lined up', async () => {
    const { answer, getScreen, events } = await render(select<number>, config());
    const screen = getScreen();
    expect(screen).toContain('❯ 1. │ for i in range(3):\n     │     print(i)');
    expect(screen).toContain('  2. │ i = 0\n     │ while i < 3:\n     │     print(i)\n     │     i += 1');
    expect(screen).toContain('  3. Neither of them');
    events.keypress('enter');
    await expect(answer).resolves.toBe(0);
  });

  it('is one item: one arrow press moves past all of its lines', async () => {
    const { answer, getScreen, events } = await render(select<number>, config());
    events.keypress('down');
    expect(getScreen()).toContain('❯ 2. │ i = 0');
    events.keypress('down');
    expect(getScreen()).toContain('❯ 3. Neither of them');
    events.keypress('up');
    events.keypress('enter');
    await expect(answer).resolves.toBe(1);
    expect(getScreen()).toContain('Your answer 2. i = 0 …');
  });

  it('can be picked by its number, and answers with the index in the roadmap even when shuffled', async () => {
    const { answer, events } = await render(select<number>, config([2, 1, 0]));
    events.type('3');
    events.keypress('enter');
    await expect(answer).resolves.toBe(0);
  });

  it('wraps long code lines to the terminal width without losing the indentation', async () => {
    const long = question('long', 0, [
      '```python\ndef f():\n    return some_function_with_a_long_name(argument_one, argument_two, argument_three)\n```',
      'b',
      'c',
    ]);
    const items = choiceItems(long, [0, 1, 2], plainStyle, 50);
    const lines = items[0]!.name.split('\n');
    // inquirer puts "❯ 1. " before the first line; the others carry that padding themselves.
    lines.forEach((l, i) => expect((i === 0 ? 5 : 0) + l.length).toBeLessThanOrEqual(50));
    expect(lines[1]).toMatch(/^ {5}│ {5}return/);
    expect(lines[2]).toMatch(/^ {5}│ {5}↪ /);
  });
});
