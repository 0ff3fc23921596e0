/**
 * A list prompt for a short numbered scale (the 0–4 self-rating): every choice shows its value,
 * and typing a value's number moves to it. inquirer's select counts number keys by position from
 * 1, so on a scale that starts at 0, pressing 3 picked 2. Arrows and Enter work as in select.
 * Loaded only when such a prompt is shown (prompts.ts).
 */
import {
  createPrompt,
  isDownKey,
  isEnterKey,
  isUpKey,
  makeTheme,
  useKeypress,
  usePrefix,
  useState,
} from '@inquirer/core';
import { styleText } from 'node:util';
import { displayWidth } from './render/width.js';

interface ScaleTheme {
  icon: { cursor: string };
  style: { keysHelpTip: (keys: [string, string][]) => string };
}

const scaleTheme: ScaleTheme = {
  icon: { cursor: '❯' },
  style: {
    keysHelpTip: (keys) =>
      keys
        .map(([key, action]) => `${styleText('bold', key)} ${styleText('dim', action)}`)
        .join(styleText('dim', ' • ')),
  },
};

export interface ScaleConfig<V> {
  message: string;
  choices: { value: V; name: string; short?: string }[];
  default?: V;
  /** Overrides of inquirer's theme (prompts.ts passes its colourless one). */
  theme?: object;
  /** The terminal's width: the answered line is wrapped at a space to fit it. */
  width?: number;
  /** Told the value under the cursor each time the list is drawn. */
  onActive?: (value: V) => void;
}

const HIDE_CURSOR = '\x1b[?25l';

export default createPrompt(<V extends number>(config: ScaleConfig<V>, done: (value: V) => void): string => {
  const { choices } = config;
  const theme = makeTheme<ScaleTheme>(scaleTheme, config.theme as Parameters<typeof makeTheme<ScaleTheme>>[0]);
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const prefix = usePrefix({ status, theme });
  const [active, setActive] = useState(
    Math.max(
      0,
      choices.findIndex((c) => c.value === config.default),
    ),
  );

  useKeypress((key, rl) => {
    if (isEnterKey(key)) {
      setStatus('done');
      done(choices[active]!.value);
      return;
    }
    if (isUpKey(key) || isDownKey(key)) setActive((active + (isUpKey(key) ? -1 : 1) + choices.length) % choices.length);
    else {
      const typed = choices.findIndex((c) => String(c.value) === key.name);
      if (typed >= 0) setActive(typed);
    }
    rl.clearLine(0);
  });

  const message = theme.style.message(config.message, status);
  const chosen = choices[active]!;
  if (status === 'done') {
    const answer = chosen.short ?? chosen.name;
    const line = [prefix, message, theme.style.answer(answer)].join(' ');
    // Too wide for the terminal: the answer goes on its own line rather than break mid-word.
    if (config.width === undefined || displayWidth(line) <= config.width) return line;
    return `${[prefix, message].join(' ')}\n  ${theme.style.answer(answer)}`;
  }
  config.onActive?.(chosen.value);
  const width = Math.max(...choices.map((c) => String(c.value).length));
  const lines = choices.map((c, i) => {
    const line = `${i === active ? theme.icon.cursor : ' '} ${String(c.value).padStart(width)}  ${c.name}`;
    return i === active ? theme.style.highlight(line) : line;
  });
  const range = `${choices[0]!.value}-${choices[choices.length - 1]!.value}`;
  const help = theme.style.keysHelpTip([
    ['↑↓', 'navigate'],
    [range, 'pick'],
    ['⏎', 'select'],
  ]);
  return `${[prefix, message].join(' ')}\n${lines.join('\n')}\n${help}${HIDE_CURSOR}`;
});
