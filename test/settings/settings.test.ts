import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SETTINGS, SETTING_KEYS, defaultSettings } from '../../src/settings/keys.js';
import { readSettings } from '../../src/settings/read.js';
import { SettingsStore } from '../../src/settings/store.js';
import type { PyroadError } from '../../src/errors.js';
import { run, tempHome } from '../progress/helpers.js';

let home: ReturnType<typeof tempHome>;
beforeEach(() => (home = tempHome()));
afterEach(() => home.cleanup());
const settingsFile = () => join(home.dir, 'settings.json');
const store = () => new SettingsStore(settingsFile(), home.dir);

describe('setting keys', () => {
  it('covers the preferences the issue asks for, each with a default that is valid', () => {
    expect(SETTING_KEYS).toEqual([
      'questionsPerTopic',
      'nextLimit',
      'roadmap',
      'color',
      'practice.dir',
      'practice.python',
      'name',
      'plan.hoursPerWeek',
    ]);
    for (const key of SETTING_KEYS) expect(SETTINGS[key].valid(defaultSettings()[key])).toBe(true);
  });

  it.each([
    ['nextLimit', '5', 5],
    ['nextLimit', ' 7 ', 7],
    ['questionsPerTopic', '20', 20],
    ['color', 'off', false],
    ['color', 'YES', true],
    ['roadmap', '', ''],
    ['plan.hoursPerWeek', '10', 10],
    ['plan.hoursPerWeek', '7.5', 7.5],
    ['roadmap', 'my.yaml', resolve('my.yaml')],
    ['name', '  Ada Lovelace ', 'Ada Lovelace'],
    ['name', '', ''],
  ] as const)('%s %j parses to %j', (key, raw, value) => {
    expect(SETTINGS[key].parse(raw)).toEqual(value);
  });

  it.each([
    ['nextLimit', '0'],
    ['nextLimit', '101'],
    ['nextLimit', '2.5'],
    ['nextLimit', 'five'],
    ['questionsPerTopic', ''],
    ['color', 'maybe'],
    ['name', 'Ada\u001b[31m'],
    ['name', 'x'.repeat(81)],
    ['plan.hoursPerWeek', '0'],
    ['plan.hoursPerWeek', '-3'],
    ['plan.hoursPerWeek', '7.3'],
    ['plan.hoursPerWeek', '81'],
  ] as const)('%s %j is refused', (key, raw) => {
    expect(SETTINGS[key].parse(raw)).toHaveProperty('error');
  });
});

describe('SettingsStore (conf)', () => {
  it('sets, gets and unsets values in settings.json (mode 0600)', () => {
    expect(store().get('nextLimit')).toMatchObject({ value: 3, isDefault: true });
    store().set('nextLimit', '5');
    expect(store().get('nextLimit')).toMatchObject({ value: 5, isDefault: false });
    expect(JSON.parse(readFileSync(settingsFile(), 'utf8'))).toEqual({ nextLimit: 5 });
    expect(statSync(settingsFile()).mode & 0o777).toBe(0o600);
    expect(readSettings(settingsFile()).settings.nextLimit).toBe(5);
    store().unset('nextLimit');
    expect(store().get('nextLimit').isDefault).toBe(true);
  });

  it('a bad key or value is a usage error (exit 2) naming what is allowed', () => {
    const error = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return e as PyroadError;
      }
      throw new Error('expected an error');
    };
    const key = error(() => store().set('nxtLimit', '4'));
    expect(key.exitCode).toBe(2);
    expect(key.message).toBe(
      'unknown setting "nxtLimit" (did you mean "nextLimit"?); the settings are: questionsPerTopic, nextLimit, roadmap, color, practice.dir, practice.python, name, plan.hoursPerWeek',
    );
    const value = error(() => store().set('nextLimit', '999'));
    expect(value.exitCode).toBe(2);
    expect(value.message).toBe('"999" is not a valid value for nextLimit; allowed: a whole number from 1 to 100');
    expect(existsSync(settingsFile())).toBe(false);
  });

  it('never rewrites a settings file it cannot read (exit 1), and progress is not involved', () => {
    writeFileSync(settingsFile(), '{"nextLimit": 5,');
    let caught: PyroadError | undefined;
    try {
      store().set('color', 'off');
    } catch (e) {
      caught = e as PyroadError;
    }
    expect(caught?.exitCode).toBe(1);
    expect(caught?.message).toMatch(/cannot use the settings file .*settings\.json: it is not valid JSON/);
    expect(readFileSync(settingsFile(), 'utf8')).toBe('{"nextLimit": 5,');
    expect(existsSync(join(home.dir, 'progress.jsonl'))).toBe(false);
  });

  it('lists invalid stored values as defaults', () => {
    writeFileSync(settingsFile(), JSON.stringify({ nextLimit: 500, color: false }));
    const list = Object.fromEntries(
      store()
        .list()
        .map((e) => [e.key, [e.value, e.isDefault]]),
    );
    expect(list).toEqual({
      questionsPerTopic: [4, true],
      nextLimit: [3, true],
      roadmap: ['', true],
      color: [false, false],
      'practice.dir': ['', true],
      'practice.python': ['', true],
      name: ['', true],
      'plan.hoursPerWeek': [8, true],
    });
  });
});

