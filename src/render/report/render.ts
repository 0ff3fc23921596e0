/**
 * `pyroad report`: the summary and the roadmap as one self-contained HTML page. Pure: data in,
 * a string out. No script, no external resource; a Content-Security-Policy says so to the browser
 * as well, so even a mistake here could not make the page fetch or run anything.
 */
import type { Recommendation, RecommendationKind, Summary } from '../../coach/types.js';
import type { Roadmap, Stage } from '../../roadmap/schema.js';
import { STAGE_LABELS } from '../text.js';
import { RADAR_SERIES, meter, radarSvg, ringSvg, timelineSvg } from './charts.js';
import { day, pct, relativeDay } from './format.js';
import { html, raw, safeUrl, toHtml, type Fragment } from './html.js';
import { STYLES } from './styles.js';
import { portfolioCard } from './portfolio.js';
import { exercisesCard, type AreaExercises } from './exercises.js';
import { planCard } from './plan-chart.js';
import type { Plan } from '../../coach/plan.js';
import {
  buildView,
  topicState,
  type AreaView,
  type ProjectView,
  type ReportView,
  type TopicRow,
  type TopicState,
} from './view.js';

export interface ReportInput {
  roadmap: Roadmap;
  summary: Summary;
  /** The dated plan (`pyroad plan`), shown as a timeline when given. */
  plan?: Plan;
  /** pyroad's version, for the footer. */
  version?: string;
  /** Exercises passed per area, for the areas that have exercises. */
  exercises?: AreaExercises[];
}

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const stageLabel = (stage: Stage): string => capitalize(STAGE_LABELS[stage]);
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

const STATE_CLASSES: Record<TopicState, string> = {
  skipped: 'skip',
  mastered: 'done',
  done: 'done',
  learning: 'learning',
  started: 'started',
  'not started': 'todo',
};
const KIND_LABELS: Record<RecommendationKind, string> = {
  start: 'start',
  learn: 'learn',
  review: 'review',
  assess: 'assess',
  project: 'project',
  certificate: 'certificate',
  job: 'job search',
  prove: 'prove it',
  apply: 'apply',
  'follow-up': 'follow up',
  practice: 'exercise',
};
const CALIBRATION = {
  'over-confident': { label: 'over', note: 'over-confident: rated higher than the quiz shows' },
  'under-confident': { label: 'under', note: 'under-confident: the quiz shows more than the rating says' },
  consistent: { label: 'agree', note: 'consistent: rating and quiz agree' },
} as const;

const calibrationNote = (c: TopicRow['calibration']): string =>
  c === 'unknown' ? 'not enough data yet' : CALIBRATION[c].note;

const stateChip = (row: TopicRow) => {
  const state = topicState(row);
  return html`<span class="chip ${STATE_CLASSES[state]}">${state === 'mastered' ? '✓ mastered' : state}</span>`;
};

const PROJECT_STATES = { todo: 'not started', learning: 'in progress', done: 'done', skip: 'skipped' } as const;

const calibrationChip = (c: AreaView['calibration']) =>
  c === 'unknown'
    ? html`<span class="muted" title="${calibrationNote(c)}">—</span>`
    : html`<span class="chip ${c}" title="${calibrationNote(c)}">${CALIBRATION[c].label}</span>`;

/** An "i" in a circle, drawn rather than an emoji (no emoji font is needed). */
const INFO_ICON = html`<svg class="icon" viewBox="0 0 20 20" aria-hidden="true">
  <circle cx="10" cy="10" r="9" />
  <rect x="9" y="8.5" width="2" height="6" rx="1" />
  <circle cx="10" cy="5.8" r="1.2" />
</svg>`;

