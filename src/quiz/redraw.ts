/**
 * Asking a question so that it fits the terminal even when the terminal is resized while the
 * question waits. inquirer draws a prompt only when a key is pressed, so a narrower window would
 * leave it cut and garbled. While a prompt is open, a resize takes it down, clears the screen and
 * draws the question again at the new width, the cursor on the choice it was on. No answer was
 * given, so nothing is recorded; times are taken when the answer comes, so none is counted twice.
 */
import { PromptWithdrawn, type SelectOptions } from '../prompts.js';
import type { Screen } from './run.js';

/** What a question shows: the text printed above the prompt (if any), and the prompt. */
export interface Drawn<V> {
  text?: string;
  select: SelectOptions<V>;
}

/**
 * Prints `draw()`'s text and asks its prompt; on a resize, asks again with a fresh `draw()` (which
 * reads the new width). `above` re-renders what stood just above the question (the feedback on the
 * last answer), so clearing the screen does not take it from the learner's eyes.
 */
export async function askFitting<V>(
  screen: Screen,
  draw: () => Drawn<V>,
  above: () => string | undefined = () => undefined,
): Promise<V> {
  let active: V | undefined;
  for (let redraw = false; ; redraw = true) {
    const { text, select } = draw();
    if (redraw) {
      screen.clear?.();
      const before = above();
      if (before) screen.print(before);
    }
    if (text !== undefined) screen.print(text);
    if (!screen.onResize) return screen.prompts.select(select);
    const withdraw = new AbortController();
    const stop = screen.onResize(() => withdraw.abort());
    try {
      return await screen.prompts.select({
        ...select,
        ...(active !== undefined ? { default: active } : {}),
        signal: withdraw.signal,
        onActive: (value) => (active = value),
      });
    } catch (error) {
      if (!(error instanceof PromptWithdrawn)) throw error;
    } finally {
      stop();
    }
  }
}
