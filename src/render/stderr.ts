/**
 * Error and warning lines as stderr shows them. At a terminal, a line wider than the terminal is
 * wrapped at spaces, its continuation lines indented two columns past its own indentation, so a
 * message does not run past the edge. A word is never broken: a file's path and line:col, an id or
 * a URL is copied from here, so one wider than the terminal runs past the edge on its own line (the
 * URL policy of render/text.ts). Piped, nothing changes: a script greps one line per message.
 */
import { wrapWhole } from './text.js';

/** The stream errors go to: whether it is a terminal, and how wide. */
export interface ErrorStream {
  isTTY?: boolean;
  columns?: number;
}

/** The text (one or more lines, a final newline kept) fitted to the stream's width if it is a terminal. */
export function fitErrorLines(text: string, stream: ErrorStream): string {
  const width = stream.isTTY && stream.columns ? Math.max(20, stream.columns) : undefined;
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => wrapWhole(line, width))
    .join('\n');
}
