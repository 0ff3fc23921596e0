import { untrusted } from './untrusted.js';
import type { TopicSummary } from '../coach/types.js';
import type { ExportDocument } from '../progress/export.js';
import { STAGE_LABELS, percent, plural } from './text.js';
import { passedByTopic } from '../coach/exercise-steps.js';

/**
 * Text from the roadmap or progress as Markdown that renders as written: control characters made
 * visible, on one line, and Markdown's special characters escaped.
 */
const md = (text: string): string => untrusted(text, { oneLine: true }).replace(/([\\`*_[\]<>|#])/g, '\\$1');

function topicLine(t: TopicSummary, exercisesPassed = 0): string {
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
  return `- [${checked ? 'x' : ' '}] ${title} — ${facts.join(' · ')}`;
}

/** The export as a Markdown checklist, one section per area: reads well in a GitHub README. */
export function renderExportMarkdown(doc: ExportDocument): string {
  const { summary } = doc;
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
    for (const topic of topics) lines.push(topicLine(topic, passed.get(topic.topic)?.size));
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
