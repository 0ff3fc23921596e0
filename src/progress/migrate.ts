import { describeIssue, progressSchemas, type ProgressEvent, type ProgressV1 } from './schema.js';
import { jsonSyntaxMessage } from '../json-error.js';

/**
 * Version 1 of the progress file was one JSON document (`progress.json`) holding the latest
 * rating and status per topic and every answer. Pure: text in, events or problems out.
 */
export type V1Parse = { events: ProgressEvent[] } | { problems: string[] } | { newerVersion: number };

export function parseV1(text: string): V1Parse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { problems: [`it is not valid JSON (${jsonSyntaxMessage(error)})`] };
  }
  const version = (data as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > 1) return { newerVersion: version };
  const result = progressSchemas().v1.safeParse(data);
  if (!result.success) return { problems: result.error.issues.map((i) => describeIssue(i)) };
  return { events: eventsFromV1(result.data) };
}

/** Times become UTC ISO strings, so that events compare in order as strings (state.ts). */
const utc = (at: string) => new Date(at).toISOString();

/** The journal events that say what a version-1 document said, in time order. */
export function eventsFromV1(doc: ProgressV1): ProgressEvent[] {
  const events: ProgressEvent[] = [];
  for (const [topic, r] of Object.entries(doc.ratings))
    events.push({ e: 'rating', at: utc(r.at), topic, value: r.value });
  for (const [topic, s] of Object.entries(doc.statuses))
    events.push({ e: 'status', at: utc(s.at), topic, status: s.status });
  for (const a of doc.answers)
    events.push({
      e: 'answer',
      at: utc(a.at),
      topic: a.topic,
      question: a.question,
      choice: a.choice,
      correct: a.correct,
    });
  // A stable sort: events at the same moment keep the order above.
  return events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}
