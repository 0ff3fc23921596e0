#!/usr/bin/env node
// Bundles src/ into lib/ for the installed command (esbuild). Dependencies stay in node_modules,
// except ts-fsrs inside the quick entry. tsc still type-checks and emits dist/ for the scripts
// and tests.
//
//   lib/cli.js, lib/*.js   the full program: one ES module per lazily loaded part (each command)
//                          instead of ~150 small ones
//   lib/quick.cjs          the quick entry for `next`, `status`, `plan` (src/quick.ts): one
//                          CommonJS file, no commander, run with a V8 code cache
//   lib/quick-start.cjs    what bin/pyroad.js loads first: picks the entry, keeps the code cache
//
// Every file of one build carries the same build id, so the two bundles share the caches of
// the roadmap and the journal (src/cache-file.ts, buildKey).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';

const outdir = new URL('../lib/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
const { dependencies, version } = (await import('../package.json', { with: { type: 'json' } })).default;
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  define: {
    __PYROAD_BUILD__: JSON.stringify(`${Date.now().toString(36)}-${process.pid}`),
    __PYROAD_VERSION__: JSON.stringify(version),
  },
};

/** CommonJS has no import.meta: its URL is the file's own, as it would be for an ES module. */
const commonjs = {
  ...common,
  format: 'cjs',
  define: { ...common.define, 'import.meta.url': '__pyroad_import_meta_url' },
  // Strict, like the ES modules it is built from ("use strict" must come first to count).
  banner: { js: `'use strict';\nconst __pyroad_import_meta_url = require('node:url').pathToFileURL(__filename).href;` },
  minify: true,
  external: Object.keys(dependencies).filter((name) => name !== 'ts-fsrs'),
};
await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli.ts'],
    outdir,
    splitting: true,
    format: 'esm',
    packages: 'external',
    chunkNames: '[name]-[hash]',
  }),
  build({ ...commonjs, entryPoints: ['src/quick.ts'], outfile: `${outdir}quick.cjs` }),
  build({ ...commonjs, entryPoints: ['src/quick-start.ts'], outfile: `${outdir}quick-start.cjs` }),
]);
