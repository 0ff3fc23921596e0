/** The placement map as text: one line per area, its evidence, and the next step. Colour via Style. */
import type { PlacementMap } from '../quiz/placement-map.js';
import type { Style } from './style.js';
import { plural, wrap } from './text.js';
import { untrusted } from './untrusted.js';
import { displayWidth, fit } from './width.js';

const VERDICT_WIDTH = 8;

export function renderPlacementMap(map: PlacementMap, style: Style, width: number): string {
  const lines: string[] = [''];
  const head = map.complete ? 'Your placement map' : 'Your placement map so far';
  lines.push(`${style.bold(head)} ${style.dim('·')} ${map.correct} of ${plural(map.answered, 'question')} right`);
  if (map.resumed)
    lines.push(style.dim(`Resumed: ${plural(map.resumed, 'answer')} from the placement you stopped are part of it.`));
  lines.push('');
  const titles = map.areas.map((a) => untrusted(a.title, { oneLine: true }));
  const titleWidth = Math.max(12, Math.min(28, width - 20, Math.max(...titles.map(displayWidth))));
  const indent = ' '.repeat(2 + titleWidth + 2 + VERDICT_WIDTH + 2);
  map.areas.forEach((a, i) => {
    const verdict = a.verdict ?? 'not asked';
    const paint =
      a.verdict === 'knows it'
        ? style.green
        : a.verdict === 'partly'
          ? style.yellow
          : a.verdict
            ? style.cyan
            : style.dim;
    const detail =
      a.verdict === null
        ? 'not reached'
        : `${a.evidence}; ${a.band}${
            a.calibration === 'over-confident' || a.calibration === 'under-confident'
              ? `; you rated it ${a.selfRating}/4: ${a.calibration}`
              : ''
          }`;
    const room = width - indent.length;
    const left = `  ${fit(titles[i]!, titleWidth)}  ${paint(verdict.padEnd(VERDICT_WIDTH))}  `;
    if (room >= 24) lines.push(left + wrap(detail, width, indent).slice(indent.length));
    else {
      lines.push(left.trimEnd());
      lines.push(wrap(detail, width, '    '));
    }
  });
  lines.push('');
  lines.push(
    style.dim(
      wrap(
        'Placement asks two to five questions an area: a first sign, not proof. Its answers count toward mastery, but a topic is mastered only once a topic quiz confirms it.',
        width,
      ),
    ),
  );
  lines.push('');
  lines.push(wrap(`Next: ${map.next.text}:`, width, '  '));
  lines.push(`  ${style.cyan(map.next.command)}`);
  return lines.join('\n');
}
