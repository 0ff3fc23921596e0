import { describe, expect, it } from 'vitest';
import { quickLine } from '../src/quick-line.js';

describe('quickLine: which command lines the quick entry runs', () => {
  it.each([
    [['next'], { name: 'next', json: false }],
    [['status', '--json'], { name: 'status', json: true }],
    [['plan'], { name: 'plan', json: false }],
  ])('%j runs quick', (argv, expected) => {
    expect(quickLine(argv, {})).toEqual(expected);
  });

  it.each([
    [[]],
    [['assess']],
    [['--json', 'status']],
    [['status', '--jsn']],
    [['status', '--json', '--json']],
    [['next', '-n', '2']],
    [['plan', '--until', '2027-01-01']],
    [['--home', '/x', 'next']],
    [['help', 'next']],
    [['next', '--help']],
    [['toString']],
    [['constructor']],
  ])('%j goes to the full program', (argv) => {
    expect(quickLine(argv, {})).toBeUndefined();
  });

  it('DEBUG=pyroad sends everything to the full program; other DEBUG values do not', () => {
    expect(quickLine(['status'], { DEBUG: 'pyroad' })).toBeUndefined();
    expect(quickLine(['status'], { DEBUG: 'express, pyroad' })).toBeUndefined();
    expect(quickLine(['status'], { DEBUG: 'pyroadx' })).toEqual({ name: 'status', json: false });
    expect(quickLine(['status'], { DEBUG: 'express' })).toEqual({ name: 'status', json: false });
  });
});
