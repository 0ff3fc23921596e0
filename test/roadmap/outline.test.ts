import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadRoadmap, loadRoadmapOutline } from '../../src/roadmap/cache.js';

const roadmap = (title: string, prompt: string) => `version: 1
title: ${title}
areas:
  - id: basics
    title: Basics
    stage: skills
    summary: The start.
    topics:
      - id: loops
        title: Loops
        summary: Doing things again.
        why: Most programs repeat work.
        resources:
          - title: The tutorial
            url: https://docs.python.org/3/tutorial/
            kind: docs
        questions:
          - id: loops-range
            prompt: ${prompt}
            choices: ["0 to 4", "1 to 5", "0 to 5"]
            answer: 0
            difficulty: hard
            formerly: [old-range]
            explanation: range stops before its end.
`;

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function setup() {
  dir = mkdtempSync(join(tmpdir(), 'pyroad-outline-'));
  const file = join(dir, 'roadmap.yaml');
  const cache = join(dir, 'cache');
  writeFileSync(file, roadmap('First', 'What does range(5) count?'));
  return { file, cache, outlineFile: () => readdirSync(cache).find((f) => f.endsWith('.outline.json')) };
}

describe('the roadmap outline (no question wording) and its cache', () => {
  it('keeps what coaching reads and drops the wording', async () => {
    const { file, cache } = setup();
    const outline = await loadRoadmapOutline(file, cache);
    const full = await loadRoadmap(file, cache);
    expect(outline.title).toBe('First');
    expect(outline.areas[0]!.topics[0]!.resources).toEqual(full.areas[0]!.topics[0]!.resources);
    const q = outline.areas[0]!.topics[0]!.questions[0]!;
    expect(q).toEqual({
      id: 'loops-range',
      answer: 0,
      difficulty: 'hard',
      formerly: ['old-range'],
      prompt: '',
      choices: ['', '', ''],
    });
    // No prose either: nothing that reads the outline prints a summary or a why.
    expect(outline.areas[0]!.summary).toBe('');
    expect(outline.areas[0]!.topics[0]!.summary).toBe('');
    expect(outline.areas[0]!.topics[0]).not.toHaveProperty('why');
    expect(outline.areas[0]!.topics[0]!.title).toBe('Loops');
    // The full roadmap is untouched.
    expect(full.areas[0]!.topics[0]!.questions[0]!.prompt).toBe('What does range(5) count?');
    expect(full.areas[0]!.topics[0]!.why).toBe('Most programs repeat work.');
    expect(full.areas[0]!.summary).toBe('The start.');
  });

  it('is written next to the full copy, smaller, and read from there on later runs', async () => {
    const { file, cache, outlineFile } = setup();
    await loadRoadmapOutline(file, cache);
    const names = readdirSync(cache);
    expect(names.filter((n) => n.startsWith('roadmap-'))).toHaveLength(2);
    const outlinePath = join(cache, outlineFile()!);
    const fullPath = join(
      cache,
      names.find((n) => n.startsWith('roadmap-') && !n.endsWith('.outline.json'))!,
    );
    expect(statSync(outlinePath).size).toBeLessThan(statSync(fullPath).size);
    expect(readFileSync(outlinePath, 'utf8')).not.toContain('range(5)');
    expect(readFileSync(outlinePath, 'utf8')).not.toContain('Most programs repeat work.');
    // A planted title in the outline file shows that the next load reads it, not the YAML.
    writeFileSync(outlinePath, readFileSync(outlinePath, 'utf8').replace('"First"', '"From the outline"'));
    expect((await loadRoadmapOutline(file, cache)).title).toBe('From the outline');
  });

  it('keeps text past ASCII exactly, in files of ASCII bytes; a hand-edited UTF-8 file still reads', async () => {
    const { file, cache, outlineFile } = setup();
    writeFileSync(file, roadmap('Tête-à-tête — 😀 path', 'What does range(5) count?'));
    const outline = await loadRoadmapOutline(file, cache);
    expect(outline.title).toBe('Tête-à-tête — 😀 path');
    // From the cache files now, both copies.
    expect((await loadRoadmapOutline(file, cache)).title).toBe('Tête-à-tête — 😀 path');
    expect((await loadRoadmap(file, cache)).title).toBe('Tête-à-tête — 😀 path');
    for (const name of readdirSync(cache).filter((n) => n.startsWith('roadmap-')))
      expect([...readFileSync(join(cache, name))].every((b) => b < 0x80)).toBe(true);
    const outlinePath = join(cache, outlineFile()!);
    writeFileSync(outlinePath, readFileSync(outlinePath, 'utf8').replace(/"title":"[^"]*"/, '"title":"Über — edited"'));
    expect((await loadRoadmapOutline(file, cache)).title).toBe('Über — edited');
  });

  it('is rebuilt when the roadmap changes, like the full copy', async () => {
    const { file, cache } = setup();
    expect((await loadRoadmapOutline(file, cache)).title).toBe('First');
    writeFileSync(file, roadmap('Second edition', 'What does range(3) count?'));
    expect((await loadRoadmapOutline(file, cache)).title).toBe('Second edition');
    expect((await loadRoadmap(file, cache)).areas[0]!.topics[0]!.questions[0]!.prompt).toBe(
      'What does range(3) count?',
    );
  });

  it.each([
    ['not JSON', 'garbage{'],
    ['JSON of another shape', '{"key": 1, "files": [], "roadmap": null}'],
    ['empty', ''],
  ])('a damaged outline file (%s) is ignored and rewritten, never fatal', async (_, text) => {
    const { file, cache, outlineFile } = setup();
    await loadRoadmapOutline(file, cache);
    const outlinePath = join(cache, outlineFile()!);
    writeFileSync(outlinePath, text);
    const outline = await loadRoadmapOutline(file, cache);
    expect(outline.title).toBe('First');
    expect(outline.areas[0]!.topics[0]!.questions[0]!.choices).toHaveLength(3);
    expect(JSON.parse(readFileSync(outlinePath, 'utf8')).roadmap.title).toBe('First');
  });

  it('a missing outline is made from a fresh full copy', async () => {
    const { file, cache, outlineFile } = setup();
    await loadRoadmap(file, cache);
    rmSync(join(cache, outlineFile()!));
    expect((await loadRoadmapOutline(file, cache)).areas[0]!.topics[0]!.questions[0]!.prompt).toBe('');
    expect(outlineFile()).toBeDefined();
  });
});
