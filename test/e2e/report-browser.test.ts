/**
 * The report in a real browser: Debian's Chromium (never a downloaded one), driven by
 * playwright-core. The pages come from the built binary (`npm run build` first; `npm test` does).
 * Screenshots land in test-results/; PYROAD_UPDATE_SCREENSHOT=1 also refreshes the README's
 * docs/report-screenshot.png.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli, tempDir } from '../helpers/cli.js';
import { EVIL } from '../report/fixtures.js';
import {
  HALFWAY_MARKS,
  halfwaySessions,
  loadShipped,
  recordMarks,
  recordSessions,
  REPORT_NOW,
} from '../report/learner.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RESULTS = join(ROOT, 'test-results');
const SCREENSHOT = join(ROOT, 'docs', 'report-screenshot.png');
const TINY = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
const hasChromium = existsSync(CHROMIUM);
const SKIPPED = `SKIPPED: ${CHROMIUM} not found (apt-get install chromium; .ci/run does)`;
if (!hasChromium) console.warn(`report browser test ${SKIPPED}`);

const tmp = tempDir('pyroad-report-browser-');
let browser: Browser | undefined;

/** A report made by the built binary for `home`, written to `file`. */
function report(home: string, file: string, env: Record<string, string> = {}): string {
  const r = runCli(['report', '--output', file], { home, env: { PYROAD_NOW: REPORT_NOW, ...env } });
  if (r.code !== 0) throw new Error(`pyroad report failed (exit ${r.code}): ${r.stderr}`);
  return file;
}

/** Opens a file and records every request the page makes, and anything that tries to run. */
async function open(file: string, colorScheme: 'light' | 'dark' = 'light') {
  const page = await browser!.newPage({ viewport: { width: 1280, height: 900 }, colorScheme });
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('pageerror', (e) => errors.push(e.message));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, requests, dialogs, errors };
}

/** Script elements and on* attributes in the live DOM. (A string: this project compiles without DOM types.) */
const scriptsAndHandlers = (page: Page) =>
  page.evaluate<{ scripts: number; handlers: string[] }>(`({
    scripts: document.scripts.length,
    handlers: [...document.querySelectorAll('*')].flatMap((el) =>
      [...el.attributes].filter((a) => a.name.startsWith('on')).map((a) => el.tagName + ' ' + a.name)),
  })`);

const bodyBackground = (page: Page) => page.evaluate<string>('getComputedStyle(document.body).backgroundColor');

