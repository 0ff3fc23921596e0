import { MIN_PACE_TOPICS, type Plan, type StagePlan } from '../coach/plan.js';
import { HOURS_PER_WEEK } from '../settings/keys.js';
import type { Style } from './style.js';
import { STAGE_LABELS, plural, wrap } from './text.js';
import { untrusted } from './untrusted.js';
import { displayWidth, padEndWidth } from './width.js';

const DAY_MS = 86_400_000;

/** "3", "7.5", "120": hours to the nearest half, whole hours from 10 up. */
export const hoursText = (h: number): string => {
  // Halves matter for a week's work, not for a total of hundreds of hours.
  const r = h >= 10 ? Math.round(h) : Math.round(h * 2) / 2;
  return Number.isInteger(r) ? String(r) : r.toFixed(1);
};

/** A range that is a single value when both ends agree: "6–9", "7". */
export const range = (low: number, high: number, fmt: (n: number) => string = String): string =>
  fmt(low) === fmt(high) ? fmt(low) : `${fmt(low)}–${fmt(high)}`;

const weeksFrom = (from: string, to: string): number =>
  Math.max(1, Math.ceil((Date.parse(to) - Date.parse(from.slice(0, 10))) / (7 * DAY_MS)));

/** "in 6–9 weeks (2027-01-12 – 2027-02-02)"; one date when the pace is measured. */
function when(plan: Plan, by: { low: string; high: string }): string {
  const weeks = range(weeksFrom(plan.generatedAt, by.low), weeksFrom(plan.generatedAt, by.high));
  const dates = by.low === by.high ? by.low : `${by.low} – ${by.high}`;
  return `in ${weeks} ${weeks === '1' ? 'week' : 'weeks'} (${dates})`;
}

/** Where the numbers come from, in one sentence. */
export function basisLine(plan: Plan): string {
  if (plan.basis === 'pace' && plan.pace) {
    const { factor, topics } = plan.pace;
    const how =
      Math.abs(factor - 1) < 0.1
        ? 'about as long as the roadmap estimates'
        : `about ${factor.toFixed(1)}× the roadmap's estimate`;
    return `Based on your own pace: the ${plural(topics, 'topic')} you marked as learning and then finished took you ${how}, at ${hoursText(plan.hoursPerWeek)} hours a week.`;
  }
  const more = MIN_PACE_TOPICS - plan.measuredTopics;
  return `Based on the roadmap's estimates, as a range: there is no measured pace yet (finish ${plural(more, 'more topic')} you marked with \`pyroad mark ID learning\` and the plan uses your own).`;
}

function stageRow(plan: Plan, s: StagePlan, width: number): string {
  const label = padEndWidth(capitalize(STAGE_LABELS[s.stage]), 24);
  if (s.done || !s.by) return `  ${label}done`;
  const head = `  ${label}${padEndWidth(`${range(s.hours.low, s.hours.high, hoursText)} h`, 10)}`;
  const tail = when(plan, s.by);
  // A table row when it fits; on a narrow terminal the dates go under it.
  return displayWidth(head) + 1 + displayWidth(tail) <= width
    ? `${head} ${tail}`
    : `${head.trimEnd()}\n${wrap(tail, width, '    ')}`;
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** `hint` adds typed global options to a suggested command (Context.withHints); applied before wrapping. */
export function renderPlan(
  plan: Plan,
  style: Style,
  width: number,
  hint: (text: string) => string = (text) => text,
): string {
  const lines: string[] = [];
  const goal = untrusted(plan.goal, { oneLine: true });
  const source = {
    flag: ' (remembered as your plan.hoursPerWeek setting)',
    setting: ' (your plan.hoursPerWeek setting; change it with --hours-per-week N)',
    default: ' (the default; give your own with --hours-per-week N)',
  }[plan.hoursSource];
  lines.push(style.bold(wrap(`Your plan to ${goal}`, width)));
  lines.push(wrap(`At ${hoursText(plan.hoursPerWeek)} hours a week${source}.`, width));
  lines.push(style.dim(wrap(hint(basisLine(plan)), width)));
  lines.push('');
  if (plan.until) {
    const { date, hoursPerWeek } = plan.until;
    // Past what anyone keeps up (the setting's own maximum), a number of hours is no answer.
    const tooSoon = hoursPerWeek.low > HOURS_PER_WEEK.max;
    const ready = plan.ready && `between ${plan.ready.low} and ${plan.ready.high}`;
    lines.push(
      style.bold(
        wrap(
          tooSoon
            ? `${date} is too soon: even the quick estimate needs about ${hoursText(hoursPerWeek.low)} hours a week, more than the ${HOURS_PER_WEEK.max} anyone could keep up.${ready ? ` At ${hoursText(plan.hoursPerWeek)} hours a week, expect to be ready ${ready}.` : ''}`
            : `To be ready by ${date} you need about ${range(hoursPerWeek.low, hoursPerWeek.high, hoursText)} hours a week${hoursPerWeek.high > HOURS_PER_WEEK.max ? ` (the upper end is more than the ${HOURS_PER_WEEK.max} anyone could keep up)` : ''}.`,
          width,
        ),
      ),
    );
    lines.push('');
  }
  if (!plan.ready) {
    lines.push(
      wrap(
        hint(
          'Nothing is left on this path: every topic is done or skipped. `pyroad next` shows reviews as they come due.',
        ),
        width,
      ),
    );
    return lines.join('\n');
  }
  lines.push(style.bold('Stages'));
  for (const s of plan.stages) lines.push(stageRow(plan, s, width));
  lines.push(
    wrap(
      `Ready for ${goal} ${when(plan, plan.ready)}, after about ${range(plan.hours.low, plan.hours.high, hoursText)} hours of work.`,
      width,
      '  ',
    ),
  );
  lines.push('');
  lines.push(style.bold(`The next ${plural(plan.weeks.length, 'week')}`));
  for (const w of plan.weeks) {
    lines.push(`  ${style.bold(`Week ${w.week}`)}  ${style.dim(`${w.from} – ${w.to}`)}`);
    if (w.reviews.length)
      lines.push(
        wrap(
          hint(`Re-check ${plural(w.reviews.length, 'topic')} due for review first (\`pyroad next\` lists them).`),
          width,
          '    ',
        ),
      );
    for (const item of w.items) {
      const title = untrusted(item.title, { oneLine: true }) + (item.continued ? ' (continued)' : '');
      lines.push(wrap(`· ${title}, ${hoursText(item.hours)} h`, width, '    '));
    }
  }
  lines.push('');
  lines.push(style.dim(wrap(hint('Estimates, not promises: `pyroad plan` updates as you learn.'), width)));
  return lines.join('\n');
}
