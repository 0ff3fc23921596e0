import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { questionView, renderFeedback } from '../../src/render/quiz.js';
import { plainStyle } from '../../src/render/style.js';
import { displayWidth } from '../../src/render/width.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import { ROOT } from '../helpers/cli.js';

const roadmap = loadRoadmapOrThrow(join(ROOT, 'test', 'fixtures', 'roadmap', 'third-party.yaml'));
const topics = roadmap.areas[0]!.topics;
const find = (id: string) => {
  for (const topic of topics) {
    const question = topic.questions.find((q) => q.id === id);
    if (question) return { topic, question };
  }
  throw new Error(id);
};
const step = (id: string) => {
  const { topic, question } = find(id);
  return {
    kind: 'question' as const,
    topic,
    question,
    order: question.choices.map((_, k) => k),
    number: 1,
    total: 7,
  };
};

describe('the quiz screen with third-party content', () => {
  it('renders code in an explanation as code: no fence, lines kept, marked by a gutter', () => {
    const { topic, question } = find('iteration-range-end');
    const text = renderFeedback({ topic, question, chosen: 1, correct: false }, [0, 1, 2], plainStyle, 60);
    expect(text).not.toContain('```');
    expect(text).toContain('  │ >>> list(range(2, 5))\n  │ [2, 3, 4]');
    // Inline code keeps its backticks without colour.
    expect(text).toContain('`range(start, stop)` stops before `stop`:');
  });

  it('shows nothing in place of a missing explanation', () => {
    const { topic, question } = find('none-compare');
    const text = renderFeedback({ topic, question, chosen: 0, correct: false }, [0, 1, 2], plainStyle, 60);
    expect(text.split('\n')).toEqual(['✘ Not quite. The right answer is 2:', '    B) value is None']);
  });

  it('keeps the question on a short screen: tall choices scroll, with a "more" marker, and do not wrap around', () => {
    for (const [columns, rows] of [
      [40, 20],
      [100, 24],
    ] as const) {
      const view = questionView(step('iteration-tall'), 'Python question bank', plainStyle, columns, rows);
      const textLines = view.text.split('\n').length;
      const choiceLines = view.select.choices.reduce((n, c) => n + c.name.split('\n').length, 0);
      expect(choiceLines).toBeGreaterThan(view.select.pageSize!);
      expect(textLines + view.select.pageSize! + 4).toBeLessThanOrEqual(rows);
      expect(view.select.loop).toBe(false);
      expect(view.select.choices.map((c) => c.description)).toEqual([
        'choice 1 of 4 · more below ↓',
        'choice 2 of 4 · more above and below ↕',
        'choice 3 of 4 · more above and below ↕',
        'choice 4 of 4 · more above ↑',
      ]);
      // Nothing runs past the edge: inquirer puts "❯ 1. " (5 columns) before a choice's first line.
      for (const line of view.text.split('\n')) expect(displayWidth(line), line).toBeLessThanOrEqual(columns);
      for (const c of view.select.choices)
        c.name
          .split('\n')
          .forEach((line, i) => expect(displayWidth(line) + (i === 0 ? 5 : 0), line).toBeLessThanOrEqual(columns));
    }
  });

  it('adds no marker when the choices fit', () => {
    const view = questionView(step('iteration-else'), 'Python question bank', plainStyle, 80, 40);
    expect(view.select.choices.every((c) => c.description === undefined)).toBe(true);
    expect(view.select.loop).toBeUndefined();
  });
});
