import { appendFileSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { dataError } from '../errors.js';
import { PROGRESS_FORMAT, PROGRESS_VERSION, eventSchema, headerSchema, type ProgressEvent } from './schema.js';
import { emptyState, foldEvents, type ProgressState } from './state.js';

/**
 * The progress journal. FIRST VERSION: plain load and append. To be hardened (locking, torn
 * tails, migration, validated cache, recovery messages) — the API below is the contract.
 */
export class ProgressStore {
  constructor(readonly file: string) {}

  /** The folded state; an empty state when there is no file yet. Throws (exit 1) on a bad file. */
  load(): ProgressState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyState();
      throw dataError(`cannot read progress file ${this.file}: ${(error as Error).message}`);
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    if (lines.length === 0) return emptyState();
    headerSchema.parse(JSON.parse(lines[0]!));
    return foldEvents(lines.slice(1).map((l) => eventSchema.parse(JSON.parse(l))));
  }

  /** Appends events durably; creates the file (mode 0600) with its header when missing. */
  append(events: ProgressEvent[]): void {
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    let prefix = '';
    try {
      readFileSync(this.file);
    } catch {
      prefix = JSON.stringify({ format: PROGRESS_FORMAT, version: PROGRESS_VERSION, created: new Date().toISOString() }) + '\n';
    }
    appendFileSync(this.file, prefix + events.map((e) => JSON.stringify(e) + '\n').join(''), { mode: 0o600 });
  }
}
