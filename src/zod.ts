import { createRequire } from 'node:module';
import type { z } from 'zod';

let zod: typeof z | undefined;

/**
 * zod, loaded on first use, and always through here so that one process never holds two copies.
 * The hot path must not pay ~70 ms for zod when the roadmap cache and the journal's stamp are
 * fresh, and ProgressStore.load() is synchronous, so an ESM `import()` will not do: pyroad
 * requires zod's CommonJS build, once, only when it has something to validate.
 */
export function requireZod(): typeof z {
  return (zod ??= (createRequire(import.meta.url)('zod') as { z: typeof z }).z);
}
