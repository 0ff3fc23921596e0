/**
 * The report's one stylesheet, inlined. System fonts only (nothing is fetched); colours are CSS
 * variables so the SVG charts follow light and dark mode; a print section turns it into paper.
 */
export const STYLES = `
:root {
  color-scheme: light dark;
  --bg: #f3f5fa;
  --surface: #ffffff;
  --surface-2: #f7f8fb;
  --text: #162033;
  --muted: #5a6579;
  --faint: #8a94a6;
  --border: #e1e5ee;
  --grid: #d9deea;
  --accent: #306998;
  --accent-soft: #e4eef8;
  --hero-from: #13294b;
  --hero-to: #306998;
  --gold: #ffd43b;
  --self: #c98b00;
  --self-fill: rgba(255, 200, 30, 0.22);
  --quiz: #2c6bb0;
  --quiz-fill: rgba(44, 107, 176, 0.22);
  --good: #177245;
  --good-bg: #dcf5e6;
  --warn: #9a5b00;
  --warn-bg: #fff1cc;
  --bad: #b42318;
  --bad-bg: #fde4e1;
  --info: #1f5c99;
  --info-bg: #e1edfa;
  --neutral-bg: #eceff5;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.05), 0 6px 24px rgba(16, 24, 40, 0.06);
  --radius: 16px;
  --mono: ui-monospace, SFMono-Regular, Menlo, Consolas, 'DejaVu Sans Mono', 'Liberation Mono', monospace;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0b0f16;
    --surface: #131923;
    --surface-2: #19212d;
    --text: #e6ebf2;
    --muted: #9ba7b9;
    --faint: #6f7b8e;
    --border: #263141;
    --grid: #2c3748;
    --accent: #7cb4ea;
    --accent-soft: #17273a;
    --hero-from: #0d1b30;
    --hero-to: #1d4c78;
    --self: #ffd43b;
    --self-fill: rgba(255, 212, 59, 0.16);
    --quiz: #6cb6ff;
    --quiz-fill: rgba(108, 182, 255, 0.2);
    --good: #5fd39a;
    --good-bg: #12301f;
    --warn: #f5c15c;
    --warn-bg: #33270c;
    --bad: #ff8f84;
    --bad-bg: #3a1714;
    --info: #8cc4ff;
    --info-bg: #13283f;
    --neutral-bg: #222b38;
    --shadow: 0 1px 2px rgba(0, 0, 0, 0.4), 0 6px 24px rgba(0, 0, 0, 0.25);
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  background: var(--bg);
  color: var(--text);
  font: 15px/1.55 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'DejaVu Sans', Arial, sans-serif;
  font-variant-numeric: tabular-nums;
}
a { color: var(--accent); text-underline-offset: 2px; }
code { font-family: var(--mono); font-size: 0.92em; }
h1, h2, h3 { line-height: 1.25; margin: 0; }
h2 { font-size: 1.2rem; letter-spacing: -0.01em; }
h3 { font-size: 1rem; }
p { margin: 0; }
.page { max-width: 1180px; margin: 0 auto; padding: 28px 24px 48px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.small { font-size: 0.86rem; }

/* Hero */
.hero {
  position: relative;
  overflow: hidden;
  display: grid;
  grid-template-columns: 1fr auto;
  gap: 28px;
  align-items: center;
  padding: 32px 36px;
  border-radius: calc(var(--radius) + 4px);
  color: #fff;
  background: radial-gradient(circle at 88% 10%, rgba(255, 212, 59, 0.22), transparent 38%),
    linear-gradient(125deg, var(--hero-from) 0%, var(--hero-to) 100%);
  box-shadow: var(--shadow);
}
.eyebrow { text-transform: uppercase; letter-spacing: 0.14em; font-size: 0.75rem; font-weight: 700; opacity: 0.8; }
.eyebrow .logo { display: inline-block; width: 9px; height: 9px; border-radius: 2px; background: var(--gold); margin-right: 8px; vertical-align: 1px; }
.hero h1 { font-size: 2.1rem; margin: 6px 0 8px; letter-spacing: -0.02em; }
.hero .lede { max-width: 62ch; opacity: 0.9; }
.hero .meta { margin-top: 10px; font-size: 0.85rem; opacity: 0.75; }
.stepper { display: flex; flex-wrap: wrap; gap: 8px; margin: 20px 0 0; padding: 0; list-style: none; }
.stepper li {
  display: flex; align-items: center; gap: 8px;
  padding: 6px 14px 6px 6px; border-radius: 999px;
  background: rgba(255, 255, 255, 0.1); border: 1px solid rgba(255, 255, 255, 0.18);
  font-size: 0.9rem; white-space: nowrap;
}
.stepper .n {
  display: inline-grid; place-items: center; width: 24px; height: 24px; border-radius: 50%;
  background: rgba(255, 255, 255, 0.18); font-weight: 700; font-size: 0.8rem;
}
.stepper .done .n { background: #7ee2a8; color: #0b3d22; }
.stepper .current { background: var(--gold); color: #1c1600; border-color: var(--gold); font-weight: 600; }
.stepper .current .n { background: #1c1600; color: var(--gold); }
.gauge { width: 150px; height: 150px; display: block; }
.gauge-track { fill: none; stroke: rgba(255, 255, 255, 0.16); stroke-width: 12; }
.gauge-fill { fill: none; stroke: var(--gold); stroke-width: 12; stroke-linecap: round; }
.gauge-value { fill: #fff; font-size: 30px; font-weight: 800; letter-spacing: -0.02em; }
.gauge-label { fill: rgba(255, 255, 255, 0.75); font-size: 11px; text-transform: uppercase; letter-spacing: 0.14em; }

/* Key numbers */
.kpis { display: grid; grid-template-columns: repeat(4, 1fr); gap: 16px; margin: 20px 0; }
.kpi { background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 16px 18px; box-shadow: var(--shadow); }
.kpi .label { color: var(--muted); font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; font-weight: 600; }
.kpi .value { font-size: 1.7rem; font-weight: 750; letter-spacing: -0.02em; margin-top: 2px; }
.kpi .value small { font-size: 0.95rem; font-weight: 500; color: var(--muted); letter-spacing: 0; }
.kpi .hint { color: var(--muted); font-size: 0.84rem; }

/* Cards */
.grid { display: grid; gap: 20px; grid-template-columns: repeat(12, 1fr); margin-top: 20px; }
.card { grid-column: span 12; background: var(--surface); border: 1px solid var(--border); border-radius: var(--radius); padding: 22px 24px; box-shadow: var(--shadow); min-width: 0; }
.span-8 { grid-column: span 8; }
.span-4 { grid-column: span 4; }
.span-6 { grid-column: span 6; }
.card-head { display: flex; align-items: baseline; justify-content: space-between; gap: 16px; flex-wrap: wrap; margin-bottom: 14px; }
.card-head p { color: var(--muted); font-size: 0.9rem; }
.icon { width: 20px; height: 20px; flex: none; fill: currentColor; }
.icon circle:first-child { fill: none; stroke: currentColor; stroke-width: 2; }
.notice { display: flex; gap: 12px; align-items: flex-start; padding: 14px 18px; margin-top: 20px; border-radius: var(--radius); background: var(--info-bg); color: var(--info); border: 1px solid transparent; }
.notice strong { color: var(--text); }

/* Radar */
.radar-layout { display: grid; grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr); gap: 28px; align-items: start; }
.area-table { font-size: 0.86rem; }
.area-table th, .area-table td { padding: 6px 8px; }
.area-table caption { caption-side: bottom; padding: 10px 0 0; font-size: 0.8rem; }
.chart { width: 100%; height: auto; display: block; overflow: visible; }
.chart text { fill: var(--muted); font-family: inherit; }
.ring { fill: none; stroke: var(--grid); stroke-width: 1; }
.grid .ring:last-of-type { stroke-width: 1.5; }
.spoke { stroke: var(--grid); stroke-width: 1; }
.ring-label { font-size: 10px; fill: var(--faint) !important; }
.axis-label { fill: var(--text) !important; font-weight: 550; }
.shape { stroke-width: 2.5; stroke-linejoin: round; }
.shape-self { fill: var(--self-fill); stroke: var(--self); stroke-dasharray: 7 5; }
.shape-quiz { fill: var(--quiz-fill); stroke: var(--quiz); }
.dot { stroke: var(--surface); stroke-width: 1.5; }
.dot-self { fill: var(--self); }
.dot-quiz { fill: var(--quiz); }
.chart-empty rect { fill: var(--surface-2); stroke: var(--border); }
.chart-empty text { fill: var(--muted) !important; font-size: 15px; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 20px; margin: 8px 0 0; padding: 0; list-style: none; font-size: 0.9rem; }
.legend li { display: flex; align-items: center; gap: 8px; }
.legend svg { width: 34px; height: 14px; flex: none; }
.legend .note { color: var(--muted); }
.swatch-self { fill: var(--self-fill); stroke: var(--self); stroke-width: 2.5; stroke-dasharray: 6 4; }
.swatch-quiz { fill: var(--quiz-fill); stroke: var(--quiz); stroke-width: 2.5; }

/* Timeline */
.gridline { stroke: var(--grid); stroke-width: 1; }
.tick { font-size: 11px; }
.line { fill: none; stroke: var(--accent); stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.area { fill: var(--accent); opacity: 0.1; }
.activity { fill: var(--faint); opacity: 0.35; }
.dot-mastery { fill: var(--accent); }
.empty { display: grid; place-items: center; min-height: 160px; padding: 24px; border: 1px dashed var(--border); border-radius: 12px; color: var(--muted); text-align: center; background: var(--surface-2); }

/* Tables */
.table-wrap { overflow-x: auto; }
table { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
caption { text-align: left; color: var(--muted); font-size: 0.85rem; padding-bottom: 8px; }
th, td { padding: 8px 10px; text-align: left; border-bottom: 1px solid var(--border); vertical-align: middle; }
thead th { font-size: 0.74rem; text-transform: uppercase; letter-spacing: 0.07em; color: var(--muted); font-weight: 650; border-bottom-width: 2px; white-space: nowrap; }
td.num, th.num { text-align: right; white-space: nowrap; }
tbody tr:hover td { background: var(--surface-2); }
tbody.area-group tr.group th { background: var(--surface-2); font-size: 0.88rem; padding-top: 12px; }
tbody.area-group tr.group th .muted { font-weight: 500; }
.topic-table tbody th { font-weight: 600; }
.topic-id { display: block; color: var(--faint); font-family: var(--mono); font-size: 0.75rem; }
.date-rel { display: block; color: var(--faint); font-size: 0.75rem; }
.meter { display: inline-block; width: 72px; height: 7px; border-radius: 99px; background: var(--neutral-bg); overflow: hidden; vertical-align: middle; margin-right: 8px; }
.meter-fill { display: block; height: 100%; border-radius: 99px; background: linear-gradient(90deg, var(--accent), var(--quiz)); }
.meter.wide { width: 100%; height: 8px; margin: 0; }
.mastery-cell { white-space: nowrap; }
.score-self { color: var(--self); font-weight: 650; }
.score-quiz { color: var(--quiz); font-weight: 650; }
.flag-over { background: var(--warn-bg); border-radius: 6px; }
details { margin-top: 12px; }
summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }

/* Chips */
.chip { display: inline-block; padding: 2px 9px; border-radius: 99px; font-size: 0.75rem; font-weight: 650; white-space: nowrap; background: var(--neutral-bg); color: var(--muted); }
.chip.done, .chip.consistent { background: var(--good-bg); color: var(--good); }
.chip.learning, .chip.under-confident { background: var(--info-bg); color: var(--info); }
.chip.started { background: var(--accent-soft); color: var(--accent); }
.chip.over-confident, .chip.due { background: var(--warn-bg); color: var(--warn); }
.chip.skip { text-decoration: line-through; }
.chip.kind { background: var(--accent-soft); color: var(--accent); text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.68rem; }

/* Recommendations */
.recs { list-style: none; margin: 0; padding: 0; display: grid; gap: 12px; counter-reset: rec; }
.rec { display: grid; grid-template-columns: 36px 1fr; gap: 14px; padding: 14px 16px; border: 1px solid var(--border); border-radius: 12px; background: var(--surface-2); }
.rec::before { counter-increment: rec; content: counter(rec); display: grid; place-items: center; width: 32px; height: 32px; border-radius: 50%; background: var(--accent); color: var(--surface); font-weight: 800; }
.rec h3 { display: flex; gap: 10px; align-items: center; flex-wrap: wrap; }
.rec .where { color: var(--muted); font-size: 0.84rem; }
.rec .reason { margin: 6px 0 8px; }
.action { display: inline-flex; gap: 8px; align-items: center; font-weight: 600; }
.action code { background: var(--neutral-bg); padding: 3px 8px; border-radius: 6px; color: var(--text); font-weight: 500; }
.stack { display: flex; flex-direction: column; gap: 20px; min-width: 0; }
.stack > .card { flex: none; }
.insights { list-style: none; margin: 18px 0 0; padding: 14px 16px; display: grid; gap: 8px; border-radius: 12px; background: var(--surface-2); border: 1px solid var(--border); font-size: 0.9rem; }
.insights .chip { min-width: 84px; text-align: center; margin-right: 4px; }
.due-list { list-style: none; margin: 0; padding: 0; display: grid; gap: 0; }
.due-list li { display: flex; justify-content: space-between; align-items: baseline; gap: 12px; padding: 8px 0; border-bottom: 1px solid var(--border); font-size: 0.9rem; }
.due-list li:last-child { border-bottom: 0; }
.gaps { margin: 0; padding: 0; list-style: none; display: grid; gap: 10px; }
.gaps li { padding: 10px 12px 10px 14px; border-left: 3px solid var(--warn); background: var(--warn-bg); border-radius: 0 10px 10px 0; color: var(--text); }

/* Projects */
.projects { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
.project { display: flex; flex-direction: column; gap: 10px; padding: 18px; border: 1px solid var(--border); border-radius: 14px; background: var(--surface-2); }
.project header { display: flex; justify-content: space-between; gap: 10px; align-items: flex-start; }
.project .proves { display: flex; flex-wrap: wrap; gap: 6px; margin: 0; padding: 0; list-style: none; }
.project .proves li { font-size: 0.74rem; padding: 2px 8px; border-radius: 99px; border: 1px solid var(--border); color: var(--muted); }
.project .proves li.ok { border-color: transparent; background: var(--good-bg); color: var(--good); }
.project .done-when { font-size: 0.84rem; color: var(--muted); margin-top: auto; }

/* Path */
.path { list-style: none; margin: 0; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 10px 24px; }
.stage-name { grid-column: 1 / -1; margin-top: 8px; font-size: 0.78rem; text-transform: uppercase; letter-spacing: 0.1em; color: var(--muted); font-weight: 700; }
.stage-name:first-child { margin-top: 0; }
.path-step { display: grid; grid-template-columns: 30px 1fr; gap: 6px 12px; align-items: center; padding: 10px 14px 10px 10px; border-radius: 12px; border: 1px solid var(--border); }
.path-step .n { grid-row: span 3; align-self: start; display: grid; place-items: center; width: 28px; height: 28px; border-radius: 50%; background: var(--neutral-bg); color: var(--muted); font-weight: 700; font-size: 0.82rem; }
.path-step.here { border-color: var(--accent); box-shadow: 0 0 0 3px var(--accent-soft); }
.path-step.here .n { background: var(--accent); color: var(--surface); }
.path-step .title { font-weight: 600; line-height: 1.3; }
.path-step .count { color: var(--muted); font-size: 0.8rem; }
.path-step .due-text { color: var(--warn); font-weight: 600; }

footer { margin-top: 28px; color: var(--faint); font-size: 0.82rem; text-align: center; }

@media (max-width: 900px) {
  .hero { grid-template-columns: 1fr; }
  .kpis { grid-template-columns: repeat(2, 1fr); }
  .radar-layout { grid-template-columns: 1fr; }
  .span-8, .span-4, .span-6 { grid-column: span 12; }
}

@media print {
  :root {
    color-scheme: light;
    --bg: #fff; --surface: #fff; --surface-2: #fff; --text: #000; --muted: #444; --faint: #666;
    --border: #ccc; --grid: #bbb; --shadow: none;
    --self: #a06e00; --quiz: #1d4f91; --accent: #1d4f91;
  }
  @page { margin: 14mm 12mm; }
  body { font-size: 10.5pt; background: #fff; }
  * { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
  .page { max-width: none; padding: 0; }
  .hero { color: #000; background: none; border: 2px solid #000; padding: 18px 22px; grid-template-columns: 1fr auto; }
  .hero h1 { font-size: 1.6rem; }
  .gauge { width: 112px; height: 112px; }
  .kpis { grid-template-columns: repeat(4, 1fr); gap: 8px; margin: 12px 0; }
  .kpi { padding: 10px 12px; }
  .kpi .value { font-size: 1.3rem; }
  .radar-layout { grid-template-columns: 1fr; }
  .chart.radar { max-width: 560px; margin: 0 auto; }
  .chart.timeline { max-height: 220px; }
  .stepper li { background: none; border-color: #999; color: #000; }
  .stepper .current { background: #ffe680; border-color: #000; }
  .gauge-track { stroke: #ddd; }
  .gauge-fill { stroke: #1d4f91; }
  .gauge-value { fill: #000; }
  .gauge-label { fill: #444; }
  .card, .kpi, .rec, .project, .path-step, .notice { box-shadow: none; break-inside: avoid; }
  .card.topics { break-inside: auto; }
  tr, .rec, .project { break-inside: avoid; }
  thead { display: table-header-group; }
  tbody tr:hover td { background: none; }
  details > summary { display: none; }
  .rec a[href]::after, .project a[href]::after { content: ' (' attr(href) ')'; font-weight: 400; font-size: 0.8em; color: #444; word-break: break-all; }
  .grid { display: block; }
  .grid > .card { margin-top: 14px; }
  h2 { break-after: avoid; }
}
`;
