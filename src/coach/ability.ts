/**
 * Ability per skill area: a one-parameter logistic (Rasch) model, estimated by EAP on a grid.
 *
 * The model: the chance that a learner of ability θ answers an item of difficulty b right is
 * 1 / (1 + e^-(θ - b)). θ and b are on the same logit scale. pyroad's questions come in three
 * levels, used as the item difficulties (ITEM_DIFFICULTY): easy −1, medium 0, hard +1. They are a
 * documented convention, not fitted values: the content has too few answers to fit per item.
 *
 * The estimate: the posterior mean (EAP) of θ under a normal prior N(0, 1), with the posterior
 * standard deviation as its standard error, both computed on a grid from −4 to +4 in steps of
 * 0.05. Unlike the maximum-likelihood estimate, it is defined when every answer is right or every
 * answer is wrong (the prior keeps it finite), and it is pulled towards 0 when there is little
 * evidence. One item gives at most 0.25 information, so even 20 answers leave an SE near 0.45:
 * the estimate is shown as a band with its uncertainty (describeBand), never as a percentage.
 *
 * Pure: no I/O, no clock. Small enough to run after every answer (161 grid points × n items).
 */

export type ItemLevel = 'easy' | 'medium' | 'hard';

/** Item difficulties in logits, one per question level. */
export const ITEM_DIFFICULTY: Readonly<Record<ItemLevel, number>> = { easy: -1, medium: 0, hard: 1 };

/** The prior on θ: a standard normal, the population of learners pyroad expects. */
export const PRIOR_MEAN = 0;
export const PRIOR_SD = 1;

const GRID_MIN = -4;
const GRID_MAX = 4;
const GRID_STEP = 0.05;
const GRID: readonly number[] = Array.from(
  { length: Math.round((GRID_MAX - GRID_MIN) / GRID_STEP) + 1 },
  (_, i) => GRID_MIN + i * GRID_STEP,
);

export interface Response {
  level: ItemLevel;
  correct: boolean;
}

export interface Ability {
  /** Posterior mean of θ (logits). */
  theta: number;
  /** Posterior standard deviation: the standard error of theta. */
  se: number;
  /** How many answers it rests on. */
  answered: number;
}

/** P(right | θ, b) under the Rasch model. */
export function pCorrect(theta: number, difficulty: number): number {
  return 1 / (1 + Math.exp(-(theta - difficulty)));
}

/** log P(right) and log P(wrong) at every grid point, per level: the same for every estimate. */
const LEVELS = Object.keys(ITEM_DIFFICULTY) as ItemLevel[];
const LOG_P: Readonly<Record<ItemLevel, { right: Float64Array; wrong: Float64Array }>> = Object.fromEntries(
  LEVELS.map((level) => {
    const right = new Float64Array(GRID.length);
    const wrong = new Float64Array(GRID.length);
    GRID.forEach((t, i) => {
      const p = pCorrect(t, ITEM_DIFFICULTY[level]);
      right[i] = Math.log(p);
      wrong[i] = Math.log(1 - p);
    });
    return [level, { right, wrong }];
  }),
) as Record<ItemLevel, { right: Float64Array; wrong: Float64Array }>;

/** The log of the prior's density (up to a constant) at every grid point. */
const LOG_PRIOR = Float64Array.from(GRID, (t) => {
  const z = (t - PRIOR_MEAN) / PRIOR_SD;
  return -0.5 * z * z;
});

/**
 * The EAP estimate and its standard error from a set of answers (order does not matter). Answers
 * differ only in level and rightness, so the likelihood is summed over those six counts, not over
 * every answer: `pyroad cohort` estimates every area of hundreds of learners.
 */
export function estimateAbility(responses: readonly Response[]): Ability {
  const counts = LEVELS.map((level) => ({ level, right: 0, wrong: 0 }));
  for (const r of responses) {
    const c = counts[LEVELS.indexOf(r.level)]!;
    if (r.correct) c.right++;
    else c.wrong++;
  }
  const used = counts.filter((c) => c.right + c.wrong > 0);
  // Level by level over the grid, in plain loops: `status` runs this once per area, cold, where a
  // callback per grid point and a 161-argument Math.max cost more than the arithmetic. Each point
  // still sums its terms in the same order (prior, then easy, medium, hard).
  const n = GRID.length;
  const logL = new Float64Array(LOG_PRIOR);
  for (const c of used) {
    const { right, wrong } = LOG_P[c.level];
    const r = c.right;
    const w = c.wrong;
    for (let i = 0; i < n; i++) logL[i] = logL[i]! + (r * right[i]! + w * wrong[i]!);
  }
  // Weights relative to the largest: with a thousand answers e^logL itself is 0 everywhere.
  let top = -Infinity;
  for (let i = 0; i < n; i++) if (logL[i]! > top) top = logL[i]!;
  let total = 0;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const t = GRID[i]!;
    const w = Math.exp(logL[i]! - top);
    total += w;
    sum += w * t;
    sumSq += w * t * t;
  }
  const theta = sum / total;
  const variance = Math.max(0, sumSq / total - theta * theta);
  return { theta, se: Math.sqrt(variance), answered: responses.length };
}

