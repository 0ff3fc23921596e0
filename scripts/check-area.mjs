// Quick content check while the full loader is being built:
//   node scripts/check-area.mjs data/areas/02-python.yaml ...
// Prints every schema problem and basic content rules; exit 1 when any.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { roadmapFileSchema } from '../dist/roadmap/schema.js';

let bad = 0;
for (const file of process.argv.slice(2)) {
  const data = parse(readFileSync(file, 'utf8'));
  const r = roadmapFileSchema.safeParse(data);
  if (!r.success) {
    for (const i of r.error.issues) console.log(`${file}: ${i.path.join('.')}: ${i.message}`);
    bad++;
    continue;
  }
  let q = 0,
    t = 0;
  for (const a of r.data.areas)
    for (const topic of a.topics) {
      t++;
      if (topic.questions.length < 3) (console.log(`${file}: ${topic.id}: fewer than 3 questions`), bad++);
      for (const x of topic.questions) {
        q++;
        if (x.answer >= x.choices.length) (console.log(`${file}: ${x.id}: answer out of range`), bad++);
        if (new Set(x.choices).size !== x.choices.length) (console.log(`${file}: ${x.id}: duplicate choices`), bad++);
      }
    }
  console.log(`${file}: ${t} topics, ${q} questions`);
}
process.exit(bad ? 1 : 0);
