import { usageError } from './errors.js';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** Where pyroad keeps its files. Everything is derived here so tests can point it at a temp folder. */
export interface Paths {
  /** Set when `--home` / `PYROAD_HOME` put everything in one folder. */
  home?: string;
  configDir: string;
  dataDir: string;
  cacheDir: string;
  /** Preferences, written through conf. */
  settingsFile: string;
  /** The progress journal. */
  progressFile: string;
}

type Env = Record<string, string | undefined>;

function userHome(env: Env, platform: NodeJS.Platform): string {
  const home = (platform === 'win32' ? env.USERPROFILE || env.HOME : env.HOME)?.trim();
  if (!home)
    throw usageError(
      `${platform === 'win32' ? 'USERPROFILE' : 'HOME'} is not set, so pyroad cannot tell where your files live; set it, or give --home DIR (or PYROAD_HOME)`,
    );
  return home;
}

/** The platform's per-user folders, following the env-paths conventions that conf uses. */
function platformDirs(env: Env, platform: NodeJS.Platform, home: string) {
  const name = 'pyroad';
  if (platform === 'darwin') {
    const library = join(home, 'Library');
    return {
      configDir: join(library, 'Preferences', name),
      dataDir: join(library, 'Application Support', name),
      cacheDir: join(library, 'Caches', name),
    };
  }
  if (platform === 'win32') {
    const appData = env.APPDATA ?? join(home, 'AppData', 'Roaming');
    const localAppData = env.LOCALAPPDATA ?? join(home, 'AppData', 'Local');
    return {
      configDir: join(appData, name, 'Config'),
      dataDir: join(localAppData, name, 'Data'),
      cacheDir: join(localAppData, name, 'Cache'),
    };
  }
  return {
    configDir: join(env.XDG_CONFIG_HOME || join(home, '.config'), name),
    dataDir: join(env.XDG_DATA_HOME || join(home, '.local', 'share'), name),
    cacheDir: join(env.XDG_CACHE_HOME || join(home, '.cache'), name),
  };
}

/**
 * The folders in use: `--home`, else PYROAD_HOME, else the platform's per-user folders under the
 * HOME that `env` names. Everything comes from the arguments, never from the process's own
 * environment or the account database, so a test's temporary environment is all this sees.
 */
export function resolvePaths(homeOption: string | undefined, env: Env, platform: NodeJS.Platform): Paths {
  const home = homeOption || env.PYROAD_HOME || undefined;
  const dirs = home
    ? { configDir: resolve(home), dataDir: resolve(home), cacheDir: join(resolve(home), 'cache') }
    : platformDirs(env, platform, userHome(env, platform));
  return {
    ...(home ? { home: resolve(home) } : {}),
    ...dirs,
    settingsFile: join(dirs.configDir, 'settings.json'),
    progressFile: join(dirs.dataDir, 'progress.jsonl'),
  };
}

/** How a file is named in messages: relative to the working folder when it is below it. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
