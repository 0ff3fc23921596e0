import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

// The README's examples are run as written, so they cannot drift from the tool.
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const block = (lang: string, after: string): string => {
  const start = readme.indexOf('```' + lang + '\n', readme.indexOf(after));
  expect(start, `a ${lang} block after "${after}"`).toBeGreaterThan(0);
  return readme.slice(start + lang.length + 4, readme.indexOf('\n```', start + 4));
};
const tmp = tempDir();
afterAll(tmp.cleanup);

describe('README examples', () => {
  it('the `assess --answers` file records an assessment', () => {
    const r = runCli(['assess', '--answers', '-'], { home: tmp.dir, input: block('json', '### Scripted assessments') });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Python fundamentals');
  });

  it('the example roadmap validates', () => {
    const file = join(tmp.dir, 'acme.yaml');
    writeFileSync(file, block('yaml', '## Writing your own roadmap'));
    // The file it includes, as the comment describes it: same shape, its own version.
    mkdirSync(join(tmp.dir, 'areas'));
    writeFileSync(
      join(tmp.dir, 'areas', 'databases.yaml'),
      [
        'version: 1',
        'areas:',
        '  - id: databases',
        '    title: Databases at Acme',
        '    stage: skills',
        '    summary: Our PostgreSQL setup.',
        '    prerequisites: [python]',
        '    topics:',
        '      - id: acme-postgres',
        '        title: Our PostgreSQL',
        '        summary: How our databases are laid out.',
        '        why: Every service stores its data there.',
        '        prerequisites: [acme-style]',
        '        resources: [{ title: PostgreSQL docs, url: "https://www.postgresql.org/docs/", kind: docs }]',
        '',
      ].join('\n'),
    );
    const r = runCli(['validate', file], { home: tmp.dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/is valid: 2 areas, 2 topics/);
  });
});
