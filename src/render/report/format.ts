/** Numbers and dates as the report shows them. Fixed English and UTC, so output is reproducible. */

export const pct = (value: number | undefined): string =>
  value === undefined || !Number.isFinite(value) ? '—' : `${Math.round(Math.min(1, Math.max(0, value)) * 100)}%`;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const parse = (iso: string | undefined): Date | undefined => {
  if (!iso) return undefined;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** "3 Mar 2026"; "—" when missing; the input itself when it is not a date. */
export function day(iso: string | undefined): string {
  const date = parse(iso);
  if (!date) return iso ?? '—';
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** "3 Mar", for chart axes. */
export function shortDay(iso: string): string {
  const date = parse(iso);
  return date ? `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]}` : iso;
}

/** "today", "in 3 days", "5 days ago", by calendar day in UTC. */
export function relativeDay(iso: string | undefined, now: string): string | undefined {
  const date = parse(iso);
  const ref = parse(now);
  if (!date || !ref) return undefined;
  const utcDay = (d: Date) => Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const days = Math.round((utcDay(date) - utcDay(ref)) / 86_400_000);
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  if (days === -1) return 'yesterday';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

/** Shortens text to `max` characters at a word boundary where possible, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}
