import type { Question, Roadmap } from './schema.js';
import { DIFFICULTIES, type Difficulty } from './schema.js';

/**
 * Cue statistics for a question bank: could a test-wise learner beat chance without knowing the
 * subject? Pure: a roadmap in, numbers and the questions to look at out (`pyroad validate --stats`
 * prints them; the shipped roadmap's content test holds them under the limits below).
 */

/** Words that test-wise learners avoid ("absolutes are usually wrong") or seek. */
export const ABSOLUTE_WORDS = [
  'always',
  'never',
  'only',
  'all',
  'none',
  'must',
  'cannot',
  "can't",
  'every',
  'everything',
  'nothing',
  'guaranteed',
] as const;
const ABSOLUTE = new RegExp(`\\b(${ABSOLUTE_WORDS.join('|')})\\b`, 'i');

/** Where a cue starts to pay: past these, `validate --stats` warns and the content test fails. */
export const CUE_LIMITS = {
  /** Share of questions a length-rank strategy may answer right, at most. */
  lengthRankScore: 0.32,
  /** Gap, in points, between the absolute-word rates of keys and of distractors, at most. */
  absoluteGap: 0.05,
  /** Gap, in points, between a key position's share and its share by chance, at most. */
  positionGap: 0.05,
} as const;

export interface LengthRankStat {
  /** 0 = always pick the longest choice, 1 = the second-longest, and so on. */
  rank: number;
  /** Share of questions that strategy answers right (ties split evenly). */
  score: number;
}

export interface PositionStat {
  position: number;
  /** Share of questions whose key is at this position. */
  share: number;
  /** The share chance would give, given each question's number of choices. */
  expected: number;
}

export interface BankStats {
  questions: number;
  /** What guessing scores, given each question's number of choices. */
  chance: number;
  byArea: { area: string; total: number; difficulty: Record<Difficulty, number> }[];
  positions: PositionStat[];
  lengthRanks: LengthRankStat[];
  absolutes: { keys: number; distractors: number };
  topicsWithoutQuestions: string[];
  topicsWithoutResources: string[];
  /** Problems past CUE_LIMITS, each naming the questions to look at. */
  warnings: { message: string; questions: string[] }[];
}

const visibleLength = (choice: string): number => choice.trim().replace(/\s+/g, ' ').length;

/** Per question: the credit each length rank earns (1 for the key's rank, split on ties). */
function rankCredits(q: Question): number[] {
  const lengths = q.choices.map(visibleLength);
  const order = [...lengths].sort((a, b) => b - a);
  const credits = new Array<number>(lengths.length).fill(0);
  const key = lengths[q.answer]!;
  // The ranks the key's length occupies: a strategy landing on any of them picks among the ties.
  const first = order.indexOf(key);
  const ties = order.filter((l) => l === key).length;
  for (let r = first; r < first + ties; r++) credits[r] = 1 / ties;
  return credits;
}

/** The questions a length-rank strategy gets right, for naming them in a warning. */
function wonBy(questions: { q: Question; id: string }[], rank: number): string[] {
  return questions.filter(({ q }) => (rankCredits(q)[rank] ?? 0) > 0).map(({ id }) => id);
}

export function bankStats(roadmap: Roadmap): BankStats {
  const all: { q: Question; id: string }[] = [];
  const byArea: BankStats['byArea'] = [];
  const topicsWithoutQuestions: string[] = [];
  const topicsWithoutResources: string[] = [];
  for (const area of roadmap.areas) {
    const difficulty = Object.fromEntries(DIFFICULTIES.map((d) => [d, 0])) as Record<Difficulty, number>;
    let total = 0;
    for (const topic of area.topics) {
      if (topic.questions.length === 0) topicsWithoutQuestions.push(topic.id);
      if ((topic.resources ?? []).length === 0) topicsWithoutResources.push(topic.id);
      for (const q of topic.questions) {
        all.push({ q, id: q.id });
        difficulty[q.difficulty ?? 'medium']++;
        total++;
      }
    }
    byArea.push({ area: area.id, total, difficulty });
  }

  const n = all.length;
  const maxChoices = Math.max(0, ...all.map(({ q }) => q.choices.length));
  const chance = n ? all.reduce((s, { q }) => s + 1 / q.choices.length, 0) / n : 0;

  const positions: PositionStat[] = [];
  for (let p = 0; p < maxChoices; p++) {
    const share = n ? all.filter(({ q }) => q.answer === p).length / n : 0;
    const expected = n ? all.reduce((s, { q }) => s + (p < q.choices.length ? 1 / q.choices.length : 0), 0) / n : 0;
    positions.push({ position: p, share, expected });
  }

  const lengthRanks: LengthRankStat[] = [];
  for (let r = 0; r < maxChoices; r++)
    lengthRanks.push({ rank: r, score: n ? all.reduce((s, { q }) => s + (rankCredits(q)[r] ?? 0), 0) / n : 0 });

  let keysWith = 0;
  let distractors = 0;
  let distractorsWith = 0;
  const absoluteKeys: string[] = [];
  const absoluteDistractors: string[] = [];
  for (const { q, id } of all)
    q.choices.forEach((c, i) => {
      const has = ABSOLUTE.test(c);
      if (i === q.answer) {
        if (!has) return;
        keysWith++;
        absoluteKeys.push(id);
      } else {
        distractors++;
        if (!has) return;
        distractorsWith++;
        absoluteDistractors.push(id);
      }
    });
  const absolutes = { keys: n ? keysWith / n : 0, distractors: distractors ? distractorsWith / distractors : 0 };

  const warnings: BankStats['warnings'] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  for (const { rank, score } of lengthRanks)
    if (score > CUE_LIMITS.lengthRankScore)
      warnings.push({
        message: `always picking the ${ordinal(rank)} choice scores ${pct(score)} (chance is ${pct(chance)}; limit ${pct(CUE_LIMITS.lengthRankScore)})`,
        questions: wonBy(all, rank),
      });
  const gap = absolutes.keys - absolutes.distractors;
  if (Math.abs(gap) > CUE_LIMITS.absoluteGap)
    warnings.push({
      message: `absolute words (${ABSOLUTE_WORDS.join(', ')}) are in ${pct(absolutes.keys)} of keys and ${pct(absolutes.distractors)} of distractors, so ${gap < 0 ? '"avoid absolutes"' : '"pick absolutes"'} beats chance`,
      questions: [...new Set(gap < 0 ? absoluteDistractors : absoluteKeys)],
    });
  for (const { position, share, expected } of positions)
    if (Math.abs(share - expected) > CUE_LIMITS.positionGap)
      warnings.push({
        message: `the key is choice ${position + 1} in ${pct(share)} of questions (chance: ${pct(expected)})`,
        questions: all.filter(({ q }) => q.answer === position).map(({ id }) => id),
      });
  return {
    questions: n,
    chance,
    byArea,
    positions,
    lengthRanks,
    absolutes,
    topicsWithoutQuestions,
    topicsWithoutResources,
    warnings,
  };
}

function ordinal(rank: number): string {
  return (
    ['longest', 'second-longest', 'third-longest', 'fourth-longest', 'fifth-longest'][rank] ?? `${rank + 1}th-longest`
  );
}
