import { describe, expect, it } from 'vitest';
import { fitErrorLines } from '../../src/render/stderr.js';

const LONG =
  "pyroad: unknown topic 'pyhton-modules-packagez' (did you mean 'python-modules-packages'?); `pyroad roadmap` lists them\n";

describe('error lines on stderr', () => {
  it('stay one line each when stderr is not a terminal (scripts grep them)', () => {
    expect(fitErrorLines(LONG, { isTTY: false, columns: 40 })).toBe(LONG);
    expect(fitErrorLines(LONG, {})).toBe(LONG);
  });

  it('wrap at spaces to a terminal 40 columns wide, continuation lines indented', () => {
    const out = fitErrorLines(LONG, { isTTY: true, columns: 40 });
    const lines = out.split('\n');
    expect(lines.at(-1)).toBe(''); // the final newline is kept
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(40);
    expect(lines[0]).toBe('pyroad: unknown topic');
    for (const line of lines.slice(1, -1)) expect(line).toMatch(/^ {2}\S/);
    // Nothing lost: the words read the same.
    expect(out.split(/\s+/).join(' ').trim()).toBe(LONG.trim());
  });

  it('keeps an indented detail line indented and its path whole (past the edge when wider), continuation further in', () => {
    const detail =
      '  /home/learner/roadmaps/company/onboarding.yaml:12:5: choice 1 repeats choice 0 of this question\n';
    const lines = fitErrorLines(detail, { isTTY: true, columns: 50 }).split('\n');
    expect(lines[0]).toBe('  /home/learner/roadmaps/company/onboarding.yaml:12:5:');
    expect(lines[1]).toBe('    choice 1 repeats choice 0 of this question');
  });

  it('leaves lines that fit as they are', () => {
    expect(fitErrorLines('pyroad: interrupted\n', { isTTY: true, columns: 40 })).toBe('pyroad: interrupted\n');
  });
});
