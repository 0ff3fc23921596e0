/** The report's SVG charts, drawn from geometry.ts. Colours come from the page's CSS variables. */
import { pct, shortDay, day, shorten } from './format.js';
import { pointsAttr, radarGeometry, ringGeometry, timelineGeometry, type TimelineInput } from './geometry.js';
import { html, type Fragment } from './html.js';

export interface RadarArea {
  title: string;
  selfScore?: number | undefined;
  quizScore?: number | undefined;
}

export const RADAR_SERIES = [
  { key: 'self', label: 'Self-rating', note: 'how well you said you know it' },
  { key: 'quiz', label: 'Quiz result', note: 'how you did on the questions' },
] as const;

const RADAR_TITLE = 'Mastery per area: self-rating compared with quiz result';
const TIMELINE_TITLE = 'Overall mastery over time';
const RADAR = { width: 680, height: 460, cx: 340, cy: 230 };

/** Smaller labels and a smaller web as the number of areas grows, so 20 areas still fit. */
function radarScale(n: number): { radius: number; font: number; chars: number } {
  if (n <= 8) return { radius: 165, font: 14, chars: 24 };
  if (n <= 14) return { radius: 165, font: 13, chars: 22 };
  return { radius: 160, font: 12, chars: 18 };
}

export function radarSvg(areas: readonly RadarArea[], description: string): Fragment {
  const n = areas.length;
  const { radius, font, chars } = radarScale(n);
  const geo = radarGeometry(n, [areas.map((a) => a.selfScore), areas.map((a) => a.quizScore)], {
    cx: RADAR.cx,
    cy: RADAR.cy,
    radius,
    labelGap: 14,
  });
  const grid = geo.rings.map((ring) =>
    geo.ringShape === 'polygon'
      ? html`<polygon class="ring" points="${pointsAttr(ring.points)}" />`
      : html`<circle class="ring" cx="${geo.center.x}" cy="${geo.center.y}" r="${ring.radius}" />`,
  );
  const spokes = geo.axes.map(
    (axis) =>
      html`<line class="spoke" x1="${geo.center.x}" y1="${geo.center.y}" x2="${axis.end.x}" y2="${axis.end.y}" />`,
  );
  // Ring values just inside each ring, beside the upward axis, clear of the top label.
  const ringLabels = geo.rings.map(
    (ring) =>
      html`<text class="ring-label" x="${geo.center.x + 4}" y="${geo.center.y - ring.radius + 11}"
        >${pct(ring.level)}</text
      >`,
  );
  const shapes = geo.series.map((series, s) => {
    const meta = RADAR_SERIES[s]!;
    if (!series.hasData) return '';
    const dots = series.points.map((p, i) => {
      if (!series.defined[i]) return '';
      const value = meta.key === 'self' ? areas[i]!.selfScore : areas[i]!.quizScore;
      const tip = `${areas[i]!.title}: ${meta.label.toLowerCase()} ${pct(value)}`;
      return html`<circle class="dot dot-${meta.key}" cx="${p.x}" cy="${p.y}" r="4"><title>${tip}</title></circle>`;
    });
    return html`<g class="series series-${meta.key}" data-series="${meta.key}">
      <polygon class="shape shape-${meta.key}" points="${pointsAttr(series.points)}"
        ><title>${meta.label}</title></polygon
      >
      ${dots}
    </g>`;
  });
  const labels = geo.axes.map((axis, i) => {
    const title = areas[i]!.title;
    return html`<text
      class="axis-label"
      x="${axis.label.x}"
      y="${axis.label.y}"
      text-anchor="${axis.label.anchor}"
      dominant-baseline="${axis.label.baseline}"
      font-size="${font}"
      ><title>${title}</title>${shorten(title, chars)}</text
    >`;
  });
  const empty = geo.series.every((s) => !s.hasData)
    ? html`<g class="chart-empty"
        ><rect x="${RADAR.cx - 150}" y="${RADAR.cy - 24}" width="300" height="48" rx="10" /><text
          x="${RADAR.cx}"
          y="${RADAR.cy}"
          text-anchor="middle"
          dominant-baseline="middle"
          >No ratings or answers yet</text
        ></g
      >`
    : '';
  return chartSvg(
    'radar',
    RADAR,
    RADAR_TITLE,
    description,
    html`<g class="grid">${grid}${spokes}</g>
      <g class="ring-labels" aria-hidden="true">${ringLabels}</g>
      ${shapes}
      <g class="axis-labels">${labels}</g>
      ${empty}`,
  );
}

