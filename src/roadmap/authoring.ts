import { STAND_INS, type ParsedFile } from './parse.js';
import type { Problem } from './problems.js';
import { exerciseFileName } from './exercises.js';

/**
 * What a roadmap author should look at but that does not stop the roadmap from loading: optional
 * fields left out (the learner then sees nothing in their place) and choices that read wrongly
 * once shuffled. Pure: parsed files in, warnings out. docs/roadmap-format.md lists each one.
 */
export function authoringWarnings(files: ParsedFile[]): Problem[] {
  const warnings: Problem[] = [];
  for (const parsed of files) {
    // A file with schema errors holds stand-ins with empty fields for what failed: those are
    // skipped, the rest of the file is warned about in the same run as its errors.
    if (!parsed.data) continue;
    const warn = (path: (string | number)[], message: string) =>
      warnings.push({ file: parsed.file, ...parsed.locate.at(path), message });
    parsed.data.areas.forEach((area, a) =>
      area.topics.forEach((topic, t) => {
        if (STAND_INS.has(topic)) return;
        const topicPath = ['areas', a, 'topics', t];
        if (topic.why === undefined)
          warn(topicPath, `topic "${topic.id}" has no "why": the learner is not told why it matters`);
        if (topic.resources.length === 0)
          warn(topicPath, `topic "${topic.id}" has no "resources": the learner is given nothing to study it with`);
        // Tests that never import the learner's file can only fail (or only pass) whatever they write.
        topic.exercises?.forEach((exercise, x) => {
          const module = exerciseFileName(exercise).slice(0, -'.py'.length);
          if (!importsModule(exercise.tests, module))
            warn(
              [...topicPath, 'exercises', x, 'tests'],
              `the tests of exercise "${exercise.id}" never import ${module}, the learner's file (${module}.py)`,
            );
        });
        topic.questions.forEach((question, q) => {
          if (STAND_INS.has(question)) return;
          const questionPath = [...topicPath, 'questions', q];
          if (question.explanation === undefined)
            warn(
              questionPath,
              `question "${question.id}" has no "explanation": a learner who answers wrong is not told why`,
            );
          if (question.shuffle === false) return;
          const c = question.choices.findIndex((choice) => refersToOthers(choice));
          if (c >= 0)
            warn(
              [...questionPath, 'choices', c],
              `choice ${c} of question "${question.id}" refers to other choices or their labels, but choices are shuffled; add "shuffle: false"`,
            );
        });
      }),
    );
  }
  return warnings;
}

const REFERRING = [
  /\b(?:all|none|both|neither|any) of the (?:above|below|others|previous)\b/i,
  /\b(?:[Bb]oth|[Oo]nly|[Ee]ither|[Nn]either) [A-E] (?:and|or|nor) [A-E]\b/,
  /^\s*\(?[A-E][).]\s/,
];

/** "All of the above", "Both A and B", or a written label like "A)": text that depends on order. */
export function refersToOthers(choice: string): boolean {
  return REFERRING.some((re) => re.test(choice));
}

/** Whether Python code has `import NAME` or `from NAME import` at the start of a line (indented or not). */
export function importsModule(code: string, name: string): boolean {
  const n = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^\\s*(?:from\\s+${n}\\s+import\\b|import\\s+(?:[\\w.]+\\s*,\\s*)*${n}\\b)`, 'm').test(code);
}
