/**
 * The placement map: per area what the placement's answers say ("knows it", "partly", "new"), the
 * evidence, how it compares with the self-ratings on record, and where to go next. Pure data,
 * JSON-ready (`assess --placement --json` prints it as is; schema/placement.schema.json).
 */
import { selfRatingCalibration } from '../coach/ability.js';
import type { ProgressState } from '../progress/state.js';
import type { Area } from '../roadmap/schema.js';
import { evidenceText, type AreaPlacement } from './placement.js';

export interface MapArea extends AreaPlacement {
  /** "3 of 3 right, up to hard". */
  evidence: string;
  /** The mean self-rating (0..4) of the area's rated topics, when any are rated. */
  selfRating: number | null;
  /** The self-rating against the placement estimate (ability.ts, `selfRatingCalibration`). */
  calibration: 'over-confident' | 'under-confident' | 'consistent' | 'unknown';
}

export interface PlacementMap {
  session: string;
  /** Every area was placed (false after Ctrl-C). */
  complete: boolean;
  /** Answers kept from an interrupted placement that this one went on with (0 for a fresh one). */
  resumed: number;
  answered: number;
  correct: number;
  areas: MapArea[];
  next: { text: string; command: string };
}

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function buildPlacementMap(
  session: string,
  results: readonly AreaPlacement[],
  areas: readonly Area[],
  state: Pick<ProgressState, 'topics'>,
  complete: boolean,
  resumed = 0,
): PlacementMap {
  const byId = new Map(areas.map((a) => [a.id, a]));
  const mapAreas = results.map((r): MapArea => {
    const area = byId.get(r.area);
    const ratings = (area?.topics ?? [])
      .map((t) => state.topics.get(t.id)?.rating?.value)
      .filter((v): v is number => v !== undefined);
    const selfRating = ratings.length ? round1(ratings.reduce((a, b) => a + b, 0) / ratings.length) : null;
    const calibration =
      selfRating === null || r.theta === null || r.se === null
        ? 'unknown'
        : selfRatingCalibration(selfRating, { theta: r.theta, se: r.se, answered: r.answered });
    return { ...r, evidence: evidenceText(r), selfRating, calibration };
  });
  const placed = mapAreas.filter((a) => a.verdict !== null);
  const gap = placed.find((a) => a.verdict !== 'knows it');
  const next = gap
    ? { text: `Start where the path needs you: ${gap.title}`, command: `pyroad next --area ${gap.area}` }
    : { text: 'Get your next steps', command: 'pyroad next' };
  return {
    session,
    complete,
    resumed,
    answered: placed.reduce((n, a) => n + a.answered, 0),
    correct: placed.reduce((n, a) => n + a.correct, 0),
    areas: mapAreas,
    next,
  };
}
