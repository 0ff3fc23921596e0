import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderStats } from '../../src/render/stats.js';
import { plainStyle } from '../../src/render/style.js';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import { bankStats } from '../../src/roadmap/stats.js';
import { tempDir } from '../helpers/cli.js';
import { VALID } from '../roadmap/fixtures.js';

const tmp = tempDir('pyroad-stats-');
afterAll(tmp.cleanup);

describe('renderStats (validate --stats)', () => {
  mkdirSync(tmp.dir, { recursive: true });
  writeFileSync(join(tmp.dir, 'roadmap.yaml'), VALID);
  const stats = bankStats(loadRoadmapFiles(join(tmp.dir, 'roadmap.yaml')).roadmap!);

  it('names the questions to look at under a warning that has some', () => {
    const text = renderStats(
      { ...stats, warnings: [{ message: 'the key is the longest choice too often', questions: ['q1', 'q2'] }] },
      plainStyle,
      80,
    );
    expect(text).toContain('warning: the key is the longest choice too often\n  look at: q1, q2');
  });

  it('prints no empty "look at:" line under a warning that names no question', () => {
    const text = renderStats(
      { ...stats, warnings: [{ message: 'the bank as a whole leans one way', questions: [] }] },
      plainStyle,
      80,
    );
    expect(text).toContain('warning: the bank as a whole leans one way');
    expect(text).not.toContain('look at:');
  });
});
