import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataError } from './errors.js';
import { writeFileAtomic } from './progress/files.js';

/**
 * Writes a file the user asked for with --output (an export, a report): missing folders are
 * created unless `createFolders` is false (then a missing folder is an error), the text goes to a temporary file that is then renamed over the target, so a reader
 * never sees half a file and an old one survives a failure. Private (0600): it holds progress.
 * Failures are data errors (exit 1) that start with `what`, e.g. "cannot write the report to X".
 */
export function writeOutputFile(file: string, text: string, what: string, opts = { createFolders: true }): void {
  if (!opts.createFolders && !existsSync(dirname(file)))
    throw dataError(`${what} ${file}: the folder ${dirname(file)} does not exist`);
  try {
    if (opts.createFolders) mkdirSync(dirname(file), { recursive: true });
    writeFileAtomic(file, text);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR' || code === 'ENOTEMPTY' || code === 'EEXIST'
        ? 'it is a folder'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'ENOTDIR'
            ? 'a part of the path is not a folder'
            : (error as Error).message;
    throw dataError(`${what} ${file}: ${why}`);
  }
}
