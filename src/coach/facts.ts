import type { ProgressState, TopicProgress } from '../progress/state.js';
import type { Status } from '../progress/schema.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { Area, Topic } from '../roadmap/schema.js';
import { MASTERY, below, isMisjudged, masteryOf, round3, topicMastery, type TopicMastery } from './mastery.js';
import { isDue, replay, type ReviewState } from './schedule.js';
import type { TopicSummary } from './types.js';
import { checksFingerprint } from '../check/fingerprint.js';
import { handsOnEvidence, passedExercises, type HandsOn } from './evidence.js';
import { projectStage, workByTopic, type ProjectStage, type ProjectWork } from './portfolio.js';
import { proofsByTopic, withProof, type TopicProof } from './proof.js';
import { withPractice } from './practice-credit.js';
import { isoTime } from '../iso-time.js';

/** A built project's credit until it is proven (its checks pass, or a link to it is attached). */
export const BUILT_CREDIT = 0.85;
/** The credit a project or checklist earns as its items are ticked, all but the last. */
export const TICKED_CREDIT = 0.7;

/** What the learner has done on a project or checklist topic (ticks, links, checks). */
export interface TopicWork extends ProjectWork {
  stage: ProjectStage;
}

/** What the coach knows about one topic: the roadmap entry, the learner's results, derived flags. */
export interface TopicFacts {
  topic: Topic;
  area: Area;
  /** Position on the path (roadmap order). */
  index: number;
  status: Status;
  rating?: number;
  /** Mastery before the status and project rules are applied. */
  quiz: TopicMastery;
  /** Mastery as reported: `done` lifts it, an unfinished project or job step caps it. */
  mastery: number;
  /** Mastered, or marked done without a quiz that says otherwise. Not recommended except as a due review. */
  complete: boolean;
  skipped: boolean;
  /** Rated 3+ yet the quiz went poorly. */
  misjudged: boolean;
  /** Has a rating or quiz answers. */
  assessed: boolean;
  /** A portfolio project or a job-search checklist: complete only when marked done. */
  practical: boolean;
  review?: ReviewState;
  due: boolean;
  /** Milestones or checklist steps ticked, links, checks; and where a project stands. */
  work?: TopicWork;
  /** Proven projects that list this topic in `proves:` (proof.ts): hands-on evidence. */
  proofs?: TopicProof[];
  /** How many of its exercises have passed (practice-credit.ts): hands-on evidence. */
  practised?: number;
}

/** The mastery of a topic with no progress at all (most topics, on a large roadmap). */
const NO_RESULTS: TopicMastery = Object.freeze(topicMastery(undefined, []));

/**
 * One topic's facts from its progress entry: the coach's view of "now".
 */
export function topicFacts(
  topic: Topic,
  area: Area,
  index: number,
  progress: Pick<TopicProgress, 'ratingValue' | 'status' | 'answerCount' | 'eachAnswer'> | undefined,
  now: Date,
  work?: ProjectWork,
  proofs?: TopicProof[],
  practised?: number,
): TopicFacts {
  const rating = progress?.ratingValue;
  const quiz = progress ? masteryOf(rating, progress.eachAnswer) : NO_RESULTS;
  const review = progress && progress.answerCount > 0 ? replay(progress.eachAnswer, now) : undefined;
  return deriveFacts(
    topic,
    area,
    index,
    rating,
    progress?.status?.status ?? 'todo',
    quiz,
    review,
    now,
    work,
    proofs,
    practised,
  );
}

/**
 * The flags that follow from a topic's rating, status and quiz results. The history calls it
 * with results as they stood on an earlier day (and no review schedule).
 */
