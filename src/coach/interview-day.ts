/** How far ahead an interview can be booked: about two years. */
export const INTERVIEW_MAX_DAYS_AHEAD = 730;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Why an interview day (YYYY-MM-DD, already a valid date) cannot be right, or undefined: it
 * cannot be before the day the application was added, nor more than about two years from now.
 * Pure: the dates and the clock come in.
 */
export function interviewDayProblem(day: string, appliedAt: string, now: Date): string | undefined {
  const on = Date.parse(`${day}T00:00:00Z`);
  const applied = appliedAt.slice(0, 10);
  if (day < applied) return `--on ${day} is before the application was added (${applied})`;
  const latest = new Date(now.getTime() + INTERVIEW_MAX_DAYS_AHEAD * DAY_MS).toISOString().slice(0, 10);
  if (on > Date.parse(`${latest}T00:00:00Z`))
    return `--on ${day} is more than two years ahead (${latest} at the latest)`;
  return undefined;
}
