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
    const answers = [true, false, false, true, true];
    runPlacement(p, (q, i) => {
      levels.push(q.level);
      return answers[i]!;
    });
    expect(levels).toEqual(['medium', 'hard', 'medium', 'easy', 'medium']);
  });

  it('prefers topics of the area not asked yet, and never repeats a question', () => {
    const p = new Placement([wideArea('a', 3)], { seed: 9 });
    const asked = runPlacement(p, (_q, i) => i % 2 === 0);
    expect(new Set(asked.slice(0, 3).map((q) => q.topic.id)).size).toBe(3);
    expect(new Set(asked.map((q) => q.question.id)).size).toBe(asked.length);
  });

  it('falls back to the nearest level when the wanted one has run out', () => {
    const only = area('b', [topic('b-t', [leveled('b-m', 'medium'), leveled('b-e', 'easy'), leveled('b-e2', 'easy')])]);
    // Wrong at medium, right at easy: mixed, so a third question, at medium if there were one.
    const asked = runPlacement(new Placement([only], { seed: 1 }), (q) => q.level === 'easy');
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

  it('gives the spare questions to the areas whose answers were mixed, never a later area its minimum', () => {
    const areas = Array.from({ length: 6 }, (_, i) => wideArea(`x${i}`, 2));
    const p = new Placement(areas, { seed: 4, totalCap: 14 });
    // Areas x1 and x4: right, wrong, …; the others all right.
    const asked = runPlacement(p, (q) => !['x1', 'x4'].includes(q.area.id) || q.level !== 'hard');
    expect(asked.length).toBeLessThanOrEqual(14);
    const counts = new Map(p.results().map((r) => [r.area, r.answered]));
    expect([...counts.values()].every((n) => n >= 2 && n <= 5)).toBe(true);
    expect(counts.get('x0')).toBe(2);
    expect(counts.get('x2')).toBe(2);
    expect((counts.get('x1') ?? 0) + (counts.get('x4') ?? 0)).toBe(6);
    // The extra questions come after every area had its first two, marked as asked again.
    expect(asked.slice(0, 12).every((q) => !q.again)).toBe(true);
    expect(asked.slice(12).every((q) => q.again && ['x1', 'x4'].includes(q.area.id))).toBe(true);
  });

  it('mixed answers get more questions than answers that agree; never over 5 an area or over the total cap', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 8, max: 40 }),
        (seed, n, mixedAreas, totalCap) => {
          const areas = Array.from({ length: n }, (_, i) => wideArea(`m${i}`, 2));
          const isMixed = (id: string) => mixedAreas[Number(id.slice(1))]!;
          const p = new Placement(areas, { seed, totalCap });
          // A mixed area: right at medium and easy, wrong at hard; an agreeing one: always right.
          const asked = runPlacement(p, (q) => !isMixed(q.area.id) || q.level !== 'hard');
          expect(asked.length).toBeLessThanOrEqual(totalCap);
          const results = p.results();
          for (const r of results) {
            expect(r.answered).toBeLessThanOrEqual(5);
            expect(r.answered).toBeGreaterThanOrEqual(Math.min(2, Math.floor(totalCap / n)));
            if (!isMixed(r.area)) expect(r.answered).toBe(p.areaMin);
          }
          // With room to spare, the first mixed area gets more than any area whose answers agree.
          const firstMixed = results.find((r) => isMixed(r.area));
          if (firstMixed && p.areaMin === 2 && totalCap - 2 * n >= 3)
            expect(firstMixed.answered).toBeGreaterThan(p.areaMin);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on the shipped roadmap: a learner sure everywhere answers 2 an area; mixed areas get the spare', () => {
    const sure = new Placement(shipped.areas, { seed: 7 });
    runPlacement(sure, () => true);
    expect(sure.results().every((r) => r.answered === 2 && r.stopped === 'agree')).toBe(true);
    const unsure = new Placement(shipped.areas, { seed: 7 });
    const asked = runPlacement(unsure, (q) => q.level === 'easy');
    expect(asked.length).toBe(PLACEMENT_TOTAL_CAP);
    // Python fundamentals, which most areas build on, is settled first.
    expect(unsure.results().find((r) => r.area === 'python')!.answered).toBeGreaterThan(2);
  });

  it('resumes from earlier answers exactly where an uninterrupted placement would go on', () => {
    const areas = Array.from({ length: 5 }, (_, i) => wideArea(`r${i}`, 2));
    const answer = (q: PlacementQuestion) => q.area.id !== 'r2' || q.level !== 'hard';
    const whole = runPlacement(new Placement(areas, { seed: 11, totalCap: 14 }), answer);
    for (const k of [0, 1, 3, 6, 11]) {
      const earlier = whole.slice(0, k).map((q) => ({ question: q.question.id, correct: answer(q) }));
      const resumed = new Placement(areas, { seed: 11, totalCap: 14, earlier });
      expect(resumed.resumed).toBe(k);
      expect(runPlacement(resumed, answer).map((q) => q.question.id)).toEqual(whole.slice(k).map((q) => q.question.id));
    }
    // Answers to questions it no longer has are left out.
    const p = new Placement(areas, { seed: 11, earlier: [{ question: 'gone', correct: true }] });
    expect(p.resumed).toBe(0);
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
