import type { NextSummary, Recommendation } from '../coach/types.js';
import type { Style } from './style.js';
import { STAGE_LABELS, percent, plural, wrap, wrapSegments, type Segment } from './text.js';

/** A word after the title for kinds other than plain learning. */
const KIND_TAGS: Record<Recommendation['kind'], string> = {
  start: 'orientation',
  learn: '',
  review: 'review',
  assess: 'check yourself',
  project: 'portfolio project',
  certificate: 'certificate',
  job: 'job search',
  prove: 'prove it',
  apply: 'apply',
  'follow-up': 'job search',
  practice: 'exercise',
};

/**
 * The action: "→ text", wrapped under the arrow, then the URL or the command. A URL is never
 * wrapped (so it stays clickable): it goes on the same line when it fits, else on its own.
 */
function actionLine(rec: Recommendation, style: Style, width: number): string {
  const { text, url, command } = rec.action;
  const indent = '     ';
  const plain = wrap(text, width, indent).split('\n');
  const lines = [...plain];
  const last = lines.length - 1;
  // Colour goes on after wrapping, so escape codes never count toward the width.
  const commandInText = command !== undefined && text.endsWith(command);
  if (commandInText && lines[last]!.endsWith(command))
    lines[last] = lines[last]!.slice(0, -command.length) + style.cyan(command);
  lines[0] = `   ${style.green('→')} ${lines[0]!.slice(indent.length)}`;
  const tail = url ?? (command !== undefined && !commandInText ? `(${command})` : undefined);
  if (tail !== undefined) {
    const coloured = url !== undefined ? style.blue(url) : style.dim(tail);
    if (plain[last]!.length + 1 + tail.length <= width) lines[last] += ` ${coloured}`;
    else lines.push(indent + coloured);
  }
  return lines.join('\n');
}

export function renderRecommendations(recs: readonly Recommendation[], style: Style, width: number): string {
  return recs
    .map((rec, i) => {
      const tag = KIND_TAGS[rec.kind];
      const head = wrapSegments(
        [[`${i + 1}. ${rec.title}`, style.bold], ...(tag ? ([[`  ${tag}`, style.dim]] as Segment[]) : [])],
        width,
        '',
        '   ',
      );
      return [head, wrap(rec.reason, width, '   '), actionLine(rec, style, width)].join('\n');
    })
    .join('\n\n');
}

export interface NextView {
  summary: NextSummary;
  /** How many were asked for; fewer are shown when the rest of the path waits on these. */
  limit?: number;
  /** The area `--area` asked for, with its title. */
  area?: { id: string; title: string };
}

/** `hint` adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
export function renderNext(
  { summary, area, limit }: NextView,
  style: Style,
  width: number,
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  const recs = summary.recommendations;
  const where = area ? ` in ${area.title}` : '';
  lines.push(
    wrapSegments(
      [
        [`What to do next${where}`, style.bold],
        [`  ${STAGE_LABELS[summary.stage]} · ${percent(summary.readiness)} ready`, style.dim],
      ],
      width,
    ),
  );
  lines.push('');
  if (recs.length === 0) {
    lines.push(
      wrap(
        hint(
          area
            ? `Nothing left to learn in ${area.title}, and no reviews due. \`pyroad next\` shows the whole path.`
            : 'Nothing left to learn on this path, and no reviews due. Re-checks show up here when they come due.',
        ),
        width,
      ),
    );
    return lines.join('\n');
  }
  lines.push(renderRecommendations(recs, style, width));
  if (limit !== undefined && recs.length < limit) {
    lines.push('');
    lines.push(
      wrap(
        `Only ${plural(recs.length, 'step')} for now: the rest of ${area ? area.title : 'the path'} builds on ${recs.length === 1 ? 'it' : 'these'}, and more open up as you master them.`,
        width,
      ),
    );
  }
  const hiddenDue = summary.moreDue;
  lines.push('');
  const footer = hint(
    hiddenDue > 0
      ? `${plural(hiddenDue, 'more review')} due; \`pyroad status\` lists them.`
      : '`pyroad status` shows where you stand.',
  );
  lines.push(
    ...wrap(footer, width)
      .split('\n')
      .map((line) => style.dim(line)),
  );
  return lines.join('\n');
}
