import { Command, Option } from 'commander';
import { describe, expect, it } from 'vitest';
import { complete, roadmapIds } from '../../src/completion/complete.js';
import { completionTree } from '../../src/completion/tree.js';

// A program shaped like pyroad's, built with commander: completion reads only this tree.
function program(): Command {
  const p = new Command('pyroad').option('--roadmap <file>', 'roadmap').option('--home <dir>', 'home');
  p.command('show').argument('<id>', 'an area or topic id');
  p.command('next').option('--area <id>', 'only this area').option('--limit <n>', 'how many').option('--json');
  p.command('export').addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'csv']));
  p.command('__complete', { hidden: true });
  return p;
}
const ids = roadmapIds(
  {
    areas: [
      { id: 'python', topics: [{ id: 'python-functions' }, { id: 'todo-api', project: {} }] },
      { id: 'sql', topics: [{ id: 'sql-joins' }, { id: 'notes-api', project: { checks: [{}] } }] },
    ],
  },
  ['squares', 'stack'],
);
const words = (tree: Command, ...typed: string[]) => {
  const r = complete(completionTree(tree), typed, ids);
  return r.kind === 'words' ? r.words : `:${r.kind}`;
};

describe('complete', () => {
  it('offers the visible commands, and a command added later with no other change', () => {
    const p = program();
    expect(words(p, '')).toEqual(['show', 'next', 'export', 'help']);
    p.command('cohort').argument('<files...>', 'export files or folders');
    expect(words(p, 'co')).toEqual(['cohort']);
    expect(words(p, 'cohort', 'a.json', '')).toBe(':file');
  });

  it('offers ids by what the argument or option names: any id, areas, projects', () => {
    expect(words(program(), 'show', 'py')).toEqual(['python', 'python-functions']);
    expect(words(program(), 'show', 't')).toEqual(['todo-api']);
    expect(words(program(), 'next', '--area', '')).toEqual(['python', 'sql']);
    const p = program();
    p.command('check').argument('<project>', 'a project id');
    expect(words(p, 'check', '')).toEqual(['todo-api', 'notes-api']);
  });

  it('offers only projects with checks, exercise ids, and listed words with dots', () => {
    const p = program();
    p.command('check').argument('<project>', 'a project with checks');
    const practice = p.command('practice').argument('[id]', 'an exercise to start');
    practice.command('hint').argument('<id>', 'the exercise');
    p.command('config').command('set').argument('<key>', 'one of: color, practice.dir, practice.python, name');
    expect(words(p, 'check', '')).toEqual(['notes-api']);
    expect(words(p, 'practice', '')).toEqual(['hint', 'help', 'squares', 'stack']);
    expect(words(p, 'practice', 'hint', 'sq')).toEqual(['squares']);
    expect(words(p, 'config', 'set', 'pr')).toEqual(['practice.dir', 'practice.python']);
    expect(words(p, 'config', 'set', '')).toEqual(['color', 'practice.dir', 'practice.python', 'name']);
  });

  it('offers options (the command’s and the global ones) and their values', () => {
    expect(words(program(), 'next', '--')).toEqual(['--area', '--limit', '--json', '--help', '--roadmap', '--home']);
    expect(words(program(), 'export', '-f', '')).toEqual(['json', 'csv']);
    expect(words(program(), 'export', '--format=c')).toEqual(['--format=csv']);
    expect(words(program(), '--home', '')).toBe(':dir');
    expect(words(program(), '--roadmap', 'x.yaml', 'sh')).toEqual(['show']);
    // --limit takes a number: nothing to offer, and its value is not taken for a command.
    expect(words(program(), 'next', '--limit', '')).toEqual([]);
    expect(words(program(), 'next', '--limit', '3', '--j')).toEqual(['--json']);
  });
});
