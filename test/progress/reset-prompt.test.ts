import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProgressStore } from '../../src/progress/store.js';
import { rating, run, tempHome } from './helpers.js';

// Prompts go through src/prompts.ts only; here it is replaced by scripted answers.
const asked: string[] = [];
let answer = false;
vi.mock('../../src/prompts.js', () => ({
  createPrompts: () => ({
    confirm: async (options: { message: string; default?: boolean }) => {
      asked.push(`${options.message} [default ${String(options.default)}]`);
      return answer;
    },
    select: async () => {
      throw new Error('not used');
    },
  }),
}));

let home: ReturnType<typeof tempHome>;
beforeEach(() => {
  home = tempHome();
  asked.length = 0;
});
afterEach(() => home.cleanup());

describe('pyroad reset in a terminal', () => {
  it('asks first (default no); "no" changes nothing, "yes" clears with a backup', async () => {
    const journal = join(home.dir, 'progress.jsonl');
    new ProgressStore(journal, { warn: () => {} }).append([rating('loops', 2)]);

    answer = false;
    const no = await run(['reset'], { home: home.dir, tty: true });
    expect(asked).toEqual([`Clear all your progress in ${journal}? (a backup is kept) [default false]`]);
    expect([no.code, no.stdout]).toEqual([0, 'Nothing changed.\n']);
    expect(new ProgressStore(journal).load().events).toHaveLength(1);

    answer = true;
    const yes = await run(['reset'], { home: home.dir, tty: true });
    expect(yes.code).toBe(0);
    expect(yes.stdout).toMatch(/^✓ Progress cleared\./);
    expect(new ProgressStore(journal).load().events).toHaveLength(0);
    expect(readdirSync(home.dir).filter((f) => f.startsWith('progress.backup-'))).toHaveLength(1);
  });
});