export function deriveFacts(
  topic: Topic,
  area: Area,
  index: number,
  rating: number | undefined,
  status: Status,
  quiz: TopicMastery,
  review: ReviewState | undefined,
  now: Date,
  work?: ProjectWork,
  proofs?: TopicProof[],
  practised = 0,
): TopicFacts {
  const misjudged = isMisjudged(rating, quiz);
  const practical = topic.project !== undefined || topic.checklist !== undefined;
  const poorQuiz = quiz.quizScore !== undefined && below(quiz.quizScore, MASTERY.poorQuiz);
  // One lucky answer is not evidence: two are needed (or all, when a topic has fewer questions).
  const hasEvidence = quiz.answered >= Math.min(2, topic.questions.length);
  // Placement answers alone never make a topic mastered (mastery.ts, MASTERY.masteredNeedsQuiz).
  const placementOnly = quiz.answered > 0 && quiz.placement === quiz.answered;
  let complete: boolean;
  let mastery = quiz.mastery;
  const stage = practical ? projectStage(work, status === 'done') : undefined;
  if (practical) {
    // Done when marked done or when every milestone (checklist step) is ticked.
    complete = stage === 'built' || stage === 'proven';
    // Knowing about a project is not having built it: half credit, or what the ticks earn, until
    // it is built. Once the learner tracks a project (ticks, links, checks), it counts in full
    // only when proven; marked done with nothing tracked, it counts on their word.
    const ticked = work && work.total > 0 ? (TICKED_CREDIT * work.ticked) / work.total : 0;
    mastery = complete
      ? topic.project && work && stage !== 'proven'
        ? BUILT_CREDIT
        : 1
      : Math.max(mastery / 2, ticked);
  } else if (status === 'done' && !poorQuiz) {
    complete = true;
    // Done by the learner's word: full marks when there is no quiz to check it, else the
    // mastered threshold until the quiz says more.
    mastery = Math.max(mastery, topic.questions.length === 0 ? 1 : MASTERY.mastered);
  } else {
    complete =
      !misjudged && hasEvidence && !(placementOnly && MASTERY.masteredNeedsQuiz) && !below(mastery, MASTERY.mastered);
  }
  // A proven project lifts the topics it proves (proof.ts).
  if (!practical && proofs?.length) ({ mastery, complete } = withProof(mastery, complete, poorQuiz, proofs));
  // A passed exercise lifts it a little (practice-credit.ts).
  const mayMaster = !misjudged && hasEvidence && !(placementOnly && MASTERY.masteredNeedsQuiz);
  if (!practical && practised > 0)
    ({ mastery, complete } = withPractice(mastery, complete, { poorQuiz, mayMaster }, practised));
  const facts: TopicFacts = {
    topic,
    area,
    index,
    status,
    quiz,
    mastery,
    complete,
    skipped: status === 'skip',
    misjudged,
    assessed: rating !== undefined || quiz.answered > 0,
    practical,
    due: false,
  };
  if (rating !== undefined) facts.rating = rating;
  if (stage && work) facts.work = { ...work, stage };
  if (proofs?.length) facts.proofs = proofs;
  if (practised > 0) facts.practised = practised;
  if (review) {
    facts.review = review;
    facts.due = status !== 'skip' && isDue(review.nextReview, now);
  }
  return facts;
}

/** Facts for every topic of the roadmap, in path order, with what was done on each (evidence.ts). */
export function allFacts(
  index: RoadmapIndex,
  state: ProgressState,
  now: Date,
  hands: ReadonlyMap<string, HandsOn> = handsOnEvidence(state.log),
): TopicFacts[] {
  const out: TopicFacts[] = [];
  let i = 0;
  const topics = index.roadmap.areas.flatMap((a) => a.topics);
  const proofs = proofsByTopic(topics, hands);
  const work = workByTopic(topics, hands, (topic) =>
    topic.project?.checks?.length ? checksFingerprint(topic.project.checks) : undefined,
  );
  for (const area of index.roadmap.areas)
    for (const topic of area.topics)
      out.push(
        topicFacts(
          topic,
          area,
          i++,
          state.topics.get(topic.id),
          now,
          work.get(topic.id),
          proofs.get(topic.id),
          passedExercises(hands.get(topic.id)).length,
        ),
      );
  return out;
}

export function toTopicSummary(f: TopicFacts, progress: TopicProgress | undefined): TopicSummary {
  const s: TopicSummary = {
    topic: f.topic.id,
    area: f.area.id,
    title: f.topic.title,
    mastery: round3(f.mastery),
    answered: f.quiz.answered,
    correct: f.quiz.correct,
    calibration: f.quiz.calibration,
    status: f.status,
    mastered: f.complete,
    due: f.due,
  };
  if (f.rating !== undefined) s.rating = f.rating;
  if (f.quiz.quizScore !== undefined) s.quizScore = round3(f.quiz.quizScore);
  const last = Math.max(f.quiz.latest ?? -Infinity, progress?.ratingTime ?? -Infinity);
  if (Number.isFinite(last)) s.lastAssessed = isoTime(last);
  if (f.review) s.nextReview = isoTime(f.review.nextReview);
  if (f.proofs?.length) s.provenBy = f.proofs.map(({ project, passed, total, at }) => ({ project, passed, total, at }));
  return s;
}
