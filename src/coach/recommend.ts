import { placementAreas } from '../quiz/placement.js';
import { RATING_LABELS as RATING_WORDS } from '../progress/format.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { Area, Resource, Topic } from '../roadmap/schema.js';
import { checkStep } from './checks.js';
import type { HandsOn } from './evidence.js';
import type { TopicFacts } from './facts.js';
import { STAGE_ORDER, type PathPlan } from './path.js';
import type { Recommendation } from './types.js';
import type { Ability } from './ability.js';
import { groupOf, likelyKnownAssessment, mixSteps, type SideStep } from './next-mix.js';
import { withOverConfidence } from './over-confident.js';
import {
  placedArea,
  placedKnownStep,
  placedOverConfidence,
  placedPartlyStep,
  overRatedAreas,
  withPlacedOverConfidence,
  placementTopicReason,
  type PlacedArea,
} from './placement-weigh.js';
import { isoDay } from '../iso-time.js';

/**
 * Ranked recommendations. The rules, each tested in test/coach/recommend.test.ts:
 *
 * - Only topics still to learn (not skipped, not complete) whose prerequisites are met: every
 *   prerequisite topic complete or skipped, every prerequisite area finished. A blocked topic
 *   appears only when nothing is ready (a loop in the roadmap, or `--area` on an area that waits
 *   on another; then the topics it waits on are recommended instead, with that reason).
 * - Path order: stage (skills → prove → apply), then area order, then topic order. Within a stage,
 *   a topic rated 3+ with a poor quiz comes first (a false sense of mastery is the costliest gap),
 *   then topics marked "learning" (finish what was started), then the rest.
 * - An area nobody has assessed yet gets one "assess" recommendation before its first topic.
 *   Orientation areas (see path.ts) are not gated or assessed: their first topic is slotted right
 *   after the foundation area's first recommendation.
 * - Due reviews of complete topics are merged in at every third place starting with the second
 *   (learn, review, learn, learn, review, ...), one per area, so they never drown new learning;
 *   when nothing else is left they fill the list.
 */
export interface RecommendInput {
  index: RoadmapIndex;
  plan: PathPlan;
  facts: readonly TopicFacts[];
  byId: ReadonlyMap<string, TopicFacts>;
  now: Date;
  limit: number;
  area?: string | undefined;
  /** Steps of the prove and apply stages (prove-apply.ts), put before everything else. */
  extra?: readonly Recommendation[];
  /** Hands-on evidence per topic (evidence.ts), for projects with checks. */
  handsOn?: ReadonlyMap<string, HandsOn> | undefined;
  /** An area's ability estimate (area-ability.ts), for areas the learner probably knows. */
  abilityOf?: ((areaId: string) => Ability | undefined) | undefined;
}

const DAY_MS = 86_400_000;

/** A ranked candidate; the recommendation itself (its wording) is only built for the ones shown. */
interface Candidate {
  make: () => Recommendation;
  area: string;
  key: readonly number[];
  /** An assessment offered for an area whose topics all wait on prerequisites. */
  blocked?: boolean;
}

const compareKeys = (a: readonly number[], b: readonly number[]): number => {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
};

/**
 * The `k` smallest candidates by key, in order: a roadmap of 10,000 topics can have thousands of
 * ready ones, and only a handful are shown, so they are never all sorted.
 */
class TopK {
  readonly items: Candidate[] = [];
  constructor(private readonly k: number) {}

  offer(c: Candidate): void {
    const { items, k } = this;
    if (items.length === k && compareKeys(c.key, items[k - 1]!.key) >= 0) return;
    let i = items.length;
    while (i > 0 && compareKeys(c.key, items[i - 1]!.key) < 0) i--;
    items.splice(i, 0, c);
    if (items.length > k) items.pop();
  }
}

