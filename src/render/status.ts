import { untrusted } from './untrusted.js';
import { displayWidth, fit } from './width.js';
import type { Summary, TopicSummary } from '../coach/types.js';
import type { Roadmap } from '../roadmap/schema.js';
import { stagesOf } from '../roadmap/stages.js';
import type { Style } from './style.js';
import { renderPortfolioSection } from './portfolio.js';
import { STAGE_LABELS, bar, percent, plural, wrap, wrapSegments, type Segment } from './text.js';

const signed = (fraction: number): string => {
  const p = Math.round(fraction * 100);
  return p > 0 ? `+${p}` : p < 0 ? `−${-p}` : '±0';
};

const day = (iso: string | undefined): string => (iso ? iso.slice(0, 10) : '');

/** The dashboard: where the learner stands, area by area, and what needs attention. */
export function renderStatus(
  summary: Summary,
  roadmap: Pick<Roadmap, 'title' | 'goal' | 'areas'>,
  style: Style,
  width: number,
  /** Adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  const heading = (text: string) => style.bold(style.cyan(text));
  lines.push(
    wrapSegments(
      [
        [roadmap.title, style.bold],
        [`  as of ${day(summary.generatedAt)}`, style.dim],
      ],
      width,
    ),
  );
  lines.push('');
  const stages = stagesOf([...roadmap.areas, summary]);
  lines.push(
    wrapSegments(
      [
        [`Stage ${stages.indexOf(summary.stage) + 1} of ${stages.length}: `],
        [STAGE_LABELS[summary.stage], style.bold],
        ['   Readiness: '],
        [percent(summary.readiness), style.bold],
        ...(roadmap.goal ? ([[` toward ${roadmap.goal}`, style.dim]] as Segment[]) : []),
      ],
      width,
    ),
  );
  const recent = summary.recent;
  if (recent) {
    lines.push(
      recent.answered === 0 && recent.topicsAssessed === 0 && !recent.marked && !recent.mastery && !recent.readiness
        ? style.dim(`Last ${recent.days} days: no activity.`)
        : wrap(
            `Last ${recent.days} days: mastery ${signed(recent.mastery)} pts, readiness ${signed(recent.readiness)} pts, ` +
              `${plural(recent.answered, 'answer')}, ${plural(recent.topicsAssessed, 'topic')} assessed` +
              (recent.marked ? `, ${plural(recent.marked, 'status', 'statuses')} set` : ''),
            width,
          ),
    );
  }

  // Bars, grouped by stage.
  // One line per area at any width: the bar and the name shrink on narrow terminals.
  const barWidth = width >= 90 ? 20 : width >= 60 ? 12 : 8;
  const longest = Math.max(...summary.areas.map((a) => displayWidth(a.title)), 10);
  const nameWidth = Math.max(10, Math.min(34, longest, width - barWidth - 18));
  let stage = '';
  for (const a of summary.areas) {
    if (a.stage !== stage) {
      stage = a.stage;
      lines.push('');
      lines.push(heading(STAGE_LABELS[a.stage]));
    }
    const name = fit(a.title, nameWidth);
    const fill = a.mastery >= 0.75 ? style.green(bar(a.mastery, barWidth)) : bar(a.mastery, barWidth);
    const notes: Segment[] = [[`${a.mastered}/${a.topics}`, style.dim]];
    if (a.due) notes.push([`${a.due} due`, style.yellow]);
    if (a.calibration === 'over-confident' || a.calibration === 'under-confident')
      notes.push([a.calibration, style.magenta]);
    if (a.band) notes.push([a.band, style.dim]);
    // On a narrow terminal the last notes give way (calibration has its own section below).
    const start = `  ${name} ${bar(a.mastery, barWidth)} ${percent(a.mastery).padStart(4)}  `;
    while (notes.length > 1 && displayWidth(start) + notes.map(([t]) => t).join('  ').length > width) notes.pop();
    lines.push(
      `  ${name} ${fill} ${percent(a.mastery).padStart(4)}  ${notes.map(([t, paint]) => paint!(t)).join('  ')}`,
    );
  }

  if (summary.gaps.length) {
    lines.push('');
    lines.push(heading('Biggest gaps'));
    for (const g of summary.gaps) lines.push(wrap(g, width, '    ').replace(/^ {4}/, '  • '));
  }

  const byId = new Map(summary.topics.map((t) => [t.topic, t]));
  const due = summary.due.map((id) => byId.get(id)).filter((t): t is TopicSummary => t !== undefined);
  lines.push('');
  lines.push(heading(`Reviews due (${due.length})`));
  if (due.length === 0) {
    const upcoming = summary.topics
      .filter((t) => t.nextReview && !t.due && t.status !== 'skip')
      .sort((a, b) => a.nextReview!.localeCompare(b.nextReview!))[0];
    lines.push(
      style.dim(
        wrap(
          upcoming
            ? `None; the next is ${upcoming.title}, on ${day(upcoming.nextReview)}.`
            : 'None yet; reviews are scheduled after each assessment.',
          width,
          '  ',
        ),
      ),
    );
  } else {
    // One line per area: a re-check is one `pyroad assess AREA` however many of its topics are due.
    const areas = new Map<string, TopicSummary[]>();
    for (const t of due) areas.set(t.area, [...(areas.get(t.area) ?? []), t]);
    const titles = new Map(summary.areas.map((a) => [a.area, a.title]));
    for (const [area, list] of areas) {
      const what = list.length === 1 ? list[0]!.title : `${titles.get(area) ?? area}: ${plural(list.length, 'topic')}`;
      lines.push(
        wrapSegments(
          [
            [`• ${what} `],
            [`(due since ${day(list[0]!.nextReview)})`, style.dim],
            ['  '],
            [hint(`pyroad assess ${area}`), style.cyan],
          ],
          width,
          '  ',
          '    ',
        ),
      );
    }
  }

  const flagged = summary.topics.filter(
    (t) => t.calibration === 'over-confident' || t.calibration === 'under-confident',
  );
  if (flagged.length) {
    lines.push('');
    lines.push(heading('Calibration'));
    for (const t of flagged.slice(0, 6)) {
      const detail = `rated ${t.rating}/4, ${t.correct} of ${t.answered} right`;
      const label: Segment =
        t.calibration === 'over-confident' ? ['over-confident', style.yellow] : ['under-confident', style.magenta];
      lines.push(wrapSegments([[`• ${t.title}: `], label, [` (${detail})`, style.dim]], width, '  ', '    '));
    }
    if (flagged.length > 6) lines.push(style.dim(`  … and ${flagged.length - 6} more`));
  }

  // The prove and apply stages: projects ticked, evidence, the job-application funnel (portfolio.ts).
  const portfolio = summary.portfolio ? renderPortfolioSection(summary.portfolio, style, width) : [];
  if (portfolio.length) lines.push('', ...portfolio.map((l) => (l.startsWith('  ') ? l : heading(l))));
  lines.push('');
  lines.push(
    ...wrap(hint('What to do about it: pyroad next'), width)
      .split('\n')
      .map((line) => style.dim(line)),
  );
  return lines.join('\n');
}

/**
 * The learner's state on one topic, in a few words, for `roadmap` and `show`: "✓ mastered",
 * "learning · 45%", "45%", "skipped", plus "review due". Empty for a topic not started.
 */
export function topicBadge(t: TopicSummary, style: Style): string {
  const parts: string[] = [];
  if (t.status === 'skip') parts.push(style.dim('skipped'));
  else if (t.mastered) {
    parts.push(style.green('✓ mastered'));
    if (t.passedBefore?.length)
      parts.push(style.dim(`before ${t.passedBefore.map((p) => untrusted(p, { oneLine: true })).join(', ')}`));
  } else if (t.status === 'learning') parts.push(style.cyan(`learning · ${percent(t.mastery)}`));
  else if (t.answered > 0 || t.rating !== undefined) parts.push(percent(t.mastery));
  if (t.due && t.status !== 'skip') parts.push(style.yellow('review due'));
  if (t.calibration === 'over-confident' && !t.mastered) parts.push(style.magenta('over-confident'));
  return parts.join(style.dim(' · '));
}

/** "Your results" for `show TOPIC`: mastery, rating, quiz, calibration, status and reviews. */
export function renderTopicResults(
  t: TopicSummary,
  ratingLabels: readonly string[],
  style: Style,
  width: number,
  /** Adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  const facts = [`mastery ${percent(t.mastery)}${t.mastered ? ' (mastered)' : ''}`];
  if (t.rating !== undefined) facts.push(`rated ${t.rating}/4 (${ratingLabels[t.rating] ?? ''})`);
  if (t.answered > 0) facts.push(`${t.correct} of ${t.answered} answers right`);
  if (t.calibration !== 'unknown') facts.push(t.calibration);
  lines.push(wrap(facts.join(' · '), width, '  '));
  const when = [`status: ${t.status === 'skip' ? 'skipped' : t.status}`];
  if (t.lastAssessed) when.push(`last assessed ${day(t.lastAssessed)}`);
  if (t.nextReview)
    when.push(t.due ? style.yellow(`review due since ${day(t.nextReview)}`) : `next review ${day(t.nextReview)}`);
  lines.push(wrap(when.join(' · '), width, '  '));
  if (t.ready === false)
    lines.push(
      ...wrap(
        hint(
          'Something it builds on is not done yet (a prerequisite of the topic or of its area); `pyroad next` says what comes first.',
        ),
        width,
        '  ',
      )
        .split('\n')
        .map((line) => style.dim(line)),
    );
  return lines.join('\n');
}