function hero(view: ReportView, version: string | undefined): Fragment {
  const current = view.stages.indexOf(view.stage);
  const steps = view.stages.map((stage, i) => {
    const state = i < current ? 'done' : i === current ? 'current' : 'later';
    return html`<li class="${state}" ${i === current ? html` aria-current="step"` : ''}>
      <span class="n">${i < current ? '✓' : i + 1}</span>${stageLabel(stage)}
    </li>`;
  });
  return html`<header class="hero">
    <div>
      <div class="eyebrow"><span class="logo"></span>pyroad · progress report</div>
      <h1>${view.title}</h1>
      ${view.description ? html`<p class="lede">${view.description}</p>` : ''}
      <ol class="stepper" aria-label="Stages of the path; you are in: ${stageLabel(view.stage)}">
        ${steps}
      </ol>
      <p class="meta">Generated ${day(view.generatedAt)}${version ? ` by pyroad ${version}` : ''}</p>
    </div>
    ${ringSvg(view.readiness, view.goal ? `Readiness for ${view.goal}` : 'Readiness')}
  </header>`;
}

function kpis(view: ReportView): Fragment {
  const { totals } = view;
  const accuracy = totals.answered ? totals.correct / totals.answered : undefined;
  return html`<section class="kpis" aria-label="Key numbers">
    <div class="kpi">
      <div class="label">Readiness</div>
      <div class="value">${pct(view.readiness)}</div>
      <div class="hint">${view.goal ? `toward ${view.goal}` : 'of the whole path'}</div>
    </div>
    <div class="kpi">
      <div class="label">Topics mastered</div>
      <div class="value">${totals.mastered} <small>of ${totals.topics}</small></div>
      <div class="hint">${plural(totals.assessed, 'topic')} assessed so far</div>
    </div>
    <div class="kpi">
      <div class="label">Questions answered</div>
      <div class="value">${totals.answered}</div>
      <div class="hint">${accuracy === undefined ? 'none yet' : `${pct(accuracy)} correct`}</div>
    </div>
    <div class="kpi">
      <div class="label">Reviews due</div>
      <div class="value">${totals.due}</div>
      <div class="hint">${totals.due ? 'knowledge fades: a short re-check' : 'nothing to refresh'}</div>
    </div>
  </section>`;
}

function freshNotice(view: ReportView): Fragment {
  if (!view.fresh) return html``;
  const command = view.recommendations.find((r) => r.action.command)?.action.command ?? 'pyroad assess';
  return html`<div class="notice" role="note">
    ${INFO_ICON}
    <p>
      <strong>Nothing recorded yet.</strong> This report fills in as you go: start with the first step below,
      <code>${command}</code>, then run <code>pyroad report</code> again.
    </p>
  </div>`;
}

function radarDescription(areas: readonly AreaView[]): string {
  if (areas.length === 0) return 'The roadmap has no areas.';
  const both = areas.filter((a) => a.selfScore !== undefined && a.quizScore !== undefined);
  if (areas.every((a) => a.selfScore === undefined && a.quizScore === undefined))
    return `${plural(areas.length, 'area')}, none assessed yet.`;
  const gap = [...both].sort((a, b) => b.selfScore! - b.quizScore! - (a.selfScore! - a.quizScore!))[0];
  const widest =
    gap && gap.selfScore! - gap.quizScore! > 0.15
      ? ` The widest over-confidence: ${gap.title} (self-rating ${pct(gap.selfScore)}, quiz ${pct(gap.quizScore)}).`
      : '';
  return `${plural(areas.length, 'area')}; the exact numbers are in the table next to the chart.${widest}`;
}

/** Two or three sentences a mentor would say looking at the radar. */
function insights(areas: readonly AreaView[]): Fragment {
  const rated = areas.filter((a) => a.selfScore !== undefined && a.quizScore !== undefined);
  const items: Fragment[] = [];
  const strongest = [...areas].filter((a) => a.mastery > 0).sort((a, b) => b.mastery - a.mastery)[0];
  if (strongest)
    items.push(
      html`<li>
        <span class="chip consistent">strongest</span> <strong>${strongest.title}</strong>: ${pct(strongest.mastery)}
        mastery
      </li>`,
    );
  const over = [...rated].sort((a, b) => b.selfScore! - b.quizScore! - (a.selfScore! - a.quizScore!))[0];
  if (over && over.selfScore! - over.quizScore! >= 0.15)
    items.push(
      html`<li>
        <span class="chip over-confident">check</span> <strong>${over.title}</strong>: rated ${pct(over.selfScore)},
        quiz ${pct(over.quizScore)}
      </li>`,
    );
  const under = [...rated].sort((a, b) => b.quizScore! - b.selfScore! - (a.quizScore! - a.selfScore!))[0];
  if (under && under.quizScore! - under.selfScore! >= 0.15)
    items.push(
      html`<li>
        <span class="chip under-confident">underrated</span> <strong>${under.title}</strong>: rated
        ${pct(under.selfScore)}, quiz ${pct(under.quizScore)}
      </li>`,
    );
  return items.length
    ? html`<ul class="insights" aria-label="What stands out">
        ${items}
      </ul>`
    : html``;
}

