import type Conf from 'conf';
import { confFile } from './conf-file.js';
import { dataError, usageError } from '../errors.js';
import { didYouMean } from '../didyoumean.js';
import type { Paths } from '../paths.js';
import { SETTINGS, SETTING_KEYS, defaultSettings, type SettingKey, type Settings } from './keys.js';
import { jsonSyntaxMessage } from '../json-error.js';

/**
 * The learner's preferences, read and written through conf (atomic writes) in
 * `settings.json` of the config folder, a file of its own: a problem here never touches progress.
 * Only `pyroad config` loads this module (conf costs ~200 ms to import); other commands read the
 * file with read.ts.
 */
export interface SettingEntry {
  key: SettingKey;
  value: Settings[SettingKey];
  isDefault: boolean;
  description: string;
  allowed: string;
}

export class SettingsStore {
  private readonly conf: Conf<Partial<Settings>>;

  constructor(
    readonly file: string,
    configDir: string,
  ) {
    try {
      this.conf = confFile<Partial<Settings>>(configDir, 'settings');
    } catch (error) {
      throw unusable(file, error);
    }
  }

  /** Every setting with its value (the default when unset or invalid in the file). */
  list(): SettingEntry[] {
    const stored = this.read();
    const defaults = defaultSettings();
    return SETTING_KEYS.map((key) => {
      const raw = stored[key];
      const valid = raw !== undefined && SETTINGS[key].valid(raw);
      return {
        key,
        value: valid ? (raw as Settings[SettingKey]) : defaults[key],
        isDefault: !valid,
        description: SETTINGS[key].description,
        allowed: SETTINGS[key].allowed,
      };
    });
  }

  get(key: string): SettingEntry {
    const known = checkKey(key);
    return this.list().find((e) => e.key === known)!;
  }

  /** Parses and stores a value typed on the command line; a bad key or value is a usage error. */
  set(key: string, raw: string): SettingEntry {
    const known = checkKey(key);
    const parsed = SETTINGS[known].parse(raw);
    if (typeof parsed === 'object' && parsed !== null && 'error' in parsed)
      throw usageError(`"${raw}" is not a valid value for ${known}; allowed: ${SETTINGS[known].allowed}`);
    this.read(); // refuse to rewrite a file that cannot be read
    try {
      this.conf.set(known, parsed);
    } catch (error) {
      throw cannotWrite(this.file, error);
    }
    return this.get(known);
  }

  /** Back to the default. */
  unset(key: string): SettingEntry {
    const known = checkKey(key);
    this.read();
    try {
      this.conf.delete(known);
    } catch (error) {
      throw cannotWrite(this.file, error);
    }
    return this.get(known);
  }

  private read(): Partial<Record<SettingKey, unknown>> {
    let store: unknown;
    try {
      store = this.conf.store;
    } catch (error) {
      throw unusable(this.file, error);
    }
    if (store === null || typeof store !== 'object' || Array.isArray(store))
      throw unusable(this.file, new Error('it does not hold a JSON object'));
    return store as Partial<Record<SettingKey, unknown>>;
  }
}

export function checkKey(key: string): SettingKey {
  if ((SETTING_KEYS as string[]).includes(key)) return key as SettingKey;
  throw usageError(
    `unknown setting "${key}"${didYouMean(key, SETTING_KEYS)}; the settings are: ${SETTING_KEYS.join(', ')}`,
  );
}

function unusable(file: string, error: unknown) {
  const reason =
    error instanceof SyntaxError
      ? `it is not valid JSON (${jsonSyntaxMessage(error)})`
      : (error as NodeJS.ErrnoException).code === 'EISDIR'
        ? 'it is a directory'
        : (error as NodeJS.ErrnoException).code === 'EACCES'
          ? 'permission denied'
          : (error as Error).message;
  return dataError(`cannot use the settings file ${file}: ${reason}`, [
    '  pyroad has not changed it (your progress is kept elsewhere and is not affected). Fix it, or delete it to go back to the defaults.',
  ]);
}

function cannotWrite(file: string, error: unknown) {
  const code = (error as NodeJS.ErrnoException).code;
  return dataError(
    `cannot save the settings file ${file}: ${code === 'EACCES' || code === 'EPERM' ? `permission denied (${code})` : (error as Error).message}`,
    ['  Nothing was changed. Make its folder writable, or use --home to keep settings elsewhere.'],
  );
}

export const openSettings = (paths: Paths): SettingsStore => new SettingsStore(paths.settingsFile, paths.configDir);
