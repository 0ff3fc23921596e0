import { describe, expect, it } from 'vitest';
import { fraction, radarGeometry, ringGeometry, round, timelineGeometry } from '../../src/render/report/geometry.js';

const at = { cx: 100, cy: 100, radius: 100 };
const dist = (p: { x: number; y: number }) => Math.hypot(p.x - at.cx, p.y - at.cy);

describe('radar geometry', () => {
  it('places known values on known points: first axis up, then clockwise', () => {
    const geo = radarGeometry(4, [[1, 0.5, 0, 0.25]], at);
    expect(geo.series[0]!.points).toEqual([
      { x: 100, y: 0 },
      { x: 150, y: 100 },
      { x: 100, y: 100 },
      { x: 75, y: 100 },
    ]);
    expect(geo.axes.map((a) => a.end)).toEqual([
      { x: 100, y: 0 },
      { x: 200, y: 100 },
      { x: 100, y: 200 },
      { x: 0, y: 100 },
    ]);
    expect(geo.ringShape).toBe('polygon');
  });

  it('three axes sit 120° apart', () => {
    const geo = radarGeometry(3, [[1, 1, 1]], at);
    expect(geo.series[0]!.points).toEqual([
      { x: 100, y: 0 },
      { x: 186.6, y: 150 },
      { x: 13.4, y: 150 },
    ]);
  });

  it('draws one shape per series, overlaid on the same axes', () => {
    const geo = radarGeometry(
      3,
      [
        [0.8, 0.8, 0.8],
        [0.4, 0.4, 0.4],
      ],
      at,
    );
    expect(geo.series).toHaveLength(2);
    expect(geo.series[0]!.points.map(dist)).toEqual([80, 80, 80].map((d) => expect.closeTo(d, 1)));
    expect(geo.series[1]!.points.map(dist)).toEqual([40, 40, 40].map((d) => expect.closeTo(d, 1)));
  });

  it('grid rings at 25, 50, 75 and 100%', () => {
    const geo = radarGeometry(4, [], at);
    expect(geo.rings.map((r) => r.level)).toEqual([0.25, 0.5, 0.75, 1]);
    expect(geo.rings.map((r) => r.radius)).toEqual([25, 50, 75, 100]);
    expect(geo.rings[3]!.points).toEqual(geo.axes.map((a) => a.end));
  });

  it('a missing value sits at the centre, is marked undefined, and a series with none is empty', () => {
    const geo = radarGeometry(
      3,
      [
        [undefined, 0.5, Number.NaN],
        [undefined, undefined, undefined],
      ],
      at,
    );
    expect(geo.series[0]!.points[0]).toEqual({ x: 100, y: 100 });
    expect(geo.series[0]!.points[2]).toEqual({ x: 100, y: 100 });
    expect(geo.series[0]!.defined).toEqual([false, true, false]);
    expect(geo.series[0]!.hasData).toBe(true);
    expect(geo.series[1]!.hasData).toBe(false);
  });

  it('values outside 0..1 are clamped to the web', () => {
    const geo = radarGeometry(4, [[2, -1, 1, 1]], at);
    expect(geo.series[0]!.points[0]).toEqual({ x: 100, y: 0 });
    expect(geo.series[0]!.points[1]).toEqual({ x: 100, y: 100 });
  });

  it('no areas: no axes, no shape, nothing to draw but empty rings', () => {
    const geo = radarGeometry(0, [[], []], at);
    expect(geo.axes).toEqual([]);
    expect(geo.series.map((s) => s.points)).toEqual([[], []]);
    expect(geo.series.every((s) => !s.hasData)).toBe(true);
    expect(geo.rings.every((r) => r.points.length === 0)).toBe(true);
  });

  it('one area: a single upward spoke with circular rings (a one-point polygon would be invisible)', () => {
    const geo = radarGeometry(1, [[0.5], [1]], at);
    expect(geo.ringShape).toBe('circle');
    expect(geo.axes).toHaveLength(1);
    expect(geo.axes[0]!.end).toEqual({ x: 100, y: 0 });
    expect(geo.axes[0]!.label).toMatchObject({ x: 100, y: -14, anchor: 'middle', baseline: 'auto' });
    expect(geo.series[0]!.points).toEqual([{ x: 100, y: 50 }]);
    expect(geo.series[1]!.points).toEqual([{ x: 100, y: 0 }]);
  });

  it('two areas: one spoke up, one down, circular rings', () => {
    const geo = radarGeometry(2, [[1, 0.5]], at);
    expect(geo.ringShape).toBe('circle');
    expect(geo.series[0]!.points).toEqual([
      { x: 100, y: 0 },
      { x: 100, y: 150 },
    ]);
    expect(geo.axes[1]!.label).toMatchObject({ anchor: 'middle', baseline: 'hanging' });
  });

  it('twenty areas: evenly spread, on the web, labels anchored away from the centre and mirrored', () => {
    const values = Array.from({ length: 20 }, (_, i) => i / 19);
    const geo = radarGeometry(20, [values], { ...at, labelGap: 10 });
    expect(geo.axes).toHaveLength(20);
    for (let i = 0; i < 20; i++) {
      expect(dist(geo.axes[i]!.end)).toBeCloseTo(100, 1);
      expect(dist(geo.axes[i]!.label)).toBeCloseTo(110, 1);
      expect(dist(geo.series[0]!.points[i]!)).toBeCloseTo(100 * values[i]!, 0);
      const next = geo.axes[(i + 1) % 20]!;
      expect(Math.hypot(next.end.x - geo.axes[i]!.end.x, next.end.y - geo.axes[i]!.end.y)).toBeCloseTo(
        2 * 100 * Math.sin(Math.PI / 20),
        1,
      );
    }
    expect(geo.axes[0]!.label).toMatchObject({ anchor: 'middle', baseline: 'auto' });
    expect(geo.axes[5]!.label).toMatchObject({ anchor: 'start', baseline: 'middle', y: 100 });
    expect(geo.axes[10]!.label).toMatchObject({ anchor: 'middle', baseline: 'hanging' });
    expect(geo.axes[15]!.label).toMatchObject({ anchor: 'end', baseline: 'middle', y: 100 });
    // Mirror images: axis i and axis 20 - i.
    for (let i = 1; i < 10; i++) {
      const a = geo.axes[i]!.label;
      const b = geo.axes[20 - i]!.label;
      expect(a.x - 100).toBeCloseTo(100 - b.x, 1);
      expect(a.y).toBeCloseTo(b.y, 1);
      expect([a.anchor, b.anchor].sort()).toEqual(a.anchor === 'middle' ? ['middle', 'middle'] : ['end', 'start']);
    }
  });

  it('coordinates are rounded and never -0', () => {
    const geo = radarGeometry(7, [[0.33, 0.66, 0.99, 0.1, 0.2, 0.3, 0]], { cx: 0, cy: 0, radius: 77 });
    for (const p of [...geo.series[0]!.points, ...geo.axes.map((a) => a.end)]) {
      expect(Object.is(p.x, -0)).toBe(false);
      expect(Object.is(p.y, -0)).toBe(false);
      expect(round(p.x)).toBe(p.x);
    }
  });
});

