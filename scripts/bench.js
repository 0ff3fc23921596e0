#!/usr/bin/env node
// pyroad's benchmark. Machines here are noisy, so every figure is a ratio against a baseline
// measured in the same run, with the runs of each command interleaved, and medians reported.
//
//   npm run bench                 all measurements
//   npm run bench -- startup      only the ones whose name contains "startup" (start-up times)
//
// Each measurement is a function below, registered in MEASUREMENTS with its goal.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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

/**
 * Recorded history for the progress-heavy measurements: `count` answers to random questions of
 * the roadmap, in assess sessions of 20 (each starting with a rating when `ratings`), one every
 * `stepMs`, 60% right, ending now-ish. Deterministic for a seed.
 */
export function syntheticAnswers(roadmap, { count, seed, stepMs, area, ratings = false }) {
  const questions = roadmap.areas.flatMap((a) => a.topics.flatMap((t) => t.questions.map((q) => ({ q, t, a }))));
  const random = prng(seed);
  const events = [];
  const start = Date.now() - count * stepMs;
  for (let i = 0; i < count; i++) {
    const { q, t, a } = questions[Math.floor(random() * questions.length)];
    const session = `s-${Math.floor(i / 20).toString(36)}`;
    const sessionArea = (area ?? a).id;
    const at = new Date(start + i * stepMs).toISOString();
    if (i % 20 === 0) events.push({ e: 'session', at, session, area: sessionArea, phase: 'start' });
    if (ratings && i % 20 === 0) events.push({ e: 'rating', at, topic: t.id, value: Math.floor(random() * 5) });
    const correct = random() < 0.6;
    events.push({
      e: 'answer',
      at,
      topic: t.id,
      question: q.id,
      choice: correct ? q.answer : (q.answer + 1) % q.choices.length,
      correct,
      session,
    });
    if (i % 20 === 19) events.push({ e: 'session', at, session, area: sessionArea, phase: 'end' });
  }
  return events;
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
    console.log(
      `     node -e 0 median ${m.node.toFixed(1)} ms; --version ${m.version.toFixed(1)} ms; roadmap ${m.roadmap.toFixed(1)} ms`,
    );
    report('pyroad --version vs node -e 0', m.version / m.node, '×', '≤ 1.2× (issue 19)', m.version / m.node <= 1.2);
    report('pyroad roadmap (warm cache) vs node -e 0', m.roadmap / m.node, '×', '≤ 2×', m.roadmap / m.node <= 2);
  } finally {
    home.cleanup();
  }
}

// --- coach: `pyroad next` and `pyroad status` (src/coach) -----------------------------------------