function radarCard(view: ReportView): Fragment {
  const rows = view.areas.map(
    (a) =>
      html`<tr>
        <th scope="row">${a.title}</th>
        <td class="num score-self">${pct(a.selfScore)}</td>
        <td class="num score-quiz">${pct(a.quizScore)}</td>
        <td class="num mastery-cell">${pct(a.mastery)}</td>
        <td>${calibrationChip(a.calibration)}</td>
      </tr>`,
  );
  const legend = RADAR_SERIES.map(
    (s) =>
      html`<li>
        <svg viewBox="0 0 34 14" aria-hidden="true">
          <rect class="swatch-${s.key}" x="2" y="2" width="30" height="10" rx="3" /></svg
        ><span><strong>${s.label}</strong> <span class="note">— ${s.note}</span></span>
      </li>`,
  );
  const chart =
    view.areas.length === 0
      ? html`<div class="empty">This roadmap has no areas yet.</div>`
      : radarSvg(
          view.areas.map((a) => ({ title: a.title, selfScore: a.selfScore, quizScore: a.quizScore })),
          radarDescription(view.areas),
        );
  return html`<section class="card" id="skills" aria-labelledby="skills-h">
    <div class="card-head">
      <h2 id="skills-h">Skills radar</h2>
      <p>Where the dashed self-rating reaches past the solid quiz result, confidence runs ahead of knowledge.</p>
    </div>
    <div class="radar-layout">
      <div>
        <figure style="margin:0">
          ${chart}
          <figcaption>
            <ul class="legend">
              ${legend}
            </ul>
          </figcaption>
        </figure>
        ${insights(view.areas)}
      </div>
      <div class="table-wrap">
        <table class="area-table">
          <caption>
            Per area: self-rating, quiz result, the combined mastery, and whether rating and quiz agree
          </caption>
          <thead>
            <tr>
              <th scope="col">Area</th>
              <th scope="col" class="num">Self</th>
              <th scope="col" class="num">Quiz</th>
              <th scope="col" class="num">Mastery</th>
              <th scope="col">Calibration</th>
            </tr>
          </thead>
          <tbody>
            ${rows}
          </tbody>
        </table>
      </div>
    </div>
  </section>`;
}

function actionOf(rec: Recommendation): Fragment {
  const { text, command } = rec.action;
  const url = safeUrl(rec.action.url);
  if (url) return html`<a class="action" href="${url}" rel="noopener noreferrer">${text} →</a>`;
  if (command) {
    // The coach often names the command in the text ("Re-check: pyroad assess sql"): show it once, as code.
    const at = text.indexOf(command);
    return at >= 0
      ? html`<span class="action">${text.slice(0, at)}<code>${command}</code>${text.slice(at + command.length)}</span>`
      : html`<span class="action">${text} <code>${command}</code></span>`;
  }
  return html`<span class="action">${text}</span>`;
}

