import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SETTING_KEYS } from '../../src/settings/keys.js';
import { BIN, ROOT, childEnv, runCli, tempDir } from '../helpers/cli.js';

// The completion scripts loaded in real shells, which are then asked for completions: the shell
// runs the script's function, the function asks `pyroad __complete`, the shell gets the words.
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const tmp = tempDir();
afterAll(tmp.cleanup);
const home = join(tmp.dir, 'home');
const binDir = join(tmp.dir, 'bin');
mkdirSync(binDir, { recursive: true });
// `pyroad` on the PATH, as an installed package puts it there.
writeFileSync(join(binDir, 'pyroad'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
chmodSync(join(binDir, 'pyroad'), 0o755);
const env = childEnv(home, { PYROAD_ROADMAP: TINY, PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin` });
const have = (shell: string) => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;

function shell(program: string, args: string[], script: string): string[] {
  const r = spawnSync(program, [...args, script], { env, cwd: tmp.dir, encoding: 'utf8', timeout: 20_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.split('\n').filter(Boolean);
}

/** bash: source the script, set the words as readline would, call the function, read COMPREPLY. */
function bash(...words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  return shell(
    '/bin/bash',
    ['--norc', '--noprofile', '-c'],
    `source <(pyroad completion bash)
     fn=$(complete -p pyroad | sed -E 's/.*-F ([^ ]+).*/\\1/')
     COMP_WORDS=(pyroad ${quoted}); COMP_CWORD=${words.length}
     "$fn"; printf '%s\\n' "\${COMPREPLY[@]}"`,
  );
}

/**
 * zsh: load the script through compinit's compdef, then call the function compdef registered
 * for pyroad with the words and cursor zsh would set; compadd (the builtin that offers
 * matches) is replaced by a function printing them, _files by a marker.
 */
function zsh(...words: string[]): string[] {
  const quoted = words.map((w) => `'${w}'`).join(' ');
  return shell(
    'zsh',
    ['-f', '-c'],
    `autoload -Uz compinit && compinit -D -u
     source <(pyroad completion zsh)
     compadd() { while [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@" }
     _files() { print -r -- ":files $*" }
     words=(pyroad ${quoted}); CURRENT=${words.length + 1}
     $_comps[pyroad] || true`,
  );
}

/** fish: `complete -C` asks fish itself what it would offer for a command line. */
function fish(line: string): string[] {
  return shell('fish', ['--no-config', '-c'], `pyroad completion fish | source; complete -C '${line}'`).map(
    (l) => l.split('\t')[0]!,
  );
}

describe.each([
  ['bash', bash, true],
  ['zsh', zsh, have('zsh')],
])('completion in a real %s', (_name, ask, available) => {
  it.runIf(available)('completes commands, including ones other files register', { timeout: 120_000 }, () => {
    expect(ask('')).toEqual(expect.arrayContaining(['assess', 'next', 'status', 'show', 'completion']));
    expect(ask('')).not.toContain('__complete');
    expect(ask('st')).toEqual(['status']);
  });

  it.runIf(available)("completes the roadmap's area and topic ids", { timeout: 120_000 }, () => {
    expect(ask('show', '')).toEqual(['basics', 'web', 'loops', 'functions', 'http']);
    expect(ask('show', 'fu')).toEqual(['functions']);
    expect(ask('next', '--area', '')).toEqual(['basics', 'web']);
  });

  it.runIf(available)('completes options and their listed values', { timeout: 120_000 }, () => {
    expect(ask('next', '--l')).toEqual(['--limit']);
    expect(ask('export', '--format', '')).toEqual(['json', 'markdown', 'csv']);
    expect(ask('mark', 'loops', 'd')).toEqual(['done']);
    expect(ask('config', 'get', 'next')).toEqual(['nextLimit']);
  });

  it.runIf(available)(
    'completes every setting key, projects with checks, exercises and stages',
    { timeout: 120_000 },
    () => {
      expect(ask('config', 'set', '')).toEqual(SETTING_KEYS);
      expect(ask('config', 'set', 'pr')).toEqual(['practice.dir', 'practice.python']);
      expect(ask('config', 'get', 'plan')).toEqual(['plan.hoursPerWeek']);
      expect(ask('apply', 'update', '1', '')).toEqual(['screen', 'interview', 'offer', 'rejected', 'withdrawn']);
      const shipped = join(ROOT, 'data', 'roadmap.yaml');
      const checked = ask('--roadmap', shipped, 'check', '');
      expect(checked).toContain('notes-api-project');
      expect(checked).not.toContain('pypi-package-project');
      expect(checked).not.toContain('platform-app-project');
      expect(ask('--roadmap', shipped, 'practice', 'list-comp')).toEqual(['list-comprehension-squares']);
      expect(ask('--roadmap', shipped, 'practice', 'hint', 'list-comp')).toEqual(['list-comprehension-squares']);
    },
  );

  it.runIf(available)('ids follow --roadmap typed on the line', { timeout: 120_000 }, () => {
    expect(ask('--roadmap', join(ROOT, 'data', 'roadmap.yaml'), 'show', 'sql-q')).toEqual(['sql-queries']);
  });
});

describe('completion in a real fish', () => {
  it.runIf(have('fish'))('completes commands and ids', { timeout: 120_000 }, () => {
    expect(fish('pyroad st')).toEqual(['status']);
    expect(fish('pyroad show fu')).toEqual(['functions']);
  });
});

describe('pyroad completion', () => {
  it('names the shells it knows when given another', () => {
    const r = runCli(['completion', 'bsh'], { home, env: { PYROAD_ROADMAP: TINY } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`pyroad: unknown shell 'bsh' (did you mean "bash"?); give one of: bash, zsh, fish\n`);
    expect(r.stdout).toBe('');
  });

  it('stays silent, exit 0, when the roadmap cannot be read: commands still complete', () => {
    const r = runCli(['__complete', '--', 'sh'], { home, env: { PYROAD_ROADMAP: '/nonexistent/roadmap.yaml' } });
    expect(r).toEqual({ code: 0, stdout: 'show\n', stderr: '' });
    const ids = runCli(['__complete', '--', 'show', ''], { home, env: { PYROAD_ROADMAP: '/nonexistent/r.yaml' } });
    expect(ids).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});
