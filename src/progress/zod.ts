import { createRequire } from 'node:module';
import type { z } from 'zod';

let zod: typeof z | undefined;

/**
 * zod, loaded on first use. ProgressStore.load() is synchronous and must not pay ~70 ms for zod
 * when the journal was validated before (see stamp.ts); an ESM `import()` would make it async, so
 * the progress code requires zod's CommonJS build, once, only when it has something to validate.
 */
export function requireZod(): typeof z {
  return (zod ??= (createRequire(import.meta.url)('zod') as { z: typeof z }).z);
}
