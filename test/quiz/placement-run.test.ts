/**
 * The interactive placement in process (src/quiz/placement-run.ts) with scripted prompts: the
 * second pass for an area with mixed answers, and Ctrl-C then a re-run that resumes.
 */
import { describe, expect, it } from 'vitest';
import type { ItemLevel } from '../../src/coach/ability.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { foldEvents } from '../../src/progress/state.js';
import { PromptCancelled, type Prompts } from '../../src/prompts.js';
import { runInteractivePlacement } from '../../src/quiz/placement-run.js';
import type { AssessDeps, Screen } from '../../src/quiz/run.js';
import { plainStyle } from '../../src/render/style.js';
import type { Question } from '../../src/roadmap/schema.js';
import { area, index, topic } from './fixtures.js';

const LEVELS: ItemLevel[] = ['easy', 'medium', 'hard'];
const q = (id: string, difficulty: ItemLevel): Question => ({
  id,
  prompt: `Question ${id}?`,
  choices: [`right ${id}`, 'wrong a', 'wrong b'],
  answer: 0,
  explanation: 'Because.',
  difficulty,
});
const wide = (id: string) =>
  area(id, [
    topic(
      `${id}-t`,
      LEVELS.flatMap((level) => [q(`${id}-${level}-1`, level), q(`${id}-${level}-2`, level)]),
    ),
  ]);
const roadmap = index(wide('a'), wide('b'), wide('c'));

interface Run {
  events: ProgressEvent[];
  printed: string[];
}

/**
 * A placement answered by `knows(questionId)`, cancelled (Ctrl-C) at answer `stopAt` if given;
 * `resume` answers the "pick up where you stopped?" question.
 */
async function place(run: Run, knows: (id: string) => boolean, opts: { stopAt?: number; resume?: boolean } = {}) {
  let ids = run.events.length;
  let answered = 0;
  const deps: AssessDeps = {
    index: roadmap,
    store: { load: () => foldEvents(run.events), append: (e) => void run.events.push(...e) },
    now: () => new Date('2026-02-01T10:00:00Z'),
    newId: () => `placement-${++ids}`,
  };
  const prompts = {
    select: (options: { choices: { value: number; name: string }[] }) => {
      if (answered++ === opts.stopAt) return Promise.reject(new PromptCancelled());
      const right = options.choices.find((c) => c.name.includes('right '))!;
      const id = /right (\S+)/.exec(right.name)![1]!;
      return Promise.resolve(knows(id) ? right.value : options.choices.find((c) => c !== right)!.value);
    },
    confirm: () => Promise.resolve(opts.resume ?? true),
    checkbox: () => Promise.resolve([]),
  } as unknown as Prompts;
  const screen: Screen = {
    prompts,
    print: (t = '') => void run.printed.push(t),
    style: plainStyle,
    columns: 80,
    rows: 40,
  };
  return runInteractivePlacement(deps, screen, 7);
}

// Knows all of a and c; in b, only up to medium: mixed answers.
const knows = (id: string) => !id.startsWith('b-hard');

describe('the interactive placement', () => {
  it('asks an area with mixed answers again after the first pass, and says why', async () => {
    const run: Run = { events: [], printed: [] };
    const map = await place(run, knows);
    const counts = Object.fromEntries(map.areas.map((a) => [a.area, a.answered]));
    expect(counts).toEqual({ a: 2, b: 5, c: 2 });
    const text = run.printed.join('\n').replace(/\s+/g, ' ');
    expect(text).toContain('Back to Area b: your answers there were mixed, so a few more questions settle it.');
    expect(text).toMatch(/Placement · Area b · again · question 7 of/);
    // The second pass comes after every area had its first two.
    const order = run.events.flatMap((e) => (e.e === 'answer' ? [e.topic[0]] : []));
    expect(order).toEqual(['a', 'a', 'b', 'b', 'c', 'c', 'b', 'b', 'b']);
  });

  it('after Ctrl-C, a re-run resumes: the answers are kept, and it goes on where it stopped', async () => {
    const whole: Run = { events: [], printed: [] };
    await place(whole, knows);
    const run: Run = { events: [], printed: [] };
    await expect(place(run, knows, { stopAt: 3 })).rejects.toThrow(
      'interrupted: 3 placement answers saved; `pyroad assess --placement` resumes',
    );
    const map = await place(run, knows, { resume: true });
    expect(run.printed.join('\n')).toContain('Resuming the placement: 3 answers kept.');
    expect(map.resumed).toBe(3);
    const asked = (r: Run) => r.events.flatMap((e) => (e.e === 'answer' ? [e.question] : []));
    expect(asked(run)).toEqual(asked(whole));
    expect(new Set(run.events.map((e) => e.e === 'answer' && e.session))).toEqual(new Set(['placement-1']));
  });

  it('declined, a new placement starts, and the old one is not offered again once the new one has answers', async () => {
    const run: Run = { events: [], printed: [] };
    await expect(place(run, knows, { stopAt: 2 })).rejects.toThrow('resumes');
    const fresh = await place(run, knows, { resume: false });
    expect(fresh.resumed).toBe(0);
    expect(fresh.answered).toBe(9);
    expect(fresh.session).not.toBe('placement-1');
    // That one finished: nothing to resume, so no question is asked about it.
    let asked = false;
    const again: Run = { events: run.events, printed: [] };
    await place(again, () => true, {
      get resume() {
        asked = true;
        return true;
      },
    });
    expect(asked).toBe(false);
  });
});
