import { readFileSync } from 'node:fs';

/** Set by scripts/bundle.js from package.json; undefined when run from tsc's output. */
declare const __PYROAD_VERSION__: string | undefined;

/**
 * pyroad's own version: built into the bundles (one file read less at every start-up), else read
 * once from the package.json that ships beside dist/.
 */
export const VERSION: string =
  typeof __PYROAD_VERSION__ === 'string'
    ? __PYROAD_VERSION__
    : (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
