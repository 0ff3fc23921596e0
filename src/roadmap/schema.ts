import type { z as Zod } from 'zod';
import { requireZod } from '../zod.js';
import { checksSchema } from '../check/schema.js';

const z = requireZod();

/** The newest roadmap format this pyroad understands. */
export const ROADMAP_VERSION = 1;

import { STAGES, type Stage } from './stages.js';

export { STAGES, type Stage };
export const RESOURCE_KINDS = ['docs', 'course', 'article', 'video', 'tool', 'book', 'certificate'] as const;
export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
/** The difficulty of a question that does not state one. */
export const DEFAULT_DIFFICULTY = 'medium';

const text = z.string().trim().min(1, 'must not be empty');
const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by dashes, like "http-basics"');

export const resourceSchema = z.strictObject({
  title: text.describe('What the link is called.'),
  url: z.url({ protocol: /^https$/, error: 'must be an https:// URL' }).describe('Where it lives; https only.'),
  kind: z.enum(RESOURCE_KINDS).describe('What sort of resource it is.'),
  free: z.boolean().default(true).describe('Whether it can be used without paying.'),
});

export const questionSchema = z.strictObject({
  id: id.describe('Unique across the whole roadmap; progress refers to it.'),
  prompt: text.describe('The question. Code goes in a fenced block (```python ... ```).'),
  choices: z
    .array(text)
    .min(2, 'needs at least 2 choices')
    .max(5, 'allows at most 5 choices')
    .describe('2 to 5 choices (2 for true/false); a choice may be a multi-line code block.'),
  answer: z.int().min(0, 'must be 0 or more').describe('0-based index of the correct choice.'),
  explanation: text
    .optional()
    .describe(
      'Why the answer is right and why the most tempting wrong choice is wrong. Optional; `validate` warns when missing.',
    ),
  difficulty: z
    .enum(DIFFICULTIES)
    .default(DEFAULT_DIFFICULTY)
    .describe(`How hard the question is; "${DEFAULT_DIFFICULTY}" when not given.`),
  formerly: z.array(id).optional().describe('Ids this question had before; answers recorded under them count for it.'),
  shuffle: z
    .boolean()
    .optional()
    .describe(
      'false keeps the choices in the written order (for "all of the above" or labelled choices); default true.',
    ),
});

export const projectSchema = z.strictObject({
  proves: z.array(id).min(1).describe('Topic ids whose skills this project demonstrates.'),
  milestones: z.array(text).min(1).describe('Steps, in order.'),
  done_when: text.describe('How to tell the project is finished.'),
  spec: text
    .optional()
    .describe('The contract the checks test, as the learner reads it in `pyroad show` (Markdown-like text).'),
  checks: checksSchema
    .optional()
    .describe("HTTP checks `pyroad check` runs against the learner's server (docs/checks.md)."),
});

/** Packages an exercise may need beyond the standard library (`requires:`). */
export const EXERCISE_REQUIRES = ['pytest'] as const;

/**
 * An exercise carried by a topic (issue 17): the learner gets `starter` as `file` in their
 * practice folder and `pyroad practice check` runs `tests` on it with python3. The shipped roadmap
 * keeps its exercises as files in data/exercises/ (same fields, plus `topic`); both end up in one
 * list (src/practice/).
 */
