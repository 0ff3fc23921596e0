import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EventLog } from '../../src/progress/log.js';
import { ProgressState } from '../../src/progress/state.js';
import { loadRoadmapFiles } from '../../src/roadmap/load.js';
import { renamesOf, unknownProgressIds } from '../../src/roadmap/renames.js';
import { tempDir } from '../helpers/cli.js';
import { ROADMAP, answer, run } from '../progress/helpers.js';

const tmp = tempDir('pyroad-renames-');
afterAll(tmp.cleanup);

const OLD = readFileSync(ROADMAP, 'utf8');
/** The progress fixture with topic "loops" renamed "iteration", and question "loops-range" renamed "iteration-range". */
const RENAMED = OLD.replace('[loops]', '[iteration]')
  .replace(/^ {6}- id: loops$/m, '      - id: iteration\n        formerly: [loops]')
  .replace(/^ {10}- id: loops-range$/m, '          - id: iteration-range\n            formerly: [loops-range]');
/** The renamed roadmap without its `formerly:` lists: the old progress is then unknown to it. */
const FORGOT = RENAMED.replace(/^ +formerly: .*\n/gm, '');

const write = (name: string, text: string) => {
  const file = join(tmp.dir, name);
  writeFileSync(file, text);
  return file;
};
const renamedFile = write('renamed.yaml', RENAMED);
const forgotFile = write('forgot.yaml', FORGOT);

describe('formerly', () => {
  it('maps progress under old topic and question ids to the new ids when folding', () => {
    const result = loadRoadmapFiles(renamedFile);
    expect(result.problems).toEqual([]);
    const events = [answer('loops-range', 'loops', 0, true), answer('loops-break', 'loops', 1, true)];
    const state = new ProgressState(EventLog.of(events), renamesOf(result.roadmap!));
    expect([...state.topics.keys()]).toEqual(['iteration']);
    expect(state.topics.get('iteration')!.answers.map((a) => a.question)).toEqual(['iteration-range', 'loops-break']);
    expect(unknownProgressIds(state.topics.keys(), result.roadmap!)).toEqual([]);
    // The journal itself is untouched.
    expect(state.events.map((e) => (e as { topic: string }).topic)).toEqual(['loops', 'loops']);
  });

  it('keeps progress across a rename: status counts it under the new id', async () => {
    const home = join(tmp.dir, 'home-kept');
    expect((await run(['mark', 'loops', 'done'], { home })).code).toBe(0);
    const status = await run(['status', '--json'], { home, env: { PYROAD_ROADMAP: renamedFile } });
    expect(status.code).toBe(0);
    const topics = (JSON.parse(status.stdout) as { topics: { topic: string; status: string }[] }).topics;
    expect(topics.find((t) => t.topic === 'iteration')?.status).toBe('done');
    const text = await run(['status'], { home, env: { PYROAD_ROADMAP: renamedFile } });
    expect(text.stdout).not.toMatch(/not in this roadmap/);
  });

  it('says once, by name, that progress is not counted when the roadmap lost the old id, and how to keep it', async () => {
    const home = join(tmp.dir, 'home-forgot');
    await run(['mark', 'loops', 'done'], { home });
    const status = await run(['status'], { home, env: { PYROAD_ROADMAP: forgotFile } });
    expect(status.code).toBe(0);
    const flat = status.stdout.replace(/\s+/g, ' ');
    expect(flat).toContain('Progress for a topic not in this roadmap is kept but not counted: loops.');
    expect(flat).toContain('list the old id under the new topic\'s "formerly:"');
    expect(status.stdout.match(/not in this roadmap/g)).toHaveLength(1);
    expect(flat).toContain('or unset PYROAD_ROADMAP to use your usual roadmap, if it has it.');
    // Picked with --roadmap for this run: the way back is to drop it, not a setting to change.
    const flag = await run(['--roadmap', forgotFile, 'status'], { home });
    const flagFlat = flag.stdout.replace(/\s+/g, ' ');
    expect(flagFlat).toContain('or run without --roadmap to use your usual roadmap, if it has it.');
    expect(flagFlat).not.toContain('config set roadmap');
    // The old roadmap still reads it.
    const old = await run(['status', '--json'], { home });
    const topics = (JSON.parse(old.stdout) as { topics: { topic: string; status: string }[] }).topics;
    expect(topics.find((t) => t.topic === 'loops')?.status).toBe('done');
  });

  it('refuses a former id that is still a live id, or claimed twice', () => {
    const live = loadRoadmapFiles(write('live.yaml', RENAMED.replace('formerly: [loops]', 'formerly: [functions]')));
    expect(live.problems.map((p) => p.message)).toEqual([
      'formerly "functions" is the id of a live topic: progress could not tell them apart',
    ]);
    const twice = loadRoadmapFiles(
      write(
        'twice.yaml',
        RENAMED.replace(/^ {6}- id: functions$/m, '      - id: functions\n        formerly: [loops]'),
      ),
    );
    expect(twice.problems.map((p) => p.message)).toEqual(['formerly "loops" is also claimed by topic "iteration"']);
  });
});
