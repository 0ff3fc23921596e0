import { canonicalEvent } from './format.js';
import type { AnswerEvent, ProgressEvent, Status } from './schema.js';

export interface TopicProgress {
  /** Latest self-rating, 0..4. */
  rating?: { value: number; at: string };
  /** Every rating in time order (for history and calibration over time). */
  ratings: { value: number; at: string }[];
  /** Every quiz answer in time order. */
  answers: AnswerEvent[];
  status?: { status: Status; at: string };
}

export interface SessionInfo {
  id: string;
  area: string;
  started: string;
  ended?: string;
  /** Question ids answered in this session. */
  answered: Set<string>;
}

/** Progress as the coach and commands see it: a fold over the journal's events. */
export interface ProgressState {
  events: ProgressEvent[];
  topics: Map<string, TopicProgress>;
  sessions: Map<string, SessionInfo>;
}

export function emptyState(): ProgressState {
  return { events: [], topics: new Map(), sessions: new Map() };
}

function topicOf(state: ProgressState, topic: string): TopicProgress {
  let entry = state.topics.get(topic);
  if (!entry) {
    entry = { ratings: [], answers: [] };
    state.topics.set(topic, entry);
  }
  return entry;
}

/**
 * Applies one event. Events are folded in journal order; for ratings and statuses the one with the
 * later `at` wins, so a merge of two journals gives the same state whatever the line order.
 */
export function applyEvent(state: ProgressState, event: ProgressEvent): void {
  state.events.push(event);
  switch (event.e) {
    case 'rating': {
      const t = topicOf(state, event.topic);
      const rating = { value: event.value, at: event.at };
      t.ratings.push(rating);
      if (!t.rating || t.rating.at <= event.at) t.rating = rating;
      return;
    }
    case 'answer': {
      topicOf(state, event.topic).answers.push(event);
      if (event.session) state.sessions.get(event.session)?.answered.add(event.question);
      return;
    }
    case 'status': {
      const t = topicOf(state, event.topic);
      if (!t.status || t.status.at <= event.at) t.status = { status: event.status, at: event.at };
      return;
    }
    case 'session': {
      const existing = state.sessions.get(event.session);
      if (event.phase === 'start') {
        if (!existing)
          state.sessions.set(event.session, {
            id: event.session,
            area: event.area,
            started: event.at,
            answered: new Set(),
          });
      } else if (existing) {
        existing.ended = event.at;
      }
      return;
    }
  }
}

export function foldEvents(events: Iterable<ProgressEvent>): ProgressState {
  const state = emptyState();
  for (const event of events) applyEvent(state, event);
  return state;
}

/** The latest unfinished assess session for an area, if any (what `assess` offers to resume). */
export function unfinishedSession(state: ProgressState, area: string): SessionInfo | undefined {
  let latest: SessionInfo | undefined;
  for (const session of state.sessions.values())
    if (session.area === area && session.ended === undefined && (!latest || latest.started <= session.started))
      latest = session;
  return latest;
}

/**
 * A stable key for de-duplicating events when journals are merged: the whole event, fields in a
 * fixed order (an event read back from a file may list them in another order).
 */
export function eventKey(event: ProgressEvent): string {
  return JSON.stringify(canonicalEvent(event));
}

/** The events without exact duplicates, first occurrence kept, order otherwise unchanged. */
export function uniqueEvents(events: Iterable<ProgressEvent>, seen = new Set<string>()): ProgressEvent[] {
  const out: ProgressEvent[] = [];
  for (const event of events) {
    const key = eventKey(event);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(event);
  }
  return out;
}
