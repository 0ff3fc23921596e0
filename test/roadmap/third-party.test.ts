import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import { ROOT, tempDir } from '../helpers/cli.js';
import { run } from '../progress/helpers.js';

/** The third-party fixture: code in explanations, tall code choices, labels, true/false, gaps, a rename. */
export const THIRD_PARTY = join(ROOT, 'test', 'fixtures', 'roadmap', 'third-party.yaml');

const tmp = tempDir('pyroad-third-party-');
afterAll(tmp.cleanup);

describe('a third-party roadmap', () => {
  it('validates, with a warning for each missing optional field and for the unlabelled "all of the above"', async () => {
    const result = loadRoadmapFiles(THIRD_PARTY);
    expect(result.problems).toEqual([]);
    expect(result.warnings.map((w) => `${w.line}: ${w.message}`)).toEqual([
      '85: topic "python-none" has no "why": the learner is not told why it matters',
      '85: topic "python-none" has no "resources": the learner is given nothing to study it with',
      '89: question "none-compare" has no "explanation": a learner who answers wrong is not told why',
      '110: choice 3 of question "none-above" refers to other choices or their labels, but choices are shuffled; add "shuffle: false"',
    ]);
    const r = await run(['validate', THIRD_PARTY], { home: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('is valid: 1 area, 2 topics, 7 questions, 1 resource');
    expect(r.stderr.trim().split('\n')).toHaveLength(4);
  });

  it('keeps progress recorded under the old topic id across the rename', async () => {
    const home = join(tmp.dir, 'home');
    const tiny = join(ROOT, 'test', 'fixtures', 'roadmap', 'tiny.yaml');
    expect((await run(['mark', 'loops', 'done'], { home, env: { PYROAD_ROADMAP: tiny } })).code).toBe(0);
    const status = await run(['status', '--json'], { home, env: { PYROAD_ROADMAP: THIRD_PARTY } });
    const topics = (JSON.parse(status.stdout) as { topics: { topic: string; status?: string }[] }).topics;
    expect(topics.find((t) => t.topic === 'python-iteration')?.status).toBe('done');
  });

  it('shows no placeholder for a missing why or resources', async () => {
    const r = await run(['show', 'python-none'], { home: tmp.dir, env: { PYROAD_ROADMAP: THIRD_PARTY } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('The absent value.');
    expect(r.stdout).not.toMatch(/Why it matters|Resources|undefined/);
  });
});
