import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { run, tempHome } from './helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());

describe('export options', () => {
  it('takes the format from the --output extension', async () => {
    const md = join(home.dir, 'progress.md');
    const r = await run(['export', '-o', md], { home: home.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('(markdown)');
    expect(readFileSync(md, 'utf8')).toMatch(/^# Progress/);
    const csv = join(home.dir, 'progress.CSV');
    expect((await run(['export', '--output', csv], { home: home.dir })).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).not.toMatch(/^\{/);
  });

  it('refuses a format that contradicts the extension, writing nothing', async () => {
    const file = join(home.dir, 'progress.md');
    const r = await run(['export', '--format', 'json', '-o', file], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('looks like markdown but the format is json');
    expect(existsSync(file)).toBe(false);
  });

  it('does not create missing folders', async () => {
    const file = join(home.dir, 'no', 'such', 'p.csv');
    const r = await run(['export', '-o', file], { home: home.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`pyroad: cannot write ${file}: the folder ${join(home.dir, 'no', 'such')} does not exist\n`);
    expect(existsSync(join(home.dir, 'no'))).toBe(false);
  });

  it('accepts --json, and --format in any case', async () => {
    const json = await run(['export', '--json'], { home: home.dir });
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ format: 'pyroad-export' });
    const md = await run(['export', '--format', 'MD'], { home: home.dir });
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# Progress/);
    const clash = await run(['export', '--json', '--format', 'csv'], { home: home.dir });
    expect(clash.code).toBe(2);
    expect(clash.stderr).toContain('--json and --format csv disagree');
  });
});

describe('hints for slips', () => {
  it('config sett gets a did-you-mean, exit 2', async () => {
    const r = await run(['config', 'sett', 'nextLimit', '5'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('unknown config action "sett" (did you mean "set"?)');
  });

  it('-v hints -V', async () => {
    const r = await run(['-v'], { home: home.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pyroad: unknown option '-v' (did you mean '-V', the version?)\n");
  });
});

describe('reading stdin from a terminal', () => {
  it('import - says it is waiting for input when stdin is a terminal', async () => {
    const r = await run(['import', '-'], { home: home.dir, tty: true, input: '' });
    expect(r.stderr).toContain('pyroad: reading from the terminal: paste the text, then press Ctrl-D');
  });

  it('assess --answers - says so too, and stays quiet when stdin is a pipe', async () => {
    const tty = await run(['assess', '--answers', '-'], { home: home.dir, tty: true, input: '' });
    expect(tty.stderr).toContain('reading from the terminal');
    const pipe = await run(['import', '-'], { home: home.dir, input: '' });
    expect(pipe.stderr).not.toContain('reading from the terminal');
  });
});
