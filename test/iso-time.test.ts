import { describe, expect, it } from 'vitest';
import { isoDay, isoTime } from '../src/iso-time.js';

describe('isoTime: toISOString without the time-zone set-up', () => {
  const edges = [
    0,
    -1,
    1,
    Date.UTC(2026, 11, 6, 12, 0, 0, 0),
    Date.UTC(2024, 1, 29, 23, 59, 59, 999),
    Date.UTC(2000, 0, 1),
    Date.UTC(0, 0, 1) - 1, // the last millisecond of year -1: six-digit signed year
    new Date('0000-01-01T00:00:00.000Z').getTime(), // year 0
    Date.UTC(9999, 11, 31, 23, 59, 59, 999),
    Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1, // year 10000: +010000
    8.64e15,
    -8.64e15,
  ];

  it.each(edges)('writes %d as toISOString does', (t) => {
    expect(isoTime(t)).toBe(new Date(t).toISOString());
    expect(isoTime(new Date(t))).toBe(new Date(t).toISOString());
    expect(isoDay(t)).toBe(new Date(t).toISOString().slice(0, 10));
  });

  it('agrees with toISOString on 20,000 times across years 0 to 9999', () => {
    let x = 7;
    const random = () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
    const lo = new Date('0000-01-01T00:00:00.000Z').getTime();
    const hi = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
    for (let i = 0; i < 20_000; i++) {
      const t = Math.floor(lo + random() * (hi - lo));
      if (isoTime(t) !== new Date(t).toISOString()) expect(isoTime(t)).toBe(new Date(t).toISOString());
    }
  });

  it('throws the same RangeError for an invalid date', () => {
    expect(() => isoTime(NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
  });
});
