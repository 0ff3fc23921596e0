import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { wrap, wrapSegments, wrapWhole } from '../../src/render/text.js';

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

  it('never breaks a URL: wider than the line, it runs past the edge on a line of its own', () => {
    const url = 'https://docs.python.org/3/tutorial/controlflow.html#defining-functions';
    const out = wrap(`See ${url} for more`, 30, '    ');
    expect(out.split('\n')).toEqual(['    See', `    ${url}`, '    for more']);
  });

  it('moves a URL that fits to the next line rather than break it', () => {
    const url = 'https://docs.python.org/3/library/';
    const out = wrap(`The reference is at ${url} always`, 45, '  ');
    expect(out.split('\n')).toEqual(['  The reference is at', `  ${url} always`]);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(45);
  });

  it('keeps a painted URL whole in wrapSegments too, under the hang', () => {
    const url = 'https://github.com/example/a-very-long-repository-name-for-loops';
    const out = wrapSegments([['1. Repository: '], [url, (s) => `<${s}>`]], 40, '  ', '     ');
    expect(out.split('\n')).toEqual(['  1. Repository:', `     <${url}>`]);
  });

  it('still breaks a long word that is not a URL', () => {
    const path = `/home/learner/${'very-long-folder-name/'.repeat(3)}roadmap.yaml`;
    const out = wrap(path, 30);
    expect(Math.max(...widths(out))).toBeLessThanOrEqual(30);
    expect(out.replace(/\n/g, '')).toBe(path);
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

describe('wrapWhole wraps a message without breaking a word', () => {
  it('wraps at spaces, continuation lines indented; a path wider than a line stays whole on its own', () => {
    const path = '/home/learner/exports/2026/progress-backup.md';
    const out = wrapWhole(`✓ Exported progress to ${path} (markdown).`, 40);
    expect(out.split('\n')).toEqual(['✓ Exported progress to', `  ${path}`, '  (markdown).']);
  });

  it('leaves a line that fits as it is', () => {
    expect(wrapWhole('✓ Progress cleared.', 40)).toBe('✓ Progress cleared.');
  });
});
