import type { ProgressEvent } from './schema.js';

/**
 * Sane dates for records that come from a file (an import, a cohort's exports): pyroad stamps
 * each record with the clock when it happens, so one dated later than now (beyond a day, for
 * clocks and time zones that disagree a little) was not written by pyroad as it happened. Pure.
 */
export const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** How a record is named in a message: its kind and what it is about. */
export function describeRecord(event: ProgressEvent): string {
  switch (event.e) {
    case 'answer':
      return `the answer to "${event.question}"`;
    case 'session':
      return `the quiz session on area "${event.area}"`;
    case 'application':
      return `the application record "${event.ref}" (${event.stage})`;
    default:
      return `the ${event.e} record for "${event.topic}"`;
  }
}

/**
 * One problem per record dated more than a day after `now` (the first few, then a count), each
 * naming the record and its date.
 */
export function futureDated(events: readonly ProgressEvent[], now: Date, max = 5): string[] {
  const limit = now.getTime() + FUTURE_SLACK_MS;
  const late = events.filter((e) => Date.parse(e.at) > limit);
  const problems = late
    .slice(0, max)
    .map(
      (e) =>
        `${describeRecord(e)} is dated ${e.at}, after now (${now.toISOString().slice(0, 10)}): records cannot come from the future`,
    );
  if (late.length > max) problems.push(`... and ${late.length - max} more records dated in the future`);
  return problems;
}
