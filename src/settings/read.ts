import { readFileSync } from 'node:fs';
import { SETTINGS, SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from './keys.js';

export interface SettingsRead {
  settings: Settings;
  /** The keys the file sets (valid ones); the rest are defaults. */
  given?: Set<SettingKey>;
  /** Set when the file exists but cannot be used; commands warn and go on with defaults. */
  problem?: string;
}

/**
 * Reads the settings file that conf writes, without loading conf (and its ajv) on every command.
 * Missing file: defaults. Unreadable or invalid: defaults plus a problem to warn about; the
 * file itself is left alone for `pyroad config` to report.
 */
export function readSettings(file: string): SettingsRead {
  const settings = defaultSettings();
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { settings };
    return {
      settings,
      problem: `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'}); using default settings`,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return {
      settings,
      problem: `${file} is not valid JSON; using default settings (fix it, or delete it to start from the defaults)`,
    };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return { settings, problem: `${file} does not hold a settings object; using default settings` };
  const bad: string[] = [];
  const given = new Set<SettingKey>();
  for (const key of SETTING_KEYS) {
    if (!Object.hasOwn(data, key)) continue;
    const value = (data as Record<string, unknown>)[key];
    if (SETTINGS[key].valid(value)) {
      (settings as Record<string, unknown>)[key] = value;
      given.add(key);
    } else bad.push(key);
  }
  return bad.length ? { settings, given, problem: `${file}: ignoring invalid ${bad.join(', ')}` } : { settings, given };
}
