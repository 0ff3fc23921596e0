import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrap, wrapSegments } from '../../src/render/text.js';

const widths = (text: string) => text.split('\n').map((line) => stringWidth(line));

describe('wrap breaks a word wider than the line', () => {
  it('breaks a run of CJK text without spaces by display width', () => {
    const text = '繰り返し処理。forループとwhileループ、range、enumerate、zipを学びます。';
    const out = wrap(text, 20);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(20);
    expect(out.replace(/\n/g, '')).toBe(text); // nothing lost or added
  });

  it('never splits an emoji, a surrogate pair or a combining mark', () => {
    const text = `${'🧑‍💻👩🏽‍🔬é̃'.repeat(10)}`;
    const out = wrap(text, 21);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(21);
    expect(out).not.toContain('\ufffd');
    // No half of a surrogate pair at either end of a line.
    for (const line of out.split('\n')) expect(line).not.toMatch(/^[\udc00-\udfff]|[\ud800-\udbff]$/);
    expect(out.replace(/\n/g, '')).toBe(text);
  });

  it('breaks a long URL onto lines of its own, under the indent', () => {
    const url = 'https://docs.python.org/3/tutorial/controlflow.html#defining-functions';
    const out = wrap(`See ${url}`, 30, '    ');
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(30);
    const [first, ...rest] = out.split('\n');
    expect(first).toBe('    See');
    expect(rest.map((line) => line.replace(/^ {4}/, '')).join('')).toBe(url);
  });

  it('keeps colour codes whole and out of the count', () => {
    const red = (s: string) => `\u001b[31m${s}\u001b[39m`;
    const out = wrapSegments([[`${'x'.repeat(50)}`, red]], 20);
    for (const line of out.split('\n')) {
      expect(stringWidth(line)).toBeLessThanOrEqual(20);
      // Every escape is whole: ESC [ digits m.
      for (const at of line.split('\u001b').slice(1)) expect(at).toMatch(/^\[\d+m/);
    }
  });
});
