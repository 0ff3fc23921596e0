import { describe, expect, it } from 'vitest';
import { exportJsonSchemaText } from '../../src/progress/export.js';

// Freshness of the committed file is checked with every schema in test/schema.test.ts.
describe('schema/export.schema.json', () => {
  it('documents the format and every event type', () => {
    const schema = JSON.parse(exportJsonSchemaText()) as Record<string, unknown>;
    expect(schema.title).toBe('pyroad export');
    const text = JSON.stringify(schema);
    for (const e of ['rating', 'answer', 'status', 'session']) expect(text).toContain(`"const":"${e}"`);
    expect(text).toContain('"const":"pyroad-export"');
  });
});
