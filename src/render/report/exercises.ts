import { html, type Fragment } from './html.js';

/** Exercises passed in one area (coach/exercise-steps.ts, exerciseTally). */
export interface AreaExercises {
  area: string;
  title: string;
  passed: number;
  total: number;
}

/** The report's "Exercises" card: passed out of the total, per area that has exercises. */
export function exercisesCard(areas: readonly AreaExercises[] | undefined): Fragment {
  if (!areas?.length) return html``;
  const passed = areas.reduce((n, a) => n + a.passed, 0);
  const total = areas.reduce((n, a) => n + a.total, 0);
  return html`<section class="card span-4" id="exercises" aria-labelledby="exercises-h">
    <div class="card-head">
      <h2 id="exercises-h">Exercises</h2>
      <p>${passed} of ${total} passed</p>
    </div>
    <ul class="gaps">
      ${areas.map((a) => html`<li>${a.title}: ${a.passed} of ${a.total} passed</li>`)}
    </ul>
  </section>`;
}