/** A chart as an accessible image: its title and a description of the numbers, then `body`. */
function chartSvg(
  kind: string,
  size: { width: number; height: number },
  title: string,
  description: string,
  body: Fragment,
): Fragment {
  return html`<svg
    class="chart ${kind}"
    viewBox="0 0 ${size.width} ${size.height}"
    role="img"
    aria-label="${title}"
    aria-describedby="${kind}-desc"
  >
    <title>${title}</title>
    <desc id="${kind}-desc">${description}</desc>
    ${body}
  </svg>`;
}

const TIMELINE = { width: 1000, height: 280, top: 16, right: 16, bottom: 34, left: 48 };

export function timelineSvg(history: readonly TimelineInput[], description: string): Fragment {
  const geo = timelineGeometry(history, TIMELINE);
  const { plot } = geo;
  const grid = geo.yTicks.map(
    (t) =>
      html`<line class="gridline" x1="${plot.x}" y1="${t.y}" x2="${plot.x + plot.width}" y2="${t.y}" /><text
          class="tick"
          x="${plot.x - 8}"
          y="${t.y}"
          text-anchor="end"
          dominant-baseline="middle"
          >${pct(t.value)}</text
        >`,
  );
  const baseline = plot.y + plot.height;
  const xTicks = geo.xTicks.map(
    (t, i, all) =>
      html`<text
        class="tick"
        x="${t.x}"
        y="${baseline + 20}"
        text-anchor="${all.length > 1 && i === 0 ? 'start' : all.length > 1 && i === all.length - 1 ? 'end' : 'middle'}"
        >${shortDay(t.date)}</text
      >`,
  );
  const bars = geo.bars.map((b) =>
    b.height > 0
      ? html`<rect class="activity" x="${b.x}" y="${b.y}" width="${b.width}" height="${b.height}" rx="1.5" />`
      : '',
  );
  const dots = geo.points.map((p) => {
    const tip = `${day(p.date)}: mastery ${pct(p.mastery)}, ${p.answered} ${p.answered === 1 ? 'answer' : 'answers'}`;
    const r = geo.points.length > 40 ? 2.5 : 4;
    return html`<circle class="dot dot-mastery" cx="${p.x}" cy="${p.y}" r="${r}"><title>${tip}</title></circle>`;
  });
  return chartSvg(
    'timeline',
    TIMELINE,
    TIMELINE_TITLE,
    description,
    html`<g class="grid">${grid}</g>
      <g class="activity-bars">${bars}</g>
      ${geo.area ? html`<path class="area" d="${geo.area}" />` : ''}
      ${geo.line ? html`<path class="line" d="${geo.line}" />` : ''}
      <g class="dots">${dots}</g>
      <g class="x-ticks">${xTicks}</g>`,
  );
}

/** The readiness gauge: a ring that fills clockwise from the top, with the percentage inside. */
export function ringSvg(value: number, label: string): Fragment {
  const r = 52;
  const { circumference, dash } = ringGeometry(value, r);
  return html`<svg class="gauge" viewBox="0 0 132 132" role="img" aria-label="${label}: ${pct(value)}">
    <title>${label}: ${pct(value)}</title>
    <circle class="gauge-track" cx="66" cy="66" r="${r}" />
    ${dash > 0 ? html`<circle class="gauge-fill" cx="66" cy="66" r="${r}" stroke-dasharray="${dash} ${circumference}" transform="rotate(-90 66 66)" />` : ''}
    <text class="gauge-value" x="66" y="64" text-anchor="middle" dominant-baseline="middle">${pct(value)}</text>
    <text class="gauge-label" x="66" y="88" text-anchor="middle">ready</text>
  </svg>`;
}

/** A small horizontal bar for tables, with a visible percentage next to it. */
export function meter(value: number | undefined, kind = 'mastery'): Fragment {
  const width = Math.round((value ?? 0) * 100);
  return html`<span class="meter meter-${kind}" role="presentation"
    ><span class="meter-fill" style="width:${width}%"></span
  ></span>`;
}
