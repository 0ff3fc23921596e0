/**
 * Chart geometry for the report: numbers in, coordinates out. Pure and free of markup, so the
 * shapes can be tested with known values; charts.ts turns them into SVG.
 * Coordinates are SVG user units (y grows downwards) rounded to 0.01.
 */
export interface Point {
  x: number;
  y: number;
}

/** Rounds to 2 decimals and never returns -0, so output is stable and compact. */
export const round = (n: number): number => Math.round(n * 100) / 100 + 0;

/** A fraction clamped to 0..1; anything that is not a finite number is "no value". */
export function fraction(value: number | undefined): number | undefined {
  if (value === undefined || !Number.isFinite(value)) return undefined;
  return Math.min(1, Math.max(0, value));
}

const polar = (cx: number, cy: number, r: number, angle: number): Point => ({
  x: round(cx + r * Math.cos(angle)),
  y: round(cy + r * Math.sin(angle)),
});

export const pointsAttr = (points: readonly Point[]): string => points.map((p) => `${p.x},${p.y}`).join(' ');

// ---------------------------------------------------------------------------------------------
// Radar

export interface RadarOptions {
  cx: number;
  cy: number;
  radius: number;
  /** Number of grid rings (default 4: 25%, 50%, 75%, 100%). */
  levels?: number;
  /** Distance of an axis label beyond the outer ring (default 14). */
  labelGap?: number;
}

export type Anchor = 'start' | 'middle' | 'end';
export type Baseline = 'auto' | 'middle' | 'hanging';

export interface RadarAxis {
  index: number;
  /** Radians; the first axis points straight up, the rest follow clockwise. */
  angle: number;
  /** The axis line's outer end. */
  end: Point;
  label: Point & { anchor: Anchor; baseline: Baseline };
}

export interface RadarSeries {
  /** One point per axis; a missing value sits at the centre so the shape stays closed. */
  points: Point[];
  /** Which axes had a value. */
  defined: boolean[];
  /** Whether any axis had a value (an empty series is not drawn). */
  hasData: boolean;
}

export interface RadarGeometry {
  center: Point;
  radius: number;
  axes: RadarAxis[];
  /**
   * Grid rings from the innermost out. With three or more axes a ring is a polygon through the
   * axes; with one or two axes a polygon would be a dot or a line, so the rings are circles.
   */
  rings: { level: number; radius: number; points: Point[] }[];
  ringShape: 'polygon' | 'circle';
  series: RadarSeries[];
}

/** Where a label sits relative to its anchor point, from the direction it points in. */
function labelPlacement(angle: number): { anchor: Anchor; baseline: Baseline } {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const anchor: Anchor = cos > 0.2 ? 'start' : cos < -0.2 ? 'end' : 'middle';
  const baseline: Baseline = sin > 0.5 ? 'hanging' : sin < -0.5 ? 'auto' : 'middle';
  return { anchor, baseline };
}

/**
 * A radar (spider) chart: `axes` spokes evenly spread clockwise from the top, and one closed
 * shape per series with values in 0..1 (1 reaches the outer ring).
 */
export function radarGeometry(
  axes: number,
  series: readonly (readonly (number | undefined)[])[],
  opts: RadarOptions,
): RadarGeometry {
  const { cx, cy, radius } = opts;
  const levels = Math.max(1, opts.levels ?? 4);
  const gap = opts.labelGap ?? 14;
  const n = Math.max(0, Math.floor(axes));
  const angleOf = (i: number) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const axisList: RadarAxis[] = Array.from({ length: n }, (_, i) => {
    const angle = angleOf(i);
    return {
      index: i,
      angle,
      end: polar(cx, cy, radius, angle),
      label: { ...polar(cx, cy, radius + gap, angle), ...labelPlacement(angle) },
    };
  });
  const rings = Array.from({ length: levels }, (_, l) => {
    const level = (l + 1) / levels;
    const r = radius * level;
    return { level: round(level), radius: round(r), points: axisList.map((_, i) => polar(cx, cy, r, angleOf(i))) };
  });
  return {
    center: { x: round(cx), y: round(cy) },
    radius,
    axes: axisList,
    rings,
    ringShape: n >= 3 ? 'polygon' : 'circle',
    series: series.map((values) => {
      const defined = axisList.map((_, i) => fraction(values[i]) !== undefined);
      return {
        points: axisList.map((_, i) => polar(cx, cy, radius * (fraction(values[i]) ?? 0), angleOf(i))),
        defined,
        hasData: defined.some(Boolean),
      };
    }),
  };
}

