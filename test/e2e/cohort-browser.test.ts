/**
 * `pyroad cohort --format html` in a real browser: Debian's Chromium, driven by playwright-core,
 * with a temporary HOME and XDG world (as the report's browser test). Needs `npm run build`.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const hasChromium = existsSync(CHROMIUM);
const tmp = tempDir('pyroad-cohort-browser-');
let browser: Browser | undefined;
const exports = join(tmp.dir, 'exports');
// A file name is the learner's name: this one tries to be markup.
const EVIL = '<img src=x onerror=alert(1)>';

function learner(name: string, rating: number, choice: number): void {
  const home = join(tmp.dir, `home-${name.length}-${rating}`);
  const env = { PYROAD_ROADMAP: TINY, PYROAD_NOW: '2026-12-01T12:00:00Z' };
  const answers = join(tmp.dir, `answers-${rating}.json`);
  writeFileSync(
    answers,
    JSON.stringify({ area: 'basics', ratings: { loops: rating }, answers: { 'loops-range': choice } }),
  );
  expect(runCli(['assess', '--answers', answers], { home, env }).code).toBe(0);
  expect(runCli(['export', '--output', join(exports, `${name}.json`)], { home, env }).code).toBe(0);
}

describe.skipIf(!hasChromium)('the cohort page in Chromium', () => {
  let page = '';
  beforeAll(async () => {
    mkdirSync(exports, { recursive: true });
    learner('ana', 4, 0);
    learner('ben', 1, 1);
    learner(EVIL, 2, 2);
    const r = runCli(['cohort', exports, '--format', 'html'], {
      home: join(tmp.dir, 'mentor'),
      env: { PYROAD_ROADMAP: TINY, PYROAD_NOW: '2026-12-20T12:00:00Z' },
    });
    expect(r.code, r.stderr).toBe(0);
    page = join(tmp.dir, 'cohort.html');
    writeFileSync(page, r.stdout);
    const world = join(tmp.dir, 'chromium-home');
    mkdirSync(world, { recursive: true });
    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: world,
      XDG_CONFIG_HOME: join(world, 'config'),
      XDG_CACHE_HOME: join(world, 'cache'),
      XDG_DATA_HOME: join(world, 'data'),
      XDG_STATE_HOME: join(world, 'state'),
      XDG_RUNTIME_DIR: world,
    };
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
      headless: true,
      env,
    });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('shows a heatmap of areas × learners, the learners and the common gaps; runs and fetches nothing', async () => {
    const tab = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    const dialogs: string[] = [];
    tab.on('request', (r) => requests.push(r.url()));
    tab.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await tab.goto(pathToFileURL(page).href, { waitUntil: 'load' });
    expect(await tab.title()).toBe('Cohort: 3 learners on Tiny roadmap');
    const view = await tab.evaluate<{
      learners: string[];
      areas: string[];
      cells: string[][];
      colours: string[];
      gaps: string[];
      scripts: number;
      images: number;
    }>(`({
      learners: [...document.querySelectorAll('.heatmap th.learner')].map((th) => th.textContent.trim()),
      areas: [...document.querySelectorAll('.heatmap tbody th')].map((th) => th.textContent.trim()),
      cells: [...document.querySelectorAll('.heatmap tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
      colours: [...document.querySelectorAll('.heatmap td.cell')].map((td) => getComputedStyle(td).backgroundColor),
      gaps: [...document.querySelectorAll('.gaps li')].map((li) => li.textContent.trim()),
      scripts: document.scripts.length,
      images: document.images.length,
    })`);
    // In file-name order ('<' sorts first), the markup shown as text.
    expect(view.learners).toEqual([EVIL, 'ana', 'ben']);
    expect(view.areas).toEqual(['Basics', 'Web']);
    expect(view.cells.map((row) => row.length)).toEqual([3, 3]);
    expect(view.cells[1]).toEqual(['0%', '0%', '0%']);
    // A learner who knows more shows a different (greener) colour than one who knows less.
    expect(view.colours[0]).not.toBe(view.colours[1]);
    expect(view.gaps).toEqual(['2 of 3 learners are weak in Loops (loops)']);
    expect(view.scripts).toBe(0);
    expect(view.images).toBe(0);
    expect(dialogs).toEqual([]);
    expect(requests).toEqual([pathToFileURL(page).href]);
    await tab.close();
  });
});
