import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PLACEMENT_STOP,
  type ItemLevel,
  type Response,
  describeBand,
  estimateAbility,
  nextLevel,
  selfRatingCalibration,
  stopReason,
} from '../../src/coach/ability.js';
import { areaAbility } from '../../src/coach/area-ability.js';
import { summarize } from '../../src/coach/summary.js';
import { NOW, assessed, pathRoadmap, stateOf } from './fixtures.js';

const r = (level: ItemLevel, correct: boolean): Response => ({ level, correct });

describe('estimateAbility (EAP, Rasch, N(0,1) prior)', () => {
  // Expected values from an independent script: python3, plain numerical integration from −8 to
  // +8 in steps of 0.001 (not the grid the code uses), difficulties easy −1, medium 0, hard +1.
  it.each([
    ['no answers', [], 0, 1],
    ['one medium right', [r('medium', true)], 0.4132, 0.9106],
    ['medium and hard right', [r('medium', true), r('hard', true)], 0.8542, 0.8434],
    ['medium and easy wrong', [r('medium', false), r('easy', false)], -0.8542, 0.8434],
    ['medium right, hard wrong', [r('medium', true), r('hard', false)], 0.1458, 0.8434],
    ['five hard right', Array.from({ length: 5 }, () => r('hard', true)), 1.7188, 0.7051],
  ] as const)('%s', (_name, responses, theta, se) => {
    const a = estimateAbility(responses);
    expect(a.theta).toBeCloseTo(theta, 2);
    expect(a.se).toBeCloseTo(se, 2);
    expect(a.answered).toBe(responses.length);
  });

  it('is finite when every answer is right or every answer is wrong', () => {
    for (const correct of [true, false]) {
      const a = estimateAbility(Array.from({ length: 20 }, () => r('medium', correct)));
      expect(Number.isFinite(a.theta)).toBe(true);
      expect(a.se).toBeGreaterThan(0.3);
      expect(Math.sign(a.theta)).toBe(correct ? 1 : -1);
    }
  });

  const level = fc.constantFrom<ItemLevel>('easy', 'medium', 'hard');
  const responses = fc.array(fc.record({ level, correct: fc.boolean() }), { maxLength: 12 });

  it('more right answers never lower the estimate', () => {
    fc.assert(
      fc.property(responses, fc.nat(11), (rs, i) => {
        fc.pre(i < rs.length && !rs[i]!.correct);
        const flipped = rs.map((x, j) => (j === i ? { ...x, correct: true } : x));
        expect(estimateAbility(flipped).theta).toBeGreaterThanOrEqual(estimateAbility(rs).theta - 1e-9);
      }),
    );
  });

  it('a harder right answer raises the estimate more than an easier one', () => {
    fc.assert(
      fc.property(responses, (rs) => {
        const easy = estimateAbility([...rs, r('easy', true)]).theta;
        const medium = estimateAbility([...rs, r('medium', true)]).theta;
        const hard = estimateAbility([...rs, r('hard', true)]).theta;
        expect(medium).toBeGreaterThan(easy);
        expect(hard).toBeGreaterThan(medium);
      }),
    );
  });

  it('an adaptive run stops no later than the cap', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 10, maxLength: 10 }), (answers) => {
        const rs: Response[] = [];
        while (stopReason(estimateAbility(rs), PLACEMENT_STOP) === undefined) {
          rs.push(r(nextLevel(rs.at(-1)), answers[rs.length]!));
        }
        expect(rs.length).toBeGreaterThanOrEqual(PLACEMENT_STOP.min);
        expect(rs.length).toBeLessThanOrEqual(PLACEMENT_STOP.cap);
      }),
    );
  });
});

describe('adaptive order and stopping', () => {
  it('starts at medium, goes harder after a right answer and easier after a wrong one', () => {
    expect(nextLevel(undefined)).toBe('medium');
    expect(nextLevel(r('medium', true))).toBe('hard');
    expect(nextLevel(r('hard', true))).toBe('hard');
    expect(nextLevel(r('medium', false))).toBe('easy');
    expect(nextLevel(r('easy', true))).toBe('medium');
    expect(nextLevel(r('hard', false))).toBe('medium');
  });

  it('stops early when the band is clear, and goes on when it is not', () => {
    const strong = [r('medium', true), r('hard', true), r('hard', true), r('hard', true)];
    expect(stopReason(estimateAbility(strong), PLACEMENT_STOP)).toBe('clear');
    expect(stopReason(estimateAbility(strong.slice(0, 2)), PLACEMENT_STOP)).toBeUndefined();
    const mixed = [r('medium', true), r('hard', false), r('medium', true), r('hard', false)];
    expect(stopReason(estimateAbility(mixed), PLACEMENT_STOP)).toBeUndefined();
    expect(stopReason(estimateAbility([...mixed, r('medium', true)]), PLACEMENT_STOP)).toBe('cap');
  });
});

