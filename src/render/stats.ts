import type { BankStats } from '../roadmap/stats.js';
import { ABSOLUTE_WORDS, CUE_LIMITS } from '../roadmap/stats.js';
import type { Style } from './style.js';
import { wrap } from './text.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pad = (s: string, n: number): string => s + ' '.repeat(Math.max(0, n - s.length));

/** `pyroad validate --stats`: the bank's cue statistics, then a warning per cue past its limit. */
export function renderStats(stats: BankStats, style: Style, width: number): string {
  const out: string[] = [];
  out.push(style.bold(`Questions: ${stats.questions} (chance: ${pct(stats.chance)})`));
  const w = Math.max(4, ...stats.byArea.map((a) => a.area.length));
  out.push(`  ${pad('area', w)}  total   easy medium   hard`);
  for (const a of stats.byArea)
    out.push(
      `  ${pad(a.area, w)}  ${String(a.total).padStart(5)}  ${String(a.difficulty.easy).padStart(5)}  ${String(a.difficulty.medium).padStart(5)}  ${String(a.difficulty.hard).padStart(5)}`,
    );
  out.push('');
  out.push(style.bold('Key position') + style.dim(` (share of keys; by chance in brackets)`));
  out.push(`  ${stats.positions.map((p) => `${p.position + 1}: ${pct(p.share)} (${pct(p.expected)})`).join('   ')}`);
  out.push(
    style.bold('Picking by length') +
      style.dim(` (score of always picking that rank; limit ${pct(CUE_LIMITS.lengthRankScore)})`),
  );
  out.push(`  ${stats.lengthRanks.map((r) => `${RANKS[r.rank] ?? `#${r.rank + 1}`}: ${pct(r.score)}`).join('   ')}`);
  out.push(style.bold('Absolute words') + style.dim(` (${ABSOLUTE_WORDS.join(', ')})`));
  out.push(`  in keys: ${pct(stats.absolutes.keys)}   in distractors: ${pct(stats.absolutes.distractors)}`);
  if (stats.topicsWithoutQuestions.length)
    out.push(wrap(`Topics without questions: ${stats.topicsWithoutQuestions.join(', ')}`, width));
  if (stats.topicsWithoutResources.length)
    out.push(wrap(`Topics without resources: ${stats.topicsWithoutResources.join(', ')}`, width));
  for (const warning of stats.warnings) {
    out.push('');
    out.push(wrap(`${style.yellow('warning:')} ${warning.message}`, width));
    const shown = warning.questions.slice(0, 12);
    const more = warning.questions.length - shown.length;
    // A warning about the bank as a whole names no question: no empty "look at:" line then.
    if (shown.length) out.push(wrap(`look at: ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`, width, '  '));
  }
  if (!stats.warnings.length) out.push('', `${style.green('✓')} no answer cue beats chance past its limit`);
  return out.join('\n');
}

const RANKS = ['longest', '2nd', '3rd', '4th', '5th'];
