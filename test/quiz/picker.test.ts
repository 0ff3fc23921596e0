import { describe, expect, it } from 'vitest';
import { areaStatuses, defaultArea } from '../../src/quiz/picker.js';
import { areaChoiceName } from '../../src/render/quiz-summary.js';
import { plainStyle } from '../../src/render/style.js';
import { area, at, index, question, state, topic } from './fixtures.js';

const basics = area('basics', [topic('loops', [question('q1')]), topic('functions', [question('q2')])]);
const web = area('web', [topic('http', [question('q3')])]);
const roadmap = index(basics, web);

describe('the area picker', () => {
  it('counts an area as started once a topic in it is rated, answered or marked, as status does', () => {
    const started = (events: Parameters<typeof state>[0]) =>
      areaStatuses(roadmap, state(events)).map((s) => [s.area, s.started]);
    expect(started([])).toEqual([
      ['basics', false],
      ['web', false],
    ]);
    expect(started([{ e: 'status', at: at(1), topic: 'http', status: 'done' }])).toEqual([
      ['basics', false],
      ['web', true],
    ]);
    // Marked back to todo: nothing on record says it was started.
    expect(
      started([
        { e: 'status', at: at(1), topic: 'http', status: 'done' },
        { e: 'status', at: at(2), topic: 'http', status: 'todo' },
      ]),
    ).toEqual([
      ['basics', false],
      ['web', false],
    ]);
    expect(started([{ e: 'rating', at: at(1), topic: 'functions', value: 0 }])).toEqual([
      ['basics', true],
      ['web', false],
    ]);
  });

  it('starts on the first area not started', () => {
    const statuses = areaStatuses(roadmap, state([{ e: 'status', at: at(1), topic: 'loops', status: 'learning' }]));
    expect(defaultArea(statuses)).toBe('web');
  });

  it('fits each line to a narrow terminal: short words first, then only the mastery', () => {
    const status = { area: 'sql', title: 'SQL databases', started: true, mastery: 0.19, due: 2, unfinished: true };
    const at = (room: number) => areaChoiceName(status, plainStyle, 13, room);
    expect(at(Infinity)).toBe('SQL databases  mastery 19% · 2 topics due for review · unfinished, can resume');
    expect(at(40)).toBe('SQL databases  mastery 19% · 2 due · unfinished');
    expect(at(25)).toBe('SQL databases  mastery 19% · 2 due');
    expect(at(12)).toBe('SQL databases  mastery 19%');
  });
});
