import { untrusted } from './render/untrusted.js';

/**
 * V8's message for a JSON syntax error, fit for a one-line error: it quotes the input ("garbage\n"
 * is not valid JSON), so the quote is made one line with its controls shown (untrusted), and the
 * position V8 appends is dropped (`at` says it better where a caller knows the line).
 */
export function jsonSyntaxMessage(error: unknown, opts: { at?: (offset: number) => string } = {}): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = / in JSON at position (\d+).*$/s.exec(message);
  const text = message.slice(0, position?.index).replace(/\s*\(line \d+ column \d+\)$/, '');
  const where = position && opts.at ? ` ${opts.at(Number(position[1]))}` : '';
  return untrusted(text, { oneLine: true }) + where;
}
