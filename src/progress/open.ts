import type { Context } from '../context.js';
import { ProgressStore } from './store.js';

/** The store as commands use it: stamps in the cache folder, warnings on stderr, the run's clock. */
export const openStore = (ctx: Pick<Context, 'paths' | 'warn' | 'now'>): ProgressStore =>
  new ProgressStore(ctx.paths.progressFile, {
    cacheDir: ctx.paths.cacheDir,
    warn: ctx.warn,
    now: () => ctx.now(),
  });
