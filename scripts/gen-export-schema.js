// Writes schema/export.schema.json from the zod schema of `pyroad export` (src/progress/export.ts).
//   npm run build && node scripts/gen-export-schema.js
// test/progress/export-schema.test.ts fails when the file is out of date.
import { writeFileSync } from 'node:fs';
import { exportJsonSchemaText } from '../dist/progress/export.js';

const target = new URL('../schema/export.schema.json', import.meta.url);
writeFileSync(target, exportJsonSchemaText());
console.log(`wrote ${target.pathname}`);
