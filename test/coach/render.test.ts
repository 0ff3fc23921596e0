import { describe, expect, it } from 'vitest';
import { summarize, summarizeNext } from '../../src/coach/summary.js';
import { renderNext } from '../../src/render/next.js';
import { renderStatus, topicBadge } from '../../src/render/status.js';
import { plainStyle } from '../../src/render/style.js';
import { DAY, NOW, assessed, daysAgo, masterArea, pathRoadmap, stateOf, status } from './fixtures.js';

const index = pathRoadmap();

describe('renderNext', () => {
  it('numbers each recommendation: title, one reason, one action', () => {
    const text = renderNext({ summary: summarizeNext(index, stateOf(), NOW) }, plainStyle, 80);
    const blocks = text.split('\n\n');
    expect(blocks[0]).toBe('What to do next  get the skills · 0% ready');
    expect(blocks[1]).toMatch(
      /^1\. Take the placement {2}check yourself\n {3}You have no results yet;[^\n]*\n[^\n]*\n {3}→ Run: pyroad assess --placement$/,
    );
    expect(blocks[3]).toMatch(
      /^3\. Title of py-basics\n {3}.*\n {3}→ Study: py-basics docs https:\/\/example\.com\/py-basics$/,
    );
  });

  it('puts a URL that does not fit on its own line, unbroken', () => {
    const text = renderNext({ summary: summarizeNext(index, stateOf(), NOW) }, plainStyle, 40);
    expect(text).toMatch(/\n {5}https:\/\/example\.com\/py-basics(\n|$)/);
  });

  it('says so when nothing is left, and mentions due reviews it did not show', () => {
    const all = index.roadmap.areas.map((a) => masterArea(index, a.id, daysAgo(1)));
    expect(renderNext({ summary: summarizeNext(index, stateOf(...all), NOW) }, plainStyle, 80)).toMatch(
      /Nothing left to learn/,
    );
    const later = new Date(NOW.getTime() + 300 * DAY);
    const some = summarizeNext(index, stateOf(masterArea(index, 'python'), masterArea(index, 'the-job')), later, {
      limit: 2,
    });
    expect(renderNext({ summary: some }, plainStyle, 80)).toMatch(
      /\d+ more reviews? due; `pyroad status` lists them\./,
    );
  });
});

describe('renderStatus', () => {
  it('keeps one line per area on a 50-column terminal', () => {
    const summary = summarize(index, stateOf(), NOW);
    for (const area of summary.areas) area.title = `${area.title}: a long title that needs shortening`;
    const text = renderStatus(summary, { ...index.roadmap, title: 'Test roadmap' }, plainStyle, 50);
    const bars = text.split('\n').filter((line) => line.includes('░'));
    expect(bars).toHaveLength(index.roadmap.areas.length);
    for (const line of bars) expect(line.length, line).toBeLessThanOrEqual(50);
  });

  const s = summarize(
    index,
    stateOf(masterArea(index, 'python', daysAgo(100)), assessed('http', { rating: 4, right: 0, at: daysAgo(3) })),
    NOW,
  );
  const goal = 'junior Python back-end roles';
  const text = renderStatus(s, { ...index.roadmap, title: 'Test roadmap', goal }, plainStyle, 100);

  it('fits every line to a 50-column terminal', () => {
    const narrow = renderStatus(s, { ...index.roadmap, title: 'Test roadmap', goal }, plainStyle, 50);
    expect(narrow).toContain('Calibration');
    expect(narrow).toContain('Reviews due');
    for (const line of narrow.split('\n')) expect(line.length, line).toBeLessThanOrEqual(50);
    expect(narrow).toMatch(/Readiness: \d+%\ntoward junior Python back-end roles/);
  });

  it('says what readiness is toward only when the roadmap names a goal, and counts its own stages', () => {
    const skillsOnly = { title: 'Mine', areas: index.roadmap.areas.filter((a) => a.stage === 'skills') };
    const mine = renderStatus(s, skillsOnly, plainStyle, 100);
    expect(mine).toMatch(/^Stage 1 of 1: get the skills {3}Readiness: \d+%$/m);
    expect(mine).not.toContain('junior');
  });

  it('shows the stage, readiness, one bar per area, gaps, reviews and calibration', () => {
    expect(text).toMatch(/^Stage 1 of 3: get the skills {3}Readiness: \d+% toward junior Python back-end roles$/m);
    expect(text).toMatch(/^ {2}Area python\s+█{20} 100% {2}3\/3 {2}3 due {2}advanced$/m); // issue 15: the ability band follows
    expect(text).toMatch(/^ {2}Area networking\s+[█░]{20} +\d+% {2}0\/2 {2}1 due {2}over-confident {2}beginner$/m);
    expect(text).toMatch(/Biggest gaps\n {2}• /);
    expect(text).toMatch(
      /Reviews due \(4\)\n {2}• Area python: 3 topics \(due since \d{4}-\d\d-\d\d\) {2}pyroad assess python/,
    );
    expect(text).toMatch(/Calibration\n {2}• Title of http: over-confident \(rated 4\/4, 0 of 4 right\)/);
    expect(text).toMatch(/Last 30 days: mastery \+\d+ pts, readiness \+\d+ pts, 4 answers, 1 topic assessed/);
  });

  it('has no colour codes with the plain style', () => expect(text).not.toContain('\u001b['));
});

describe('topicBadge', () => {
  const t = (events: Parameters<typeof stateOf>, id: string, now = NOW) =>
    topicBadge(
      summarize(index, stateOf(...events), now).topics.find((x) => x.topic === id)!,
      plainStyle,
    );
  it.each([
    [[], 'py-basics', ''],
    [[assessed('py-basics', { rating: 4, right: 4 })], 'py-basics', '✓ mastered'],
    [[assessed('py-basics', { rating: 2, right: 1 })], 'py-basics', '30% · review due'],
    [[status('py-basics', 'learning')], 'py-basics', 'learning · 0%'],
    [[status('py-basics', 'skip')], 'py-basics', 'skipped'],
  ] as const)('%j → "%s"', (events, id, badge) =>
    expect(t(events as never, id, new Date(NOW.getTime() + DAY))).toBe(badge),
  );
});

describe('a topic passed before its prerequisites (issue 15)', () => {
  it('shows as mastered, naming what it came before', () => {
    const index = pathRoadmap();
    const summary = summarize(index, stateOf(assessed('http', { rating: 3, right: 4 })), NOW);
    const http = summary.topics.find((t) => t.topic === 'http')!;
    expect(http.mastered).toBe(true);
    expect(http.passedBefore).toEqual(['Area python']);
    expect(topicBadge(http, plainStyle)).toBe('✓ mastered · before Area python');
    const done = summarize(
      index,
      stateOf(masterArea(index, 'python', daysAgo(2)), assessed('http', { right: 4 })),
      NOW,
    );
    expect(
      topicBadge(
        done.topics.find((t) => t.topic === 'http')!,
        plainStyle,
      ),
    ).toBe('✓ mastered');
  });
});
