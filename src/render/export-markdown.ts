import { untrusted } from './untrusted.js';
import type { PortfolioSummary, TopicSummary } from '../coach/types.js';
import type { ExportDocument } from '../progress/export.js';
import { funnelLine, workState } from './portfolio.js';
import { STAGE_LABELS, percent, plural } from './text.js';
import { passedByTopic } from '../coach/exercise-steps.js';
import { withoutApplications } from '../coach/private.js';

/**
 * Text from the roadmap or progress as Markdown that renders as written: control characters made
 * visible, on one line, and Markdown's special characters escaped.
 */
const md = (text: string): string => untrusted(text, { oneLine: true }).replace(/([\\`*_[\]<>|#])/g, '\\$1');

/**
 * An evidence link as Markdown: a web address becomes a link when it is plain (no spaces,
 * brackets or quotes that could end it early); anything else, a file path included, is text.
 */
function linkMd(url: string): string {
  const shown = md(url);
  return /^https?:\/\/[^\s()<>[\]"'`\\]+$/i.test(url) && untrusted(url, { oneLine: true }) === url
    ? `[${shown}](${url})`
    : shown;
}

/** What was done on a topic: "2 of 4 milestones · proven by 18/18 checks on …", proof, links. */
function workLines(t: TopicSummary, portfolio: PortfolioSummary | undefined): { facts: string[]; links: string[] } {
  const facts: string[] = [];
  const w = portfolio?.work.find((x) => x.topic === t.topic);
  if (w) facts.push(md(w.label), ...workState(w).map(md));
  for (const p of t.provenBy ?? [])
    facts.push(`proven by ${md(p.project)} (${p.passed}/${p.total} checks on ${p.at.slice(0, 10)})`);
  const links = (portfolio?.links ?? [])
    .filter((l) => l.topic === t.topic)
    .map((l) => `  - Evidence: ${linkMd(l.url)}${l.note ? ` — ${md(l.note)}` : ''}`);
  return { facts, links };
}

function topicLine(t: TopicSummary, portfolio?: PortfolioSummary, exercisesPassed = 0): string {
  const checked = t.status === 'done' || t.mastered;
  const title = t.status === 'skip' ? `~~${md(t.title)}~~` : md(t.title);
  const facts: string[] = [];
  if (t.status === 'skip') facts.push('skipped');
  else {
    if (t.status !== 'todo') facts.push(t.status);
    facts.push(`mastery ${percent(t.mastery)}`);
    if (t.rating !== undefined) facts.push(`self-rating ${t.rating}/4`);
    if (t.answered) facts.push(`quiz ${t.correct}/${t.answered} correct`);
    if (t.due) facts.push('review due');
    if (exercisesPassed) facts.push(`${plural(exercisesPassed, 'exercise')} passed`);
  }
  const work = workLines(t, portfolio);
  facts.push(...work.facts);
  return [`- [${checked ? 'x' : ' '}] ${title} — ${facts.join(' · ')}`, ...work.links].join('\n');
}

/**
 * The export as a Markdown checklist, one section per area: reads well in a GitHub README. Each
 * topic carries its milestones or checklist steps ticked, its proof and its evidence links. Job
 * applications are private (company names, rejections), and a README is public: they appear only
 * with `applications` (`pyroad export --format markdown --applications`), as the funnel's counts.
 */
export function renderExportMarkdown(doc: ExportDocument, opts: { applications?: boolean } = {}): string {
  // Even with the funnel, the page names no company: no application steps among the next steps.
  const summary = withoutApplications(doc.summary);
  const passed = passedByTopic(doc.progress.events);
  const lines: string[] = [];
  lines.push(`# Progress: ${md(doc.roadmap.title)}`, '');
  const overall = [
    `Stage: **${STAGE_LABELS[summary.stage]}**`,
    `readiness **${percent(summary.readiness)}**`,
    ...(summary.mastery !== undefined ? [`mastery **${percent(summary.mastery)}**`] : []),
  ];
  lines.push(`${overall.join(' · ')}  `, `_Exported ${doc.exportedAt.slice(0, 10)} with pyroad ${doc.pyroad}._`);
  for (const area of summary.areas) {
    const topics = summary.topics.filter((t) => t.area === area.area);
    lines.push('', `## ${md(area.title)}`, '');
    lines.push(
      `${percent(area.mastery)} mastery · ${area.mastered} of ${area.topics} topics mastered${area.due ? ` · ${area.due} due for review` : ''}`,
      '',
    );
    for (const topic of topics) lines.push(topicLine(topic, summary.portfolio, passed.get(topic.topic)?.size));
  }
  if (opts.applications) {
    const funnel = summary.portfolio?.funnel;
    lines.push('', '## Job search', '');
    lines.push(funnel && funnel.applied ? funnelLine(funnel) : 'No applications logged yet.');
  }
  if (summary.recommendations.length) {
    lines.push('', '## Next steps', '');
    summary.recommendations.forEach((r, i) => {
      const { text, command, url } = r.action;
      let action = md(text);
      if (command)
        action = text.includes(command) ? action.replace(md(command), `\`${command}\``) : `${action} \`${command}\``;
      if (url && !text.includes(url)) action = `${action} <${url}>`;
      lines.push(`${i + 1}. **${md(r.title)}**: ${md(r.reason)} ${action}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
