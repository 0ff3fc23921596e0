/**
 * The one module every prompt goes through. It loads @inquirer/prompts only when a prompt is
 * actually shown, turns Ctrl-C (and an aborted signal) into one error, PromptCancelled, and keeps
 * inquirer's colours in line with pyroad's colour decision. Tests replace this module, or drive
 * it through @inquirer/testing.
 */
import { styleText } from 'node:util';
import { EXIT, PyroadError } from './errors.js';
import { wrap } from './render/text.js';
import { displayWidth } from './render/width.js';

/** The user pressed Ctrl-C (or the run was aborted) at a prompt. Callers may add what was saved. */
export class PromptCancelled extends PyroadError {
  constructor() {
    super('interrupted', EXIT.interrupted);
    this.name = 'PromptCancelled';
  }
}

/**
 * The caller took the prompt down through its own signal (SelectOptions.signal), to ask it again
 * (after a resize, say): no answer, and not a cancel.
 */
export class PromptWithdrawn extends Error {
  constructor() {
    super('the prompt was withdrawn');
    this.name = 'PromptWithdrawn';
  }
}

export interface SelectChoice<V> {
  value: V;
  /** What is listed; may span several lines (it stays one item). */
  name: string;
  /** What is shown after the prompt once answered. */
  short?: string;
  description?: string;
}

export interface SelectOptions<V> {
  message: string;
  choices: SelectChoice<V>[];
  default?: V;
  /** Lines of choices shown at once. */
  pageSize?: number;
  /**
   * true: show "1." "2." … before the choices (number keys pick by position either way).
   * 'value': the values are a numbered scale (0–4): show each value, and a number key picks it.
   */
  numbered?: boolean | 'value';
  /** Shown before the answered prompt instead of ✔ (an answer to a quiz question is not "right" yet). */
  doneMark?: string;
  /** Whether moving past the last choice wraps to the first (inquirer's default: true). */
  loop?: boolean;
  /** The terminal's width when the view was made (the scale prompt fits its answered line to it). */
  width?: number;
  /** Aborting it takes the prompt down without an answer: PromptWithdrawn is thrown. */
  signal?: AbortSignal;
  /** Told the choice under the cursor each time the list is drawn (to ask again with it as `default`). */
  onActive?: (value: V) => void;
}

export interface ConfirmOptions {
  message: string;
  default?: boolean;
}

export interface CheckboxOptions<V> {
  message: string;
  /** `checked`: ticked when the prompt opens. */
  choices: (SelectChoice<V> & { checked?: boolean })[];
  pageSize?: number;
}

export interface Prompts {
  select<V>(options: SelectOptions<V>): Promise<V>;
  confirm(options: ConfirmOptions): Promise<boolean>;
  /** A list to tick and untick (space), Enter to finish: the values ticked then. */
  checkbox<V>(options: CheckboxOptions<V>): Promise<V[]>;
}

export interface PromptIO {
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
  /** Aborting it cancels the prompt on screen, or the next one at once. */
  signal?: AbortSignal;
  /** False: no colour in prompts either (--no-color, NO_COLOR). */
  color?: boolean;
}

const isCancel = (error: unknown): boolean =>
  error instanceof Error &&
  (error.name === 'ExitPromptError' || error.name === 'AbortPromptError' || error.name === 'CancelPromptError');

/**
 * Runs a prompt and maps every way of cancelling it to PromptCancelled: the one place that does. A
 * prompt taken down by the caller's own `withdraw` signal (and not also cancelled) is PromptWithdrawn.
 */
async function guard<T>(run: () => Promise<T>, cancel?: AbortSignal, withdraw?: AbortSignal): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isCancel(error) && withdraw?.aborted && !cancel?.aborted) throw new PromptWithdrawn();
    if (isCancel(error)) throw new PromptCancelled();
    throw error;
  }
}

/**
 * Which choice inquirer's select draws under the cursor, told through its `highlight` style (the
 * one thing it paints only on that choice: "❯ " or "❯ 3. " before the name).
 */
function watchActive<V>(
  choices: readonly SelectChoice<V>[],
  onActive: (value: V) => void,
  paint: (text: string) => string,
): (text: string) => string {
  return (text) => {
    const name = text.slice(text.indexOf(' ') + 1);
    const i = choices.findIndex((c, k) => name === c.name || name === `${k + 1}. ${c.name}`);
    if (i >= 0) onActive(choices[i]!.value);
    return paint(text);
  };
}

const plain = (s: string): string => s;
const plainTheme = {
  prefix: { idle: '?', done: '✔' },
  style: {
    answer: plain,
    message: plain,
    error: (s: string) => `> ${s}`,
    defaultAnswer: (s: string) => `(${s})`,
    help: plain,
    highlight: plain,
    key: (s: string) => `<${s}>`,
    description: plain,
    disabled: plain,
  },
};

