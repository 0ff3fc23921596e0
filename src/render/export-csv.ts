import { untrusted } from './untrusted.js';
import type { ExportDocument } from '../progress/export.js';
import { passedByTopic } from '../coach/exercise-steps.js';

/**
 * The export as CSV (RFC 4180: CRLF, quotes doubled): one row per topic, for a spreadsheet.
 * Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe.
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
      passed.get(t.topic)?.size ?? 0,
    ]
      .map(cell)
      .join(','),
  );
  return `${[COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