/** A small deterministic PRNG, so every bench run measures the same data. */
function prng(seed) {
  let x = seed >>> 0 || 1;
  return () => (x = (Math.imul(x ^ (x >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32;
}

/**
 * About a month of learning on a roadmap: an assess session every two or three days, each on the
 * next area (sometimes re-checking an earlier one), with a rating and the area's answers per topic.
 */
async function monthOfProgress(progressFile, roadmap, { topicsPerSession = 6, now = Date.now() } = {}) {
  const { ProgressStore } = await import(new URL('../dist/progress/store.js', import.meta.url));
  const store = new ProgressStore(progressFile, { warn: () => {} });
  const random = prng(42);
  const events = [];
  const areas = roadmap.areas.filter((a) => a.topics.some((t) => t.questions.length));
  let next = 0;
  for (let day = 30, n = 0; day >= 1; day -= 2 + (n % 2), n++) {
    const area = n % 4 === 3 && next > 0 ? areas[Math.floor(random() * next)] : areas[next++ % areas.length];
    const session = `bench-${n}`;
    const at = (minute) => new Date(now - day * 86_400_000 + minute * 60_000).toISOString();
    events.push({ e: 'session', at: at(0), session, area: area.id, phase: 'start' });
    let minute = 1;
    for (const topic of area.topics.slice(0, topicsPerSession)) {
      const skill = random();
      events.push({ e: 'rating', at: at(minute++), topic: topic.id, value: Math.min(4, Math.floor(skill * 5)) });
      for (const q of topic.questions.slice(0, 4)) {
        const correct = random() < 0.35 + skill * 0.6;
        events.push({
          e: 'answer',
          at: at(minute++),
          topic: topic.id,
          question: q.id,
          choice: correct ? q.answer : (q.answer + 1) % q.choices.length,
          correct,
          session,
        });
      }
    }
    events.push({ e: 'session', at: at(minute), session, area: area.id, phase: 'end' });
  }
  store.append(events);
  return events.length;
}

/**
 * A generated roadmap of `topics` topics with 3 questions each, as YAML: a root file including one
 * file per 1,000 topics (a roadmap file may hold at most 8 MB), prerequisites forming a DAG.
 */
function generatedRoadmap(dir, topics) {
  const random = prng(topics);
  const perArea = 20;
  const perFile = 1000;
  const stages = ['skills', 'prove', 'apply'];
  const files = [];
  for (let start = 0; start < topics; start += perFile) {
    const lines = ['version: 1', 'areas:'];
    for (let a = start / perArea; a * perArea < Math.min(topics, start + perFile); a++) {
      const stage = stages[Math.min(2, Math.floor((3 * a * perArea) / topics))];
      lines.push(
        `  - id: area-${a}`,
        `    title: Area ${a}`,
        `    stage: ${stage}`,
        `    summary: Generated area ${a}.`,
      );
      lines.push(`    prerequisites: [${a > 0 && a % 3 === 0 ? `area-${a - 3}` : ''}]`, '    topics:');
      for (let t = a * perArea; t < Math.min(topics, (a + 1) * perArea); t++) {
        const prereqs = [];
        for (let k = 0; k < 2 && t > 0; k++) if (random() < 0.6) prereqs.push(`t-${Math.floor(random() * t)}`);
        lines.push(
          `      - id: t-${t}`,
          `        title: Topic ${t}`,
          `        summary: Generated topic ${t}.`,
          `        why: It is on the generated path.`,
          `        prerequisites: [${[...new Set(prereqs)].join(', ')}]`,
          '        resources:',
          `          - { title: Docs ${t}, url: "https://example.com/t/${t}", kind: docs, free: true }`,
          '        questions:',
        );
        for (let q = 0; q < 3; q++)
          lines.push(
            `          - id: t-${t}-q${q}`,
            `            prompt: Generated question ${q} on topic ${t}?`,
            `            choices: [alpha ${q}, beta ${q}, gamma ${q}]`,
            `            answer: ${q % 3}`,
            `            explanation: Because it is generated.`,
            `            difficulty: easy`,
          );
      }
    }
    const name = `part-${files.length}.yaml`;
    writeFileSync(join(dir, name), lines.join('\n') + '\n');
    files.push(name);
  }
  const root = join(dir, `generated-${topics}.yaml`);
  writeFileSync(
    root,
    ['version: 1', `title: Generated ${topics}`, 'include:', ...files.map((f) => `  - ${f}`), ''].join('\n'),
  );
  return root;
}

/** `pyroad next` and `pyroad status` on the shipped roadmap with a month of progress (issue 19). */
async function startupCoach() {
  const { loadRoadmapOrThrow } = await import(new URL('../dist/roadmap/load.js', import.meta.url));
  const home = tempHome();
  try {
    // The shipped roadmap with a month of progress.
    const shippedHome = join(home.dir, 'shipped');
    const shipped = loadRoadmapOrThrow(join(ROOT, 'data', 'roadmap.yaml'));
    const events = await monthOfProgress(join(shippedHome, 'progress.jsonl'), shipped);
    const env = { PYROAD_HOME: shippedHome, NO_COLOR: '1' };
    timeRun([BIN, 'next'], env); // fills the roadmap cache and the validated-journal stamp
    const m = interleave({
      node: () => timeRun(['-e', '0']),
      next: () => timeRun([BIN, 'next'], env),
      status: () => timeRun([BIN, 'status'], env),
      plan: () => timeRun([BIN, 'plan'], env),
    });
    console.log(
      `     ${events} events; node -e 0 ${m.node.toFixed(1)} ms; next ${m.next.toFixed(1)} ms; status ${m.status.toFixed(1)} ms; plan ${m.plan.toFixed(1)} ms`,
    );
    // Issue 15: a plan is no slower to get than the dashboard (5% for noise between runs).
    report(
      'pyroad plan vs pyroad status (month of progress)',
      m.plan / m.status,
      '×',
      '≤ 1.05× (issue 15)',
      m.plan / m.status <= 1.05,
    );
    report(
      'pyroad next (month of progress) vs node -e 0',
      m.next / m.node,
      '×',
      '≤ 1.5× (issue 19)',
      m.next / m.node <= 1.5,
    );
    report(
      'pyroad status (month of progress) vs node -e 0',
      m.status / m.node,
      '×',
      '≤ 1.5× (issue 19)',
      m.status / m.node <= 1.5,
    );
  } finally {
    home.cleanup();
  }
}

async function coach() {
  const { loadRoadmapOrThrow } = await import(new URL('../dist/roadmap/load.js', import.meta.url));
  const home = tempHome();
  try {
    // Generated roadmaps: 1,000 and 10,000 topics (3 questions each), progress on their first areas.
    const sizes = {};
    for (const topics of [1000, 10000]) {
      const dir = join(home.dir, `gen-${topics}`);
      mkdirSync(dir, { recursive: true });
      const file = generatedRoadmap(dir, topics);
      const roadmap = loadRoadmapOrThrow(file);
      await monthOfProgress(join(dir, 'progress.jsonl'), roadmap, { topicsPerSession: 20 });
      sizes[topics] = { PYROAD_HOME: dir, PYROAD_ROADMAP: file, NO_COLOR: '1' };
      timeRun([BIN, 'next'], sizes[topics]); // cold: validates and caches the roadmap
    }
    const g = interleave(
      {
        node: () => timeRun(['-e', '0']),
        next1k: () => timeRun([BIN, 'next'], sizes[1000]),
        next10k: () => timeRun([BIN, 'next'], sizes[10000]),
      },
      9,
    );
    const growth = (g.next10k - g.node) / Math.max(1, g.next1k - g.node);
    console.log(
      `     node -e 0 ${g.node.toFixed(1)} ms; next on 1k topics ${g.next1k.toFixed(1)} ms; on 10k topics ${g.next10k.toFixed(1)} ms`,
    );
    report('pyroad next, 10,000 topics (warm cache)', g.next10k, 'ms', '< 1000 ms', g.next10k < 1000);
    report('next 1k → 10k topics: growth above node -e 0', growth, '×', '≤ 12× (linear: 10×)', growth <= 12);
  } finally {
    home.cleanup();
  }
}

// --- assess: from an answer to the next prompt on screen (src/quiz) ------------------------------

/**
 * `pyroad assess`, in process, on the shipped roadmap: the time from choosing an answer to the next
 * prompt drawn on a (fake) terminal — the session step, the save (store append with its lock and
 * fsync), the feedback and the next question rendered, and inquirer's first render of the prompt.
 * Runs on a journal holding 10,000 earlier answers and, interleaved, on an empty one.
 */
async function assess() {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url));
  const [
    { loadRoadmapOrThrow },
    { ProgressStore },
    { QuizSession, planSession },
    { Driver, Recorder },
    { createPrompts },
    { makeStyle },
  ] = await Promise.all(
    ['roadmap/load.js', 'progress/store.js', 'quiz/session.js', 'quiz/run.js', 'prompts.js', 'render/style.js'].map(
      dist,
    ),
  );
  const { PassThrough, Writable } = await import('node:stream');
  const roadmap = loadRoadmapOrThrow(join(ROOT, 'data', 'roadmap.yaml'));
  const area = [...roadmap.areas].sort((a, b) => count(b) - count(a))[0];
  function count(a) {
    return a.topics.reduce((n, t) => n + t.questions.length, 0);
  }
  const style = await makeStyle(1);
  const home = tempHome();
  try {
    /** A store under `dir` holding `answers` earlier answers, in sessions of 20. */
    function storeWith(dir, answers) {
      const store = new ProgressStore(join(dir, 'progress.jsonl'), { cacheDir: join(dir, 'cache'), warn: () => {} });
      const events = syntheticAnswers(roadmap, { count: answers, seed: 7, stepMs: 60_000, area });
      if (events.length) store.append(events);
      return store;
    }

    /** A fake 100x40 terminal for one prompt (inquirer ends its output); `drawn` is its first write. */
    function terminal() {
      let onWrite;
      const output = Object.assign(
        new Writable({
          write(_chunk, _enc, done) {
            onWrite?.();
            onWrite = undefined;
            done();
          },
        }),
        { isTTY: true, columns: 100, rows: 40 },
      );
      return { output, drawn: new Promise((resolve) => (onWrite = resolve)) };
    }
    const printed = new Writable({ write: (_chunk, _enc, done) => done() });
    const print = (text = '') => void printed.write(`${text}\n`);

    function runner(name, answers) {
      const dir = join(home.dir, name);
      mkdirSync(dir, { recursive: true });
      const store = storeWith(dir, answers);
      const t0 = process.hrtime.bigint();
      const state = store.load();
      const loadMs = Number(process.hrtime.bigint() - t0) / 1e6;
      let driver;
      let n = 0;
      const fresh = () => {
        const session = new QuizSession(
          planSession(area, state, { id: `${name}-${++n}`, questionsPerTopic: 20, seed: n }),
        );
        driver = new Driver(session, new Recorder(store, state), { style, columns: 100, rows: 40 }, () => new Date());
        driver.start();
      };
      /** Shows the current step's prompt; returns once it is drawn, with a way to take it down. */
      async function show() {
        let step = driver.session.current();
        while (step.kind === 'rate') {
          driver.apply(2);
          step = driver.session.current();
        }
        if (step.kind === 'done') {
          driver.end();
          fresh();
          return show();
        }
        const view = driver.view(step);
        print(view.text);
        const controller = new globalThis.AbortController();
        const { output, drawn } = terminal();
        const pending = createPrompts({ input: new PassThrough(), output, signal: controller.signal, color: true })
          .select(view.select)
          .catch(() => {});
        await drawn;
        return { step, close: () => (controller.abort(), pending) };
      }
      /** One answer (alternately right and wrong) through to the next prompt on screen, in ms. */
      async function answerOnce(prompt) {
        const { step, close } = prompt;
        await close();
        const choice = n % 2 ? step.question.answer : (step.question.answer + 1) % step.question.choices.length;
        const start = process.hrtime.bigint();
        const feedback = driver.apply(choice);
        if (feedback) print(feedback);
        const next = await show();
        return { ms: Number(process.hrtime.bigint() - start) / 1e6, next };
      }
      return { loadMs, start: async () => (fresh(), show()), answerOnce };
    }

    const big = runner('10k', 10_000);
    const empty = runner('empty', 0);
    let pBig = await big.start();
    let pEmpty = await empty.start();
    for (let i = 0; i < 5; i++) {
      // warm-up: zod, inquirer and the JIT
      pBig = (await big.answerOnce(pBig)).next;
      pEmpty = (await empty.answerOnce(pEmpty)).next;
    }
    const times = { big: [], empty: [] };
    for (let i = 0; i < 41; i++) {
      const a = await big.answerOnce(pBig);
      times.big.push(a.ms);
      pBig = a.next;
      const b = await empty.answerOnce(pEmpty);
      times.empty.push(b.ms);
      pEmpty = b.next;
    }
    await pBig.close();
    await pEmpty.close();
    const mBig = median(times.big);
    const mEmpty = median(times.empty);
    const p90 = [...times.big].sort((a, b) => a - b)[Math.floor(times.big.length * 0.9)];
    console.log(
      `     ${area.id}: journal load with 10,000 answers ${big.loadMs.toFixed(1)} ms; answer → next prompt: 10k median ${mBig.toFixed(1)} ms (p90 ${p90.toFixed(1)}), empty ${mEmpty.toFixed(1)} ms`,
    );
    report('assess: answer → next prompt, 10,000 answers', mBig, 'ms', '< 50 ms median', mBig < 50);
    report(
      'assess: same, 10,000 answers vs an empty journal',
      mBig / mEmpty,
      '×',
      '≤ 2× (no growth with history)',
      mBig / mEmpty <= 2,
    );
  } finally {
    home.cleanup();
  }
}

// --- progress: the journal with 100,000 answers (src/progress) ------------------------------------

/**
 * The progress journal at its design size: 100,000 answers on the shipped roadmap, in sessions of
 * 20. Measures the file size, loading it and computing the summary in a fresh process (with the
 * validated-journal stamp, as every run after the first; and without it, as the first run after a
 * change), recording one more answer, and `pyroad status` as a whole.
 */
async function progress() {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url));
  const [{ loadRoadmapOrThrow }, { ProgressStore }] = await Promise.all([
    dist('roadmap/load.js'),
    dist('progress/store.js'),
  ]);
  const { statSync } = await import('node:fs');
  const roadmap = loadRoadmapOrThrow(join(ROOT, 'data', 'roadmap.yaml'));
  const questions = roadmap.areas.flatMap((a) => a.topics.flatMap((t) => t.questions.map((q) => ({ q, t, a }))));
  const home = tempHome();
  try {
    const file = join(home.dir, 'progress.jsonl');
    const cacheDir = join(home.dir, 'cache');
    const events = syntheticAnswers(roadmap, { count: 100_000, seed: 100_000, stepMs: 600_000, ratings: true });
    new ProgressStore(file, { warn: () => {} }).append(events);
    const mb = statSync(file).size / 1e6;
    console.log(
      `     ${events.length} events (100,000 answers), ${(statSync(file).size / events.length).toFixed(0)} bytes per event`,
    );
    report('progress: journal size, 100,000 answers', mb, 'MB', '< 20 MB', mb < 20);

    // Load + summary in a fresh process; the roadmap comes from its cache, as in every command.
    const env = { PYROAD_HOME: home.dir, NO_COLOR: '1' };
    timeRun([BIN, 'next'], env); // validates the journal once, fills the roadmap cache and the stamp
    const probe = `
      const t0 = performance.now();
      const [{ loadRoadmap }, { ProgressStore }, { summarize }, { indexRoadmap }] = await Promise.all([
        import(${JSON.stringify(new URL('../dist/roadmap/cache.js', import.meta.url).href)}),
        import(${JSON.stringify(new URL('../dist/progress/store.js', import.meta.url).href)}),
        import(${JSON.stringify(new URL('../dist/coach/summary.js', import.meta.url).href)}),
        import(${JSON.stringify(new URL('../dist/roadmap/query.js', import.meta.url).href)}),
      ]);
      const index = indexRoadmap(await loadRoadmap(${JSON.stringify(join(ROOT, 'data', 'roadmap.yaml'))}, ${JSON.stringify(cacheDir)}));
      const t1 = performance.now();
      const options = process.argv[1] === 'cold' ? {} : { cacheDir: ${JSON.stringify(cacheDir)} };
      const state = new ProgressStore(${JSON.stringify(file)}, { ...options, warn: () => {} }).load();
      const t2 = performance.now();
      if (process.argv[1] !== 'cold') summarize(index, state, new Date());
      const t3 = performance.now();
      if (process.argv[1] !== 'cold') summarize(index, state, new Date(), { history: false });
      const t4 = performance.now();
      console.log(JSON.stringify({ imports: t1 - t0, load: t2 - t1, summary: t3 - t2, nextSummary: t4 - t3 }));`;
    const measure = (mode) => {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', probe, mode], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      return JSON.parse(r.stdout);
    };
    const runs = (mode, n) => {
      const all = Array.from({ length: n }, () => measure(mode));
      const pick = (k) => median(all.map((x) => x[k]));
      return {
        load: pick('load'),
        summary: pick('summary'),
        nextSummary: pick('nextSummary'),
        total: median(all.map((x) => x.load + x.summary)),
        nextTotal: median(all.map((x) => x.load + x.nextSummary)),
      };
    };
    const warm = runs('warm', 3);
    const cold = runs('cold', 3);
    console.log(
      `     fresh process, median: load ${warm.load.toFixed(1)} ms; summary ${warm.summary.toFixed(1)} ms (without history, as next: ${warm.nextSummary.toFixed(1)} ms); without the stamp (zod validation): load ${cold.load.toFixed(1)} ms`,
    );
    report('progress: load + summary, 100,000 answers', warm.total, 'ms', '< 300 ms', warm.total < 300);
    report('progress: load + summary without history (next)', warm.nextTotal, 'ms', '< 300 ms', warm.nextTotal < 300);
    report('progress: load alone, 100,000 answers', warm.load, 'ms', 'informative', true);
    report('progress: load, first run after a change (validates)', cold.load, 'ms', 'informative', true);

    // One more answer, through the store as assess saves it: lock, one write, fsync, stamp.
    const store = new ProgressStore(file, { cacheDir, warn: () => {} });
    store.load();
    const one = (i) => ({
      e: 'answer',
      at: new Date().toISOString(),
      topic: questions[0].t.id,
      question: questions[0].q.id,
      choice: 0,
      correct: i % 2 === 0,
    });
    store.append([one(0)]); // warm-up: zod for the event check, the JIT
    const appends = [];
    for (let i = 1; i <= 21; i++) {
      const t = process.hrtime.bigint();
      store.append([one(i)]);
      appends.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    const append = median(appends);
    console.log(`     append one answer: median ${append.toFixed(2)} ms, max ${Math.max(...appends).toFixed(2)} ms`);
    report('progress: record one more answer, 100,000 answers', append, 'ms', '< 20 ms', append < 20);

    const m = interleave({ node: () => timeRun(['-e', '0']), next: () => timeRun([BIN, 'next'], env) }, 7);
    console.log(`     node -e 0 ${m.node.toFixed(1)} ms; pyroad next with 100,000 answers ${m.next.toFixed(1)} ms`);
    report('progress: pyroad next, 100,000 answers, vs node -e 0', m.next / m.node, '×', 'informative', true);
  } finally {
    home.cleanup();
  }
}

// --- check: `pyroad check` against a server that answers at once (src/check) -----------------

/**
 * pyroad's own time for a 20-check run: a local server (in a child process, so it answers while
 * the run blocks this one) that answers every request at once, against `node -e 0`.
 */
async function check() {
  const { spawn } = await import('node:child_process');
  const home = tempHome();
  const server = spawn(
    process.execPath,
    [
      '-e',
      `require('node:http').createServer((q, s) => { q.resume(); q.on('end', () => s.writeHead(200, {'Content-Type': 'application/json'}).end('{"ok":true,"id":1}')); }).listen(0, '127.0.0.1', function () { console.log(this.address().port); });`,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  try {
    const port = await new Promise((resolve, reject) => {
      server.stdout.once('data', (d) => resolve(Number(String(d).trim())));
      server.once('exit', () => reject(new Error('the bench server exited')));
    });
    const checks = Array.from({ length: 20 }, (_, i) =>
      [
        `          - id: check-${i}`,
        `            title: Check ${i}`,
        `            why: Bench.`,
        `            request: { method: ${i % 2 ? 'POST' : 'GET'}, path: /things/${i}${i % 2 ? ', json: { n: 1 }' : ''} }`,
        `            expect:`,
        `              status: 200`,
        `              headers: { Content-Type: { matches: "^application/json" } }`,
        `              json: { type: object, required: [ok], properties: { ok: { const: true } } }`,
      ].join('\n'),
    ).join('\n');
    const roadmap = join(home.dir, 'roadmap.yaml');
    writeFileSync(
      roadmap,
      `version: 1
title: Bench
areas:
  - id: a
    title: A
    stage: prove
    summary: Bench.
    topics:
      - id: p
        title: P
        summary: Bench.
        why: Bench.
        resources: [{ title: R, url: "https://example.org/", kind: docs }]
        project:
          proves: [p]
          milestones: [m]
          done_when: d
          checks:
${checks}
`,
    );
    const env = { PYROAD_HOME: join(home.dir, 'home'), NO_COLOR: '1' };
    const args = [BIN, '--roadmap', roadmap, 'check', 'p', '--url', `http://127.0.0.1:${port}`];
    timeRun(args, env); // fills the validated-roadmap cache
    const m = interleave({ node: () => timeRun(['-e', '0']), check: () => timeRun(args, env) }, 11);
    const over = m.check - m.node;
    console.log(
      `     node -e 0 median ${m.node.toFixed(1)} ms; pyroad check (20 checks) ${m.check.toFixed(1)} ms (${(m.check / m.node).toFixed(2)}× node -e 0)`,
    );
    report('pyroad check, 20 checks, above node -e 0', over, 'ms', '< 300 ms', over < 300);
  } finally {
    server.kill();
    home.cleanup();
  }
}

// --- cohort: a mentor's summary over 500 exports (src/coach/cohort.ts) ---------------------------

/** `pyroad cohort` over 500 exports of a month of progress each on the shipped roadmap. */
async function cohort() {
  const { loadRoadmapOrThrow } = await import(new URL('../dist/roadmap/load.js', import.meta.url));
  const { copyFileSync } = await import('node:fs');
  const home = tempHome();
  try {
    const roadmap = loadRoadmapOrThrow(join(ROOT, 'data', 'roadmap.yaml'));
    const learnerHome = join(home.dir, 'learner');
    await monthOfProgress(join(learnerHome, 'progress.jsonl'), roadmap);
    const env = { PYROAD_HOME: learnerHome, NO_COLOR: '1' };
    const one = join(home.dir, 'one.json');
    const r = spawnSync(process.execPath, [BIN, 'export', '--output', one], { env: { ...process.env, ...env } });
    if (r.status !== 0) throw new Error(String(r.stderr));
    const dir = join(home.dir, 'exports');
    mkdirSync(dir);
    for (let i = 0; i < 500; i++) copyFileSync(one, join(dir, `learner-${String(i).padStart(3, '0')}.json`));
    const times = [];
    for (let i = 0; i < 5; i++) times.push(timeRun([BIN, 'cohort', dir, '--format', 'json'], env));
    const ms = median(times);
    console.log(`     500 exports of a month of progress: median ${ms.toFixed(0)} ms`);
    report('pyroad cohort, 500 exports', ms, 'ms', '< 2000 ms (issue 19)', ms < 2000);
  } finally {
    home.cleanup();
  }
}

// --- placement: from an answer to the next placement question (src/quiz/placement.ts) -----------

/**
 * `pyroad assess --placement`, in process, on the shipped roadmap: the time from an answer to the
 * next question ready to draw — the engine's update (a Rasch estimate and the stopping rule) and
 * its choice of the next question, plus that question's screen rendered. Whole placements are run
 * with seeded random answers; the 99th percentile is held to the goal, not the median.
 */
async function placement() {
  const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url));
  const [{ loadRoadmapOrThrow }, { Placement }, { questionView }, { makeStyle }] = await Promise.all(
    ['roadmap/load.js', 'quiz/placement.js', 'render/quiz.js', 'render/style.js'].map(dist),
  );
  const roadmap = loadRoadmapOrThrow(join(ROOT, 'data', 'roadmap.yaml'));
  const style = await makeStyle(1);
  const random = prng(11);
  const times = [];
  for (let run = 0; run < 200; run++) {
    const p = new Placement(roadmap.areas, { seed: run });
    for (let step = p.current(); step.kind !== 'done';) {
      const start = process.hrtime.bigint();
      p.answer(random() < 0.5);
      step = p.current();
      if (step.kind === 'question')
        questionView(
          {
            kind: 'question',
            topic: step.topic,
            question: step.question,
            order: step.question.choices.map((_, k) => k),
            number: step.number,
            total: p.maxQuestions,
          },
          step.area.title,
          style,
          100,
          40,
        );
      times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
  }
  // The 99th percentile: on a shared machine a rare step waits for another process or a GC pause,
  // which says nothing about the code; the slowest is printed too.
  const sorted = [...times].sort((a, b) => a - b);
  const p99 = sorted[Math.floor(sorted.length * 0.99)];
  console.log(
    `     ${times.length} answers in 200 placements: median ${median(times).toFixed(3)} ms, 99th percentile ${p99.toFixed(2)} ms, slowest ${sorted.at(-1).toFixed(1)} ms`,
  );
  report('placement: answer to next question ready (p99)', p99, 'ms', '< 50 ms (issue 15)', p99 < 50);
}

// --- coach work: the cold, once-per-process work of `status`, `next` and `plan` (issue 19) ---------

/**
 * The work `status`, `next` and `plan` do once their modules are loaded, on the shipped roadmap
 * with a month of progress: each phase (outline from the cache, journal load, exercise index, the
 * coach, rendering) timed once, cold, in a fresh `node` process per run, medians over the runs.
 * With PYROAD_BENCH_BASE set to another build's folder (holding dist/, with node_modules and data
 * beside it), that build is run interleaved and the totals are reported as a ratio against it, and
 * both builds' output must be the same bytes. Each run is also made with `node --no-lazy`, which
 * compiles every function before the timed work: the work left once a code cache holds the
 * compiled functions (about two thirds of a cold coach call is compiling them on first call).
 */
async function coachWork() {
  const { loadRoadmapOrThrow } = await import(new URL('../dist/roadmap/load.js', import.meta.url));
  const home = tempHome();
  const builds = { work: ROOT };
  if (process.env.PYROAD_BENCH_BASE) builds.base = process.env.PYROAD_BENCH_BASE;
  const now = new Date();
  const progressFile = join(home.dir, 'progress.jsonl');
  const root = join(ROOT, 'data', 'roadmap.yaml');
  const events = await monthOfProgress(progressFile, loadRoadmapOrThrow(root), { now: now.getTime() });
  // One child: imports first (not timed), then one cold call of each phase of one command.
  const child = `
    const dist = (p) => import(new URL(p, process.argv[1]));
    const [{ loadRoadmapOutline }, { ProgressStore }, { renamesOf }, { indexRoadmap }, { roadmapExerciseIndex },
      { summarize, summarizeNext, Coach }, { makePlan }, { renderStatus }, { renderNext }, { renderPlan },
      { plainStyle }, { createHash }] = await Promise.all(['roadmap/cache.js', 'progress/store.js',
      'roadmap/renames.js', 'roadmap/query.js', 'practice/index-cache.js', 'coach/summary.js', 'coach/plan.js',
      'render/status.js', 'render/next.js', 'render/plan.js', 'render/style.js', 'node:crypto'].map(dist));
    const [command, root, progressFile, cacheDir, iso] = process.argv.slice(2);
    const now = new Date(iso);
    const ms = {};
    const time = (name, f) => { const t = performance.now(); const v = f(); ms[name] = performance.now() - t; return v; };
    let t = performance.now();
    const roadmap = await loadRoadmapOutline(root, cacheDir);
    ms.outline = performance.now() - t;
    const index = time('index', () => indexRoadmap(roadmap));
    const state = time('store', () => new ProgressStore(progressFile, { cacheDir, warn: () => {}, now: () => now }).load(renamesOf(roadmap)));
    let exercises = [];
    if (command !== 'plan') {
      t = performance.now();
      exercises = await roadmapExerciseIndex(index, cacheDir, root);
      ms.exercises = performance.now() - t;
    }
    let text;
    if (command === 'status') {
      const summary = time('coach', () => summarize(index, state, now, { limit: 3, exercises }));
      text = time('render', () => renderStatus(summary, roadmap, plainStyle, 80));
    } else if (command === 'next') {
      const summary = time('coach', () => summarizeNext(index, state, now, { limit: 3, exercises }));
      text = time('render', () => renderNext({ summary, limit: 3 }, plainStyle, 80));
    } else {
      const plan = time('coach', () => {
        const coach = new Coach(index, state, now);
        return makePlan({ goal: roadmap.goal ?? roadmap.title, facts: coach.facts, orientation: coach.plan.orientation,
          log: state.log, now, hoursPerWeek: 8, hoursSource: 'default' });
      });
      text = time('render', () => renderPlan(plan, plainStyle, 80));
    }
    ms.total = Object.values(ms).reduce((a, b) => a + b, 0);
    console.log(JSON.stringify({ ms, output: createHash('sha1').update(text).digest('hex') }));
  `;
  const run = (build, command, flags = []) => {
    const dist = new URL(`file://${join(builds[build], 'dist')}/`).href;
    const r = spawnSync(
      process.execPath,
      [
        ...flags,
        '--input-type=module',
        '-e',
        child,
        dist,
        command,
        root,
        progressFile,
        join(home.dir, `cache-${build}`),
        now.toISOString(),
      ],
      { encoding: 'utf8', timeout: 30_000, maxBuffer: 1 << 20 },
    );
    if (r.status !== 0) throw new Error(`coachWork ${build} ${command} exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  };
  try {
    const commands = ['status', 'next', 'plan'];
    const samples = {};
    const outputs = {};
    for (const build of Object.keys(builds))
      for (const command of commands) {
        outputs[`${build} ${command}`] = run(build, command).output; // fills the caches
        samples[`${build} ${command}`] = [];
        samples[`${build} ${command} (compiled)`] = [];
      }
    for (let i = 0; i < 15; i++)
      for (const command of commands)
        for (const build of Object.keys(builds)) {
          samples[`${build} ${command}`].push(run(build, command).ms);
          samples[`${build} ${command} (compiled)`].push(run(build, command, ['--no-lazy']).ms);
        }
    console.log(`     ${events} events on the shipped roadmap; medians of 15 cold runs, ms:`);
    const totals = {};
    for (const [key, runs] of Object.entries(samples)) {
      const phases = Object.keys(runs[0]);
      const med = Object.fromEntries(phases.map((p) => [p, median(runs.map((r) => r[p]))]));
      totals[key] = med.total;
      console.log(`     ${key.padEnd(23)} ${phases.map((p) => `${p} ${med[p].toFixed(1)}`).join(', ')}`);
    }
    // A diagnostic: without a build to compare with, the phases above are all it says (milliseconds
    // on a shared machine are no goal). With one, the work must be no slower and print the same.
    if (builds.base)
      for (const command of commands) {
        const ratio = totals[`work ${command}`] / totals[`base ${command}`];
        report(`${command}: coach work vs the base build`, ratio, '×', '≤ 1×', ratio <= 1);
        const same = outputs[`work ${command}`] === outputs[`base ${command}`];
        report(`${command}: output the same as the base build`, same ? 1 : 0, 'same', '1', same);
        const compiled = totals[`work ${command} (compiled)`] / totals[`base ${command} (compiled)`];
        report(`${command}: the same, functions compiled up front`, compiled, '×', '≤ 1×', compiled <= 1);
      }
  } finally {
    home.cleanup();
  }
}

const MEASUREMENTS = { startup, startupCoach, coach, assess, progress, check, cohort, placement };
MEASUREMENTS.coachWork = coachWork;

// Measurements contributed from other modules (progress, coach, quiz) register here.
const extra = await import('./bench-more.js').catch((e) =>
  e.code === 'ERR_MODULE_NOT_FOUND' ? {} : Promise.reject(e),
);
Object.assign(MEASUREMENTS, extra.MEASUREMENTS ?? {});

const filter = process.argv[2];
for (const [name, fn] of Object.entries(MEASUREMENTS)) {
  if (filter && !name.includes(filter)) continue;
  console.log(`# ${name}`);
  await fn();
}
const missed = results.filter((r) => !r.ok).length;
console.log(`\n${results.length - missed} of ${results.length} goals met`);
// A missed goal fails the run, so a script (or CI) can hold the line.
if (missed) process.exitCode = 1;
