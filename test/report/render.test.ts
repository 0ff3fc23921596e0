import { describe, expect, it } from 'vitest';
import type { Summary } from '../../src/coach/types.js';
import { escapeHtml, html, raw, safeUrl, toHtml } from '../../src/render/report/html.js';
import { renderReport } from '../../src/render/report/render.js';
import { EVIL, NOW, area, areasRoadmap, roadmap, someProgress, summaryOf, topic } from './fixtures.js';

const count = (text: string, re: RegExp) =>
  (text.match(new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`)) ?? []).length;
const ESCAPED = '&lt;script&gt;alert(1)&lt;/script&gt;';

/** The page with its source formatting folded away, so assertions do not depend on line breaks. */
const render = (input: Parameters<typeof renderReport>[0]) =>
  renderReport(input)
    .replace(/\s+/g, ' ')
    .replace(/ ?(\/?>)/g, '$1')
    .replace(/> </g, '><');

describe('html building', () => {
  it('escapes interpolated text, keeps nested fragments', () => {
    const inner = html`<b>${'<i>'}</b>`;
    expect(toHtml(html`<p title="${'"x" & \'y\''}">${inner}${['<', 1, null, undefined, false]}</p>`)).toBe(
      '<p title="&quot;x&quot; &amp; &#39;y&#39;"><b>&lt;i&gt;</b>&lt;1</p>',
    );
    expect(escapeHtml(EVIL)).toBe(ESCAPED);
    expect(toHtml(raw('<br>'))).toBe('<br>');
  });

  it('only web links survive as links', () => {
    expect(safeUrl('https://docs.python.org/3/')).toBe('https://docs.python.org/3/');
    for (const bad of ['javascript:alert(1)', 'data:text/html,<script>', 'file:///etc/passwd', 'not a url', undefined])
      expect(safeUrl(bad)).toBeUndefined();
  });
});

/** A roadmap and a summary where every string a learner or author controls is hostile. */
function hostile(): { map: ReturnType<typeof roadmap>; summary: Summary } {
  const attr = '"><img src=x onerror=alert(2)>';
  const project = topic('evil-project', `${EVIL} project`, {
    project: { proves: ['evil-topic'], milestones: [EVIL], done_when: `${EVIL} ${attr}` },
    summary: attr,
  });
  const map = roadmap(
    [
      area('evil-area', [topic('evil-topic', EVIL, { summary: EVIL, why: EVIL })], 'skills', EVIL),
      area('proof', [project], 'prove', attr),
    ],
    EVIL,
  );
  map.description = EVIL;
  const base = summaryOf(map, someProgress(map, 1));
  const summary: Summary = {
    ...base,
    gaps: [EVIL, attr],
    recommendations: [
      {
        kind: 'learn',
        area: 'evil-area',
        topic: 'evil-topic',
        title: EVIL,
        reason: EVIL,
        action: { text: EVIL, url: 'javascript:alert(3)' },
      },
      { kind: 'assess', area: attr, title: attr, reason: attr, action: { text: attr, command: EVIL } },
    ],
    history: [{ date: EVIL, mastery: 0.5, answered: 1 }],
  };
  return { map, summary };
}

describe('the report page', () => {
  it('escapes every string from the roadmap and the progress: a <script> title is text, nothing can run', () => {
    const { map, summary } = hostile();
    const page = render({ roadmap: map, summary });
    expect(page).not.toMatch(/<script/i);
    expect(page).not.toMatch(/<img/i);
    expect(page).not.toMatch(/javascript:/i);
    expect(page).toContain(ESCAPED);
    expect(page).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
    // In the page title, the heading, the radar labels, the table, the recommendations, the gaps.
    expect(count(page, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/)).toBeGreaterThan(10);
  });

  it('is self-contained: no script, no external resource, a CSP that forbids both', () => {
    const map = areasRoadmap(5);
    const page = render({ roadmap: map, summary: summaryOf(map, someProgress(map, 3)), version: '9.9.9' });
    expect(page.startsWith('<!doctype html>')).toBe(true);
    for (const forbidden of [
      /<script/i,
      /<link/i,
      /<img/i,
      /<iframe/i,
      /<object/i,
      /@import/i,
      /url\(/i,
      /\ssrc=/i,
      /<use /i,
    ])
      expect(page).not.toMatch(forbidden);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'`);
    // The only links are resources for the learner to follow; nothing is loaded from them.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\//);
    expect(page).toContain('prefers-color-scheme: dark');
    expect(page).toContain('@media print');
    expect(page).toContain('pyroad 9.9.9');
  });

  it('draws the radar as two overlaid shapes with a legend, a text alternative and the numbers in a table', () => {
    const map = areasRoadmap(6);
    const page = render({ roadmap: map, summary: summaryOf(map, someProgress(map, 4)) });
    expect(count(page, /<polygon class="shape shape-self"/)).toBe(1);
    expect(count(page, /<polygon class="shape shape-quiz"/)).toBe(1);
    expect(page).toMatch(
      /<svg class="chart radar"[^>]*role="img" aria-label="Mastery per area[^"]*" aria-describedby="radar-desc"/,
    );
    expect(page).toContain('<title>Mastery per area: self-rating compared with quiz result</title>');
    expect(page).toMatch(/<desc id="radar-desc">6 areas; the exact numbers are in the table next to the chart\./);
    expect(page).toMatch(/<ul class="legend">.*Self-rating.*Quiz result/s);
    const table = page.slice(
      page.indexOf('<table class="area-table"'),
      page.indexOf('</table>', page.indexOf('<table class="area-table"')),
    );
    for (const a of map.areas) expect(table).toContain(`<th scope="row">${a.title}</th>`);
    expect(count(table, /<td class="num score-self">\d+%<\/td>/)).toBe(4);
  });

  it.each([
    [1, 'circle'],
    [2, 'circle'],
    [3, 'polygon'],
    [20, 'polygon'],
  ])('handles %i areas: one label per area, the full title kept', (n, ring) => {
    const map = areasRoadmap(n);
    const page = render({ roadmap: map, summary: summaryOf(map, someProgress(map, n)) });
    expect(count(page, /<text class="axis-label"/)).toBe(n);
    expect(page).toContain(`<${ring} class="ring"`);
    for (const a of map.areas) expect(page).toContain(`<title>${a.title}</title>`);
    expect(count(page, /class="shape shape-/)).toBe(2);
  });

  it('no areas at all: still a page, saying so', () => {
    const page = render({ roadmap: roadmap([]), summary: summaryOf(roadmap([])) });
    expect(page).toContain('This roadmap has no areas yet.');
    expect(page).not.toContain('<svg class="chart radar"');
  });

  it('lists every topic with its state, mastery, last assessed and next review', () => {
    const map = areasRoadmap(3);
    const summary = summaryOf(map, someProgress(map, 2));
    const page = render({ roadmap: map, summary });
    expect(count(page, /<tr class="topic-row"/)).toBe(6);
    const assessed = summary.topics.find((t) => t.topic === 't1-a')!;
    const row = page.slice(page.indexOf('data-topic="t1-a"'), page.indexOf('</tr>', page.indexOf('data-topic="t1-a"')));
    expect(row).toContain(`${Math.round(assessed.mastery * 100)}%`);
    expect(row).toMatch(/\d{1,2} Feb 2026/); // last assessed, six days before NOW
    expect(row).toContain(`<td class="num">${assessed.correct}/${assessed.answered}</td>`);
    const untouched = page.slice(
      page.indexOf('data-topic="t3-a"'),
      page.indexOf('</tr>', page.indexOf('data-topic="t3-a"')),
    );
    expect(untouched).toContain('not started');
  });

  it('shows the recommendations with their reasons and links', () => {
    const map = areasRoadmap(3);
    const summary = summaryOf(map, someProgress(map, 1));
    expect(summary.recommendations.length).toBeGreaterThan(0);
    const page = render({ roadmap: map, summary });
    expect(count(page, /<li class="rec">/)).toBe(summary.recommendations.length);
    for (const rec of summary.recommendations) {
      expect(page).toContain(escapeHtml(rec.reason));
      if (rec.action.url) expect(page).toContain(`href="${rec.action.url}"`);
      if (rec.action.command) expect(page).toContain(`<code>${rec.action.command}</code>`);
    }
  });

  it('shows portfolio projects and their state, with the skills they prove', () => {
    const project = topic('site', 'A portfolio site', {
      project: { proves: ['t1-a', 't1-b'], milestones: ['Build it', 'Ship it'], done_when: 'It is live.' },
    });
    const map = roadmap([...areasRoadmap(2).areas, area('portfolio', [project], 'prove')]);
    const events = [
      ...someProgress(map, 1),
      { e: 'status' as const, at: NOW.toISOString(), topic: 'site', status: 'learning' as const },
    ];
    const page = render({ roadmap: map, summary: summaryOf(map, events) });
    const card = page.slice(page.indexOf('<article class="project">'), page.indexOf('</article>'));
    expect(card).toContain('A portfolio site');
    expect(card).toContain('in progress');
    expect(card).toMatch(/Skills it proves: <strong>\d of 2<\/strong>/);
    expect(card).toContain('2 milestones');
    expect(card).toContain('It is live.');
  });

  it('a fresh learner still gets a useful page: what to do first, and the whole path', () => {
    const map = areasRoadmap(4);
    const summary = summaryOf(map);
    const page = render({ roadmap: map, summary });
    expect(page).toContain('Nothing recorded yet.');
    const first = summary.recommendations[0];
    expect(first).toBeDefined();
    expect(page).toContain(escapeHtml(first!.title));
    const command = summary.recommendations.find((r) => r.action.command)?.action.command;
    if (command) expect(page).toContain(`<code>${command}</code>`);
    // The path, in order, before the (empty) charts.
    const path = page.indexOf('id="path"');
    expect(path).toBeGreaterThan(0);
    expect(path).toBeLessThan(page.indexOf('id="skills"'));
    const positions = map.areas.map((a) => page.indexOf(a.title, path));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('No ratings or answers yet');
    expect(page).toContain('The line starts with your first assessment');
  });

  it('with no advice from the coach, the first steps come from the path itself', () => {
    const map = roadmap([area('basics', [topic('loops', 'Loops')]), area('web', [topic('http', 'HTTP')])]);
    const empty: Summary = { ...summaryOf(map), recommendations: [] };
    const page = render({ roadmap: map, summary: empty });
    expect(page).toContain('What to do first');
    expect(page).toContain('<code>pyroad assess basics</code>');
    expect(page).toContain('href="https://example.org/loops"');
  });

  it('draws the timeline from the history, with its numbers', () => {
    const map = areasRoadmap(3);
    const summary = summaryOf(map, someProgress(map, 3));
    expect(summary.history.length).toBeGreaterThan(1);
    const page = render({ roadmap: map, summary });
    expect(page).toMatch(/<svg class="chart timeline"[^>]*role="img"/);
    expect(page).toContain('<path class="line" d="M');
    expect(count(page, /<circle class="dot dot-mastery"/)).toBe(summary.history.length);
    expect(count(page, /<table class="timeline-table">/)).toBe(1);
  });

  it('is the same for the same input', () => {
    const map = areasRoadmap(4);
    const summary = summaryOf(map, someProgress(map, 2));
    expect(render({ roadmap: map, summary })).toBe(render({ roadmap: map, summary }));
  });
});
