import type { NextSummary, Recommendation } from '../coach/types.js';
import type { Style } from './style.js';
import { STAGE_LABELS, percent, plural, wrap } from './text.js';

/** A word after the title for kinds other than plain learning. */
const KIND_TAGS: Record<Recommendation['kind'], string> = {
  start: 'orientation',
  learn: '',
  review: 'review',
  assess: 'check yourself',
  project: 'portfolio project',
  certificate: 'certificate',
  job: 'job search',
};

/** One action line: the text, then the URL or the command (a URL is never wrapped, so it stays clickable). */
function actionLine(rec: Recommendation, style: Style, width: number): string {
  const { text, url, command } = rec.action;
  const arrow = style.green('→');
  if (url) {
    const line = `   ${arrow} ${text} ${style.blue(url)}`;
    const plainLength = 5 + text.length + 1 + url.length;
    return plainLength <= width
      ? line
      : `${wrap(`${text}`, width, '     ').replace(/^ {5}/, `   ${arrow} `)}\n     ${style.blue(url)}`;
  }
  const shown = command && text.endsWith(command) ? `${text.slice(0, -command.length)}${style.cyan(command)}` : text;
  return `   ${arrow} ${shown}${command && !text.endsWith(command) ? ` ${style.dim(`(${command})`)}` : ''}`;
}

export function renderRecommendations(recs: readonly Recommendation[], style: Style, width: number): string {
  return recs
    .map((rec, i) => {
      const tag = KIND_TAGS[rec.kind];
      const head = `${style.bold(`${i + 1}. ${rec.title}`)}${tag ? `  ${style.dim(tag)}` : ''}`;
      return [head, wrap(rec.reason, width, '   '), actionLine(rec, style, width)].join('\n');
    })
    .join('\n\n');
}

export interface NextView {
  summary: NextSummary;
  /** The area `--area` asked for, with its title. */
  area?: { id: string; title: string };
}

export function renderNext({ summary, area }: NextView, style: Style, width: number): string {
  const lines: string[] = [];
  const recs = summary.recommendations;
  const where = area ? ` in ${area.title}` : '';
  lines.push(
    `${style.bold(`What to do next${where}`)}  ${style.dim(`${STAGE_LABELS[summary.stage]} · ${percent(summary.readiness)} ready`)}`,
  );
  lines.push('');
  if (recs.length === 0) {
    lines.push(
      area
        ? `Nothing left to learn in ${area.title}, and no reviews due. \`pyroad next\` shows the whole path.`
        : 'Nothing left to learn on this path, and no reviews due. Re-checks show up here when they come due.',
    );
    return lines.join('\n');
  }
  lines.push(renderRecommendations(recs, style, width));
  const hiddenDue = summary.moreDue;
  lines.push('');
  lines.push(
    style.dim(
      hiddenDue > 0
        ? `${plural(hiddenDue, 'more review')} due; \`pyroad status\` lists them.`
        : '`pyroad status` shows where you stand.',
    ),
  );
  return lines.join('\n');
}
