import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { exportJsonSchemaText } from '../../src/progress/export.js';

describe('schema/export.schema.json', () => {
  it('is generated from the zod export schema and up to date', () => {
    const file = join(ROOT, 'schema', 'export.schema.json');
    const shipped = readFileSync(file, 'utf8');
    // When this fails: npm run build && node scripts/gen-export-schema.js
    expect(
      shipped,
      'schema/export.schema.json is out of date: run `npm run build && node scripts/gen-export-schema.js`',
    ).toBe(exportJsonSchemaText());
  });

  it('documents the format and every event type', () => {
    const schema = JSON.parse(exportJsonSchemaText()) as Record<string, unknown>;
    expect(schema.title).toBe('pyroad export');
    const text = JSON.stringify(schema);
    for (const e of ['rating', 'answer', 'status', 'session']) expect(text).toContain(`"const":"${e}"`);
    expect(text).toContain('"const":"pyroad-export"');
  });
});
