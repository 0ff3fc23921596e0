import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Validator } from '@cfworker/json-schema';
import { parse } from 'yaml';
import { ProgressStore } from '../../src/progress/store.js';
import type { ProgressEvent } from '../../src/progress/schema.js';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

/**
 * Scripted learners (issue 15) on the built binary (`npm run build` first): each
 * test/fixtures/learners/NAME.json is a journal written as a script (ratings, quiz answers, marks,
 * each at a pinned time), and NAME.next.txt and NAME.plan.txt are what `next` and `plan` should
 * say at the fixture's clock. They are meant to be read: a human coach should agree with them.
 * After a deliberate change, PYROAD_UPDATE_LEARNERS=1 rewrites them; read the diff before committing.
 */
interface Script {
  about: string;
  now: string;
  hoursPerWeek: number;
  steps: {
    at: string;
    rate?: Record<string, number>;
    /**
     * Topic → how many of its questions, in roadmap order, were answered right, the rest wrong (99:
     * all right); or "R/N": only its first N questions answered, R of them right (a placement).
     */
    answer?: Record<string, number | string>;
    mark?: Record<string, 'learning' | 'done' | 'skip' | 'todo'>;
    /** Area → a status for every topic of the area (a learner who worked through it). */
    markAreas?: Record<string, 'learning' | 'done' | 'skip' | 'todo'>;
    /** Topic or project → a link attached as evidence (`pyroad evidence add`). */
    evidence?: Record<string, string>;
  }[];
}

const DIR = join(ROOT, 'test', 'fixtures', 'learners');
const NAMES = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));
const UPDATE = process.env.PYROAD_UPDATE_LEARNERS === '1';

interface YamlQuestion {
  id: string;
  answer: number;
  choices: unknown[];
}
const questions = new Map<string, YamlQuestion[]>();
const topicsOf = new Map<string, string[]>();
for (const file of readdirSync(join(ROOT, 'data', 'areas')))
  for (const area of (
    parse(readFileSync(join(ROOT, 'data', 'areas', file), 'utf8')) as {
      areas: { id: string; topics: { id: string; questions: YamlQuestion[] }[] }[];
    }
  ).areas) {
    topicsOf.set(
      area.id,
      area.topics.map((t) => t.id),
    );
    for (const t of area.topics) questions.set(t.id, t.questions);
  }

function eventsOf(script: Script): ProgressEvent[] {
  const out: ProgressEvent[] = [];
  for (const step of script.steps) {
    for (const [topic, value] of Object.entries(step.rate ?? {})) out.push({ e: 'rating', at: step.at, topic, value });
    for (const [topic, value] of Object.entries(step.answer ?? {})) {
      const [right, asked] = typeof value === 'number' ? [value, Infinity] : value.split('/').map(Number);
      questions
        .get(topic)!
        .slice(0, asked)
        .forEach((q, i) => {
          const correct = i < right!;
          const choice = correct ? q.answer : (q.answer + 1) % q.choices.length;
          // "R/N" is a placement: its answers are marked so, as `assess --placement` saves them.
          const placement = typeof value === 'string' ? { session: 'placement', source: 'placement' as const } : {};
          out.push({ e: 'answer', at: step.at, topic, question: q.id, choice, correct, ...placement });
        });
    }
    for (const [topic, status] of Object.entries(step.mark ?? {}))
      out.push({ e: 'status', at: step.at, topic, status });
    for (const [area, status] of Object.entries(step.markAreas ?? {}))
      for (const topic of topicsOf.get(area)!) out.push({ e: 'status', at: step.at, topic, status });
    Object.entries(step.evidence ?? {}).forEach(([topic, url], i) =>
      out.push({ e: 'evidence', at: step.at, topic, ref: `link-${i + 1}`, url }),
    );
  }
  return out;
}

const tmp = tempDir('pyroad-learners-');
afterAll(tmp.cleanup);