function recommendationsCard(view: ReportView, titles: ReadonlyMap<string, string>): Fragment {
  const items = view.recommendations.map(
    (rec) =>
      html`<li class="rec">
        <div>
          <h3>${rec.title} <span class="chip kind">${KIND_LABELS[rec.kind] ?? rec.kind}</span></h3>
          <div class="where">${titles.get(rec.area) ?? rec.area}</div>
          <p class="reason">${rec.reason}</p>
          ${actionOf(rec)}
        </div>
      </li>`,
  );
  return html`<section class="card span-8" id="next" aria-labelledby="next-h">
    <div class="card-head">
      <h2 id="next-h">${view.suggested ? 'What to do first' : 'What to do next'}</h2>
      <p>${view.suggested ? 'The start of the path' : 'Ranked by the coach, each with its reason'}</p>
    </div>
    ${
      items.length
        ? html`<ol class="recs">
            ${items}
          </ol>`
        : html`<div class="empty">Nothing left to recommend: the path is complete.</div>`
    }
  </section>`;
}

function gapsCard(view: ReportView): Fragment {
  return html`<section class="card" id="gaps" aria-labelledby="gaps-h">
    <div class="card-head"><h2 id="gaps-h">Biggest gaps</h2></div>
    ${
      view.gaps.length
        ? html`<ul class="gaps">
            ${view.gaps.map((g) => html`<li>${g}</li>`)}
          </ul>`
        : html`<div class="empty small">
            ${view.fresh ? 'Gaps show up after your first assessment.' : 'No gaps flagged. Keep going.'}
          </div>`
    }
  </section>`;
}

const DUE_SHOWN = 6;

function dueCard(view: ReportView, titles: ReadonlyMap<string, string>): Fragment {
  const due = view.areas.flatMap((a) => a.topics.filter((t) => t.due).map((t) => ({ ...t, area: a })));
  if (due.length === 0) return html``;
  due.sort((a, b) => (a.lastAssessed ?? '').localeCompare(b.lastAssessed ?? ''));
  const rest = due.length - DUE_SHOWN;
  return html`<section class="card" id="due" aria-labelledby="due-h">
    <div class="card-head">
      <h2 id="due-h">Due for a re-check</h2>
      <p>${plural(due.length, 'topic')}</p>
    </div>
    <ul class="due-list">
      ${due.slice(0, DUE_SHOWN).map(
        (t) =>
          html`<li>
            <span>${t.title}<span class="date-rel">${titles.get(t.area.id) ?? t.area.id}</span></span
            ><span class="muted small nowrap"
              >${t.lastAssessed ? (relativeDay(t.lastAssessed, view.generatedAt) ?? day(t.lastAssessed)) : ''}</span
            >
          </li>`,
      )}
    </ul>
    ${rest > 0 ? html`<p class="small muted" style="margin-top:10px">and ${rest} more, listed under Every topic.</p>` : ''}
  </section>`;
}

function timelineCard(view: ReportView): Fragment {
  const { history } = view;
  const first = history[0];
  const last = history.at(-1);
  const description =
    first && last
      ? `${plural(history.length, 'day')} with activity from ${day(first.date)} to ${day(last.date)}; mastery went from ${pct(first.mastery)} to ${pct(last.mastery)}. Bars show questions answered that day.`
      : 'No activity recorded yet.';
  const rows = history.map(
    (h) =>
      html`<tr>
        <td>${day(h.date)}</td>
        <td class="num">${pct(h.mastery)}</td>
        <td class="num">${h.answered}</td>
      </tr>`,
  );
  return html`<section class="card" id="timeline" aria-labelledby="timeline-h">
    <div class="card-head">
      <h2 id="timeline-h">Mastery over time</h2>
      <p>
        ${first && last ? `${pct(first.mastery)} → ${pct(last.mastery)} over ${plural(history.length, 'active day')}` : ''}
      </p>
    </div>
    ${
      history.length
        ? html`${timelineSvg(history, description)}
            <ul class="legend">
              <li>
                <svg viewBox="0 0 34 14" aria-hidden="true">
                  <line class="line" x1="2" y1="7" x2="32" y2="7" />
                  <circle class="dot-mastery" cx="17" cy="7" r="3.5" /></svg
                >Overall mastery
              </li>
              <li>
                <svg viewBox="0 0 34 14" aria-hidden="true">
                  <rect class="activity" x="12" y="1" width="10" height="13" rx="1.5" /></svg
                >Questions answered that day
              </li>
            </ul>
            <details>
              <summary>Show the numbers</summary>
              <div class="table-wrap">
                <table class="timeline-table">
                  <caption>
                    Overall mastery and questions answered per active day
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">Day</th>
                      <th scope="col" class="num">Mastery</th>
                      <th scope="col" class="num">Answered</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${rows}
                  </tbody>
                </table>
              </div>
            </details>`
        : html`<div class="empty">
            The line starts with your first assessment: each day you answer questions adds a point.
          </div>`
    }
  </section>`;
}

