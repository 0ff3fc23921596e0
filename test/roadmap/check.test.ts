import { describe, expect, it } from 'vitest';
import { findCycles } from '../../src/roadmap/check.js';

const graph = (edges: Record<string, string[]>) => new Map(Object.entries(edges).map(([id, deps]) => [id, { deps }]));

describe('findCycles', () => {
  it.each([
    ['no edges', { a: [], b: [] }, []],
    ['a chain', { a: ['b'], b: ['c'], c: [] }, []],
    ['a diamond', { a: ['b', 'c'], b: ['d'], c: ['d'], d: [] }, []],
    ['a self-loop', { a: ['a'] }, [['a', 'a']]],
    ['two nodes', { a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['three nodes', { a: ['b'], b: ['c'], c: ['a'] }, [['a', 'b', 'c', 'a']]],
    ['a cycle behind a chain', { x: ['a'], a: ['b'], b: ['a'] }, [['a', 'b', 'a']]],
    ['unknown ids are ignored', { a: ['zzz'] }, []],
  ])('%s', (_name, edges, expected) => {
    expect(findCycles(graph(edges))).toEqual(expected);
  });

  it('walks a 50,000-long chain without overflowing the stack', () => {
    const edges: Record<string, string[]> = {};
    for (let i = 0; i < 50_000; i++) edges[`t${i}`] = i + 1 < 50_000 ? [`t${i + 1}`] : ['t0'];
    const cycles = findCycles(graph(edges));
    expect(cycles).toHaveLength(1);
    expect(cycles[0]).toHaveLength(50_001);
  });
});