function homeFor(name: string, script: Script): string {
  const home = join(tmp.dir, name);
  mkdirSync(home, { recursive: true });
  new ProgressStore(join(home, 'progress.jsonl'), { warn: () => {}, now: () => new Date(script.now) }).append(
    eventsOf(script),
  );
  return home;
}

/** The output as the fixture stores it: the temporary home replaced by a placeholder. */
const normal = (text: string, home: string) => text.split(home).join('$HOME');

function expectFixture(file: string, actual: string): void {
  const path = join(DIR, file);
  if (UPDATE || !existsSync(path)) {
    if (!UPDATE) throw new Error(`${file} is missing; run with PYROAD_UPDATE_LEARNERS=1 and read it`);
    writeFileSync(path, actual);
  }
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

describe.each(NAMES)('scripted learner %s', (name) => {
  const script = JSON.parse(readFileSync(join(DIR, `${name}.json`), 'utf8')) as Script;
  const home = homeFor(name, script);
  const run = (args: string[]) =>
    runCli(args, { home, env: { PYROAD_NOW: script.now, COLUMNS: '80' }, timeout: 60_000 });

  it('gets the `next` a coach would give', () => {
    const r = run(['next', '--limit', '5']);
    expect(r.code, r.stderr).toBe(0);
    expectFixture(`${name}.next.txt`, normal(r.stdout, home));
  });

  it('gets a dated plan at their hours a week, and the hours are remembered', () => {
    const r = run(['plan', '--hours-per-week', String(script.hoursPerWeek)]);
    expect(r.code, r.stderr).toBe(0);
    expectFixture(`${name}.plan.txt`, normal(r.stdout, home));
    expect(run(['config', 'get', 'plan.hoursPerWeek']).stdout.trim()).toBe(String(script.hoursPerWeek));
    const again = run(['plan']);
    expect(again.stdout).toContain(`At ${script.hoursPerWeek} hours a week (your plan.hoursPerWeek setting`);
  });

  it('plan --json matches schema/plan.schema.json', () => {
    const r = run(['plan', '--json', '--until', '2027-06-01']);
    expect(r.code, r.stderr).toBe(0);
    const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'plan.schema.json'), 'utf8')) as object;
    const result = new Validator(schema as never, '2020-12').validate(JSON.parse(r.stdout));
    expect(result.errors).toEqual([]);
  });
});

describe('pyroad plan: bad input is a usage error naming the option', () => {
  const home = join(tmp.dir, 'errors');
  const run = (args: string[]) => runCli(['plan', ...args], { home, env: { PYROAD_NOW: '2026-12-01T10:00:00Z' } });
  it.each([
    [['--hours-per-week', '-3'], '--hours-per-week must be a number of hours from 1 to 80'],
    [['--hours-per-week', 'lots'], '--hours-per-week must be a number of hours from 1 to 80'],
    [['--until', '2026-11-30'], '--until 2026-11-30 is not in the future (today is 2026-12-01)'],
    [['--until', '2027-02-30'], '--until must be a date like 2027-06-01, got "2027-02-30"'],
  ])('%j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(message);
  });

  it('--until answers with the hours a week it takes', () => {
    const r = run(['--until', '2027-12-01']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/To be ready by 2027-12-01 you need about \d+(\.5)?–\d+(\.5)? hours a week\./);
    // Nothing set yet: the hours are the default, and the plan says so.
    expect(r.stdout).toContain('At 8 hours a week (the default; give your own with --hours-per-week N).');
  });

  it('--until too soon says the date cannot be reached, not a number of hours no week has', () => {
    const r = run(['--until', '2026-12-02']);
    expect(r.code, r.stderr).toBe(0);
    const text = r.stdout.replace(/\s+/g, ' ');
    expect(text).toMatch(
      /2026-12-02 is too soon: even the quick estimate needs about \d+ hours a week, more than the 80 anyone could keep up\. At 8 hours a week, expect to be ready between \d{4}-\d\d-\d\d and \d{4}-\d\d-\d\d\./,
    );
    expect(text).not.toContain('To be ready by');
  });
});
