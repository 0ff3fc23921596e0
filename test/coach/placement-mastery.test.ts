import { describe, expect, it } from 'vitest';
import { topicFacts } from '../../src/coach/facts.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { area, question, topic } from '../quiz/fixtures.js';

const t = topic('t', [question('q1'), question('q2'), question('q3')]);
const a = area('a', [t]);
const NOW = new Date('2026-02-01T00:00:00Z');

function factsOf(source: 'placement' | undefined): ReturnType<typeof topicFacts> {
  const events: ProgressEvent[] = [
    { e: 'rating', at: '2026-01-01T00:00:00.000Z', topic: 't', value: 4 },
    ...['q1', 'q2', 'q3'].map((q, i): ProgressEvent => ({
      e: 'answer',
      at: `2026-01-01T00:0${i + 1}:00.000Z`,
      topic: 't',
      question: q,
      choice: 0,
      correct: true,
      ...(source ? { source } : {}),
    })),
  ];
  return topicFacts(t, a, 0, foldEvents(events).topics.get('t'), NOW);
}

describe('placement answers in mastery', () => {
  it('count toward mastery like any answer', () => {
    expect(factsOf('placement').mastery).toBeCloseTo(factsOf(undefined).mastery, 10);
    expect(factsOf('placement').quiz.placement).toBe(3);
  });

  it('never make a topic mastered on their own; a topic quiz does', () => {
    expect(factsOf(undefined).complete).toBe(true);
    expect(factsOf('placement').complete).toBe(false);
  });

  it('survive the journal: the mark is kept on the event', () => {
    const events: ProgressEvent[] = [
      {
        e: 'answer',
        at: '2026-01-01T00:00:00.000Z',
        topic: 't',
        question: 'q1',
        choice: 1,
        correct: false,
        source: 'placement',
      },
    ];
    expect(foldEvents(events).events).toEqual(events);
  });
});