describe('timeline geometry', () => {
  const box = { width: 500, height: 220, top: 10, right: 0, bottom: 10, left: 100 };
  // plot: x 100..500 (width 400), y 10..210 (height 200)

  it('no history: nothing to draw', () => {
    const geo = timelineGeometry([], box);
    expect(geo).toMatchObject({ points: [], line: '', area: '', xTicks: [], bars: [] });
    expect(geo.yTicks.map((t) => t.y)).toEqual([210, 160, 110, 60, 10]);
  });

  it('one day: a point in the middle', () => {
    const geo = timelineGeometry([{ date: '2026-01-05', mastery: 0.5, answered: 4 }], box);
    expect(geo.points).toMatchObject([{ x: 300, y: 110 }]);
    expect(geo.line).toBe('M300,110');
    expect(geo.xTicks).toEqual([{ x: 300, date: '2026-01-05' }]);
  });

  it('places days by date, so a gap looks like one', () => {
    const geo = timelineGeometry(
      [
        { date: '2026-01-01', mastery: 0, answered: 1 },
        { date: '2026-01-02', mastery: 0.25, answered: 2 },
        { date: '2026-01-05', mastery: 1, answered: 4 },
      ],
      box,
    );
    expect(geo.points.map((p) => [p.x, p.y])).toEqual([
      [100, 210],
      [200, 160],
      [500, 10],
    ]);
    expect(geo.line).toBe('M100,210 L200,160 L500,10');
    expect(geo.area).toBe('M100,210 L200,160 L500,10 L500,210 L100,210 Z');
  });

  it('sorts by date and spaces evenly when dates do not parse', () => {
    const sorted = timelineGeometry(
      [
        { date: '2026-01-03', mastery: 1, answered: 1 },
        { date: '2026-01-01', mastery: 0, answered: 1 },
      ],
      box,
    );
    expect(sorted.points.map((p) => p.date)).toEqual(['2026-01-01', '2026-01-03']);
    const even = timelineGeometry(
      ['a', 'b', 'c'].map((date) => ({ date, mastery: 0.5, answered: 1 })),
      box,
    );
    expect(even.points.map((p) => p.x)).toEqual([100, 300, 500]);
  });

  it('at most maxTicks date labels, always the first and the last', () => {
    const history = Array.from({ length: 40 }, (_, i) => ({
      date: new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10),
      mastery: i / 40,
      answered: i,
    }));
    const geo = timelineGeometry(history, box, 5);
    expect(geo.xTicks.length).toBeLessThanOrEqual(5);
    expect(geo.xTicks[0]!.date).toBe('2026-01-01');
    expect(geo.xTicks.at(-1)!.date).toBe('2026-02-09');
  });

  it('activity bars: the busiest day fills a quarter of the plot, a quiet day none', () => {
    const geo = timelineGeometry(
      [
        { date: '2026-01-01', mastery: 0.1, answered: 0 },
        { date: '2026-01-02', mastery: 0.2, answered: 5 },
        { date: '2026-01-03', mastery: 0.3, answered: 10 },
      ],
      box,
    );
    expect(geo.bars.map((b) => b.height)).toEqual([0, 25, 50]);
    expect(geo.bars[2]!.y + geo.bars[2]!.height).toBe(210);
  });
});

describe('ring and fractions', () => {
  it('the readiness ring dash is the share of the circumference', () => {
    const { circumference, dash, gap } = ringGeometry(0.25, 50);
    expect(circumference).toBeCloseTo(314.16, 2);
    expect(dash).toBeCloseTo(78.54, 2);
    expect(dash + gap).toBeCloseTo(circumference, 2);
    expect(ringGeometry(0, 50).dash).toBe(0);
    expect(ringGeometry(3, 50).dash).toBe(ringGeometry(1, 50).circumference);
  });

  it('fraction() clamps and rejects non-numbers', () => {
    expect([fraction(-1), fraction(0.5), fraction(7), fraction(Number.NaN), fraction(undefined)]).toEqual([
      0,
      0.5,
      1,
      undefined,
      undefined,
    ]);
  });
});
