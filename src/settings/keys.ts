import { hasControlOrBidi } from '../render/untrusted.js';
import { resolve } from 'node:path';

/**
 * The learner's preferences: one table of keys, their defaults and how to read a value typed on
 * the command line. Pure; the conf-backed store is in store.ts, the fast reader in read.ts.
 */
export interface SettingDef<T> {
  description: string;
  default: T;
  /** Turns a command-line string into a value, or returns an error message. */
  parse(raw: string): T | { error: string };
  /** Checks a value read from the settings file. */
  valid(value: unknown): value is T;
  allowed: string;
}

const intSetting = (description: string, def: number, min: number, max: number): SettingDef<number> => ({
  description,
  default: def,
  allowed: `a whole number from ${min} to ${max}`,
  parse(raw) {
    const n = Number(raw);
    return Number.isInteger(n) && n >= min && n <= max ? n : { error: `must be a whole number from ${min} to ${max}` };
  },
  valid: (v): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max,
});

const boolSetting = (description: string, def: boolean): SettingDef<boolean> => ({
  description,
  default: def,
  allowed: 'true or false; on/off and yes/no work too',
  parse(raw) {
    const v = raw.trim().toLowerCase();
    if (['true', 'on', 'yes', '1'].includes(v)) return true;
    if (['false', 'off', 'no', '0'].includes(v)) return false;
    return { error: 'must be true or false' };
  },
  valid: (v): v is boolean => typeof v === 'boolean',
});

/** Hours a week: a number from 1 to 80, halves allowed ("7.5"). */
export const HOURS_PER_WEEK = { min: 1, max: 80 } as const;
export function parseHoursPerWeek(raw: string): number | { error: string } {
  const n = /^\s*\d+(\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return n >= HOURS_PER_WEEK.min && n <= HOURS_PER_WEEK.max && Number.isInteger(n * 2)
    ? n
    : { error: `must be a number of hours from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max}, in halves (e.g. 7.5)` };
}

const hoursSetting = (description: string, def: number): SettingDef<number> => ({
  description,
  default: def,
  allowed: `a number of hours from ${HOURS_PER_WEEK.min} to ${HOURS_PER_WEEK.max} (halves allowed, e.g. 7.5)`,
  parse: parseHoursPerWeek,
  valid: (v): v is number =>
    typeof v === 'number' && v >= HOURS_PER_WEEK.min && v <= HOURS_PER_WEEK.max && Number.isInteger(v * 2),
});

const plainText = (v: unknown): v is string => typeof v === 'string' && !hasControlOrBidi(v);

const pathSetting = (description: string): SettingDef<string> => ({
  description,
  default: '',
  allowed: 'a file path, or "" for the shipped roadmap',
  // Stored absolute: a relative path would mean something else in another folder.
  parse: (raw) =>
    hasControlOrBidi(raw) ? { error: 'must not contain control characters' } : raw.trim() === '' ? '' : resolve(raw),
  valid: plainText,
});

const folderSetting = (description: string): SettingDef<string> => ({
  description,
  default: '',
  allowed: 'a folder path, or "" for the default',
  parse: (raw) =>
    hasControlOrBidi(raw) ? { error: 'must not contain control characters' } : raw.trim() === '' ? '' : resolve(raw),
  valid: plainText,
});

const commandSetting = (description: string): SettingDef<string> => ({
  description,
  default: '',
  allowed: 'a program name on PATH or a path to it, or "" for python3',
  parse: (raw) => (hasControlOrBidi(raw) ? { error: 'must not contain control characters' } : raw.trim()),
  valid: plainText,
});

/** The learner's name for a mentor: one line of plain text, at most 80 characters. */
const nameSetting = (description: string): SettingDef<string> => ({
  description,
  default: '',
  allowed: 'your name as a mentor should see it (one line, at most 80 characters), or "" for none',
  parse: (raw) =>
    hasControlOrBidi(raw)
      ? { error: 'must not contain control characters' }
      : raw.trim().length > 80
        ? { error: 'must be at most 80 characters' }
        : raw.trim(),
  valid: (v): v is string => plainText(v) && v.length <= 80,
});

export const SETTINGS = {
  questionsPerTopic: intSetting('Questions asked per topic in `pyroad assess` (as --questions).', 4, 1, 50),
  nextLimit: intSetting('How many recommendations `pyroad next` shows (as --limit).', 3, 1, 100),
  roadmap: pathSetting('Roadmap file used when --roadmap and PYROAD_ROADMAP are not given.'),
  color: boolSetting('Colour in terminal output (--no-color, FORCE_COLOR and NO_COLOR override it).', true),
  'practice.dir': folderSetting('Folder where `pyroad practice` writes exercise files (as --dir).'),
  'practice.python': commandSetting('Python interpreter `pyroad practice check` runs (as --python; default python3).'),
  name: nameSetting('Your name in `pyroad export`, so that `pyroad cohort` shows it instead of the file name.'),
  'plan.hoursPerWeek': hoursSetting('Hours a week you study, for `pyroad plan` (as --hours-per-week).', 8),
} as const;

export type SettingKey = keyof typeof SETTINGS;
export type Settings = { [K in SettingKey]: (typeof SETTINGS)[K]['default'] };
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

export function defaultSettings(): Settings {
  return Object.fromEntries(SETTING_KEYS.map((k) => [k, SETTINGS[k].default])) as Settings;
}
