import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { displayPath } from '../paths.js';
import { dataError } from '../errors.js';
import { authoringWarnings } from './authoring.js';
import { checkRoadmap } from './check.js';
import { parseRoadmapFile, type ParsedFile } from './parse.js';
import { formatProblem, sortProblems, tallyProblems, type Problem } from './problems.js';
import type { Roadmap } from './schema.js';

export interface LoadResult {
  roadmap?: Roadmap;
  /** Every file read, root first, as absolute paths. */
  files: string[];
  problems: Problem[];
  /** What an author should look at but does not stop the roadmap from loading (`validate` prints it). */
  warnings: Problem[];
}

export { displayPath } from '../paths.js';

function readBytes(abs: string, shown: string): Uint8Array | Problem {
  try {
    const stat = statSync(abs);
    if (stat.isDirectory()) return { file: shown, line: 1, col: 1, message: 'is a directory, not a roadmap file' };
    // A pipe or a device (/dev/zero) would be read forever.
    if (!stat.isFile()) return { file: shown, line: 1, col: 1, message: 'is not a regular file (a pipe or a device?)' };
    return readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EACCES'
          ? 'permission denied'
          : `cannot read (${code ?? String(error)})`;
    return { file: shown, line: 1, col: 1, message };
  }
}

/** Reads a roadmap and every file it includes, then checks the whole. Never throws for bad input. */
export function loadRoadmapFiles(rootFile: string): LoadResult {
  const root = resolve(rootFile);
  const parsedFiles: ParsedFile[] = [];
  const problems: Problem[] = [];
  const seen = new Set<string>();

  const visit = (abs: string, includedFrom?: { parsed: ParsedFile; index: number; as: string }) => {
    const shown = displayPath(abs);
    if (seen.has(abs)) {
      if (includedFrom)
        problems.push({
          file: includedFrom.parsed.file,
          ...includedFrom.parsed.locate.at(['include', includedFrom.index]),
          message: `"${includedFrom.as}" is included more than once`,
        });
      return;
    }
    seen.add(abs);
    const bytes = readBytes(abs, shown);
    if (!(bytes instanceof Uint8Array)) {
      if (includedFrom)
        problems.push({
          ...bytes,
          file: includedFrom.parsed.file,
          ...includedFrom.parsed.locate.at(['include', includedFrom.index]),
          message: `cannot include "${includedFrom.as}": ${bytes.message}`,
        });
      else problems.push(bytes);
      return;
    }
    const parsed = parseRoadmapFile(shown, bytes);
    parsedFiles.push(parsed);
    problems.push(...parsed.problems);
    parsed.data?.include.forEach((inc, index) => visit(resolve(dirname(abs), inc), { parsed, index, as: inc }));
  };
  visit(root);

  const files = [...seen];
  problems.push(...checkRoadmap(parsedFiles));
  const warnings = sortProblems([...parsedFiles.flatMap((p) => p.warnings ?? []), ...authoringWarnings(parsedFiles)]);
  if (problems.length > 0) return { files, problems: sortProblems(problems), warnings };

  const rootData = parsedFiles[0]!.data!;
  const areas = parsedFiles.flatMap((p) => p.data?.areas ?? []);
  if (areas.length === 0)
    return {
      files,
      problems: [{ file: parsedFiles[0]!.file, line: 1, col: 1, message: 'the roadmap has no areas' }],
      warnings,
    };
  const roadmap: Roadmap = {
    version: rootData.version,
    title: rootData.title ?? 'Roadmap',
    description: rootData.description,
    goal: rootData.goal,
    files,
    areas,
  };
  return { roadmap, files, problems: [], warnings };
}

/** Loads a roadmap or throws one PyroadError listing every problem (exit 1). */
export function loadRoadmapOrThrow(rootFile: string): Roadmap {
  const result = loadRoadmapFiles(rootFile);
  if (result.roadmap) return result.roadmap;
  throw roadmapProblemsError(rootFile, result.problems);
}

/** "roadmap X has N problems:" followed by one `file:line:col: message` line per problem. */
export function roadmapProblemsError(rootFile: string, problems: Problem[]) {
  const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
  const tally = tallyProblems(problems);
  return dataError(`roadmap ${displayPath(resolve(rootFile))} has ${count}:`, [
    ...problems.map(formatProblem),
    ...(tally ? [tally] : []),
  ]);
}
