#!/usr/bin/env node
// pyroad's benchmark. Machines here are noisy, so every figure is a ratio against a baseline
// measured in the same run, with the runs of each command interleaved, and medians reported.
//
//   npm run bench                 all measurements
//   npm run bench -- startup      only the ones whose name contains "startup"
//
// Each measurement is a function below, registered in MEASUREMENTS with its goal.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'pyroad.js');

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Wall time of one process run, in ms. */
export function timeRun(args, env = {}) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

/**
 * Runs each named command `rounds` times, interleaved (a, b, c, a, b, c, ...), after one warm-up
 * run each, and returns the median per name.
 */
export function interleave(commands, rounds = 21) {
  const times = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const [, run] of Object.entries(commands)) run();
  for (let i = 0; i < rounds; i++) for (const [name, run] of Object.entries(commands)) times[name].push(run());
  return Object.fromEntries(Object.entries(times).map(([k, v]) => [k, median(v)]));
}

export function tempHome() {
  const dir = mkdtempSync(join(tmpdir(), 'pyroad-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

const results = [];
/** Records one line of the report: a name, a measured value, and the goal it is held to. */
export function report(name, value, unit, goal, ok) {
  results.push({ name, value, unit, goal, ok });
  const shown = unit === '×' ? `${value.toFixed(2)}×` : `${value.toFixed(1)} ${unit}`;
  console.log(`${ok ? 'ok  ' : 'MISS'} ${name.padEnd(48)} ${shown.padStart(12)}   goal: ${goal}`);
}

// --- measurements -------------------------------------------------------------------------------

function startup() {
  const home = tempHome();
  const env = { PYROAD_HOME: home.dir, NO_COLOR: '1' };
  try {
    timeRun([BIN, 'roadmap'], env); // fills the validated-roadmap cache
    const m = interleave({
      node: () => timeRun(['-e', '0']),
      version: () => timeRun([BIN, '--version'], env),
      roadmap: () => timeRun([BIN, 'roadmap'], env),
    });
    console.log(`     node -e 0 median ${m.node.toFixed(1)} ms; --version ${m.version.toFixed(1)} ms; roadmap ${m.roadmap.toFixed(1)} ms`);
    report('pyroad --version vs node -e 0', m.version / m.node, '×', '≤ 1.3×', m.version / m.node <= 1.3);
    report('pyroad roadmap (warm cache) vs node -e 0', m.roadmap / m.node, '×', '≤ 2×', m.roadmap / m.node <= 2);
  } finally {
    home.cleanup();
  }
}

const MEASUREMENTS = { startup };

// Measurements contributed from other modules (progress, coach, quiz) register here.
const extra = await import('./bench-more.js').catch((e) => (e.code === 'ERR_MODULE_NOT_FOUND' ? {} : Promise.reject(e)));
Object.assign(MEASUREMENTS, extra.MEASUREMENTS ?? {});

const filter = process.argv[2];
for (const [name, fn] of Object.entries(MEASUREMENTS)) {
  if (filter && !name.includes(filter)) continue;
  console.log(`# ${name}`);
  await fn();
}
const missed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - missed} of ${results.length} goals met`);
