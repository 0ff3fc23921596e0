import type { Stage } from '../roadmap/schema.js';
import type { Application, FollowUp } from './applications.js';
import type { TopicFacts } from './facts.js';
import type { Recommendation } from './types.js';

/**
 * The steps `next` adds for the prove and apply stages, ahead of new learning: an interview
 * tomorrow, an application to follow up, a rejection that names a skill, a built project to prove,
 * and the first application once a project is proven. Pure; recommend.ts puts them first.
 */
export interface ProveApplyInput {
  facts: readonly TopicFacts[];
  stage: Stage;
  applications: readonly Application[];
  followUps: readonly FollowUp[];
}

const quote = (app: Application) => `${app.company}${app.role ? ` (${app.role})` : ''}`;
const titles = (f: FollowUp) => f.topics.map((t) => t.title);
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;

export function proveApplySteps({ facts, stage, applications, followUps }: ProveApplyInput): Recommendation[] {
  const out: Recommendation[] = [];
  const jobArea = facts.find((f) => f.area.stage === 'apply')?.area.id ?? facts.at(-1)?.area.id ?? '';
  for (const f of followUps) {
    const { app } = f;
    if (f.kind === 'interview') {
      const when = f.days === 0 ? 'today' : 'tomorrow';
      const first = f.topics[0];
      out.push({
        kind: 'follow-up',
        area: first?.id ? (facts.find((x) => x.topic.id === first.id)?.area.id ?? jobArea) : jobArea,
        ...(first ? { topic: first.id } : {}),
        title: `Prepare for your interview at ${app.company}`,
        reason: f.topics.length
          ? `Your interview for ${quote(app)} is ${when}, and its stack names ${list(titles(f))}.`
          : `Your interview for ${quote(app)} is ${when}; go over your projects and the job ad once more.`,
        action: first
          ? { text: `Brush up: pyroad show ${first.id}`, command: `pyroad show ${first.id}` }
          : { text: `Re-read the ad and your notes: pyroad apply list`, command: 'pyroad apply list' },
      });
    } else if (f.kind === 'follow-up') {
      // A stage is required, and only their answer decides it; the command names the likely one.
      const command = `pyroad apply update ${app.n} screen`;
      out.push({
        kind: 'follow-up',
        area: jobArea,
        title: `Follow up with ${app.company}`,
        reason: `You have had no answer from ${quote(app)} for ${f.days} days, and a short, polite message often gets one.`,
        action: {
          text: `Write to them, then log their reply (screen, interview, offer or rejected): ${command}`,
          command,
        },
      });
    } else {
      const topic = f.topics[0]!;
      out.push({
        kind: 'follow-up',
        area: facts.find((x) => x.topic.id === topic.id)?.area.id ?? jobArea,
        topic: topic.id,
        title: topic.title,
        reason: `${app.company} turned you down and named ${topic.title} in their feedback, so close that gap before the next application.`,
        action: { text: `Study it: pyroad show ${topic.id}`, command: `pyroad show ${topic.id}` },
      });
    }
  }
  for (const f of facts) {
    if (!f.topic.project || f.skipped || f.work?.stage !== 'built') continue;
    const command = f.work.hasChecks ? `pyroad check ${f.topic.id}` : `pyroad evidence add ${f.topic.id}`;
    out.push({
      kind: 'prove',
      area: f.area.id,
      topic: f.topic.id,
      title: `Prove ${f.topic.title}`,
      reason: f.work.hasChecks
        ? 'You have built it; passing its checks shows that it works, not only that it exists.'
        : 'You have built it; a link a reviewer can open (the repository or the deployed site) turns it into proof.',
      action: f.work.hasChecks
        ? { text: `Start your server, then run: ${command}`, command }
        : { text: `Publish it and attach the link: ${command} <https-url>`, command },
    });
  }
  const proven = facts.some((f) => f.topic.project && f.work?.stage === 'proven');
  if (applications.length === 0 && proven && stage !== 'skills') {
    const command = 'pyroad apply add "<company>" "<role>" --stack python,django';
    out.push({
      kind: 'apply',
      area: jobArea,
      title: 'Send your first application',
      reason:
        'You have a proven project to point to, so start applying; each application you log gets a reminder to follow up.',
      action: { text: `Apply, then log it: ${command}`, command: 'pyroad apply add' },
    });
  }
  return out;
}