describe.skipIf(!hasChromium)(`the report in Chromium${hasChromium ? '' : ` (${SKIPPED})`}`, () => {
  const halfwayHome = join(tmp.dir, 'halfway');
  let halfway = '';

  beforeAll(async () => {
    if (!existsSync(join(ROOT, 'dist', 'cli.js'))) throw new Error(`${BIN} needs dist/: run npm run build first`);
    mkdirSync(RESULTS, { recursive: true });
    mkdirSync(halfwayHome, { recursive: true });
    // A learner halfway along the path, recorded the way a script would: `assess --answers`.
    recordSessions(halfwaySessions(loadShipped()), { home: halfwayHome, dir: tmp.dir });
    recordMarks(HALFWAY_MARKS, { home: halfwayHome });
    halfway = report(halfwayHome, join(tmp.dir, 'halfway.html'));
    // Chromium writes crash reports and caches under HOME and XDG_*: give it a temporary world,
    // never the runner's environment.
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
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true, env });
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    tmp.cleanup();
  });

  it('a halfway learner: radar shapes, topic rows and recommendations are visible; nothing is fetched', async () => {
    const { page, url, requests, dialogs, errors } = await open(halfway);
    const roadmap = loadShipped();

    for (const shape of ['self', 'quiz']) {
      const polygon = page.locator(`svg.radar polygon.shape-${shape}`);
      await expect.poll(() => polygon.count()).toBe(1);
      expect(await polygon.isVisible()).toBe(true);
      const box = await polygon.boundingBox();
      expect(box!.width, `${shape} shape width`).toBeGreaterThan(50);
      expect(box!.height, `${shape} shape height`).toBeGreaterThan(50);
    }
    expect(await page.locator('svg.radar text.axis-label').count()).toBe(roadmap.areas.length);
    expect(await page.locator('.legend').first().innerText()).toMatch(/Self-rating[\s\S]*Quiz result/);

    const topics = roadmap.areas.reduce((n, a) => n + a.topics.length, 0);
    const rows = page.locator('table.topic-table tr.topic-row');
    expect(await rows.count()).toBe(topics);
    for (const i of [0, topics - 1]) {
      await rows.nth(i).scrollIntoViewIfNeeded();
      expect(await rows.nth(i).isVisible()).toBe(true);
    }
    expect(await page.locator('table.area-table tbody tr').count()).toBe(roadmap.areas.length);

    const recs = page.locator('#next li.rec');
    expect(await recs.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < (await recs.count()); i++) {
      const rec = recs.nth(i);
      expect(await rec.isVisible()).toBe(true);
      expect((await rec.locator('.reason').innerText()).length).toBeGreaterThan(20);
      expect(await rec.locator('a.action[href^="https://"], .action code').count()).toBeGreaterThan(0);
    }

    const line = page.locator('svg.timeline path.line');
    expect(await line.isVisible()).toBe(true);
    expect((await line.boundingBox())!.width).toBeGreaterThan(300);
    expect(await page.locator('svg.timeline circle.dot-mastery').count()).toBeGreaterThan(5);
    // The plan (issue 15): a bar per stage, in order left to right, and the dates in a table.
    const bars = page.locator('svg.plan-timeline rect.plan-bar');
    await bars.first().scrollIntoViewIfNeeded();
    expect(await bars.count()).toBe(3);
    const boxes = await Promise.all([0, 1, 2].map(async (i) => (await bars.nth(i).boundingBox())!));
    for (const b of boxes) expect(b.width).toBeGreaterThan(1);
    expect(boxes[0]!.x + boxes[0]!.width).toBeLessThanOrEqual(boxes[1]!.x + 1);
    expect(boxes[1]!.y).toBeGreaterThan(boxes[0]!.y);
    expect(await page.locator('svg.plan-timeline rect.plan-range').count()).toBe(3);
    expect(await page.locator('#plan').innerText()).toMatch(
      /Ready by \d{4}-\d{2}-\d{2} – \d{4}-\d{2}-\d{2}[\s\S]*Get the skills/,
    );
    const projects = page.locator('#projects article.project');
    expect(await projects.count()).toBeGreaterThan(0);
    expect(await projects.filter({ hasText: 'in progress' }).count()).toBe(1);
    expect(await page.locator('svg.gauge').getAttribute('aria-label')).toMatch(/Readiness .*: \d+%/);

    expect(requests).toEqual([url]);
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(await scriptsAndHandlers(page)).toEqual({ scripts: 0, handlers: [] });

    await page.screenshot({ path: join(RESULTS, 'report-halfway.png'), fullPage: true });
    if (process.env.PYROAD_UPDATE_SCREENSHOT) {
      // For the README: the top of the page, down to the end of the skills radar.
      mkdirSync(dirname(SCREENSHOT), { recursive: true });
      await page.evaluate('window.scrollTo(0, 0)'); // bounding boxes are relative to the viewport
      const radar = (await page.locator('#skills').boundingBox())!;
      await page.screenshot({
        path: SCREENSHOT,
        fullPage: true,
        clip: { x: 0, y: 0, width: 1280, height: Math.ceil(radar.y + radar.height + 28) },
      });
    }
    await page.close();
  }, 60_000);

  it('dark mode and print: the page follows the colour scheme and keeps its charts on paper', async () => {
    const { page, requests, url } = await open(halfway, 'dark');
    const bg = await bodyBackground(page);
    expect(bg).not.toBe('rgb(243, 245, 250)');
    expect(bg).toMatch(/^rgb\((\d|[1-4]\d),/); // a dark background
    await page.screenshot({ path: join(RESULTS, 'report-halfway-dark.png'), fullPage: true });
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await bodyBackground(page)).toBe('rgb(255, 255, 255)');
    expect(await page.locator('svg.radar polygon.shape-quiz').isVisible()).toBe(true);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
    writeFileSync(join(RESULTS, 'report-halfway.pdf'), pdf);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);

  it('at phone width (390 px) nothing is clipped: the area table fits or scrolls inside its own box', async () => {
    const page = await browser!.newPage({ viewport: { width: 390, height: 844 } });
    await page.goto(pathToFileURL(halfway).href, { waitUntil: 'load' });
    // The page itself never scrolls sideways (that is where a wide table would be cut off).
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    const table = await page.evaluate<{ table: number; box: number; overflow: string; right: number }>(`(() => {
      const table = document.querySelector('table.area-table');
      const box = table.parentElement;
      return {
        table: table.scrollWidth,
        box: box.clientWidth,
        overflow: getComputedStyle(box).overflowX,
        right: box.getBoundingClientRect().right,
      };
    })()`);
    // The box is on screen; the table fits in it, or the box scrolls.
    expect(table.right).toBeLessThanOrEqual(390);
    if (table.table > table.box) expect(['auto', 'scroll']).toContain(table.overflow);
    // Every area row can be reached, its last cell included.
    const cell = page.locator('table.area-table tbody tr').last().locator('td').last();
    await cell.scrollIntoViewIfNeeded();
    expect(await cell.isVisible()).toBe(true);
    await page.close();
  });

  it('"you are here" marks an area the halfway learner has progress in, not an untouched one', async () => {
    const { page } = await open(halfway);
    const here = page.locator('#path li.path-step.here');
    expect(await here.count()).toBe(1);
    // The path step shows the area's mastery; an area the learner is working on is above 0%.
    expect(await here.innerText()).not.toMatch(/\b0%/);
    expect(await here.innerText()).toMatch(/you are here/i);
    await page.close();
  });

  it('a fresh learner: what to do first and the whole path, on an otherwise empty page', async () => {
    const home = join(tmp.dir, 'fresh');
    const file = report(home, join(tmp.dir, 'fresh.html'));
    const { page, requests, url } = await open(file);
    const notice = page.locator('.notice');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.innerText()).toMatch(/Nothing recorded yet[\s\S]*pyroad assess/);
    expect(await page.locator('#next li.rec').first().isVisible()).toBe(true);
    expect(await page.locator('#path li.path-step').count()).toBe(loadShipped().areas.length);
    expect(await page.locator('#path li.path-step').first().isVisible()).toBe(true);
    expect(requests).toEqual([url]);
    await page.screenshot({ path: join(RESULTS, 'report-fresh.png'), fullPage: true });
    await page.close();
  }, 60_000);

  it(`a roadmap whose titles hold ${EVIL}: shown as text, nothing runs`, async () => {
    const yaml = readFileSync(TINY, 'utf8')
      .replace('title: Tiny roadmap', `title: "${EVIL}"`)
      .replace('title: Loops', `title: "${EVIL}"`)
      .replace('title: Web', `title: "<img src=x onerror=alert(2)>"`);
    expect(yaml.match(/alert/g)).toHaveLength(3);
    const roadmapFile = join(tmp.dir, 'evil.yaml');
    writeFileSync(roadmapFile, yaml);
    const home = join(tmp.dir, 'evil-home');
    const answers = join(tmp.dir, 'evil-answers.json');
    writeFileSync(answers, JSON.stringify({ area: 'basics', ratings: { loops: 3 }, answers: { 'loops-range': 0 } }));
    const assess = runCli(['assess', '--answers', answers], {
      home,
      env: { PYROAD_ROADMAP: roadmapFile, PYROAD_NOW: '2026-02-20T10:00:00Z' },
    });
    expect(assess.code, assess.stderr).toBe(0);
    const file = report(home, join(tmp.dir, 'evil.html'), { PYROAD_ROADMAP: roadmapFile });
    const { page, requests, url, dialogs, errors } = await open(file);
    expect(await page.title()).toContain(EVIL);
    expect(await page.locator('h1').innerText()).toBe(EVIL);
    const text = await page.locator('body').innerText();
    expect(text).toContain(EVIL);
    expect(text).toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('table.topic-table th', { hasText: EVIL }).first().isVisible()).toBe(true);
    expect(await page.locator('img').count()).toBe(0);
    expect(await scriptsAndHandlers(page)).toEqual({ scripts: 0, handlers: [] });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);
});