function projectCard(p: ProjectView): Fragment {
  const proven = p.proves.filter((x) => x.mastered).length;
  const share = p.proves.length ? proven / p.proves.length : 0;
  return html`<article class="project">
    <header>
      <h3>${p.title}</h3>
      <span class="chip ${p.status}">${PROJECT_STATES[p.status]}</span>
    </header>
    <p class="small muted">${p.summary}</p>
    ${p.checks ? html`<p class="small proof">${p.checks.charAt(0).toUpperCase()}${p.checks.slice(1)}</p>` : html``}
    <div>
      <div class="small">Skills it proves: <strong>${proven} of ${p.proves.length}</strong> mastered</div>
      <span class="meter wide" role="presentation"
        ><span class="meter-fill" style="width:${Math.round(share * 100)}%"></span
      ></span>
    </div>
    <ul class="proves" aria-label="Skills this project proves">
      ${p.proves.map((x) => html`<li class="${x.mastered ? 'ok' : ''}">${x.mastered ? '✓ ' : ''}${x.title}</li>`)}
    </ul>
    <p class="done-when"><strong>${plural(p.milestones, 'milestone')}.</strong> Done when: ${p.doneWhen}</p>
  </article>`;
}

function projectsCard(view: ReportView): Fragment {
  if (view.projects.length === 0) return html``;
  const done = view.projects.filter((p) => p.status === 'done').length;
  return html`<section class="card" id="projects" aria-labelledby="projects-h">
    <div class="card-head">
      <h2 id="projects-h">Portfolio projects</h2>
      <p>${done} of ${plural(view.projects.length, 'project')} done: evidence a reviewer can open</p>
    </div>
    <div class="projects">${view.projects.map(projectCard)}</div>
  </section>`;
}

function pathCard(view: ReportView): Fragment {
  const items: Fragment[] = [];
  let stage: Stage | undefined;
  for (const a of view.areas) {
    if (a.stage !== stage) {
      stage = a.stage;
      items.push(html`<li class="stage-name">${stageLabel(a.stage)}</li>`);
    }
    const here = a.id === view.currentArea;
    items.push(
      html`<li class="path-step${here ? ' here' : ''}" title="${a.summary}" ${here ? html` aria-current="step"` : ''}>
        <span class="n">${a.step}</span>
        <span class="title">${a.title}${here ? html` <span class="chip kind">you are here</span>` : ''}</span>
        <span class="bar"
          ><span class="meter wide" role="presentation"
            ><span class="meter-fill" style="width:${Math.round(a.mastery * 100)}%"></span></span
        ></span>
        <span class="count"
          >${pct(a.mastery)} · ${a.mastered} of ${plural(a.topics.length, 'topic')}
          mastered${a.due ? html` · <span class="due-text">${a.due} due</span>` : ''}</span
        >
      </li>`,
    );
  }
  return html`<section class="card" id="path" aria-labelledby="path-h">
    <div class="card-head">
      <h2 id="path-h">The path</h2>
      <p>${plural(view.areas.length, 'area')} in the recommended order; topics mastered and mastery per area</p>
    </div>
    <ol class="path">
      ${items}
    </ol>
  </section>`;
}

function dateCell(iso: string | undefined, now: string, due = false): Fragment {
  if (!iso) return due ? html`<td><span class="chip due">due now</span></td>` : html`<td class="muted">—</td>`;
  return html`<td class="nowrap">
    ${due ? html`<span class="chip due">due</span> ` : ''}${day(iso)}<span class="date-rel"
      >${relativeDay(iso, now) ?? ''}</span
    >
  </td>`;
}

