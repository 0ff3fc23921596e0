/**
 * The placement: a short adaptive quiz across every skill area, to find out where a learner
 * stands before the coach plans anything. Pure: no I/O, no clock, no prompts; the driver
 * (placement-run.ts) saves answers and draws screens, tests drive it directly.
 *
 * Per area, 2 to 5 questions: the first at medium, then harder after a right answer and easier
 * after a wrong one (ability.ts, `nextLevel`), never the same question twice, topics of the area
 * not asked yet first. An area stops early once its Rasch estimate is clear (ability.ts,
 * `stopReason` with PLACEMENT_STOP). The whole placement stays within PLACEMENT_TOTAL_CAP
 * questions: each area's cap is what is left once every later area has its minimum set aside,
 * so on a roadmap with many areas the first uncertain ones get the spare questions, never the
 * last ones' minimum. Areas with no question to ask are left out.
 */
import {
  PLACEMENT_STOP,
  bandOf,
  describeBand,
  estimateAbility,
  nextLevel,
  stopReason,
  type Ability,
  type Band,
  type ItemLevel,
  type Response,
} from '../coach/ability.js';
import type { Area, Question, Topic } from '../roadmap/schema.js';
import { streamKey } from './random.js';

/** At most this many questions in a placement ("about 40 questions, 15 minutes"). */
export const PLACEMENT_TOTAL_CAP = 40;
/** Minutes a placement question takes, for the estimate shown before it starts. */
export const MINUTES_PER_QUESTION = 0.35;

const LEVELS: readonly ItemLevel[] = ['easy', 'medium', 'hard'];
const levelRank = (level: ItemLevel): number => LEVELS.indexOf(level);

/** The areas a placement covers: those of the "get the skills" stage with at least one question. */
export function placementAreas(areas: readonly Area[], eligible?: (question: Question) => boolean): Area[] {
  return areas.filter(
    (a) => a.stage === 'skills' && a.topics.some((t) => t.questions.some((q) => !eligible || eligible(q))),
  );
}

export interface PlacementOptions {
  /** Breaks ties between questions of the same level, repeatably. */
  seed: number;
  /** Default PLACEMENT_TOTAL_CAP. */
  totalCap?: number;
  /** Only these questions may be asked (a scripted run asks only what its file answers). */
  eligible?: (question: Question) => boolean;
}

export interface PlacementQuestion {
  kind: 'question';
  area: Area;
  topic: Topic;
  question: Question;
  level: ItemLevel;
  /** 1-based: this question among all asked so far, and the area among the placement's areas. */
  number: number;
  areaNumber: number;
  areaCount: number;
}

export type PlacementStep = PlacementQuestion | { kind: 'done' };

/** Why an area stopped: its cap, a precise or clear estimate, or no question left to ask. */
export type AreaStop = 'cap' | 'precise' | 'clear' | 'no more questions';

/** What one area's answers say. */
export type Verdict = 'knows it' | 'partly' | 'new';
export const VERDICT_OF_BAND: Readonly<Record<Band, Verdict>> = {
  advanced: 'knows it',
  intermediate: 'partly',
  beginner: 'new',
};

export interface PlacedAnswer {
  topic: string;
  question: string;
  level: ItemLevel;
  correct: boolean;
}

interface AreaRun {
  area: Area;
  /** Questions this area may still ask from, in a fixed, seeded order. */
  pool: { topic: Topic; question: Question }[];
  answers: PlacedAnswer[];
  cap: number;
  min: number;
  stopped?: AreaStop;
}

export class Placement {
  readonly areas: readonly Area[];
  readonly totalCap: number;
  private readonly runs: AreaRun[];
  private position = 0;
  private asked = 0;
  private pending: PlacementQuestion | undefined;
  /** The smallest number of questions each area is promised (2, or fewer when the total cannot hold 2 each). */
  readonly areaMin: number;

  constructor(areas: readonly Area[], options: PlacementOptions) {
    const eligible = options.eligible;
    this.areas = placementAreas(areas, eligible);
    this.totalCap = Math.max(0, Math.floor(options.totalCap ?? PLACEMENT_TOTAL_CAP));
    this.areaMin = Math.max(
      1,
      Math.min(PLACEMENT_STOP.min, Math.floor(this.totalCap / Math.max(1, this.areas.length))),
    );
    this.runs = this.areas.map((area) => {
      const pool = area.topics
        .flatMap((topic) =>
          topic.questions.filter((q) => !eligible || eligible(q)).map((question) => ({ topic, question })),
        )
        .map((item) => ({ item, key: streamKey(options.seed, item.question.id) }))
        .sort((a, b) => a.key - b.key || (a.item.question.id < b.item.question.id ? -1 : 1))
        .map(({ item }) => item);
      return { area, pool, answers: [], cap: 0, min: 0 };
    });
    this.enterArea();
  }

  /** How many questions it will ask at most: the total cap, or fewer when the areas cannot fill it. */
  get maxQuestions(): number {
    return Math.min(
      this.totalCap,
      this.runs.reduce((n, r) => n + Math.min(PLACEMENT_STOP.cap, r.pool.length), 0),
    );
  }

  /** A fair estimate of the length up front: the minimum everywhere plus the spare the cap allows. */
  get expectedQuestions(): number {
    const least = this.runs.reduce((n, r) => n + Math.min(this.areaMin, r.pool.length), 0);
    return Math.min(this.maxQuestions, Math.max(least, Math.round((least + this.maxQuestions) / 2)));
  }

