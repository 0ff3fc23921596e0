/**
 * The placement: a short adaptive quiz across every skill area, to find out where a learner
 * stands before the coach plans anything. Pure: no I/O, no clock, no prompts; the driver
 * (placement-run.ts) saves answers and draws screens, tests drive it directly.
 *
 * Per area, 2 to 5 questions: the first at medium, then harder after a right answer and easier
 * after a wrong one (ability.ts, `nextLevel`), never the same question twice, topics of the area
 * not asked yet first. Every area first gets 2; an area whose 2 answers agree (both right, both
 * wrong) stops there, and the spare questions under PLACEMENT_TOTAL_CAP go to the areas whose
 * answers were mixed, the most uncertain first, until their Rasch estimate is clear (ability.ts,
 * `stopReason` with PLACEMENT_STOP) or they reach 5. So a learner sure of what they know answers
 * about 2 an area, and the questions go where the answers disagree. Areas with no question to ask
 * are left out. A placement is a function of its answers, so an interrupted one resumes
 * (`earlier`) exactly where it stopped.
 */
import {
  BAND_CUTS,
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
  /** A second-pass question: the area's answers were mixed, so it is asked again to settle them. */
  again: boolean;
}

export type PlacementStep = PlacementQuestion | { kind: 'done' };

/**
 * Why an area stopped: its cap, a precise or clear estimate, its first answers agreeing (all right
 * or all wrong: a first sign that needs no settling), or no question left to ask.
 */
export type AreaStop = 'cap' | 'precise' | 'clear' | 'agree' | 'no more questions';

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

/** An answer given earlier (a placement being resumed): the question and whether it was right. */
export interface EarlierAnswer {
  question: string;
  correct: boolean;
}

interface AreaRun {
  area: Area;
  /** Questions this area may still ask from, in a fixed, seeded order. */
  pool: { topic: Topic; question: Question }[];
  answers: PlacedAnswer[];
  /** The questions it asks in the first pass (2, or fewer when the area or the total is small). */
  min: number;
  /** How many areas list it as a prerequisite: of two equally uncertain areas, the one more builds on is settled first. */
  dependents: number;
}

/** Lexicographic order of two keys of the same length. */
const before = (a: readonly number[], b: readonly number[]): boolean => {
  const j = a.findIndex((x, i) => x !== b[i]);
  return j >= 0 && a[j]! < b[j]!;
};

/** Some answers right and some wrong: the estimate sits between bands and needs more questions. */
const mixed = (answers: readonly PlacedAnswer[]): boolean =>
  answers.some((a) => a.correct) && answers.some((a) => !a.correct);

/**
 * The placement's state is only the answers given so far: the next question follows from them
 * (so a placement interrupted and resumed goes on as if it had not stopped). Two passes: first
 * every area gets its minimum, in path order; then the questions the total cap leaves over go to
 * the areas whose answers were mixed, the most uncertain first (its estimate nearest a band's
 * edge), each until its estimate is clear or it reaches 5. An area answered all right or all
 * wrong stops at its minimum ('agree'): the spare questions are worth more where answers disagree.
 */
export class Placement {
  readonly areas: readonly Area[];
  readonly totalCap: number;
  private readonly runs: AreaRun[];
  private asked = 0;
  private pending: PlacementQuestion | undefined;
  /** The smallest number of questions each area is promised (2, or fewer when the total cannot hold 2 each). */
  readonly areaMin: number;
  /** Earlier answers this placement took over (a resumed placement). */
  readonly resumed: number;