function topicsCard(view: ReportView): Fragment {
  const groups = view.areas.map(
    (a) =>
      html`<tbody class="area-group">
        <tr class="group">
          <th colspan="7" scope="rowgroup">
            ${a.step}. ${a.title}
            <span class="muted">· ${a.mastered}/${a.topics.length} mastered · ${pct(a.mastery)}</span>
          </th>
        </tr>
        ${a.topics.map(
          (t) =>
            html`<tr class="topic-row" data-topic="${t.id}">
              <th scope="row">${t.title}<span class="topic-id">${t.id}</span></th>
              <td>${stateChip(t)}</td>
              <td class="mastery-cell">${meter(t.mastery)}${pct(t.mastery)}</td>
              <td
                class="num${t.calibration === 'over-confident' ? ' flag-over' : ''}"
                title="${calibrationNote(t.calibration)}"
              >
                <span class="score-self">${pct(t.selfScore)}</span> /
                <span class="score-quiz">${pct(t.quizScore)}</span>
              </td>
              <td class="num">${t.answered ? `${t.correct}/${t.answered}` : '—'}</td>
              ${dateCell(t.lastAssessed, view.generatedAt)} ${dateCell(t.nextReview, view.generatedAt, t.due)}
            </tr>`,
        )}
      </tbody>`,
  );
  return html`<section class="card topics" id="topics" aria-labelledby="topics-h">
    <div class="card-head">
      <h2 id="topics-h">Every topic</h2>
      <p>${view.totals.mastered} of ${plural(view.totals.topics, 'topic')} mastered</p>
    </div>
    <div class="table-wrap">
      <table class="topic-table">
        <caption>
          State, mastery, self-rating / quiz result, answers (correct/total), last assessed and next review of every
          topic
        </caption>
        <thead>
          <tr>
            <th scope="col">Topic</th>
            <th scope="col">State</th>
            <th scope="col">Mastery</th>
            <th scope="col" class="num">Self / Quiz</th>
            <th scope="col" class="num">Answers</th>
            <th scope="col">Last assessed</th>
            <th scope="col">Next review</th>
          </tr>
        </thead>
        ${groups}
      </table>
    </div>
  </section>`;
}

export function renderReport(input: ReportInput): string {
  const view = buildView(input.roadmap, input.summary);
  const areaTitles = new Map(view.areas.map((a) => [a.id, a.title]));
  const page = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta http-equiv="Content-Security-Policy" content="${raw(CSP)}" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light dark" />
        <meta name="generator" content="pyroad${input.version ? ` ${input.version}` : ''}" />
        <title>${view.title} — progress report, ${day(view.generatedAt)}</title>
        <style>
          ${raw(STYLES)}
        </style>
      </head>
      <body>
        <main class="page">
          ${hero(view, input.version)} ${freshNotice(view)} ${kpis(view)}
          <div class="grid">
            ${
              // A first report leads with what to do and the path; the charts are still there, empty, below.
              view.fresh
                ? html`${recommendationsCard(view, areaTitles)}
                    <div class="span-4 stack">${gapsCard(view)}</div>
                    ${pathCard(view)}${radarCard(view)}${timelineCard(view)}${planCard(input.plan)}${projectsCard(view)}${portfolioCard(input.summary.portfolio)}`
                : html`${radarCard(view)}${recommendationsCard(view, areaTitles)}
                    <div class="span-4 stack">${gapsCard(view)}${dueCard(view, areaTitles)}</div>
                    ${timelineCard(view)}${planCard(input.plan)}${projectsCard(view)}${portfolioCard(input.summary.portfolio)}${pathCard(view)}`
            }
            ${exercisesCard(input.exercises)} ${topicsCard(view)}
          </div>
          <footer>
            Made with pyroad from the roadmap “${view.title}”. A self-contained page: it loads nothing from the network
            and runs no script.
          </footer>
        </main>
      </body>
    </html> `;
  return toHtml(page);
}