export const exerciseSchema = z.strictObject({
  id: id.describe('Unique among exercises; progress refers to it.'),
  title: text.max(80, 'must be at most 80 characters'),
  file: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*\.py$/, 'must be a Python file name such as squares.py')
    .optional()
    .describe("The learner's file in the practice folder; default: the id with _ for -, plus .py."),
  task: text.max(1200, 'must be at most 1200 characters').describe('What to do, in a few sentences.'),
  starter: text
    .max(20_000, 'must be at most 20000 characters')
    .refine((s) => s.includes('TODO'), 'must mark what to write with a TODO')
    .describe('The Python file the learner starts from; it must fail the tests as written.'),
  tests: text
    .max(40_000, 'must be at most 40000 characters')
    .refine((t) => /\bimport unittest\b/.test(t), 'must be a unittest module (import unittest)')
    .describe("A unittest module that imports the learner's file and judges it."),
  hints: z
    .array(text.max(600, 'must be at most 600 characters'))
    .min(1, 'give at least one hint')
    .max(8, 'allows at most 8 hints')
    .describe('Shown one at a time by `pyroad practice hint`.'),
  requires: z
    .array(z.enum(EXERCISE_REQUIRES))
    .optional()
    .describe('Packages the tests need beyond the standard library (only pytest, for exercises about pytest).'),
});

export const topicSchema = z.strictObject({
  id: id.describe('Unique across areas and topics.'),
  title: text,
  summary: text.describe('One or two sentences: what this is.'),
  why: text.optional().describe('Why it matters on the job. Optional; `validate` warns when missing.'),
  formerly: z
    .array(id)
    .optional()
    .describe('Ids this topic had before a rename; progress recorded under them counts for it.'),
  prerequisites: z.array(id).default([]).describe('Topic ids to learn first.'),
  hours: z
    .number()
    .positive('must be more than 0')
    .max(1000, 'must be at most 1000')
    .optional()
    .describe(
      'Estimated hours of study for a learner new to the topic, resources included (`pyroad plan` uses it). Default: 3, or 20 for a project.',
    ),
  resources: z
    .array(resourceSchema)
    .default([])
    .describe('Where to learn it. Optional; `validate` warns when a topic has none.'),
  questions: z.array(questionSchema).default([]),
  project: projectSchema.optional().describe('Present when the topic is a portfolio project.'),
  checklist: z.array(text).optional().describe('Concrete steps, e.g. for the job search.'),
  exercises: z
    .array(exerciseSchema)
    .optional()
    .describe(
      "Python exercises for `pyroad practice`; their tests run on the learner's machine after the learner agrees.",
    ),
});

export const areaSchema = z.strictObject({
  id: id.describe('Unique across areas and topics.'),
  title: text,
  stage: z.enum(STAGES).describe('skills = get the skills, prove = prove them, apply = put yourself out there.'),
  summary: text,
  prerequisites: z.array(id).default([]).describe('Area ids to finish first.'),
  topics: z.array(topicSchema).min(1, 'needs at least one topic'),
});

/** One YAML file: the root file or one it includes. Every file has the same shape. */
export const roadmapFileSchema = z.strictObject({
  $schema: z.string().optional().describe('Editor hint, ignored by pyroad.'),
  version: z.int().min(1).describe(`Format version; this pyroad reads up to ${ROADMAP_VERSION}.`),
  title: text.optional().describe('The roadmap name (root file).'),
  description: text.optional(),
  goal: text
    .optional()
    .describe(
      'What being ready means, as it would end "readiness toward …", e.g. "junior Python back-end roles" (root file).',
    ),
  include: z.array(text).default([]).describe('Other files, relative to this one, whose areas follow.'),
  areas: z.array(areaSchema).default([]),
});

export type Resource = Zod.infer<typeof resourceSchema>;
export type Question = Zod.infer<typeof questionSchema>;
export type Project = Zod.infer<typeof projectSchema>;
export type Topic = Zod.infer<typeof topicSchema>;
export type RoadmapExercise = Zod.infer<typeof exerciseSchema>;
export type Area = Zod.infer<typeof areaSchema>;
export type RoadmapFile = Zod.infer<typeof roadmapFileSchema>;
export type Difficulty = (typeof DIFFICULTIES)[number];

/** A loaded roadmap: every file's areas, in path order. */
export interface Roadmap {
  version: number;
  title: string;
  description?: string | undefined;
  /** What readiness is measured toward, e.g. "junior Python back-end roles". */
  goal?: string | undefined;
  /** The files it came from, root first. */
  files: string[];
  areas: Area[];
}
