import type { ProgressState } from '../progress/state.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import { applicationsOf, funnelOf, type Application } from './applications.js';
import { checkLine } from './checks.js';
import { handsOnEvidence } from './evidence.js';
import type { TopicFacts } from './facts.js';
import { numberedLinks, tickLabel, tickProgress } from './portfolio.js';
import type { PortfolioSummary } from './types.js';

/**
 * The prove and apply stages as data for `status`, `show`, `report` and `export`: ticked
 * milestones and checklist steps, evidence links and the job applications with their funnel. Pure.
 */
export function portfolioSummary(
  index: RoadmapIndex,
  state: ProgressState,
  facts: readonly TopicFacts[],
  apps: readonly Application[] = applicationsOf(state.log),
): PortfolioSummary {
  const hands = handsOnEvidence(state.log);
  const work: PortfolioSummary['work'] = [];
  for (const f of facts) {
    const h = hands.get(f.topic.id);
    const p = tickProgress(f.topic, h);
    if (!p) continue;
    const stage = f.topic.project ? f.work?.stage : undefined;
    const checks = f.topic.project ? checkLine(f.topic, h) : undefined;
    if (p.done === 0 && !h?.links.length && f.status !== 'done' && stage !== 'proven' && !checks) continue;
    work.push({
      topic: f.topic.id,
      title: f.topic.title,
      kind: f.topic.project ? 'project' : 'checklist',
      done: p.done,
      total: p.total,
      ticked: p.items.filter((i) => i.done).map((i) => i.n),
      label: tickLabel(p),
      ...(stage ? { stage } : {}),
      ...(checks ? { checks } : {}),
    });
  }
  const links = numberedLinks(state.log).map((l) => ({
    n: l.n,
    topic: l.topic,
    title: index.topics.get(l.topic)?.topic.title ?? l.topic,
    url: l.url,
    ...(l.note ? { note: l.note } : {}),
    at: l.at,
  }));
  const applications = apps.map((a) => ({
    n: a.n,
    company: a.company,
    role: a.role,
    stage: a.stage,
    appliedAt: a.appliedAt,
    updatedAt: a.updatedAt,
    ...(a.url ? { url: a.url } : {}),
    stack: a.stack,
    ...(a.source ? { source: a.source } : {}),
    ...(a.interviewOn ? { interviewOn: a.interviewOn } : {}),
  }));
  return { work, links, applications, funnel: funnelOf(apps) };
}
