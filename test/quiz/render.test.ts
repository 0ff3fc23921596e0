import { describe, expect, it } from 'vitest';
import {
  choiceItems,
  questionView,
  parseBlocks,
  renderChoice,
  renderFeedback,
  renderRich,
  wrapCodeLine,
  choiceHeadline,
} from '../../src/render/quiz.js';
import { renderSummary } from '../../src/render/quiz-summary.js';
import { plainStyle } from '../../src/render/style.js';
import { inlineCode, wrap } from '../../src/render/text.js';
import type { AssessSummary } from '../../src/quiz/summary.js';
import { question, topic } from './fixtures.js';

const CODE_PROMPT =
  'What does this print?\n\n```python\ndef f(x):\n    if x:\n        return [i * 2 for i in range(x) if i % 2 == 0 and i > 3]\n    return None\n```\n\nPick one.';

describe('parseBlocks', () => {
  it('splits prose and fenced code, keeping the code indentation', () => {
    expect(parseBlocks(CODE_PROMPT)).toEqual([
      { kind: 'text', text: 'What does this print?' },
      {
        kind: 'code',
        lang: 'python',
        lines: [
          'def f(x):',
          '    if x:',
          '        return [i * 2 for i in range(x) if i % 2 == 0 and i > 3]',
          '    return None',
        ],
      },
      { kind: 'text', text: 'Pick one.' },
    ]);
  });

  it('drops the indentation of an indented fence only', () => {
    expect(parseBlocks('  ```sql\n  SELECT 1\n    FROM t\n  ```')).toEqual([
      { kind: 'code', lang: 'sql', lines: ['SELECT 1', '  FROM t'] },
    ]);
  });

  it('runs an unclosed fence to the end', () => {
    expect(parseBlocks('```\na\n b')).toEqual([{ kind: 'code', lang: '', lines: ['a', ' b'] }]);
  });
});

describe('wrapCodeLine', () => {
  it('keeps short lines', () => expect(wrapCodeLine('    x = 1', 20)).toEqual(['    x = 1']));

  it('wraps long lines to the room, continuing at the same indentation', () => {
    const lines = wrapCodeLine('        return [i * 2 for i in range(x) if i % 2 == 0 and i > 3]', 30);
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(30);
    expect(lines[0]!.startsWith('        return')).toBe(true);
    for (const l of lines.slice(1)) expect(l.startsWith('        ↪ ')).toBe(true);
    expect(
      lines
        .map((l, i) => (i ? l.slice(10) : l))
        .join(' ')
        .replace(/\s+/g, ' '),
    ).toContain('i % 2 == 0 and i > 3]');
  });

  it('breaks a long token mid-way', () => {
    const lines = wrapCodeLine('x'.repeat(50), 20);
    expect(lines.join('').replace(/↪ /g, '')).toBe('x'.repeat(50));
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(20);
  });
});

describe('renderRich', () => {
  it('reflows prose, keeps code verbatim behind a gutter, fits the width', () => {
    const lines = renderRich(CODE_PROMPT, 40, plainStyle, '  ');
    expect(lines[0]).toBe('  What does this print?');
    expect(lines).toContain('  │ def f(x):');
    expect(lines).toContain('  │     if x:');
    expect(lines).toContain('  │     return None');
    for (const l of lines) expect(l.length).toBeLessThanOrEqual(40);
  });

  it('joins the hard-wrapped lines of a YAML paragraph before wrapping', () => {
    expect(renderRich('one two\nthree four\n\nnext', 80, plainStyle)).toEqual(['one two three four', '', 'next']);
  });

  it('keeps list items on their own lines', () => {
    expect(renderRich('Pick:\n- a\n- b', 80, plainStyle)).toEqual(['Pick:', '- a', '- b']);
  });
});

describe('choices', () => {
  const q = question('q', 1, ['```python\nfor i in range(3):\n    print(i)\n```', 'loading a\nmain b', 'plain']);

  it('shows a multi-line choice verbatim, as one item whose lines line up', () => {
    const items = choiceItems(q, [0, 1, 2], plainStyle, 60);
    expect(items).toHaveLength(3);
    expect(items[0]!.name).toBe('│ for i in range(3):\n     │     print(i)\n');
    expect(items[1]!.name).toBe('│ loading a\n     │ main b\n');
    expect(items[2]!.name).toBe('plain');
    expect(items.map((i) => i.value)).toEqual([0, 1, 2]);
    expect(items[0]!.short).toBe('1. for i in range(3): …');
  });

  it('keeps the roadmap index as the value when shuffled', () => {
    expect(choiceItems(q, [2, 0, 1], plainStyle, 60).map((i) => i.value)).toEqual([2, 0, 1]);
  });

  it('wraps a long prose choice', () => {
    expect(renderChoice('word '.repeat(30), 30, plainStyle).length).toBeGreaterThan(3);
    expect(choiceHeadline('a'.repeat(60), 10)).toBe('aaaaaaaaa…');
  });
});

