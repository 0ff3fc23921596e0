#!/usr/bin/env node
// Writes the JSON Schema files in schema/ from the zod schemas (run `npm run schema`).
// test/schema.test.ts fails when a committed file differs from what this would write.
import { writeFileSync, mkdirSync } from 'node:fs';
import { SCHEMA_FILES } from '../dist/json-schemas.js';

mkdirSync(new URL('../schema/', import.meta.url), { recursive: true });
for (const [name, make] of Object.entries(SCHEMA_FILES)) {
  writeFileSync(new URL(`../schema/${name}`, import.meta.url), JSON.stringify(make(), null, 2) + '\n');
  console.log(`wrote schema/${name}`);
}
