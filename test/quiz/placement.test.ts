import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ItemLevel } from '../../src/coach/ability.js';
import {
  PLACEMENT_TOTAL_CAP,
  Placement,
  evidenceText,
  placementAreas,
  placementOf,
  type PlacedAnswer,
  type PlacementQuestion,
} from '../../src/quiz/placement.js';
import { loadRoadmapOrThrow } from '../../src/roadmap/load.js';
import type { Area, Question } from '../../src/roadmap/schema.js';
import { SHIPPED } from '../helpers/cli.js';
import { area, question, topic } from './fixtures.js';

const shipped = loadRoadmapOrThrow(SHIPPED);

/** Runs a placement to the end, answering with `answer`; returns every question asked. */
function runPlacement(p: Placement, answer: (q: PlacementQuestion, i: number) => boolean): PlacementQuestion[] {
  const asked: PlacementQuestion[] = [];
  for (let step = p.current(); step.kind !== 'done'; step = p.current()) {
    asked.push(step);
    p.answer(answer(step, asked.length - 1));
  }
  return asked;
}

const leveled = (id: string, difficulty: ItemLevel): Question => ({ ...question(id), difficulty });

/** An area of `topics` topics, each with two questions at every level. */
function wideArea(id: string, topics = 3): Area {
  return area(
    id,
    Array.from({ length: topics }, (_, t) =>
      topic(
        `${id}-t${t}`,
        (['easy', 'medium', 'hard'] as const).flatMap((level) => [
          leveled(`${id}-t${t}-${level}-1`, level),
          leveled(`${id}-t${t}-${level}-2`, level),
        ]),
      ),
    ),
  );
}

