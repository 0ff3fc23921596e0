import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HARNESS } from '../../src/practice/catalog.js';
import { judge } from '../../src/practice/judge.js';
import { runHarness } from '../../src/practice/runner.js';
import { childEnv, systemPython, tempDir } from '../helpers/cli.js';

/** `requires:` with the real python3: the harness checks the packages import before any test runs. */
const temp = tempDir('pyroad-requires-');
afterAll(temp.cleanup);
const PYTHON = systemPython(temp.dir);

const TESTS = `import unittest
from thing import f


class T(unittest.TestCase):
    def test_f(self):
        """f() is 1"""
        self.assertEqual(f(), 1)
`;

async function check(requires: string[]) {
  const dir = join(temp.dir, requires.join('-') || 'none');
  mkdirSync(dir);
  const marker = join(dir, 'ran.txt');
  writeFileSync(join(dir, 'thing.py'), `open(${JSON.stringify(marker)}, "w").close()\ndef f():\n    return 1\n`);
  const verdict = judge(
    await runHarness({ python: PYTHON, harness: HARNESS, cwd: dir, tests: TESTS, requires, env: childEnv(dir) }),
  );
  return { verdict, ran: (await import('node:fs')).existsSync(marker) };
}

describe('an exercise that requires a package', () => {
  it('runs when the package imports (here: a module of the standard library)', async () => {
    expect(await check(['json'])).toEqual({ verdict: expect.objectContaining({ outcome: 'passed' }), ran: true });
  });

  it('runs nothing and says what to install when it does not', async () => {
    const { verdict, ran } = await check(['json', 'no_such_package_pyroad']);
    expect(ran).toBe(false);
    expect(verdict).toMatchObject({
      outcome: 'stopped',
      reason: expect.stringMatching(/^this exercise needs no_such_package_pyroad, which this Python cannot import/),
    });
  });
});
