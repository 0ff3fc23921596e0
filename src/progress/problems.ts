import { PyroadError, dataError } from '../errors.js';
import { PROGRESS_VERSION } from './format.js';
import type { JournalProblem } from './parse.js';

/**
 * The messages for a progress file pyroad cannot use or write. Each names the file, says what is
 * wrong, says that nothing was changed, and says how to recover. Exit code 1.
 */
const UNCHANGED = 'pyroad has not changed it.';

const errnoText = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `permission denied (${code})`;
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT)';
    case 'ENOTDIR':
      return 'part of the path is a file, not a folder (ENOTDIR)';
    case 'EISDIR':
      return 'it is a directory, not a file (EISDIR)';
    default:
      return code ? `${(error as Error).message}` : String(error);
  }
};

export function unreadableFile(file: string, error: unknown): PyroadError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EISDIR') return isDirectory(file);
  const fix =
    code === 'EACCES' || code === 'EPERM'
      ? `Give yourself access (chmod u+rw "${file}"), or use --home to keep progress in another folder.`
      : 'Check the file and its folder, or use --home to keep progress in another folder.';
  return dataError(`cannot read the progress file ${file}: ${errnoText(error)}`, [`  ${UNCHANGED} ${fix}`]);
}

export const isDirectory = (file: string): PyroadError =>
  dataError(`the progress file ${file} is a directory, not a file`, [
    `  ${UNCHANGED} Move or rename that folder; pyroad then starts a new progress file there.`,
  ]);

export const notAFile = (file: string): PyroadError =>
  dataError(`the progress file ${file} is not a regular file`, [
    `  ${UNCHANGED} Move it aside; pyroad then starts a new progress file there.`,
  ]);

export const newerFormat = (file: string, version: number): PyroadError =>
  dataError(
    `the progress file ${file} was written by a newer pyroad (format version ${version}; this pyroad reads version ${PROGRESS_VERSION})`,
    [`  ${UNCHANGED} Upgrade pyroad (npm install -g pyroad@latest) to use it.`],
  );

/** A journal with bad lines: every problem (the first few), then how to recover. */
export function badJournal(file: string, problems: JournalProblem[], count: number): PyroadError {
  const which = count === 1 && problems[0] ? `line ${problems[0].line}` : 'those lines';
  const recover = `  ${UNCHANGED} Fix or delete ${which} in a text editor, or move the file aside to start fresh and restore a backup with \`pyroad import FILE\`.`;
  if (count === 1 && problems[0])
    return dataError(`the progress file ${file} cannot be read: ${problems[0].message}`, [recover]);
  const lines = problems.map((p) => `  ${file}:${p.line}: ${p.message}`);
  if (count > problems.length) lines.push(`  ... and ${count - problems.length} more`);
  return dataError(`the progress file ${file} cannot be read: ${count} problems`, [...lines, recover]);
}

/** A version-1 document (`progress.json`) that cannot be migrated. */
export function badV1(file: string, problems: string[]): PyroadError {
  const recover = `  ${UNCHANGED} Fix it in a text editor, or move it aside to start fresh.`;
  if (problems.length === 1)
    return dataError(`the old-format progress file ${file} cannot be read: ${problems[0]}`, [recover]);
  return dataError(`the old-format progress file ${file} cannot be read: ${problems.length} problems`, [
    ...problems.slice(0, 10).map((p) => `  ${p}`),
    ...(problems.length > 10 ? [`  ... and ${problems.length - 10} more`] : []),
    recover,
  ]);
}

/** A save that could not happen. The journal is append-only, so earlier progress is intact. */
export function cannotWrite(dir: string, error: unknown): PyroadError {
  if (error instanceof PyroadError) return error;
  const code = (error as NodeJS.ErrnoException).code;
  if (!code) throw error; // not an I/O problem: a bug
  const fix =
    code === 'ENOSPC' || code === 'EDQUOT'
      ? 'Free some space and run the command again.'
      : `Make the folder writable (chmod u+w "${dir}"), or use --home to keep progress in another folder.`;
  return dataError(`cannot save progress in ${dir}: ${errnoText(error)}`, [
    `  Nothing was saved by this command; earlier progress is intact. ${fix}`,
  ]);
}
