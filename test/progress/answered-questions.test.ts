import { describe, expect, it } from 'vitest';
import { EventLog } from '../../src/progress/log.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ProgressState } from '../../src/progress/state.js';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 10, minute)).toISOString();
const events: ProgressEvent[] = [
  { e: 'answer', at: at(1), topic: 'loops', question: 'old-range', choice: 0, correct: true },
  { e: 'rating', at: at(2), topic: 'loops', value: 2 },
  { e: 'answer', at: at(3), topic: 'loops', question: 'loops-while', choice: 1, correct: false, session: 's1' },
  { e: 'answer', at: '2026-12-01T11:04:00+01:00', topic: 'loops', question: 'loops-for', choice: 2, correct: true },
  { e: 'answer', at: at(5), topic: 'functions', question: 'fn-args', choice: 0, correct: false },
];

describe('TopicProgress.eachAnsweredQuestion (state.ts)', () => {
  it('gives what `answers` gives, question and result in journal order, with renamed questions under their new id', () => {
    const renames = { topics: new Map<string, string>(), questions: new Map([['old-range', 'loops-range']]) };
    const state = new ProgressState(EventLog.of(events), renames);
    const loops = state.topics.get('loops')!;
    const seen: [string, boolean][] = [];
    loops.eachAnsweredQuestion((question, correct) => seen.push([question, correct]));
    expect(seen).toEqual([
      ['loops-range', true],
      ['loops-while', false],
      ['loops-for', true],
    ]);
    expect(seen).toEqual(loops.answers.map((a) => [a.question, a.correct]));
  });
});