describe('pyroad config and where', () => {
  it('config set / get / list --json / unset', async () => {
    const h = { home: home.dir };
    expect((await run(['config', 'set', 'nextLimit', '6'], h)).stdout).toBe('✓ nextLimit = 6\n');
    expect((await run(['config', 'get', 'nextLimit'], h)).stdout).toBe('6\n');
    expect(JSON.parse((await run(['config', 'list', '--json'], h)).stdout)).toEqual({
      questionsPerTopic: 4,
      nextLimit: 6,
      roadmap: '',
      color: true,
      'practice.dir': '',
      'practice.python': '',
      name: '',
      'plan.hoursPerWeek': 8,
    });
    const list = await run(['config'], h);
    expect(list.stdout).toMatch(/^nextLimit\s+6\s+How many recommendations/m);
    expect(list.stdout).toMatch(/^color\s+true\s+\(default\)/m);
    expect((await run(['config', 'unset', 'nextLimit'], h)).stdout).toBe('✓ nextLimit = 3 (default)\n');
  });

  it('config usage errors exit 2', async () => {
    const h = { home: home.dir };
    const bad = await run(['config', 'set', 'color', 'purple'], h);
    expect([bad.code, bad.stderr]).toEqual([
      2,
      'pyroad: "purple" is not a valid value for color; allowed: true or false; on/off and yes/no work too\n',
    ]);
    const action = await run(['config', 'lst'], h);
    expect(action.code).toBe(2);
    expect(action.stderr).toContain('unknown config action "lst" (did you mean "list"?)');
    expect((await run(['config', 'get'], h)).code).toBe(2);
    expect((await run(['config', 'get', 'colour'], h)).stderr).toContain('(did you mean "color"?)');
  });

  it('where prints the settings file, the progress file and the cache folder', async () => {
    mkdirSync(join(home.dir, 'cache'));
    const r = await run(['where'], { home: home.dir });
    expect(r.stdout).toContain(`settings  ${join(home.dir, 'settings.json')} (not created yet)\n`);
    expect(r.stdout).toContain(`progress  ${join(home.dir, 'progress.jsonl')} (not created yet)\n`);
    expect(r.stdout).toContain(`cache     ${join(home.dir, 'cache')}\n`);
    const json = JSON.parse((await run(['where', '--json'], { home: home.dir })).stdout);
    expect(json).toMatchObject({
      home: home.dir,
      settings: join(home.dir, 'settings.json'),
      progress: join(home.dir, 'progress.jsonl'),
    });
  });
});