  constructor(areas: readonly Area[], options: PlacementOptions & { earlier?: readonly EarlierAnswer[] }) {
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
      const dependents = areas.filter((b) => b.prerequisites.includes(area.id)).length;
      return { area, pool, answers: [], min: Math.min(this.areaMin, pool.length), dependents };
    });
    this.resumed = this.takeOver(options.earlier ?? []);
    this.pending = this.pickNext();
  }

  /** How many questions it will ask at most: the total cap, or fewer when the areas cannot fill it. */
  get maxQuestions(): number {
    return Math.min(
      this.totalCap,
      this.runs.reduce((n, r) => n + Math.min(PLACEMENT_STOP.cap, r.pool.length + r.answers.length), 0),
    );
  }

  /** A fair estimate of the length up front: the minimum everywhere plus the spare the cap allows. */
  get expectedQuestions(): number {
    const least = this.runs.reduce((n, r) => n + r.min, 0);
    return Math.min(this.maxQuestions, Math.max(least, Math.round((least + this.maxQuestions) / 2)));
  }

  /** Questions answered so far, earlier ones included. */
  get answered(): number {
    return this.asked;
  }

  current(): PlacementStep {
    return this.pending ?? { kind: 'done' };
  }

  /** Records the answer to the current question and picks the next one. */
  answer(correct: boolean): PlacedAnswer {
    const step = this.pending;
    if (!step) throw new Error('the placement is done');
    const run = this.runs[step.areaNumber - 1]!;
    const placed = this.record(
      run,
      run.pool.find((p) => p.question.id === step.question.id)!,
      correct,
    );
    this.pending = this.pickNext();
    return placed;
  }

  /** Each area's result so far, in path order; areas not reached have no answers. */
  results(): AreaPlacement[] {
    const done = this.pending === undefined;
    return this.runs.map((run) => placementOf(run.area, run.answers, this.stopOf(run, done)));
  }

  private record(run: AreaRun, item: { topic: Topic; question: Question }, correct: boolean): PlacedAnswer {
    const placed: PlacedAnswer = {
      topic: item.topic.id,
      question: item.question.id,
      level: item.question.difficulty,
      correct,
    };
    run.answers.push(placed);
    run.pool = run.pool.filter((p) => p !== item);
    this.asked++;
    return placed;
  }

  /** Earlier answers, in the order given, each to its area; questions this placement cannot ask are left out. */
  private takeOver(earlier: readonly EarlierAnswer[]): number {
    let taken = 0;
    for (const a of earlier) {
      if (this.asked >= this.totalCap) break;
      for (const run of this.runs) {
        const item = run.pool.find((p) => p.question.id === a.question);
        if (!item || run.answers.length >= PLACEMENT_STOP.cap) continue;
        this.record(run, item, a.correct);
        taken++;
        break;
      }
    }
    return taken;
  }

  /** Whether an area's mixed answers still leave its band unclear (a second-pass area). */
  private unsettled(run: AreaRun): boolean {
    if (run.pool.length === 0 || run.answers.length < run.min || !mixed(run.answers)) return false;
    return stopReason(this.abilityOf(run), { ...PLACEMENT_STOP, min: run.min }) === undefined;
  }

  private abilityOf(run: AreaRun): Ability {
    return estimateAbility(run.answers.map((a) => ({ level: a.level, correct: a.correct })));
  }

  /** The next question: the first pass in path order, then the most uncertain mixed area. */
  private pickNext(): PlacementQuestion | undefined {
    if (this.asked >= this.totalCap) return undefined;
    const first = this.runs.findIndex((r) => r.answers.length < r.min && r.pool.length > 0);
    if (first >= 0) return this.pick(first, false);
    let best = -1;
    let bestKey: readonly number[] = [];
    this.runs.forEach((run, i) => {
      if (!this.unsettled(run)) return;
      // An area already given extra questions goes on until it settles; then the one nearest a
      // band's edge; then the one more areas build on; then path order.
      const theta = this.abilityOf(run).theta;
      const edge = Math.min(Math.abs(theta - BAND_CUTS[0]), Math.abs(theta - BAND_CUTS[1]));
      const key = [run.answers.length > run.min ? 0 : 1, Math.round(edge * 100), -run.dependents];
      if (best < 0 || before(key, bestKey)) {
        best = i;
        bestKey = key;
      }
    });
    return best >= 0 ? this.pick(best, true) : undefined;
  }

  /** Why an area stopped, or null while it may still be asked (or was never reached). */
  private stopOf(run: AreaRun, done: boolean): AreaStop | undefined {
    if (run.answers.length === 0) return done && run.pool.length > 0 ? 'cap' : undefined;
    if (run.answers.length < run.min && run.pool.length > 0) return done ? 'cap' : undefined;
    if (this.unsettled(run) && run.answers.length < PLACEMENT_STOP.cap) return done ? 'cap' : undefined;
    const reason = stopReason(this.abilityOf(run), { ...PLACEMENT_STOP, min: run.min });
    if (reason) return reason;
    if (!mixed(run.answers)) return 'agree';
    return 'no more questions';
  }

  /**
   * The next question of an area: the level `nextLevel` asks for, else the nearest level (towards
   * the direction of travel on a tie); at a level, a topic not asked yet first; then the seeded order.
   */
  private pick(position: number, again: boolean): PlacementQuestion {
    const run = this.runs[position]!;
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
      areaNumber: position + 1,
      areaCount: this.runs.length,
      again,
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
