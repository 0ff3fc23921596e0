import type { Cohort, CohortRow } from '../coach/cohort.js';
import { wrap } from './text.js';
import { untrusted } from './untrusted.js';
import { displayWidth, truncate } from './width.js';

/** `pyroad cohort` as text: a table, one row per learner, then the common gaps. */
const pct = (x: number) => `${Math.round(x * 100)}%`;
const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : '–');

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(0, width - displayWidth(text)));

export function renderCohortTable(cohort: Cohort, columns: number): string {
  const header = ['learner', 'stage', 'ready', 'areas', 'built', 'proven', 'active', 'overdue', 'top gap'];
  const cells = cohort.learners.map((r: CohortRow) => [
    untrusted(r.name, { oneLine: true }),
    r.stage,
    pct(r.readiness),
    `${r.areasDone}/${r.areas}`,
    String(r.projectsBuilt),
    String(r.projectsProven),
    day(r.lastActive),
    String(r.reviewsOverdue),
    untrusted(r.gaps[0]?.split(':')[0] ?? '–', { oneLine: true }),
  ]);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...cells.map((c) => displayWidth(c[i]!))));
  // The name and the gap give way when the terminal is narrow.
  const fixed = widths.slice(1, -1).reduce((a, b) => a + b + 2, 0);
  widths[0] = Math.min(widths[0]!, Math.max(8, Math.floor((columns - fixed) / 2)));
  widths[8] = Math.max(6, Math.min(widths[8]!, columns - fixed - widths[0]! - 4));
  const line = (row: string[]) =>
    row
      .map((c, i) => pad(truncate(c, widths[i]!), widths[i]!))
      .join('  ')
      .trimEnd();
  // Too narrow for the table (the fixed columns and a short name): one block per learner instead.
  const table = fixed + 8 + 2 + 6 <= columns;
  const block = (c: string[]) =>
    `${wrap(c[0]!, columns)}\n${wrap(
      header
        .slice(1)
        .map((h, i) => `${h} ${c[i + 1]!}`)
        .join(' · '),
      columns,
      '  ',
    )}`;
  const out = [
    wrap(
      `Cohort: ${cohort.learners.length} learner${cohort.learners.length === 1 ? '' : 's'} on ${untrusted(cohort.roadmap, { oneLine: true })}`,
      columns,
    ),
    '',
    ...(table ? [line(header), ...cells.map(line)] : cells.map(block)),
    '',
    wrap(
      'ready: toward the goal · areas: mastered of all · built/proven: portfolio projects with every milestone ticked / whose checks all passed · active: last record · overdue: reviews due · top gap: the coach’s first gap',
      Math.min(columns, 100),
    ),
  ];
  if (cohort.commonGaps.length) {
    out.push('', 'Common gaps');
    for (const g of cohort.commonGaps)
      out.push(
        wrap(
          `${g.learners} of ${g.of} learners are weak in ${untrusted(g.title, { oneLine: true })} (${untrusted(g.topic, { oneLine: true })})`,
          columns,
          '  ',
        ),
      );
  } else if (cohort.learners.length > 1) out.push('', 'No topic that two or more learners are weak in.');
  return out.join('\n');
}

const CSV_COLUMNS = [
  'learner',
  'file',
  'stage',
  'readiness',
  'areas_done',
  'areas',
  'projects_built',
  'projects_proven',
  'last_active',
  'reviews_overdue',
  'top_gaps',
] as const;

function cell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = typeof value === 'string' ? untrusted(value, { oneLine: true }) : String(value);
  // A spreadsheet would run text starting with =, +, -, @ as a formula.
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One row per learner, RFC 4180 (CRLF, quotes doubled), for a spreadsheet. */
export function renderCohortCsv(cohort: Cohort): string {
  const rows = cohort.learners.map((r) =>
    [
      r.name,
      r.file,
      r.stage,
      r.readiness,
      r.areasDone,
      r.areas,
      r.projectsBuilt,
      r.projectsProven,
      r.lastActive,
      r.reviewsOverdue,
      r.gaps.join('; '),
    ]
      .map(cell)
      .join(','),
  );
  return [CSV_COLUMNS.join(','), ...rows].map((l) => `${l}\r\n`).join('');
}