describe('bands and calibration', () => {
  it('shows a band with its uncertainty, not a percentage', () => {
    expect(describeBand(estimateAbility([]))).toBe('no answers yet');
    expect(describeBand(estimateAbility([r('medium', true), r('hard', false)]))).toBe(
      'likely intermediate, could be beginner or advanced',
    );
    expect(describeBand(estimateAbility([r('medium', true), r('hard', true)]))).toBe(
      'likely advanced, could be intermediate',
    );
    const many = Array.from({ length: 8 }, () => r('hard', true));
    expect(describeBand(estimateAbility(many))).toBe('advanced');
  });

  it('flags a self-rating only when the interval excludes it', () => {
    const weak = estimateAbility([r('medium', false), r('easy', false), r('easy', false), r('easy', false)]);
    expect(selfRatingCalibration(4, weak)).toBe('over-confident');
    expect(selfRatingCalibration(1, weak)).toBe('consistent');
    // One wrong answer is not enough to contradict "use it on my own".
    expect(selfRatingCalibration(3, estimateAbility([r('medium', false)]))).toBe('consistent');
    const strong = estimateAbility(Array.from({ length: 5 }, () => r('hard', true)));
    expect(selfRatingCalibration(0, strong)).toBe('under-confident');
    expect(selfRatingCalibration(4, estimateAbility([]))).toBe('unknown');
  });
});

describe('areaAbility: the answers of one area, each at its question level', () => {
  const index = pathRoadmap();
  const python = index.areas.get('python')!;

  it('is undefined without answers, and rises with right answers', () => {
    expect(areaAbility(python, stateOf())).toBeUndefined();
    const weak = areaAbility(python, stateOf(assessed('py-basics', { right: 0 })))!;
    const strong = areaAbility(python, stateOf(assessed('py-basics', { right: 4 })))!;
    expect(weak.answered).toBe(4);
    expect(weak.theta).toBeLessThan(0);
    expect(strong.theta).toBeGreaterThan(0);
  });

  it('leaves out answers to questions the roadmap no longer has', () => {
    const gone = assessed('py-basics', { right: 4 }).map((e) => ({ ...e, question: `gone-${String(e.at)}` }));
    expect(areaAbility(python, stateOf(gone))).toBeUndefined();
  });
});

describe('area calibration by interval', () => {
  const index = pathRoadmap();
  const calibration = (rating: number, right: number) =>
    summarize(index, stateOf(assessed('py-basics', { rating, right })), NOW).areas.find((a) => a.area === 'python')!
      .calibration;

  it('flags a self-rating only when the interval excludes it', () => {
    expect(calibration(4, 0)).toBe('over-confident');
    // The fixture's questions are all easy: half of them wrong contradicts "use it on my own" (3), not "could use it with help" (2).
    expect(calibration(3, 2)).toBe('over-confident');
    expect(calibration(2, 2)).toBe('consistent');
    expect(calibration(3, 3)).toBe('consistent');
    expect(calibration(0, 4)).toBe('under-confident');
  });
});

describe('estimateAbility by counts', () => {
  /** The textbook EAP: every answer's likelihood multiplied in, one at a time, on the same grid. */
  function reference(responses: readonly Response[]): { theta: number; se: number } {
    const b = { easy: -1, medium: 0, hard: 1 };
    let total = 0;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i <= 160; i++) {
      const t = -4 + i * 0.05;
      let logL = -0.5 * t * t;
      for (const r of responses) {
        const p = 1 / (1 + Math.exp(-(t - b[r.level])));
        logL += Math.log(r.correct ? p : 1 - p);
      }
      const w = Math.exp(logL);
      total += w;
      sum += w * t;
      sumSq += w * t * t;
    }
    const theta = sum / total;
    return { theta, se: Math.sqrt(Math.max(0, sumSq / total - theta * theta)) };
  }

  it('gives the per-answer estimate, for any mix of answers', () => {
    const level = fc.constantFrom<ItemLevel>('easy', 'medium', 'hard');
    fc.assert(
      fc.property(fc.array(fc.record({ level, correct: fc.boolean() }), { maxLength: 200 }), (responses) => {
        const got = estimateAbility(responses);
        const want = reference(responses);
        expect(got.theta).toBeCloseTo(want.theta, 9);
        expect(got.se).toBeCloseTo(want.se, 9);
        expect(got.answered).toBe(responses.length);
      }),
    );
  });

  it('stays finite with thousands of answers (the weights do not underflow)', () => {
    const many: Response[] = Array.from({ length: 3000 }, (_, i) => ({ level: 'medium', correct: i % 4 === 0 }));
    const a = estimateAbility(many);
    expect(Number.isFinite(a.theta)).toBe(true);
    expect(a.theta).toBeCloseTo(Math.log(1 / 3), 1);
    expect(a.se).toBeLessThan(0.1);
  });
});