describe('placement on the shipped roadmap', () => {
  const skillAreas = placementAreas(shipped.areas);

  it('covers every skill area with questions, and no area of the prove or apply stages', () => {
    expect(skillAreas.length).toBeGreaterThan(10);
    expect(skillAreas.every((a) => a.stage === 'skills')).toBe(true);
    expect(skillAreas.map((a) => a.id)).toContain('python');
    expect(skillAreas.map((a) => a.id)).toContain('sql');
    expect(skillAreas.map((a) => a.id)).not.toContain('job-search');
  });

  it('asks at most the total cap and 2 to 5 questions per area, whatever the answers', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.array(fc.boolean(), { minLength: 60, maxLength: 60 }),
        (seed, pattern) => {
          const p = new Placement(shipped.areas, { seed });
          const asked = runPlacement(p, (_q, i) => pattern[i]!);
          expect(asked.length).toBeLessThanOrEqual(PLACEMENT_TOTAL_CAP);
          for (const result of p.results()) {
            expect(result.answered).toBeGreaterThanOrEqual(2);
            expect(result.answered).toBeLessThanOrEqual(5);
          }
          expect(new Set(asked.map((q) => q.question.id)).size).toBe(asked.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says up front how many questions to expect, within the cap', () => {
    const p = new Placement(shipped.areas, { seed: 1 });
    expect(p.expectedQuestions).toBeGreaterThanOrEqual(2 * skillAreas.length);
    expect(p.expectedQuestions).toBeLessThanOrEqual(PLACEMENT_TOTAL_CAP);
  });

  it('is the same placement for the same seed and answers, and another order for another seed', () => {
    const ids = (seed: number) =>
      runPlacement(new Placement(shipped.areas, { seed }), (q) => q.level !== 'hard').map((q) => q.question.id);
    expect(ids(42)).toEqual(ids(42));
    expect(ids(42)).not.toEqual(ids(43));
  });

  it('asks only the questions a scripted run can answer', () => {
    const allowed = new Set(
      shipped.areas.flatMap((a) => a.topics.flatMap((t) => t.questions.slice(0, 2))).map((q) => q.id),
    );
    const asked = runPlacement(
      new Placement(shipped.areas, { seed: 5, eligible: (q) => allowed.has(q.id) }),
      () => true,
    );
    expect(asked.length).toBeGreaterThan(0);
    expect(asked.every((q) => allowed.has(q.question.id))).toBe(true);
  });
});

describe('placement: choosing the next question', () => {
  it('starts each area at medium, goes harder after a right answer and easier after a wrong one', () => {
    const p = new Placement([wideArea('a', 3)], { seed: 3 });
    const levels: string[] = [];
    const answers = [true, true, false, false, true];
    runPlacement(p, (q, i) => {
      levels.push(q.level);
      return answers[i]!;
    });
    expect(levels).toEqual(['medium', 'hard', 'hard', 'medium', 'easy']);
  });

  it('prefers topics of the area not asked yet, and never repeats a question', () => {
    const p = new Placement([wideArea('a', 3)], { seed: 9 });
    const asked = runPlacement(p, (_q, i) => i % 2 === 0);
    expect(new Set(asked.slice(0, 3).map((q) => q.topic.id)).size).toBe(3);
    expect(new Set(asked.map((q) => q.question.id)).size).toBe(asked.length);
  });

  it('falls back to the nearest level when the wanted one has run out', () => {
    const only = area('b', [topic('b-t', [leveled('b-m', 'medium'), leveled('b-e', 'easy'), leveled('b-e2', 'easy')])]);
    const asked = runPlacement(new Placement([only], { seed: 1 }), () => true);
    expect(asked.map((q) => q.level)).toEqual(['medium', 'easy', 'easy']);
  });

  it('stops an area early once the estimate is clear, and at the cap of 5 otherwise', () => {
    const allRight = runPlacement(new Placement([wideArea('a', 3)], { seed: 2 }), () => true);
    expect(allRight.length).toBeLessThan(5);
    expect(allRight.length).toBeGreaterThanOrEqual(2);
    // Right, wrong, right, wrong…: the estimate stays near the middle and never clears.
    const mixed = runPlacement(new Placement([wideArea('a', 3)], { seed: 2 }), (_q, i) => i % 2 === 0);
    expect(mixed.length).toBe(5);
  });

  it("holds the total cap by giving the spare questions to the first areas, never a later area's minimum", () => {
    const areas = Array.from({ length: 6 }, (_, i) => wideArea(`x${i}`, 2));
    const p = new Placement(areas, { seed: 4, totalCap: 14 });
    const asked = runPlacement(p, (_q, i) => i % 2 === 0);
    expect(asked.length).toBeLessThanOrEqual(14);
    const counts = p.results().map((r) => r.answered);
    expect(counts.every((n) => n >= 2 && n <= 5)).toBe(true);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(14);
  });

  it('scales the per-area minimum down when the total cannot hold 2 per area', () => {
    const areas = Array.from({ length: 8 }, (_, i) => wideArea(`y${i}`, 1));
    const p = new Placement(areas, { seed: 4, totalCap: 10 });
    expect(runPlacement(p, () => false).length).toBeLessThanOrEqual(10);
    expect(p.results().every((r) => r.answered >= 1)).toBe(true);
  });

  it('skips areas with no questions', () => {
    const empty = area('empty', [topic('none', [])]);
    const p = new Placement([empty, wideArea('a', 1)], { seed: 1 });
    expect(p.areas.map((a) => a.id)).toEqual(['a']);
  });
});

describe('placement: what the answers say', () => {
  const levelArb = fc.constantFrom<ItemLevel>('easy', 'medium', 'hard');
  const answerArb = fc.record({ level: levelArb, correct: fc.boolean() });
  const placed = (list: { level: ItemLevel; correct: boolean }[]): PlacedAnswer[] =>
    list.map((a, i) => ({ ...a, topic: 't', question: `q${i}` }));
  const a = wideArea('a', 1);

  it('more right answers never lower the estimate', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { minLength: 1, maxLength: 5 }), fc.nat(4), (list, k) => {
        const i = k % list.length;
        const better = list.map((x, j) => (j === i ? { ...x, correct: true } : x));
        expect(placementOf(a, placed(better)).theta!).toBeGreaterThanOrEqual(placementOf(a, placed(list)).theta!);
      }),
    );
  });

  it('a harder right answer raises the estimate more', () => {
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 4 }), (list) => {
        const theta = (level: ItemLevel) => placementOf(a, placed([...list, { level, correct: true }])).theta!;
        expect(theta('hard')).toBeGreaterThanOrEqual(theta('medium'));
        expect(theta('medium')).toBeGreaterThanOrEqual(theta('easy'));
      }),
    );
  });

  it('reads the verdict from the band and gives the evidence in words', () => {
    const strong = placementOf(
      a,
      placed([
        { level: 'medium', correct: true },
        { level: 'hard', correct: true },
      ]),
      'cap',
    );
    expect(strong.verdict).toBe('knows it');
    expect(evidenceText(strong)).toBe('2 of 2 right, up to hard');
    const weak = placementOf(
      a,
      placed([
        { level: 'medium', correct: false },
        { level: 'easy', correct: false },
      ]),
    );
    expect(weak.verdict).toBe('new');
    expect(evidenceText(weak)).toBe('0 of 2 right, missed easy');
    const middle = placementOf(
      a,
      placed([
        { level: 'medium', correct: true },
        { level: 'hard', correct: false },
      ]),
    );
    expect(middle.verdict).toBe('partly');
    expect(evidenceText(middle)).toBe('1 of 2 right, up to medium, missed hard');
    expect(middle.band).toMatch(/^likely intermediate, could be/);
    expect(placementOf(a, []).verdict).toBeNull();
  });
});
