import { describe, expect, it } from 'vitest';
import { fitHelpText, helpWidth } from '../../src/render/help.js';

describe('help text at the terminal width', () => {
  it('takes the width from the terminal, else COLUMNS, else 80, within 40..120', () => {
    expect(helpWidth({ isTTY: true, columns: 50 }, { COLUMNS: '90' })).toBe(50);
    expect(helpWidth({ isTTY: false, columns: 50 }, { COLUMNS: '90' })).toBe(90);
    expect(helpWidth({}, {})).toBe(80);
    expect(helpWidth({ isTTY: true, columns: 20 }, {})).toBe(40);
    expect(helpWidth({ isTTY: true, columns: 300 }, {})).toBe(120);
  });

  it('breaks an example command with shell continuations, never inside a quoted argument', () => {
    const text = '  $ pyroad apply update 1 rejected --note "wanted more SQL" --on 2026-03-09';
    expect(fitHelpText(text, 40).split('\n')).toEqual([
      '  $ pyroad apply update 1 rejected \\',
      '      --note "wanted more SQL" --on \\',
      '      2026-03-09',
    ]);
  });

  it('puts the description of a listed command under it when both do not fit', () => {
    const text = '  $ pyroad assess        rate yourself and answer questions, one area at a time';
    expect(fitHelpText(text, 40).split('\n')).toEqual([
      '  $ pyroad assess',
      '      rate yourself and answer',
      '      questions, one area at a time',
    ]);
  });

  it('joins and wraps again a note written for a wide terminal; leaves what fits alone', () => {
    const note =
      'A link is checked for form, never fetched: https, or http on localhost only. Anything else is a\nfile path.';
    expect(fitHelpText(note, 40).split('\n')).toEqual([
      'A link is checked for form, never',
      'fetched: https, or http on localhost',
      'only. Anything else is a file path.',
    ]);
    expect(fitHelpText(note, 120)).toBe(note);
    expect(fitHelpText('Examples:\n  $ pyroad next', 40)).toBe('Examples:\n  $ pyroad next');
  });
});
