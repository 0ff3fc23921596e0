/**
 * `Date.prototype.toISOString`, without the time-zone set-up V8 does the first time a process
 * formats a date: it reads /etc/localtime and the zone database (1–2 ms, and more with TZ set),
 * which `next`, `status` and `plan` would pay only to write a UTC time (issue 19). The UTC getters
 * need no zone. Outside years 0–9999 (where toISOString writes a six-digit signed year) and for an
 * invalid date it defers to toISOString itself, so the result, or the RangeError, is the same.
 * Pure.
 */
export function isoTime(time: number | Date): string {
  const d = typeof time === 'number' ? new Date(time) : time;
  const year = d.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return d.toISOString();
  return `${pad(year, 4)}-${pad(d.getUTCMonth() + 1, 2)}-${pad(d.getUTCDate(), 2)}T${pad(d.getUTCHours(), 2)}:${pad(
    d.getUTCMinutes(),
    2,
  )}:${pad(d.getUTCSeconds(), 2)}.${pad(d.getUTCMilliseconds(), 3)}Z`;
}

/** The UTC day of a time, YYYY-MM-DD, as `toISOString().slice(0, 10)` gives it. */
export const isoDay = (time: number | Date): string => isoTime(time).slice(0, 10);

const pad = (n: number, width: number): string => String(n).padStart(width, '0');
