/** The end-of-assessment summary and the area picker's lines. Text in, text out; colour via Style. */
import { displayWidth, fit } from './width.js';
import type { AssessSummary } from '../quiz/summary.js';
import type { AreaStatus } from '../quiz/picker.js';
import type { Style } from './style.js';
import { bar, percent, plural, wrap } from './text.js';
import { RATING_LABELS } from '../progress/schema.js';

/** "  • text", wrapped with the following lines under the text. */
const bullet = (text: string, width: number): string => `  • ${wrap(text, width, '    ').trimStart()}`;

const CALIBRATION_TEXT = {
  'over-confident': 'rated higher than the quiz shows',
  'under-confident': 'knows more than the rating says',
} as const;

export function renderSummary(summary: AssessSummary, style: Style, width: number): string {
  const lines: string[] = [''];
  const head = summary.complete ? `${summary.area.title}: assessment done` : `${summary.area.title}: assessment so far`;
  const score =
    summary.answered > 0
      ? `${summary.correct} of ${summary.answered} right (${percent(summary.correct / summary.answered)})`
      : summary.quick
        ? 'self-ratings only'
        : 'no questions answered';
  lines.push(`${style.bold(head)} ${style.dim('·')} ${score}`);
  lines.push('');

  const titleWidth = Math.max(
    12,
    Math.min(32, width - 44, Math.max(...summary.topics.map((t) => displayWidth(t.title)))),
  );
  lines.push(style.dim(`  ${'topic'.padEnd(titleWidth)}  rating  quiz`));
  for (const t of summary.topics) {
    const rating = t.rating === null ? style.dim('  –   ') : `  ${t.rating}/4 `;
    const quiz =
      t.score === null
        ? style.dim('–')
        : `${bar(t.score, 10)} ${`${t.correct}/${t.answered}`.padStart(5)} ${percent(t.score).padStart(4)}`;
    const flag =
      t.calibration === 'over-confident'
        ? style.yellow(' over-confident')
        : t.calibration === 'under-confident'
          ? style.cyan(' under-confident')
          : '';
    lines.push(`  ${fit(t.title, titleWidth)}  ${rating}  ${quiz}${flag}`);
  }

  const off = summary.topics.filter((t) => t.calibration === 'over-confident' || t.calibration === 'under-confident');
  if (off.length) {
    lines.push('');
    lines.push(style.bold('Where your rating and the quiz disagree'));
    for (const t of off) {
      const said = t.rating === null ? 'your earlier rating' : `you rated it ${t.rating} (${RATING_LABELS[t.rating]})`;
      const quiz = t.answered ? `answered ${t.correct} of ${t.answered} right` : 'earlier answers disagree';
      const which = CALIBRATION_TEXT[t.calibration as keyof typeof CALIBRATION_TEXT];
      lines.push(bullet(`${t.title}: ${said}, ${quiz}: ${t.calibration} (${which}).`, width));
    }
  }

  if (summary.next) {
    const { next } = summary;
    lines.push('');
    lines.push(`${style.bold('Best next step:')} ${next.title}`);
    lines.push(wrap(next.reason, width, '  '));
    lines.push(`  → ${wrap(next.action.text, width, '    ').trimStart()}`);
    if (next.action.url) lines.push(`    ${style.blue(next.action.url)}`);
    if (next.action.command && !next.action.text.includes(next.action.command))
      lines.push(`    ${style.cyan(`$ ${next.action.command}`)}`);
  }
  return lines.join('\n');
}

/**
 * One line of the area picker: the title, then the state, in at most `room` columns for the state
 * (a narrow terminal gets the short words, then only the first).
 */
export function areaChoiceName(status: AreaStatus, style: Style, titleWidth: number, room = Infinity): string {
  const first = status.started ? `mastery ${percent(status.mastery)}` : 'not started';
  const notes: { long: string; short: string; paint: (s: string) => string }[] = [];
  if (status.due > 0)
    notes.push({
      long: `${plural(status.due, 'topic')} due for review`,
      short: `${status.due} due`,
      paint: style.yellow,
    });
  if (status.unfinished) notes.push({ long: 'unfinished, can resume', short: 'unfinished', paint: style.cyan });
  const line = (words: string[]) => [first, ...words].join(' · ');
  let words = notes.map((n) => n.long);
  if (line(words).length > room) words = notes.map((n) => n.short);
  while (words.length > 0 && line(words).length > room) words.pop();
  const painted = words.map((w, i) => notes[i]!.paint(w));
  return `${fit(status.title, titleWidth)}  ${style.dim([first, ...painted].join(' · '))}`;
}