// ---------------------------------------------------------------------------------------------
// Timeline

export interface TimelineInput {
  /** An ISO date or date-time. */
  date: string;
  /** 0..1 */
  mastery: number;
  answered: number;
}

export interface Box {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface TimelinePoint extends Point {
  date: string;
  mastery: number;
  answered: number;
}

export interface TimelineGeometry {
  /** The plot area inside the margins. */
  plot: { x: number; y: number; width: number; height: number };
  points: TimelinePoint[];
  /** SVG path data of the line, and of the area under it (empty with no points). */
  line: string;
  area: string;
  /** Horizontal grid lines at 0, 25, 50, 75 and 100%. */
  yTicks: { value: number; y: number }[];
  /** At most `maxTicks` dates to label, always the first and the last. */
  xTicks: { x: number; date: string }[];
  /** Activity: one bar per point, height by questions answered, in the bottom quarter of the plot. */
  bars: { x: number; y: number; width: number; height: number; answered: number }[];
}

const dayMs = 86_400_000;

/**
 * A line of mastery over time. Points are placed by date when every date parses (so a gap of a
 * month looks like one), else evenly; a single point sits in the middle.
 */
export function timelineGeometry(history: readonly TimelineInput[], box: Box, maxTicks = 6): TimelineGeometry {
  const plot = {
    x: box.left,
    y: box.top,
    width: Math.max(1, box.width - box.left - box.right),
    height: Math.max(1, box.height - box.top - box.bottom),
  };
  const sorted = [...history].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const times = sorted.map((h) => Date.parse(h.date));
  const byTime = times.every(Number.isFinite);
  const t0 = byTime ? Math.min(...times) : 0;
  const t1 = byTime ? Math.max(...times) : 0;
  const n = sorted.length;
  const xOf = (i: number): number => {
    if (n <= 1) return plot.x + plot.width / 2;
    if (byTime) return t1 === t0 ? plot.x + plot.width / 2 : plot.x + (plot.width * (times[i]! - t0)) / (t1 - t0);
    return plot.x + (plot.width * i) / (n - 1);
  };
  const yOf = (value: number): number => plot.y + plot.height * (1 - value);
  const points: TimelinePoint[] = sorted.map((h, i) => ({
    x: round(xOf(i)),
    y: round(yOf(fraction(h.mastery) ?? 0)),
    date: h.date,
    mastery: fraction(h.mastery) ?? 0,
    answered: Math.max(0, h.answered || 0),
  }));
  const line = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ');
  const baseY = round(plot.y + plot.height);
  const area = points.length === 0 ? '' : `${line} L${points.at(-1)!.x},${baseY} L${points[0]!.x},${baseY} Z`;
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((value) => ({ value, y: round(yOf(value)) }));

  const tickIndexes = new Set<number>();
  const wanted = Math.max(2, maxTicks);
  if (n > 0) for (let k = 0; k < wanted; k++) tickIndexes.add(Math.round(((n - 1) * k) / (wanted - 1)));
  const xTicks = [...tickIndexes].sort((a, b) => a - b).map((i) => ({ x: points[i]!.x, date: points[i]!.date }));

  // Bars: as wide as a day would be on the time axis, but between 2 and 14 units.
  const span = byTime && t1 > t0 ? (t1 - t0) / dayMs : Math.max(1, n - 1);
  const barWidth = round(Math.min(14, Math.max(2, (plot.width / Math.max(1, span)) * 0.6)));
  const most = Math.max(0, ...points.map((p) => p.answered));
  const barRoom = plot.height / 4;
  const bars = points.map((p) => {
    const height = most === 0 ? 0 : round((barRoom * p.answered) / most);
    return { x: round(p.x - barWidth / 2), y: round(baseY - height), width: barWidth, height, answered: p.answered };
  });
  return { plot, points, line, area, yTicks, xTicks, bars };
}

// ---------------------------------------------------------------------------------------------
// Ring (the readiness gauge)

/** A progress ring drawn as a stroked circle: dash length for `value` out of the circumference. */
export function ringGeometry(value: number, radius: number): { circumference: number; dash: number; gap: number } {
  const circumference = round(2 * Math.PI * radius);
  const dash = round(circumference * (fraction(value) ?? 0));
  return { circumference, dash, gap: round(circumference - dash) };
}
