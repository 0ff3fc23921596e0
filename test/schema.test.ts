import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILES } from '../src/json-schemas.js';
import { ROOT } from './helpers/cli.js';

describe('the committed JSON Schema files', () => {
  it.each(Object.keys(SCHEMA_FILES))('schema/%s is up to date (run `npm run schema`)', (name) => {
    const committed = JSON.parse(readFileSync(join(ROOT, 'schema', name), 'utf8')) as unknown;
    expect(committed).toEqual(SCHEMA_FILES[name]!());
  });

  it('accepts the fields the loader accepts and names the stages', () => {
    const schema = JSON.stringify(SCHEMA_FILES['roadmap.schema.json']!());
    for (const word of [
      '"version"',
      '"include"',
      '"areas"',
      '"topics"',
      '"questions"',
      '"done_when"',
      '"skills"',
      '"apply"',
    ])
      expect(schema).toContain(word);
  });
});
