import type { Plan } from '../../coach/plan.js';
import { STAGE_LABELS } from '../text.js';
import { html, type Fragment } from './html.js';

/**
 * The plan (`pyroad plan`) as a small timeline: one bar per stage from where the previous one
 * ends, solid to the earliest likely date and lighter to the latest (one date with a measured
 * pace). Inline SVG, no script; the same dates are in a table for screen readers and print.
 */
const DAY_MS = 86_400_000;
const W = 640;
const LABEL = 190;
const ROW = 30;

const days = (from: string, to: string) => Math.max(0, (Date.parse(to) - Date.parse(from.slice(0, 10))) / DAY_MS);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const range = (a: string, b: string) => (a === b ? a : `${a} – ${b}`);

export function planCard(plan: Plan | undefined): Fragment {
  if (!plan) return html``;
  const stages = plan.stages.filter((s) => s.by);
  const basis =
    plan.basis === 'pace'
      ? `From your own pace (${plan.pace?.topics ?? 0} topics), at ${plan.hoursPerWeek} hours a week.`
      : `From the roadmap's estimates, as a range, at ${plan.hoursPerWeek} hours a week.`;
  if (!plan.ready || stages.length === 0)
    return html`<section class="card" id="plan" aria-labelledby="plan-h">
      <div class="card-head"><h2 id="plan-h">The plan</h2></div>
      <p class="small muted">Nothing is left on the path.</p>
    </section>`;
  const span = Math.max(1, days(plan.generatedAt, plan.ready.high));
  const x = (d: string) => LABEL + ((W - LABEL - 10) * days(plan.generatedAt, d)) / span;
  let start = LABEL;
  const rows = stages.map((s, i) => {
    const y = 8 + i * ROW;
    const low = x(s.by!.low);
    const high = x(s.by!.high);
    const row = html`<g class="plan-stage">
      <text x="0" y="${y + 14}" class="plan-label">${capitalize(STAGE_LABELS[s.stage])}</text>
      <rect
        class="plan-bar"
        x="${start.toFixed(1)}"
        y="${y}"
        width="${Math.max(2, low - start).toFixed(1)}"
        height="18"
        rx="3"
        fill="currentColor"
        opacity="0.75"
        ><title>${capitalize(STAGE_LABELS[s.stage])}: ${range(s.by!.low, s.by!.high)}</title></rect
      >
      ${high > low ? html`<rect class="plan-range" x="${low.toFixed(1)}" y="${y}" width="${(high - low).toFixed(1)}" height="18" rx="3" fill="currentColor" opacity="0.3" />` : ''}
    </g>`;
    start = low;
    return row;
  });
  const height = 8 + stages.length * ROW + 18;
  return html`<section class="card" id="plan" aria-labelledby="plan-h">
    <div class="card-head">
      <h2 id="plan-h">The plan</h2>
      <p>Ready by ${range(plan.ready.low, plan.ready.high)}</p>
    </div>
    <svg class="plan-timeline" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="plan-h">
      ${rows}
      <text x="${LABEL}" y="${height - 2}" class="plan-axis">${plan.generatedAt.slice(0, 10)}</text>
      <text x="${W - 10}" y="${height - 2}" text-anchor="end" class="plan-axis">${plan.ready.high}</text>
    </svg>
    <table class="small">
      <thead>
        <tr>
          <th>Stage</th>
          <th>Done by</th>
          <th class="num">Hours</th>
        </tr>
      </thead>
      <tbody>
        ${plan.stages.map(
          (s) =>
            html`<tr>
              <td>${capitalize(STAGE_LABELS[s.stage])}</td>
              <td>${s.by ? range(s.by.low, s.by.high) : 'done'}</td>
              <td class="num">
                ${s.hours.low === s.hours.high ? Math.round(s.hours.low) : `${Math.round(s.hours.low)}–${Math.round(s.hours.high)}`}
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
    <p class="small muted">${basis}</p>
  </section>`;
}