/** "A", "A and B", "A, B and 3 more". */
export function listTitles(titles: readonly string[], max = 2): string {
  if (titles.length <= max)
    return titles.length <= 1 ? (titles[0] ?? '') : `${titles.slice(0, -1).join(', ')} and ${titles.at(-1)}`;
  return `${titles.slice(0, max).join(', ')} and ${titles.length - max} more`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The resource to point at: the first free one that is not a paid certificate exam, else the first. */
export function pickResource(topic: Topic): Resource | undefined {
  return (
    topic.resources.find((r) => r.free && r.kind !== 'certificate') ??
    topic.resources.find((r) => r.free) ??
    topic.resources[0]
  );
}

const studyAction = (topic: Topic, suffix = ''): Recommendation['action'] => {
  const r = pickResource(topic);
  if (!r) return { text: `Read about it: pyroad show ${topic.id}${suffix}`, command: `pyroad show ${topic.id}` };
  return { text: `Study: ${r.title}${r.free ? '' : ' (paid)'}${suffix}`, url: r.url };
};

const assessCommand = (area: string) => `pyroad assess ${area}`;

export class Recommender {
  private readonly areaFinished = new Map<string, boolean>();
  private readonly byArea = new Map<string, TopicFacts[]>();
  private readonly placed = new Map<string, PlacedArea | undefined>();

  constructor(private readonly input: RecommendInput) {
    for (const f of input.facts) {
      const list = this.byArea.get(f.area.id);
      if (list) list.push(f);
      else this.byArea.set(f.area.id, [f]);
      if (!(f.complete || f.skipped)) this.areaFinished.set(f.area.id, false);
      else if (!this.areaFinished.has(f.area.id)) this.areaFinished.set(f.area.id, true);
    }
  }

  /** Still to learn: not skipped and not complete. */
  static toLearn(f: TopicFacts): boolean {
    return !f.skipped && !f.complete;
  }

  /** The placement's reading of an area while all its answers came from the placement (placement-weigh.ts). */
  private placedOf(areaId: string): PlacedArea | undefined {
    if (!this.placed.has(areaId))
      this.placed.set(
        areaId,
        placedArea(this.byArea.get(areaId) ?? [], () => this.input.abilityOf?.(areaId)),
      );
    return this.placed.get(areaId);
  }

  /** The unmet prerequisites of a topic: topic ids, and area ids prefixed with "area:". */
  unmet(f: TopicFacts): string[] {
    const out: string[] = [];
    for (const p of f.topic.prerequisites) {
      const pf = this.input.byId.get(p);
      if (pf && Recommender.toLearn(pf)) out.push(p);
    }
    for (const a of f.area.prerequisites) if (this.areaFinished.get(a) === false) out.push(`area:${a}`);
    return out;
  }

  ready(f: TopicFacts): boolean {
    for (const p of f.topic.prerequisites) {
      const pf = this.input.byId.get(p);
      if (pf && Recommender.toLearn(pf)) return false;
    }
    for (const a of f.area.prerequisites) if (this.areaFinished.get(a) === false) return false;
    return true;
  }

  recommend(): Recommendation[] {
    const { limit, area } = this.input;
    if (limit <= 0) return [];
    const keep = (c: Candidate) => area === undefined || c.area === area;
    let learning = this.learningQueue(limit, keep);
    const reviews = this.reviewQueue(limit, keep);
    if (area !== undefined && learning.every((c) => c.area === area && c.blocked === true))
      learning = [...learning, ...this.blockersOf(area)].slice(0, limit);
    const extra = (this.input.extra ?? []).filter((r) => area === undefined || r.area === area).slice(0, limit);
    const main = [...extra, ...merge(learning, reviews, limit - extra.length)];
    const mixed = mixSteps(main, this.sideSteps(area, main), limit, this.input.byId);
    const steps = withOverConfidence(mixed, {
      facts: this.input.facts,
      byId: this.input.byId,
      limit,
      area,
      ready: (f) => this.ready(f),
      stepFor: (f) => this.learn(f),
    });
    if (area !== undefined) return steps;
    const placed = this.input.index.roadmap.areas
      .map((a) => this.placedOf(a.id))
      .filter((p): p is PlacedArea => p !== undefined);
    const isLead = (r: Recommendation) => {
      const f = r.topic === undefined ? undefined : this.input.byId.get(r.topic);
      return f !== undefined && placedOverConfidence(f, this.placedOf(f.area.id)) !== undefined;
    };
    return withPlacedOverConfidence(
      steps,
      isLead,
      overRatedAreas(placed, (id) => this.byArea.get(id) ?? []),
    );
  }

  /**
   * Steps of other kinds for a full `next` (next-mix.ts): the first area the learner probably
   * knows but has not been quizzed on in full, the next ready project, exercises.
   */
  private sideSteps(area: string | undefined, main: readonly Recommendation[]): SideStep[] {
    const out: SideStep[] = [];
    const commands = new Set(main.map((r) => r.action.command));
    for (const a of this.input.index.roadmap.areas) {
      if (area !== undefined && a.id !== area) continue;
      const topics = this.byArea.get(a.id) ?? [];
      // An area known only from the placement: offered when placed "knows it" (placement-weigh.ts).
      const placed = this.placedOf(a.id);
      const canStart =
        !this.input.plan.orientation.has(a.id) && topics.some((f) => Recommender.toLearn(f) && this.ready(f));
      const step = placed
        ? (placedKnownStep(placed, topics) ?? (canStart ? placedPartlyStep(placed, topics) : undefined))
        : likelyKnownAssessment(topics, () => this.input.abilityOf?.(a.id));
      if (step && !commands.has(step.action.command)) {
        out.push({ step, group: 'likely-known' });
        break;
      }
    }
    const project = this.input.facts.find(
      (f) => f.topic.project && Recommender.toLearn(f) && (area === undefined || f.area.id === area) && this.ready(f),
    );
    if (project) {
      const step = this.learn(project);
      out.push({ step, group: groupOf(step, this.input.byId) });
    }
    return out;
  }

  /** New learning: the best `limit` candidates that `keep` accepts, ranked. */
  private learningQueue(limit: number, keep: (c: Candidate) => boolean): Candidate[] {
    const { plan } = this.input;
    const out = new TopK(limit);
    let anyReady = false;
    const foundationIndex = plan.foundation ? (plan.areaIndex.get(plan.foundation.id) ?? 0) : 0;
    let anyToLearn = false;
    const waiting: Candidate[] = [];
    for (const area of this.input.index.roadmap.areas) {
      const topics = this.byArea.get(area.id) ?? [];
      const toLearn = topics.filter(Recommender.toLearn);
      if (toLearn.length === 0) continue;
      anyToLearn = true;
      const ready = toLearn.filter((f) => this.ready(f));
      const known = plan.orientation.has(area.id) ? undefined : placedKnownStep(this.placedOf(area.id), topics);
      if (ready.length === 0 && known) {
        // Placed "knows it" while it waits on other areas: knowing does not wait, so its quiz is offered.
        waiting.push({
          make: () => known,
          area: area.id,
          key: [STAGE_ORDER[area.stage], 3, plan.areaIndex.get(area.id) ?? 0, 0, 0],
          blocked: true,
        });
        continue;
      }
      if (ready.length === 0) {
        // Prerequisites guide, they do not block knowing: `--area X` on an area that waits still
        // offers its assessment first.
        if (this.input.area === area.id && this.assessable(area, topics)) {
          anyReady = true;
          out.offer({ make: () => this.assessArea(area, true), area: area.id, key: [0, 0, 0, 0, 0], blocked: true });
        } else if (this.assessable(area, topics))
          // After every ready step of its stage: a quiz on an area that still waits shows what can be skipped.
          waiting.push({
            make: () => this.assessArea(area, true),
            area: area.id,
            key: [STAGE_ORDER[area.stage], 3, plan.areaIndex.get(area.id) ?? 0, 0, 0],
            blocked: true,
          });
        continue;
      }
      const stage = STAGE_ORDER[area.stage];
      const orientation = plan.orientation.has(area.id);
      const areaKey = orientation ? foundationIndex + 0.5 : (plan.areaIndex.get(area.id) ?? 0);
      const assessed = topics.some((f) => f.assessed);
      const hasQuestions = topics.some((f) => f.topic.questions.length > 0 && !f.skipped);
      anyReady = true;
      const offer = (c: Candidate) => void (keep(c) && out.offer(c));
      // Skills are checked with a quiz first; projects, certificates and job steps are done, not quizzed.
      if (!orientation && !assessed && hasQuestions && area.stage === 'skills')
        offer({ make: () => this.assessArea(area), area: area.id, key: [stage, 2, areaKey, 0, ready[0]!.index] });
      // Placed "knows it": its quiz comes before teaching its topics.
      else if (known) offer({ make: () => known, area: area.id, key: [stage, 2, areaKey, 0, ready[0]!.index] });
      ready.forEach((f, j) => {
        const cls = f.misjudged ? 0 : f.status === 'learning' ? 1 : 2;
        // Placed "knows it": its quiz, not its lessons, until the quiz says what is left to learn.
        if (known && cls === 2) return;
        if (orientation && j === 0 && !assessed && cls === 2)
          offer({
            make: () => this.orientationStart(f),
            area: area.id,
            key: [stage, 2, foundationIndex, 0.5, f.index],
          });
        else offer({ make: () => this.learn(f), area: area.id, key: [stage, cls, areaKey, 1, f.index] });
      });
    }
    if (!anyReady && anyToLearn) return this.loopFallback().filter(keep);
    for (const c of waiting) if (keep(c)) out.offer(c);
    return out.items;
  }

  /** A skills area with questions that nobody has assessed yet. */
  private assessable(area: Area, topics: readonly TopicFacts[]): boolean {
    return (
      area.stage === 'skills' &&
      !this.input.plan.orientation.has(area.id) &&
      !topics.some((f) => f.assessed) &&
      topics.some((f) => f.topic.questions.length > 0 && !f.skipped)
    );
  }

  /** Due re-checks of complete topics, one per area, the longest overdue first. */
  private reviewQueue(limit: number, keep: (c: Candidate) => boolean): Candidate[] {
    const groups = new Map<string, TopicFacts[]>();
    for (const f of this.input.facts) {
      if (!f.due || !f.complete || f.skipped) continue;
      const list = groups.get(f.area.id);
      if (list) list.push(f);
      else groups.set(f.area.id, [f]);
    }
    const out = new TopK(limit);
    for (const [areaId, list] of groups) {
      const first = list.reduce((a, b) => (a.review!.nextReview.getTime() <= b.review!.nextReview.getTime() ? a : b));
      const candidate: Candidate = {
        make: () => this.review(list, this.input.index.areas.get(areaId)!),
        area: areaId,
        key: [first.review!.nextReview.getTime(), this.input.plan.areaIndex.get(areaId) ?? 0],
      };
      if (keep(candidate)) out.offer(candidate);
    }
    return out.items;
  }

  /**
   * With `--area` on an area whose remaining topics all wait on something: the ready topics they
   * wait on (walking back through unmet prerequisites), in path order.
   */
  private blockersOf(areaId: string): Candidate[] {
    const start = (this.byArea.get(areaId) ?? []).filter(Recommender.toLearn);
    const seen = new Set<string>();
    const seenAreas = new Set<string>();
    const found: TopicFacts[] = [];
    const stack = [...start];
    for (const f of start) seen.add(f.topic.id);
    while (stack.length) {
      const f = stack.pop()!;
      for (const u of this.unmet(f)) {
        const next: TopicFacts[] = [];
        if (u.startsWith('area:')) {
          const a = u.slice(5);
          if (seenAreas.has(a)) continue;
          seenAreas.add(a);
          next.push(...(this.byArea.get(a) ?? []).filter(Recommender.toLearn));
        } else next.push(this.input.byId.get(u)!);
        for (const n of next) {
          if (seen.has(n.topic.id)) continue;
          seen.add(n.topic.id);
          if (this.ready(n)) found.push(n);
          else stack.push(n);
        }
      }
    }
    const target = this.input.index.areas.get(areaId)!;
    return found
      .sort((a, b) => STAGE_ORDER[a.area.stage] - STAGE_ORDER[b.area.stage] || a.index - b.index)
      .map((f) => ({
        make: () => {
          // Placed "knows it": the quiz that confirms it, not its lessons (placement-weigh.ts).
          const known = placedKnownStep(this.placedOf(f.area.id), this.byArea.get(f.area.id) ?? []);
          if (known)
            return {
              ...known,
              reason: `${target.title} builds on ${f.area.title}, where your placement put you at "knows it"; its quiz confirms that and opens the topics of ${target.title}.`,
            };
          return {
            ...this.learn(f),
            reason: `${target.title} builds on it, and it is not done yet, so learn it first.`,
          };
        },
        area: f.area.id,
        key: [f.index],
      }));
  }

  /** Nothing is ready although topics remain: the prerequisites form a loop. Fewest unmet first. */
  private loopFallback(): Candidate[] {
    return this.input.facts
      .filter(Recommender.toLearn)
      .map((f) => ({ f, unmet: this.unmet(f).length }))
      .sort((a, b) => a.unmet - b.unmet || a.f.index - b.f.index)
      .map(({ f }) => ({
        make: () => ({
          ...this.learn(f),
          reason: 'Its prerequisites wait on each other in this roadmap, so start here and break the loop.',
        }),
        area: f.area.id,
        key: [f.index],
      }));
  }

  // --- one recommendation each -----------------------------------------------------------------

  private assessArea(area: Area, waiting = false): Recommendation {
    const first = this.input.plan.foundation?.id === area.id || this.input.plan.areaIndex.get(area.id) === 0;
    const noProgress = this.input.facts.every((f) => !f.assessed);
    // A newcomer on a roadmap of several quizzed skill areas: one placement beats area after area.
    const placed = placementAreas(this.input.index.roadmap.areas).length;
    if (first && noProgress && !waiting && this.input.area === undefined && placed > 1)
      return {
        kind: 'assess',
        area: area.id,
        title: 'Take the placement',
        reason: `You have no results yet; a placement asks 2 to 5 questions in each of the ${placed} skill areas, so the coach knows what you can skip.`,
        action: { text: 'Run: pyroad assess --placement', command: 'pyroad assess --placement' },
      };
    const reason = waiting
      ? `You have not assessed ${area.title} yet; its topics build on others still to learn, but a short quiz shows what you already know.`
      : first && noProgress
        ? `You have no results yet and ${area.title} comes first on the path; a short quiz shows what you already know and what to learn.`
        : `${area.title} is next on the path and you have not assessed it yet; a short quiz shows what you can skip.`;
    return {
      kind: 'assess',
      area: area.id,
      title: `Assess ${area.title}`,
      reason,
      action: { text: `Run: ${assessCommand(area.id)}`, command: assessCommand(area.id) },
    };
  }

  private orientationStart(f: TopicFacts): Recommendation {
    const foundation = this.input.plan.foundation;
    return {
      kind: 'start',
      area: f.area.id,
      topic: f.topic.id,
      title: f.topic.title,
      reason: `A short orientation on the job itself${foundation ? `, to read alongside ${foundation.title}` : ''}.`,
      action: studyAction(f.topic),
    };
  }

  private learn(f: TopicFacts): Recommendation {
    const base = { area: f.area.id, topic: f.topic.id, title: f.topic.title };
    const { topic } = f;
    if (f.misjudged) {
      const r = f.rating!;
      return {
        ...base,
        kind: 'review',
        reason: `You rated yourself ${r}/4 ("${RATING_WORDS[r]}") but got ${f.quiz.correct} of ${f.quiz.answered} questions right, so review it before building on it, then re-check with ${assessCommand(f.area.id)}.`,
        // The re-check is in the reason: after the action text comes the resource URL, which must not read as its argument.
        action: studyAction(topic),
      };
    }
    if (topic.project)
      return (
        checkStep(topic, f.status, this.input.handsOn?.get(topic.id), base) ?? {
          ...base,
          kind: 'project',
          reason: this.projectReason(f),
          action: this.projectAction(f),
        }
      );
    if (topic.checklist) return { ...base, kind: 'job', reason: this.jobReason(f), action: this.checklistAction(f) };
    // A certificate topic past the skills stage: point at a certificate to earn, a free one first.
    const certs = topic.resources.filter((r) => r.kind === 'certificate');
    const cert = certs.find((r) => r.free) ?? certs[0];
    if (cert && f.area.stage !== 'skills')
      return {
        ...base,
        kind: 'certificate',
        reason: `A recognised certificate backs up what you have learned on a CV${cert.free ? ', and this one is free' : ''}.`,
        action: { text: `Earn: ${cert.title}${cert.free ? '' : ' (paid)'}`, url: cert.url },
      };
    const overRated = placedOverConfidence(f, this.placedOf(f.area.id));
    if (overRated) return { ...base, kind: 'review', reason: overRated, action: studyAction(topic) };
    if (f.rating !== undefined && f.rating >= 3 && f.quiz.answered === 0 && topic.questions.length > 0)
      return {
        ...base,
        kind: 'assess',
        reason: `You rated yourself ${f.rating}/4 but have not answered its questions yet; a quiz confirms it so you can move on.`,
        action: { text: `Run: ${assessCommand(f.area.id)}`, command: assessCommand(f.area.id) },
      };
    return { ...base, kind: 'learn', reason: this.learnReason(f), action: studyAction(topic) };
  }

  private learnReason(f: TopicFacts): string {
    const builds = this.input.plan.dependents.get(f.topic.id) ?? 0;
    const unlocks =
      builds > 1 ? `; ${builds} later topics build on it` : builds === 1 ? '; a later topic builds on it' : '';
    if (f.status === 'learning')
      return `You marked it as in progress${f.due ? ' and it is due for a re-check' : ''}, so finish it next${unlocks}.`;
    const placed = placementTopicReason(f, `it is next on the path${unlocks}`);
    if (placed) return placed;
    if (f.quiz.answered > 0) {
      const got = `You got ${f.quiz.correct} of ${f.quiz.answered} ${f.quiz.answered === 1 ? 'question' : 'questions'} right`;
      if (f.due) return `${got} and it is due for a re-check${unlocks}.`;
      // Every answer right but not complete: too little evidence, not a gap.
      return f.quiz.correct === f.quiz.answered
        ? `${got}, which is not yet enough to count it as known; it is next on the path${unlocks}.`
        : `${got}, so it still has gaps, and it is next on the path${unlocks}.`;
    }
    if (f.rating !== undefined)
      return `You rated yourself ${f.rating}/4 ("${RATING_WORDS[f.rating]}"), and it is next on the path${unlocks}.`;
    const prereqs = f.topic.prerequisites
      .map((p) => this.input.byId.get(p))
      .filter((p): p is TopicFacts => p !== undefined && !p.skipped);
    if (prereqs.length)
      return `It builds on ${listTitles(prereqs.map((p) => p.topic.title))}, which you have covered${unlocks}.`;
    if (f.area.topics[0]?.id === f.topic.id) return `It is where ${f.area.title} starts${unlocks}.`;
    return `It is next in ${f.area.title}${unlocks}.`;
  }

  private projectReason(f: TopicFacts): string {
    if (f.work?.ticked)
      return `You have ticked ${f.work.ticked} of ${plural(f.work.total, 'milestone')}; finishing it gives employers something to look at.`;
    const proves = (f.topic.project?.proves ?? []).map((p) => this.input.byId.get(p)).filter((p) => p !== undefined);
    const covered = proves.filter((p) => p.complete || p.skipped).length;
    if (f.status === 'learning') return 'You have started it; a finished project is what employers look at.';
    if (proves.length && covered === proves.length)
      return `You have covered the ${plural(proves.length, 'topic')} it draws on; building it shows them to employers.`;
    if (proves.length)
      return `It is the next portfolio project on the path, and you have covered ${covered} of the ${plural(proves.length, 'topic')} it draws on.`;
    return 'It is the next portfolio project on the path; building it shows your skills to employers.';
  }

  private projectAction(f: TopicFacts): Recommendation['action'] {
    const project = f.topic.project!;
    const command = `pyroad show ${f.topic.id}`;
    // Milestones ticked: point at the next one, and at how to tick it (portfolio.ts).
    const next = f.work?.ticked ? f.work.nextItem : undefined;
    if (next !== undefined)
      return {
        text: `Milestone ${next} of ${project.milestones.length}: ${project.milestones[next - 1]}; then tick it`,
        command: `pyroad mark ${f.topic.id} --milestone ${next} done`,
      };
    if (f.status === 'learning')
      return { text: `Keep building; it is done when ${lowerFirst(project.done_when)}`, command };
    return {
      text: `Start the project, milestone 1 of ${project.milestones.length}: ${project.milestones[0]}`,
      command,
    };
  }

  private jobReason(f: TopicFacts): string {
    if (f.status === 'learning') return `You have started it; working through the remaining steps comes next.`;
    if (f.area.stage === 'apply')
      return `You are putting yourself out there now, and this is the next job-search step on the path.`;
    return `It is the next practical step on the path.`;
  }

  private checklistAction(f: TopicFacts): Recommendation['action'] {
    const steps = f.topic.checklist!;
    const command = `pyroad show ${f.topic.id}`;
    if (f.status === 'learning')
      return {
        text: `Work through the ${plural(steps.length, 'step')}, then: pyroad mark ${f.topic.id} done`,
        command,
      };
    return { text: `Step 1 of ${steps.length}: ${steps[0]}`, command };
  }

  private review(list: TopicFacts[], area: Area): Recommendation {
    const now = this.input.now.getTime();
    const oldest = Math.min(...list.map((f) => f.review!.lastAssessed.getTime()));
    const days = Math.max(0, Math.floor((now - oldest) / DAY_MS));
    const ago = days === 0 ? 'today' : days === 1 ? 'a day ago' : `${days} days ago`;
    const command = assessCommand(area.id);
    if (list.length === 1) {
      const f = list[0]!;
      return {
        kind: 'review',
        area: area.id,
        topic: f.topic.id,
        title: f.topic.title,
        reason: `You last checked it ${ago} and it is due for a re-check, before it fades.`,
        action: { text: `Re-check: ${command}`, command },
      };
    }
    const titles = [...list].sort((a, b) => a.index - b.index).map((f) => f.topic.title);
    return {
      kind: 'review',
      area: area.id,
      title: `Review ${area.title}`,
      reason: `${plural(list.length, 'topic')} you last checked ${list.length > 1 && !sameDay(list) ? 'up to ' : ''}${ago} are due for a re-check: ${listTitles(titles)}.`,
      action: { text: `Re-check: ${command}`, command },
    };
  }
}

const sameDay = (list: readonly TopicFacts[]) => new Set(list.map((f) => isoDay(f.review!.lastAssessed))).size === 1;

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Learning first, then a review at every third place from the second; leftovers fill the list. */
export function merge(learning: readonly Candidate[], reviews: readonly Candidate[], limit: number): Recommendation[] {
  const out: Recommendation[] = [];
  let l = 0;
  let r = 0;
  while (out.length < limit && (l < learning.length || r < reviews.length)) {
    const reviewSlot = out.length % 3 === 1;
    if ((reviewSlot && r < reviews.length) || l >= learning.length) out.push(reviews[r++]!.make());
    else out.push(learning[l++]!.make());
  }
  return out;
}
