import { LineCounter, parseDocument, isNode } from 'yaml';
import { requireZod } from '../zod.js';
import { didYouMean } from '../didyoumean.js';
import { formatProblem, type Problem } from '../roadmap/problems.js';

/**
 * One practice exercise, as written in `data/exercises/<id>.yaml`: the learner gets `starter` as
 * `file` in their practice folder; `tests` (a unittest module, stdlib only) judge it. Pure: text
 * in, a checked exercise or `file:line:col` problems out.
 */
export interface Exercise {
  id: string;
  topic: string;
  title: string;
  /** The learner's file name in the practice folder, e.g. `squares.py`. */
  file: string;
  /** What to do, in a few sentences (also in the starter's docstring). */
  task: string;
  starter: string;
  tests: string;
  /** Shown one at a time by `pyroad practice hint`. */
  hints: string[];
  /** Packages the tests need beyond the standard library (roadmap exercises only: `requires:`). */
  requires?: string[];
  /**
   * The roadmap file that carries it, when that is not the shipped roadmap: its tests are
   * someone else's code, run only with the learner's consent (practice/consent.ts).
   */
  roadmap?: string;
}

const FIELDS = ['id', 'topic', 'title', 'file', 'task', 'starter', 'tests', 'hints'] as const;

function exerciseSchema() {
  const z = requireZod();
  const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
  return z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single dashes'),
    topic: z.string().regex(/^[a-z0-9-]+$/, 'must be a topic id'),
    title: text(80),
    file: z.string().regex(/^[a-z_][a-z0-9_]*\.py$/, 'must be a Python file name such as squares.py'),
    task: text(1200),
    starter: text(20_000),
    tests: text(40_000).refine((t) => /\bimport unittest\b/.test(t), 'must be a unittest module (import unittest)'),
    hints: z.array(text(600)).min(1, 'give at least one hint').max(8),
  });
}

export type ExerciseParse = { exercise: Exercise; problems: [] } | { exercise?: undefined; problems: Problem[] };

/** Parses one exercise file; `expectedId` is the file's base name, which the id must match. */
export function parseExercise(file: string, text: string, expectedId: string): ExerciseParse {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const at = (offset: number | undefined) => lines.linePos(offset ?? 0);
  if (doc.errors.length > 0)
    return {
      problems: doc.errors.map((e) => ({ file, ...at(e.pos[0]), message: e.message.split('\n')[0]! })),
    };
  const locate = (path: readonly PropertyKey[], key?: string) => {
    const node = doc.getIn(path, true);
    if (key !== undefined) {
      const parent = doc.getIn(path, true) ?? doc.contents;
      const pair =
        parent && typeof parent === 'object' && 'items' in parent
          ? (parent.items as { key?: unknown }[]).find(
              (p) => isNode(p.key) && (p.key as { value?: unknown }).value === key,
            )
          : undefined;
      if (pair && isNode(pair.key)) return at(pair.key.range?.[0]);
    }
    return at(isNode(node) ? node.range?.[0] : isNode(doc.contents) ? doc.contents.range?.[0] : 0);
  };
  const parsed = exerciseSchema().safeParse(doc.toJS());
  const problems: Problem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path as PropertyKey[];
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys)
          problems.push({
            file,
            ...locate(path, key),
            message: `unknown field "${key}"${didYouMean(key, FIELDS)}`,
          });
      } else {
        const name = path.length ? path.join('.') : 'exercise';
        const present = path.length > 0 && doc.hasIn(path);
        const message = issue.code === 'invalid_type' && !present ? 'is missing' : issue.message;
        problems.push({ file, ...locate(present ? path : []), message: `${name}: ${message}` });
      }
    }
    return { problems };
  }
  if (parsed.data.id !== expectedId)
    return {
      problems: [
        { file, ...locate(['id']), message: `id "${parsed.data.id}" must match the file name (${expectedId}.yaml)` },
      ],
    };
  return { exercise: parsed.data, problems: [] };
}

export { formatProblem };
