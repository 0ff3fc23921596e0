import { describe, expect, it } from 'vitest';
import { guardOutput, hasControlOrBidi, safeJson, untrusted, visible } from '../../src/render/untrusted.js';

const ESC = '\x1b';
const BEL = '\x07';

describe('untrusted: foreign text is shown, never obeyed', () => {
  it.each([
    ['a window title (OSC 0)', `${ESC}]0;PWNED${BEL}`, '\\x1b]0;PWNED\\x07'],
    ['a hyperlink (OSC 8)', `${ESC}]8;;http://evil.example/${BEL}link`, '\\x1b]8;;http://evil.example/\\x07link'],
    ['clear screen', `${ESC}[2J`, '\\x1b[2J'],
    ['hidden text', `${ESC}[8msecret`, '\\x1b[8msecret'],
    ['a C1 CSI', '\x9b2J', '\\x9b2J'],
    ['DEL', 'a\x7fb', 'a\\x7fb'],
    ['a carriage return that would overwrite the line', 'safe\rrm -rf', 'safe\\rrm -rf'],
    ['right-to-left override', 'abc\u202edef', 'abc\\u202edef'],
    ['a zero-width space', 'pass\u200bword', 'pass\\u200bword'],
    ['a byte-order mark', '\ufeffid', '\\ufeffid'],
  ])('%s', (_, input, shown) => {
    expect(untrusted(input)).toBe(shown);
  });

  it('keeps tabs, newlines, wide characters, combining marks and emoji joiners', () => {
    const text = 'line\tone\nデータ é́ 🧑‍💻';
    expect(untrusted(text)).toBe(text);
  });

  it('oneLine also shows newlines and tabs, for titles and ids', () => {
    expect(untrusted('a\nb\tc\u2028d', { oneLine: true })).toBe('a\\nb\\tc\\u2028d');
  });

  it('visible() writes a character the way code would', () => {
    expect(visible(ESC)).toBe('\\x1b');
    expect(visible('\u2066')).toBe('\\u2066');
  });

  it('hasControlOrBidi refuses controls and direction changes, not ordinary text', () => {
    expect(hasControlOrBidi('python-functions')).toBe(false);
    expect(hasControlOrBidi('データ')).toBe(false);
    expect(hasControlOrBidi(`x${ESC}`)).toBe(true);
    expect(hasControlOrBidi('x\u202e')).toBe(true);
    expect(hasControlOrBidi('x\n')).toBe(true);
  });
});

describe('guardOutput: the last check before a byte reaches the terminal', () => {
  const ours = `${ESC}[1mbold${ESC}[22m ${ESC}[31mred${ESC}[39m ${ESC}[2mdim${ESC}[22m`;

  it("with colour on, pyroad's own colour codes pass and nothing else does", () => {
    expect(guardOutput(ours, true)).toBe(ours);
    expect(guardOutput(`${ESC}[8mhidden ${ESC}[2J ${ESC}]0;t${BEL}`, true)).toBe(
      '\\x1b[8mhidden \\x1b[2J \\x1b]0;t\\x07',
    );
    // A colour code glued to a foreign sequence does not carry it through.
    expect(guardOutput(`${ESC}[31m${ESC}[5mblink`, true)).toBe(`${ESC}[31m\\x1b[5mblink`);
  });

  it('with colour off, no escape passes, not even a colour code', () => {
    const out = guardOutput(ours, false);
    expect(out).not.toContain(ESC);
    expect(out).toContain('\\x1b[1mbold');
  });

  it('keeps the CR of a CRLF line ending (CSV) but shows a lone CR', () => {
    expect(guardOutput('a,b\r\nc,d\r\n', false)).toBe('a,b\r\nc,d\r\n');
    expect(guardOutput('a\rb', false)).toBe('a\\rb');
  });

  it('returns clean text unchanged', () => {
    const text = 'Readiness: 25%\n  • Loops ✓\n';
    expect(guardOutput(text, false)).toBe(text);
  });
});

describe('safeJson: JSON stays JSON and shows as it means', () => {
  it('escapes C1, bidi and invisible characters, and parses back to the same value', () => {
    const value = { title: `a${ESC}[31mb\x9bc\u202ed\u200be` };
    const json = safeJson(value);
    // eslint-disable-next-line no-control-regex -- the bytes that must not appear
    expect(json).not.toMatch(/[\x1b\x80-\x9f\u202e\u200b]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});