/** The three bands, lowest first, and where each starts (logits). */
export const BANDS = ['beginner', 'intermediate', 'advanced'] as const;
export type Band = (typeof BANDS)[number];
/** θ below −0.5 is "beginner", from +0.5 up "advanced"; between is "intermediate". */
export const BAND_CUTS: readonly [number, number] = [-0.5, 0.5];

/** How wide "could be" reaches: θ ± 1 SE, about a two-in-three interval. */
export const COULD_BE_Z = 1;

export function bandOf(theta: number): Band {
  if (theta < BAND_CUTS[0]) return 'beginner';
  if (theta < BAND_CUTS[1]) return 'intermediate';
  return 'advanced';
}

export interface BandReading {
  likely: Band;
  /** The other bands the interval θ ± COULD_BE_Z·SE reaches into, nearest first. */
  couldBe: Band[];
}

export function readBand(a: Ability, z = COULD_BE_Z): BandReading {
  const likely = bandOf(a.theta);
  const low = bandOf(a.theta - z * a.se);
  const high = bandOf(a.theta + z * a.se);
  const couldBe: Band[] = [];
  const li = BANDS.indexOf(likely);
  for (let d = 1; d < BANDS.length; d++) {
    for (const i of [li - d, li + d]) {
      const b = BANDS[i];
      if (b && i >= BANDS.indexOf(low) && i <= BANDS.indexOf(high)) couldBe.push(b);
    }
  }
  return { likely, couldBe };
}

/** "likely intermediate, could be beginner"; "no answers yet" without evidence. */
export function describeBand(a: Ability): string {
  if (a.answered === 0) return 'no answers yet';
  const { likely, couldBe } = readBand(a);
  return couldBe.length === 0 ? `${likely}` : `likely ${likely}, could be ${couldBe.join(' or ')}`;
}

export interface StopRule {
  /** Never stop before this many answers. */
  min: number;
  /** Always stop at this many. */
  cap: number;
  /** Stop once the standard error is below this. */
  seBelow: number;
  /** Stop once θ ± z·SE lies inside one band ("the band is clear"). */
  clearZ: number;
}

/** Placement: 2 to 5 questions per area. */
export const PLACEMENT_STOP: StopRule = { min: 2, cap: 5, seBelow: 0.5, clearZ: 1 };

/** Why to stop asking, or undefined to go on. */
export function stopReason(a: Ability, rule: StopRule): 'cap' | 'precise' | 'clear' | undefined {
  if (a.answered >= rule.cap) return 'cap';
  if (a.answered < rule.min) return undefined;
  if (a.se < rule.seBelow) return 'precise';
  if (bandOf(a.theta - rule.clearZ * a.se) === bandOf(a.theta + rule.clearZ * a.se)) return 'clear';
  return undefined;
}

/** The level to ask next: medium first, harder after a right answer, easier after a wrong one. */
export function nextLevel(last: Response | undefined): ItemLevel {
  if (!last) return 'medium';
  if (last.correct) return last.level === 'easy' ? 'medium' : 'hard';
  return last.level === 'hard' ? 'medium' : 'easy';
}

/**
 * Where a self-rating (0 "never heard of it" … 4 "could teach it") sits on the θ scale: 0 → −2,
 * 1 → −1, 2 → 0, 3 → +1, 4 → +2.
 */
export const ratingTheta = (rating: number): number => rating - 2;

/** How far the interval for calibration reaches: θ ± 1.645 SE, a 90% interval. */
export const CALIBRATION_Z = 1.645;

/**
 * Over- or under-confident only when the interval θ ± CALIBRATION_Z·SE excludes where the
 * self-rating sits; otherwise the answers do not contradict it.
 */
export function selfRatingCalibration(
  rating: number,
  a: Ability,
): 'over-confident' | 'under-confident' | 'consistent' | 'unknown' {
  if (a.answered === 0) return 'unknown';
  const claimed = ratingTheta(rating);
  if (claimed > a.theta + CALIBRATION_Z * a.se) return 'over-confident';
  if (claimed < a.theta - CALIBRATION_Z * a.se) return 'under-confident';
  return 'consistent';
}
