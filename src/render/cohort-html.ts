import type { Cohort } from '../coach/cohort.js';
import { html, raw, toHtml, type Fragment } from './report/html.js';
import { day, pct } from './report/format.js';

/**
 * `pyroad cohort --format html`: one self-contained page (no script, nothing fetched, the same
 * Content-Security-Policy as the report) with the learners' table, a heatmap of areas × learners
 * and the common gaps. Every name, title and id is escaped by `html`.
 */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const STYLES = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem; color: #1d2430; background: #fff; }
  @media (prefers-color-scheme: dark) { body { color: #e6e9ef; background: #161a21; } th, td { border-color: #39404d; } }
  h1 { font-size: 1.5rem; margin: 0 0 .25rem; } h2 { font-size: 1.15rem; margin: 2rem 0 .5rem; }
  .meta { color: #6b7280; margin: 0 0 1.5rem; }
  table { border-collapse: collapse; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #e5e7eb; text-align: left; }
  td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
  .heatmap th.learner { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; max-height: 12rem; overflow: hidden; }
  .heatmap td.cell { width: 2.6rem; text-align: center; font-size: .8rem; color: #111; border: 1px solid #fff; }
  .legend { color: #6b7280; font-size: .85rem; }
`;

/** Mastery 0..1 as a colour from red (0) through amber to green (1). */
const heat = (m: number): string => `hsl(${Math.round(Math.max(0, Math.min(1, m)) * 120)} 70% 72%)`;

function learnersTable(cohort: Cohort): Fragment {
  return html`<table class="learners">
    <thead>
      <tr>
        <th>Learner</th>
        <th>Stage</th>
        <th class="num">Ready</th>
        <th class="num">Areas done</th>
        <th class="num">Projects built</th>
        <th class="num">Proven</th>
        <th>Last active</th>
        <th class="num">Reviews overdue</th>
        <th>Top gaps</th>
      </tr>
    </thead>
    <tbody>
      ${cohort.learners.map(
        (r) =>
          html`<tr>
            <td title="${r.file}">${r.name}</td>
            <td>${r.stage}</td>
            <td class="num">${pct(r.readiness)}</td>
            <td class="num">${r.areasDone} of ${r.areas}</td>
            <td class="num">${r.projectsBuilt}</td>
            <td class="num">${r.projectsProven}</td>
            <td>${day(r.lastActive)}</td>
            <td class="num">${r.reviewsOverdue}</td>
            <td>${r.gaps.join('; ')}</td>
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function heatmap(cohort: Cohort): Fragment {
  return html`<table class="heatmap" aria-label="Mastery per area and learner">
    <thead>
      <tr>
        <th>Area</th>
        ${cohort.learners.map((r) => html`<th class="learner" scope="col">${r.name}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${cohort.areas.map(
        (a) =>
          html`<tr>
            <th scope="row">${a.title}</th>
            ${cohort.learners.map((r) => {
              const m = r.areaMastery[a.id] ?? 0;
              return html`<td class="cell" style="background:${raw(heat(m))}" title="${r.name}: ${a.title} ${pct(m)}">
                ${pct(m)}
              </td>`;
            })}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

export function renderCohortHtml(cohort: Cohort, version?: string): string {
  const n = cohort.learners.length;
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${raw(CSP)}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="generator" content="pyroad${version ? ` ${version}` : ''}" />
        <title>Cohort: ${n} learners on ${cohort.roadmap}</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <h1>Cohort: ${n} learner${n === 1 ? '' : 's'}</h1>
        <p class="meta">${cohort.roadmap} · ${day(cohort.generatedAt)}</p>
        <h2>Learners</h2>
        ${learnersTable(cohort)}
        <h2>Mastery per area</h2>
        ${heatmap(cohort)}
        <p class="legend">Each cell: the learner's mastery of the area, from red (0%) to green (100%).</p>
        <h2>Common gaps</h2>
        ${
          cohort.commonGaps.length
            ? html`<ul class="gaps">
                ${cohort.commonGaps.map(
                  (g) => html`<li>${g.learners} of ${g.of} learners are weak in ${g.title} (${g.topic})</li>`,
                )}
              </ul>`
            : html`<p>No topic that two or more learners are weak in.</p>`
        }
      </body>
    </html>`;
  return `${toHtml(page)}\n`;
}