describe('renderFeedback', () => {
  const q = question('q', 2, ['w', 'x', 'the right one']);
  it('says right', () => {
    expect(
      renderFeedback({ topic: undefined as never, question: q, chosen: 2, correct: true }, [0, 1, 2], plainStyle, 60),
    ).toBe('✔ Correct.\n  Because q.');
  });
  it('says wrong, with the right answer as numbered on screen and the explanation', () => {
    expect(
      renderFeedback({ topic: undefined as never, question: q, chosen: 0, correct: false }, [2, 0, 1], plainStyle, 60),
    ).toBe('✘ Not quite. The right answer is 1:\n    the right one\n  Because q.');
  });
});

describe('renderSummary', () => {
  const summary: AssessSummary = {
    area: { id: 'basics', title: 'Python basics' },
    session: 's',
    resumed: false,
    quick: false,
    complete: true,
    answered: 5,
    correct: 2,
    score: 0.4,
    topics: [
      {
        topic: 'loops',
        title: 'Loops',
        rating: 4,
        answered: 4,
        correct: 1,
        score: 0.25,
        calibration: 'over-confident',
        calibrationFrom: 'session',
      },
      {
        topic: 'functions',
        title: 'Functions',
        rating: 1,
        answered: 1,
        correct: 1,
        score: 1,
        calibration: 'under-confident',
        calibrationFrom: 'session',
      },
    ],
    overConfident: ['loops'],
    underConfident: ['functions'],
    next: {
      title: 'Study Loops',
      reason: 'You answered 1 of 4 right.',
      action: { text: 'Read: the tutorial', url: 'https://example.com' },
    },
  };

  it('shows the score per topic, the disagreements and the best next step', () => {
    const text = renderSummary(summary, plainStyle, 80);
    expect(text).toContain('Python basics: assessment done · 2 of 5 right (40%)');
    expect(text).toMatch(/Loops\s+4\/4\s+█+░+\s+1\/4\s+25% over-confident/);
    expect(text).toMatch(/Functions\s+1\/4\s+█+\s+1\/1\s+100% under-confident/);
    expect(text).toContain('Where your rating and the quiz disagree');
    expect(text).toContain(
      '  • Loops: you rated it 4 (could teach it), answered 1 of 4 right:\n    over-confident (rated higher than the quiz shows).',
    );
    expect(text).toContain('Best next step: Study Loops');
    expect(text).toContain('  → Read: the tutorial\n    https://example.com');
  });
});

describe('questionView', () => {
  const q = question('q', 0, ['a', 'b', 'c']);
  const step = (title: string) => ({
    kind: 'question' as const,
    topic: { ...topic('t', [q]), title },
    question: q,
    order: [0, 1, 2],
    number: 6,
    total: 24,
  });

  it('puts the progress line and the topic on one line when they fit', () => {
    expect(questionView(step('Loops'), 'Python', plainStyle, 60).text).toContain(
      '\nPython · question 6 of 24 · Loops\n',
    );
  });

  it('puts the topic on its own line when they do not', () => {
    const text = questionView(step('Functions, arguments and scope'), 'Python fundamentals', plainStyle, 60).text;
    expect(text).toContain('\nPython fundamentals · question 6 of 24\nFunctions, arguments and scope\n');
  });
});

describe('wrap and inline code', () => {
  it('never breaks a code span across lines, and shows it as code in colour only', () => {
    const text = 'Only a request guarded by `if __name__ == "__main__":` runs when the file is imported.';
    const lines = wrap(text, 40).split('\n');
    expect(lines.some((l) => l.includes('`if __name__ == "__main__":`'))).toBe(true);
    expect(lines.every((l) => (l.match(/`/g) ?? []).length % 2 === 0)).toBe(true);
    const colour = { enabled: true, cyan: (s: string) => `<${s}>` };
    expect(inlineCode('use `GET` here', colour)).toBe('use <GET> here');
    expect(inlineCode('use `GET` here', { ...colour, enabled: false })).toBe('use `GET` here');
  });
});