export function createPrompts(io: PromptIO = {}): Prompts {
  const context = {
    ...(io.input ? { input: io.input } : {}),
    ...(io.output ? { output: io.output } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
  };
  /**
   * inquirer's key help under a list ("↑↓ navigate • space select • …"), broken between its items
   * to fit the terminal's width as it is now; inquirer's own would break mid-word ("i i/nvert").
   */
  const keysHelpTip = (keys: [string, string][]): string => {
    const columns = (io.output as { columns?: number } | undefined)?.columns ?? Infinity;
    const paint = io.color !== false;
    const sep = paint ? styleText('dim', ' • ') : ' • ';
    const lines: { text: string; width: number }[] = [];
    for (const [key, action] of keys) {
      const text = paint ? `${styleText('bold', key)} ${styleText('dim', action)}` : `${key} ${action}`;
      const width = displayWidth(`${key} ${action}`);
      const last = lines.at(-1);
      if (last && last.width + 3 + width <= columns) {
        last.text += sep + text;
        last.width += 3 + width;
      } else lines.push({ text, width });
    }
    return lines.map((l) => l.text).join('\n');
  };
  // inquirer merges a theme into its defaults, one level of `prefix` included.
  const theme = (extra: { prefix?: { done: string } } & Record<string, unknown> = {}) =>
    io.color === false ? { ...plainTheme, ...extra, prefix: { ...plainTheme.prefix, ...extra.prefix } } : extra;
  /** The theme of a list (select, the scale, checkbox): with the key help that fits. */
  const listTheme = (extra: { prefix?: { done: string } } & Record<string, unknown> = {}) => {
    const merged: Record<string, unknown> = theme(extra);
    return { ...merged, style: { ...(merged.style as object | undefined), keysHelpTip } };
  };
  /**
   * A message wrapped at spaces to the terminal's width as it is now (inquirer would cut it at the
   * edge, mid-word), continuation lines under its first word; `reserve`: columns taken around it.
   */
  const fit = (message: string, reserve: number): string => {
    const columns = (io.output as { columns?: number } | undefined)?.columns;
    if (!columns || displayWidth(message) + reserve <= columns) return message;
    return wrap(message, Math.max(20, columns - reserve)).replace(/\n/g, '\n  ');
  };
  // A prompt's own signal (a redraw) joins the session's (Ctrl-C, SIGTERM).
  const withSignal = (signal?: AbortSignal) =>
    signal ? { ...context, signal: io.signal ? AbortSignal.any([io.signal, signal]) : signal } : context;
  return {
    select: <V>(options: SelectOptions<V>) =>
      guard(
        async () => {
          const context = withSignal(options.signal);
          if (options.numbered === 'value') {
            const { default: scale } = await import('./scale-prompt.js');
            return (await scale(
              {
                message: fit(options.message, 2),
                choices: options.choices as SelectChoice<number>[],
                ...(options.default !== undefined ? { default: options.default as number } : {}),
                ...(options.width !== undefined ? { width: options.width } : {}),
                ...(options.onActive ? { onActive: options.onActive as (value: number) => void } : {}),
                theme: listTheme(),
              },
              context,
            )) as V;
          }
          const { select } = await import('@inquirer/prompts');
          const paint = io.color === false ? plain : (s: string) => styleText('cyan', s);
          return select<V>(
            {
              message: fit(options.message, 2),
              choices: options.choices,
              ...(options.default !== undefined ? { default: options.default } : {}),
              ...(options.pageSize ? { pageSize: options.pageSize } : {}),
              ...(options.loop !== undefined ? { loop: options.loop } : {}),
              theme: listTheme({
                ...(options.numbered ? { indexMode: 'number' } : {}),
                ...(options.doneMark !== undefined ? { prefix: { done: options.doneMark } } : {}),
                ...(options.onActive
                  ? {
                      style: {
                        ...(io.color === false ? plainTheme.style : {}),
                        highlight: watchActive(options.choices, options.onActive, paint),
                      },
                    }
                  : {}),
              }),
            },
            context,
          );
        },
        io.signal,
        options.signal,
      ),
    confirm: (options: ConfirmOptions) =>
      guard(async () => {
        const { confirm } = await import('@inquirer/prompts');
        // "? " before the message, " (Y/n)" after it.
        return confirm({ message: fit(options.message, 8), default: options.default ?? true, theme: theme() }, context);
      }),
    checkbox: <V>(options: CheckboxOptions<V>) =>
      guard(async () => {
        const { checkbox } = await import('@inquirer/prompts');
        return checkbox<V>(
          {
            message: fit(options.message, 2),
            choices: options.choices.map((c) => ({
              value: c.value,
              name: c.name,
              ...(c.short !== undefined ? { short: c.short } : {}),
              checked: c.checked === true,
            })),
            ...(options.pageSize ? { pageSize: options.pageSize } : {}),
            theme: listTheme(),
          },
          context,
        );
      }),
  };
}
