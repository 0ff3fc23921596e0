import Conf from 'conf';

/**
 * A small JSON file of pyroad's own (settings, consents) kept by conf: atomic writes, mode 600,
 * keys taken literally (a dot is part of a key, as in `practice.dir`), an invalid file left for the
 * caller to report rather than silently cleared, no watching. conf has no locking: nothing that
 * must not be lost goes here (that is the journal's job).
 */
export function confFile<T extends Record<string, unknown>>(configDir: string, name: string): Conf<T> {
  return new Conf<T>({
    cwd: configDir,
    configName: name,
    projectSuffix: '',
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: false,
    watch: false,
  });
}
