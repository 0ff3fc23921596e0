import type { Summary } from '../coach/types.js';
import { RATING_LABELS } from '../progress/format.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { Area, Topic } from '../roadmap/schema.js';
import type { Style } from './style.js';
import { renderTopicPortfolio } from './portfolio.js';
import { renderTopicResults, topicBadge } from './status.js';
import { STAGE_LABELS, inlineCode, percent, plural, wrap, wrapSegments } from './text.js';
import { untrusted } from './untrusted.js';
import { displayWidth } from './width.js';

const heading = (style: Style, text: string) => style.bold(style.cyan(text));

/** Whether item `i` (0-based) of a topic's milestones or checklist is ticked. */
const ticked = (progress: Summary | undefined, topic: string, i: number): boolean =>
  progress?.portfolio?.work.find((w) => w.topic === topic)?.ticked?.includes(i + 1) ?? false;

export function renderTopic(
  index: RoadmapIndex,
  topic: Topic,
  area: Area,
  style: Style,
  width: number,
  progress?: Summary,
  /** The latest `pyroad check` result of a project with checks (coach/checks.ts, checkLine). */
  checkResult?: string,
  /** Adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  // The id goes under the title when both do not fit on one line.
  const together = displayWidth(topic.title) + displayWidth(topic.id) + 3 <= width;
  lines.push(
    together
      ? `${style.bold(topic.title)} ${style.dim(`(${topic.id})`)}`
      : `${style.bold(wrap(topic.title, width))}\n${style.dim(wrap(`(${topic.id})`, width))}`,
  );
  lines.push(dimWrapped(style, `${area.title} · ${STAGE_LABELS[area.stage]}`, width));
  lines.push('');
  lines.push(wrap(topic.summary, width));
  if (topic.why) {
    lines.push('');
    lines.push(heading(style, 'Why it matters'));
    lines.push(wrap(topic.why, width, '  '));
  }
  if (topic.prerequisites.length) {
    lines.push('');
    lines.push(heading(style, 'Learn first'));
    for (const id of topic.prerequisites)
      lines.push(bullet(`${index.topics.get(id)?.topic.title ?? id} ${style.dim(`(${id})`)}`, width));
  }
  if (topic.project) {
    lines.push('');
    lines.push(heading(style, 'Milestones'));
    topic.project.milestones.forEach((m, i) => lines.push(tickLine(i, ticked(progress, topic.id, i), m, width)));
    lines.push('');
    lines.push(heading(style, 'Done when'));
    lines.push(wrap(topic.project.done_when, width, '  '));
    lines.push('');
    lines.push(heading(style, 'Proves'));
    lines.push(wrap(topic.project.proves.map((id) => index.topics.get(id)?.topic.title ?? id).join(', '), width, '  '));
    if (topic.project.spec) {
      lines.push('');
      lines.push(heading(style, 'The contract'));
      lines.push(renderSpec(topic.project.spec, width));
    }
    if (topic.project.checks?.length) {
      lines.push('');
      lines.push(heading(style, 'Checks'));
      lines.push(
        wrap(
          hint(`${plural(topic.project.checks.length, 'check')} test your running server: pyroad check ${topic.id}`),
          width,
          '  ',
        ),
      );
      if (checkResult) lines.push(wrap(checkResult.charAt(0).toUpperCase() + checkResult.slice(1), width, '  '));
    }
  }
  if (topic.checklist) {
    lines.push('');
    lines.push(heading(style, 'Checklist'));
    topic.checklist.forEach((step, i) => lines.push(tickLine(i, ticked(progress, topic.id, i), step, width)));
  }
  if (topic.resources.length) {
    lines.push('');
    lines.push(heading(style, 'Resources'));
  }
  for (const r of topic.resources) {
    lines.push(bullet(`${r.title} ${style.dim(`[${r.kind}${r.free ? '' : ', paid'}]`)}`, width));
    lines.push(
      ...wrap(r.url, width, '    ')
        .split('\n')
        .map((line) => `    ${style.blue(line.slice(4))}`),
    );
  }
  const mine = progress?.topics.find((t) => t.topic === topic.id);
  if (mine) {
    lines.push('');
    lines.push(heading(style, 'Your results'));
    lines.push(renderTopicResults(mine, RATING_LABELS, style, width, hint));
  }
  const work = [
    ...renderTopicPortfolio(progress?.portfolio, topic.id, style, width),
    ...(mine?.provenBy ?? []).map((p) =>
      wrap(
        `${style.green('✓')} ${untrusted(p.project, { oneLine: true })} is proven by ${p.passed}/${p.total} checks on ${p.at.slice(0, 10)}: hands-on evidence for this topic`,
        width,
        '  ',
      ),
    ),
  ];
  if (work.length) {
    lines.push('');
    lines.push(heading(style, 'What you have done'));
    lines.push(...work);
  }
  if (topic.questions.length) {
    lines.push('');
    lines.push(
      dimWrapped(
        style,
        hint(`${plural(topic.questions.length, 'knowledge-check question')}: pyroad assess ${area.id}`),
        width,
      ),
    );
  }
  return withInlineCode(lines, style);
}

export function renderArea(
  index: RoadmapIndex,
  area: Area,
  style: Style,
  width: number,
  progress?: Summary,
  /** Adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  const mine = progress?.areas.find((a) => a.area === area.id);
  const badges = new Map(
    progress?.topics.filter((t) => t.area === area.id).map((t) => [t.topic, topicBadge(t, style)]),
  );
  lines.push(
    displayWidth(area.title) + displayWidth(area.id) + 3 <= width
      ? `${style.bold(area.title)} ${style.dim(`(${area.id})`)}`
      : `${style.bold(wrap(area.title, width))}\n${style.dim(wrap(`(${area.id})`, width))}`,
  );
  lines.push(style.dim(`Stage: ${STAGE_LABELS[area.stage]}`));
  lines.push('');
  lines.push(wrap(area.summary, width));
  if (area.prerequisites.length) {
    lines.push('');
    lines.push(heading(style, 'Finish first'));
    for (const id of area.prerequisites)
      lines.push(bullet(`${index.areas.get(id)?.title ?? id} ${style.dim(`(${id})`)}`, width));
  }
  lines.push('');
  lines.push(heading(style, `Topics (${area.topics.length})`));
  for (const topic of area.topics) {
    const badge = badges.get(topic.id);
    lines.push(bullet(`${topic.title} ${style.dim(`(${topic.id})`)}${badge ? `  ${badge}` : ''}`, width));
    lines.push(wrap(topic.summary, width, '    '));
  }
  if (mine) {
    lines.push('');
    lines.push(heading(style, 'Your results'));
    lines.push(
      wrap(
        `${percent(mine.mastery)} mastered · ${mine.mastered} of ${mine.topics} topics${mine.due ? ` · ${style.yellow(`${mine.due} due for review`)}` : ''}${
          mine.calibration === 'over-confident' || mine.calibration === 'under-confident'
            ? ` · ${mine.calibration}`
            : ''
        }`,
        width,
        '  ',
      ),
    );
  }
  const questions = area.topics.reduce((n, t) => n + t.questions.length, 0);
  lines.push('');
  lines.push(
    dimWrapped(style, hint(`${plural(questions, 'question')} to check yourself: pyroad assess ${area.id}`), width),
  );
  return withInlineCode(lines, style);
}

/** The lines as one text, inline code spans shown as code (see inlineCode). */
const withInlineCode = (lines: string[], style: Style): string =>
  lines
    .join('\n')
    .split('\n')
    .map((line) => inlineCode(line, style))
    .join('\n');

/** The text wrapped to `width`, each line dimmed (colour goes on after wrapping). */
const dimWrapped = (style: Style, text: string, width: number): string =>
  wrap(text, width)
    .split('\n')
    .map((line) => style.dim(line))
    .join('\n');

/** "  • text", wrapped to `width` with continuation lines under the text. */
function bullet(text: string, width: number): string {
  return wrap(text, Math.max(20, width - 4))
    .split('\n')
    .map((line, i) => `${i === 0 ? '  • ' : '    '}${line}`)
    .join('\n');
}

/** A project's contract: a bullet's indented continuation lines are joined, then wrapped under it. */
function renderSpec(spec: string, width: number): string {
  const items: string[] = [];
  for (const line of spec.split('\n'))
    if (/^\s+\S/.test(line) && items.length) items[items.length - 1] += ` ${line.trim()}`;
    else items.push(line);
  return items
    .map((item) =>
      item.startsWith('- ') ? wrap(item.slice(2), width, '    ').replace(/^ {4}/, '  - ') : wrap(item, width, '  '),
    )
    .join('\n');
}

/** "  3. [ ] Render the pages…", its later lines under the text, not under the number. */
function tickLine(i: number, done: boolean, text: string, width: number): string {
  const label = `${i + 1}. ${done ? '[x]' : '[ ]'} `;
  return wrapSegments([[label + text]], width, '  ', ' '.repeat(2 + label.length));
}
