import { readFileSync, statSync } from 'node:fs';
import type { Context } from './context.js';
import { PyroadError, dataError } from './errors.js';
import { fitErrorLines } from './render/stderr.js';

/**
 * The text of a file named on the command line, or of stdin for `-`. A file that cannot be read
 * is a data error (exit 1) that starts with `what`, e.g. "cannot import progress.json: file not found".
 */
export async function readInput(ctx: Context, source: string, what: string): Promise<string> {
  if (source === '-') {
    // On a terminal nothing arrives until the user types or pastes: say so rather than wait silently.
    if (ctx.streams.stdin.isTTY)
      ctx.streams.stderr.write(
        fitErrorLines(
          'pyroad: reading from the terminal: paste the text, then press Ctrl-D on a line of its own (Ctrl-C cancels).\n',
          ctx.streams.stderr,
        ),
      );
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.streams.stdin)
      chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks).toString('utf8');
  }
  const fail = (why: string) => dataError(`${what} ${source}: ${why}`);
  try {
    if (statSync(source).isDirectory()) throw fail('it is a directory, not a file');
    return readFileSync(source, 'utf8');
  } catch (error) {
    if (error instanceof PyroadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(
      code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : (error as Error).message,
    );
  }
}
