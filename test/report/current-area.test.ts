import { describe, expect, it } from 'vitest';
import type { Recommendation } from '../../src/coach/types.js';
import { currentArea } from '../../src/render/report/current-area.js';
import { buildView } from '../../src/render/report/view.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { NOW, area, roadmap, summaryOf, topic } from './fixtures.js';

const row = (status: string, answered = 0, mastered = false, selfScore?: number) => ({
  status,
  answered,
  mastered,
  selfScore,
});
const rec = (areaId: string): Recommendation => ({
  kind: 'start',
  area: areaId,
  title: `Start ${areaId}`,
  reason: 'first on the path',
  action: { text: 'read' },
});

describe('where the report says "you are here"', () => {
  it('is the first unfinished area with progress, not an untouched area the coach lists first', () => {
    const areas = [
      { id: 'orientation', topics: [row('todo'), row('todo')] },
      { id: 'python', topics: [row('learning', 4), row('todo')] },
      { id: 'web', topics: [row('todo', 2)] },
    ];
    expect(currentArea(areas, [rec('orientation')])).toBe('python');
  });

  it('skips finished areas, and counts a self-rating as progress', () => {
    const areas = [
      { id: 'python', topics: [row('done', 4, true), row('skip')] },
      { id: 'web', topics: [row('todo', 0, false, 0.5), row('todo')] },
    ];
    expect(currentArea(areas, [rec('python')])).toBe('web');
  });

  it('with nothing recorded, follows the first recommendation, else the first unfinished area', () => {
    const areas = [
      { id: 'orientation', topics: [row('todo')] },
      { id: 'python', topics: [row('todo')] },
    ];
    expect(currentArea(areas, [rec('python')])).toBe('python');
    expect(currentArea(areas, [])).toBe('orientation');
    expect(currentArea([{ id: 'all-done', topics: [row('done', 2, true)] }], [])).toBeUndefined();
  });

  it('in the built report view: mid-way through the second area, with the first untouched', () => {
    const map = roadmap([
      area('orientation', [topic('setup'), topic('terminal')]),
      area('python', [topic('syntax'), topic('functions')]),
    ]);
    const at = new Date(NOW.getTime() - 86_400_000).toISOString();
    const python = map.areas[1]!;
    const events: ProgressEvent[] = [
      { e: 'rating', at, topic: 'syntax', value: 3 },
      ...python.topics[0]!.questions.map((q) => ({
        e: 'answer' as const,
        at,
        topic: 'syntax',
        question: q.id,
        choice: q.answer,
        correct: true,
      })),
    ];
    const summary = summaryOf(map, events);
    expect(buildView(map, summary).currentArea).toBe('python');
  });
});