  current(): PlacementStep {
    return this.pending ?? { kind: 'done' };
  }

  /** Records the answer to the current question and picks the next one. */
  answer(correct: boolean): PlacedAnswer {
    const step = this.pending;
    if (!step) throw new Error('the placement is done');
    const run = this.runs[this.position]!;
    const placed: PlacedAnswer = {
      topic: step.topic.id,
      question: step.question.id,
      level: step.level,
      correct,
    };
    run.answers.push(placed);
    run.pool = run.pool.filter((p) => p.question.id !== step.question.id);
    this.asked++;
    const reason = stopReason(estimateAbility(run.answers), { ...PLACEMENT_STOP, min: run.min, cap: run.cap });
    if (reason) run.stopped = reason;
    else if (run.pool.length === 0) run.stopped = 'no more questions';
    if (run.stopped) {
      this.position++;
      this.enterArea();
    } else this.pending = this.pick(run);
    return placed;
  }

  /** Each area's result so far, in path order; areas not reached have no answers. */
  results(): AreaPlacement[] {
    return this.runs.map((run) => placementOf(run.area, run.answers, run.stopped));
  }

  /** Sets the cap of the area at `position` and picks its first question; skips areas left with no room. */
  private enterArea(): void {
    this.pending = undefined;
    while (this.position < this.runs.length) {
      const run = this.runs[this.position]!;
      const later = this.runs.slice(this.position + 1).reduce((n, r) => n + Math.min(this.areaMin, r.pool.length), 0);
      const room = this.totalCap - this.asked - later;
      run.cap = Math.max(0, Math.min(PLACEMENT_STOP.cap, run.pool.length, room));
      run.min = Math.min(this.areaMin, run.cap);
      if (run.cap > 0) {
        this.pending = this.pick(run);
        return;
      }
      run.stopped = 'cap';
      this.position++;
    }
  }

  /**
   * The next question of an area: the level `nextLevel` asks for, else the nearest level (towards
   * the direction of travel on a tie); at a level, a topic not asked yet first; then the seeded order.
   */
  private pick(run: AreaRun): PlacementQuestion {
    const last = run.answers.at(-1);
    const want = nextLevel(last);
    const harderFirst = last ? last.correct : true;
    const asked = new Set(run.answers.map((a) => a.topic));
    const score = (level: ItemLevel): number => {
      const distance = Math.abs(levelRank(level) - levelRank(want));
      const away = levelRank(level) > levelRank(want) === harderFirst ? 0 : 1;
      return distance * 2 + (distance > 0 ? away : 0);
    };
    let best: { topic: Topic; question: Question } | undefined;
    let bestScore = Infinity;
    for (const item of run.pool) {
      const s = score(item.question.difficulty) * 2 + (asked.has(item.topic.id) ? 1 : 0);
      if (s < bestScore) {
        best = item;
        bestScore = s;
      }
    }
    const { topic, question } = best!;
    return {
      kind: 'question',
      area: run.area,
      topic,
      question,
      level: question.difficulty,
      number: this.asked + 1,
      areaNumber: this.position + 1,
      areaCount: this.runs.length,
    };
  }
}

/** One area's placement: the evidence and what it says. */
export interface AreaPlacement {
  area: string;
  title: string;
  answered: number;
  correct: number;
  /** The hardest level answered right, and the easiest answered wrong. */
  hardestRight: ItemLevel | null;
  easiestWrong: ItemLevel | null;
  /** The Rasch estimate (logits) and its standard error; null with no answers. */
  theta: number | null;
  se: number | null;
  /** "likely intermediate, could be beginner". */
  band: string;
  /** null when the area was not reached (an interrupted placement). */
  verdict: Verdict | null;
  stopped: AreaStop | null;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

export function placementOf(area: Area, answers: readonly PlacedAnswer[], stopped?: AreaStop): AreaPlacement {
  const responses: Response[] = answers.map((a) => ({ level: a.level, correct: a.correct }));
  const ability: Ability | undefined = responses.length ? estimateAbility(responses) : undefined;
  const extreme = (correct: boolean, pickHarder: boolean): ItemLevel | null => {
    let out: ItemLevel | null = null;
    for (const a of answers)
      if (a.correct === correct && (out === null || levelRank(a.level) > levelRank(out) === pickHarder)) out = a.level;
    return out;
  };
  return {
    area: area.id,
    title: area.title,
    answered: answers.length,
    correct: answers.filter((a) => a.correct).length,
    hardestRight: extreme(true, true),
    easiestWrong: extreme(false, false),
    theta: ability ? round2(ability.theta) : null,
    se: ability ? round2(ability.se) : null,
    band: ability ? describeBand(ability) : 'not asked',
    verdict: ability ? VERDICT_OF_BAND[bandOf(ability.theta)] : null,
    stopped: stopped ?? null,
  };
}

/** "3 of 3 right, up to hard"; "1 of 2 right, up to easy, missed medium"; "0 of 2 right, missed easy". */
export function evidenceText(p: Pick<AreaPlacement, 'answered' | 'correct' | 'hardestRight' | 'easiestWrong'>): string {
  if (p.answered === 0) return 'not asked';
  const parts = [`${p.correct} of ${p.answered} right`];
  if (p.hardestRight) parts.push(`up to ${p.hardestRight}`);
  if (p.easiestWrong) parts.push(`missed ${p.easiestWrong}`);
  return parts.join(', ');
}
