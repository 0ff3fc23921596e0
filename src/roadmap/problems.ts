/** One thing wrong with a roadmap file, at a position (1-based line and column). */
export interface Problem {
  file: string;
  line: number;
  col: number;
  message: string;
}

export const formatProblem = (p: Problem): string => `${p.file}:${p.line}:${p.col}: ${p.message}`;

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}

const KINDS: [string, RegExp][] = [
  ['missing required field', /missing required field/],
  ['unknown field', /unknown field/],
  ['duplicate id', /^duplicate \w+ id/],
  ['unknown reference', /^unknown (?:area|topic)|^prerequisite "/],
  ['repeated choice', /repeats choice/],
  ['answer out of range', /is out of range/],
  ['prerequisite cycle', /prerequisite cycle/],
  ['renamed id in use', /^formerly/],
  ['control character', /control character/],
];

/** Lists at least this long end with a tally by kind. */
export const TALLY_FROM = 6;

/** "By kind: 4 missing required field, 2 unknown field, 1 other", for a long list of problems. */
export function tallyProblems(problems: readonly Problem[]): string | undefined {
  if (problems.length < TALLY_FROM) return undefined;
  const counts = new Map<string, number>();
  for (const p of problems) {
    const kind = KINDS.find(([, re]) => re.test(p.message))?.[0] ?? 'other';
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  const parts = [...counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `${n} ${kind}`);
  return `By kind: ${parts.join(', ')}`;
}
