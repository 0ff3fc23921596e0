import { join } from 'node:path';
import type { Context } from '../context.js';

/** The practice folder: --dir, else the practice.dir setting, else `practice` in pyroad's data folder. */
export const practiceDir = (ctx: Pick<Context, 'settings' | 'paths'>, dir?: string): string =>
  dir || ctx.settings['practice.dir'] || join(ctx.paths.dataDir, 'practice');
