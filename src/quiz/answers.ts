/**
 * The `--answers` file: an assessment recorded without prompts. Pure: text in, a script or every
 * problem out. Reading the file (or stdin) is the command's job.
 *
 *   {"area": "networking",
 *    "ratings": {"tcp-ip": 3},                  topic id -> self-rating 0..4
 *    "answers": {"tcp-ip-udp-for-voice": 1}}    question id -> chosen index as written in the roadmap, 0-based
 */
import type { z as Zod } from 'zod';
import { requireZod } from '../zod.js';
import { didYouMean } from '../didyoumean.js';
import type { RoadmapIndex } from '../roadmap/query.js';
import type { Area } from '../roadmap/schema.js';
import { MAX_RATING, type Script } from './session.js';
import { jsonSyntaxMessage } from '../json-error.js';

const z = requireZod();

export const answersFileSchema = z.strictObject({
  area: z.string().min(1).describe('The area assessed.'),
  ratings: z.record(z.string(), z.unknown()).default({}).describe('Topic id -> self-rating 0..4.'),
  answers: z
    .record(z.string(), z.unknown())
    .default({})
    .describe('Question id -> index of the chosen choice as written in the roadmap file, 0-based.'),
});
export type AnswersFile = Zod.infer<typeof answersFileSchema>;

export type ParsedAnswers = { ok: true; area: Area; script: Script } | { ok: false; problems: string[] };

const isIndex = (v: unknown, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;
const shown = (v: unknown): string => (typeof v === 'string' ? `"${v}"` : (JSON.stringify(v) ?? String(v)));

/**
 * Checks a whole answers file against the roadmap and lists every problem: unknown ids (with a
 * did-you-mean), ids from another area, ratings outside 0..4, indexes outside a question's choices.
 * `areaArg` is the area named on the command line, if any; it must match the file's.
 */
export function parseAnswers(text: string, index: RoadmapIndex, areaArg?: string): ParsedAnswers {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON: ${jsonSyntaxMessage(error)}`] };
  }
  const shape = answersFileSchema.safeParse(data);
  if (!shape.success)
    return {
      ok: false,
      problems: shape.error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'the file'}: ${i.message}`),
    };
  const file = shape.data;
  const problems: string[] = [];
  const area = index.areas.get(file.area);
  if (!area) problems.push(`area: unknown area "${file.area}"${didYouMean(file.area, index.areas.keys())}`);
  else if (areaArg !== undefined && areaArg !== area.id)
    problems.push(`area: the file is for "${area.id}" but the command names "${areaArg}"`);

  const ratings = new Map<string, number>();
  for (const [id, value] of Object.entries(file.ratings)) {
    const where = `ratings.${id}`;
    const found = index.topics.get(id);
    if (!found)
      problems.push(
        `${where}: unknown topic${didYouMean(id, area ? area.topics.map((t) => t.id) : index.topics.keys())}`,
      );
    else if (area && found.area.id !== area.id)
      problems.push(`${where}: topic of area "${found.area.id}", not "${area.id}"`);
    if (!isIndex(value, MAX_RATING))
      problems.push(`${where}: a rating is a whole number from 0 to ${MAX_RATING}, got ${shown(value)}`);
    else ratings.set(id, value);
  }

  const answers = new Map<string, number>();
  for (const [id, value] of Object.entries(file.answers)) {
    const where = `answers.${id}`;
    const found = index.questions.get(id);
    if (!found) {
      const candidates = area ? area.topics.flatMap((t) => t.questions.map((q) => q.id)) : index.questions.keys();
      problems.push(`${where}: unknown question${didYouMean(id, candidates)}`);
      if (!isIndex(value, Number.MAX_SAFE_INTEGER))
        problems.push(`${where}: an answer is a choice index (0-based), got ${shown(value)}`);
      continue;
    }
    if (area && found.area.id !== area.id)
      problems.push(`${where}: question of area "${found.area.id}", not "${area.id}"`);
    const last = found.question.choices.length - 1;
    if (!isIndex(value, last))
      problems.push(`${where}: an answer is a choice index from 0 to ${last}, got ${shown(value)}`);
    else answers.set(id, value);
  }

  if (ratings.size === 0 && answers.size === 0 && problems.length === 0)
    problems.push('nothing to record: "ratings" and "answers" are both empty');
  if (problems.length || !area) return { ok: false, problems };
  return { ok: true, area, script: { ratings, answers } };
}
