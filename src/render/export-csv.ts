import { untrusted } from './untrusted.js';
import type { ExportDocument } from '../progress/export.js';
import { passedByTopic } from '../coach/exercise-steps.js';

/**
 * The export as CSV (RFC 4180: CRLF, quotes doubled): one row per topic, for a spreadsheet.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
 * The prove stage's columns come last (so older sheets keep their columns): milestones or
 * checklist steps ticked of all, where a project stands, its latest check run, the proven projects
 * that prove the topic, and the evidence links (space-separated). Job applications are not topics,
 * and private: they stay in the JSON export.
 */
const COLUMNS = [
  'area',
  'area_title',
  'topic',
  'title',
  'status',
  'mastery',
  'self_rating',
  'quiz_score',
  'answered',
  'correct',
  'calibration',
  'mastered',
  'last_assessed',
  'next_review',
  'review_due',
  'items_done',
  'items_total',
  'project_stage',
  'checks',
  'proven_by',
  'evidence',
  'exercises_passed',
] as const;

function cell(value: string | number | boolean | undefined): string {
  if (value === undefined) return '';
  // Shown, never obeyed: a cell holds no control character (a spreadsheet or a terminal reads it).
  let text = typeof value === 'string' ? untrusted(value, { oneLine: true }) : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderExportCsv(doc: ExportDocument): string {
  const { summary } = doc;
  const passed = passedByTopic(doc.progress.events);
  const areaTitles = new Map(summary.areas.map((a) => [a.area, a.title]));
  const work = new Map(summary.portfolio?.work.map((w) => [w.topic, w]));
  const links = new Map<string, string[]>();
  for (const l of summary.portfolio?.links ?? []) links.set(l.topic, [...(links.get(l.topic) ?? []), l.url]);
  const rows = summary.topics.map((t) =>
    [
      t.area,
      areaTitles.get(t.area) ?? '',
      t.topic,
      t.title,
      t.status,
      t.mastery,
      t.rating,
      t.quizScore,
      t.answered,
      t.correct,
      t.calibration,
      t.mastered,
      t.lastAssessed,
      t.nextReview,
      t.due,
      work.get(t.topic)?.done,
      work.get(t.topic)?.total,
      work.get(t.topic)?.stage,
      work.get(t.topic)?.checks,
      t.provenBy?.map((p) => p.project).join(' '),
      links.get(t.topic)?.join(' '),
      passed.get(t.topic)?.size ?? 0,
    ]
      .map(cell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
