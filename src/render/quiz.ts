/**
 * Terminal rendering of the quiz: question text with fenced code blocks, choices (a multi-line
 * choice stays one item), feedback and the progress line. Text in, text out; colour via Style.
 */
import { untrusted } from './untrusted.js';
import { displayWidth, truncate } from './width.js';
import { RATING_LABELS } from '../progress/schema.js';
import type { SelectChoice, SelectOptions } from '../prompts.js';
import type { Feedback, Step } from '../quiz/session.js';
import type { Question } from '../roadmap/schema.js';
import type { Style } from './style.js';
import { inlineCode, wrap } from './text.js';

export type Block = { kind: 'text'; text: string } | { kind: 'code'; lang: string; lines: string[] };

const FENCE = /^(\s*)```\s*([\w+#.-]*)\s*$/;

/** Splits text into prose and fenced code blocks (```lang … ```). An unclosed fence runs to the end. */
export function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.some((l) => l.trim() !== ''))
      blocks.push({ kind: 'text', text: prose.join('\n').replace(/^\n+|\n+$/g, '') });
    prose = [];
  };
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) {
      prose.push(lines[i]!);
      continue;
    }
    flush();
    const indent = open[1]!.length;
    const code: string[] = [];
    for (i++; i < lines.length && !/^\s*```\s*$/.test(lines[i]!); i++) {
      const line = lines[i]!;
      // Drop the fence's own indentation, never the code's.
      code.push(/^\s*$/.test(line.slice(0, indent)) ? line.slice(indent) : line);
    }
    while (code.length && code.at(-1)!.trim() === '') code.pop();
    blocks.push({ kind: 'code', lang: open[2]!, lines: code });
  }
  flush();
  return blocks;
}

/**
 * Splits one code line to fit `room` columns, keeping its indentation: it breaks at a space when
 * one is near the end, else mid-token; continuation lines start at the same indentation with ↪.
 */
export function wrapCodeLine(line: string, room: number): string[] {
  const text = line.replace(/\t/g, '    ').trimEnd();
  if (text.length <= room) return [text];
  const lead = /^\s*/.exec(text)![0];
  const cont = `${lead.length < room / 2 ? lead : ''}↪ `;
  const out: string[] = [];
  let rest = text;
  let prefix = '';
  while (prefix.length + rest.length > room) {
    const fit = Math.max(1, room - prefix.length);
    const space = rest.lastIndexOf(' ', fit);
    const cut = space > fit * 0.6 && rest.slice(0, space).trim() !== '' ? space + 1 : fit;
    out.push(prefix + rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut);
    prefix = cont;
  }
  if (rest.length) out.push(prefix + rest);
  return out;
}

/** Prose: lines of a paragraph are joined and re-wrapped, except list items and indented lines. */
function proseLines(text: string, width: number, indent: string, style: Style): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];
  const push = () => {
    if (current.length) paragraphs.push(current.join(' '));
    current = [];
  };
  for (const raw of text.split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      push();
      paragraphs.push('');
    } else if (/^\s*([-*•]|\d+[.)])\s/.test(line) || /^\s{2,}/.test(line)) {
      push();
      current.push(line);
    } else current.push(current.length ? line.trim() : line);
  }
  push();
  return paragraphs.flatMap((p) =>
    p === ''
      ? ['']
      : wrap(p, width, indent)
          .split('\n')
          .map((l) => inlineCode(l, style)),
  );
}

function codeLines(lines: string[], width: number, indent: string, style: Style): string[] {
  const gutter = `${indent}${style.dim('│')} `;
  const room = Math.max(10, width - indent.length - 2);
  return lines.flatMap((line) => wrapCodeLine(line, room).map((l) => (l ? gutter + l : gutter.trimEnd())));
}

/**
 * Renders question or choice text for a terminal `width` wide: prose wrapped, code blocks with a
 * gutter and their indentation kept.
 */
export function renderRich(text: string, width: number, style: Style, indent = ''): string[] {
  const blocks = parseBlocks(untrusted(text));
  const out: string[] = [];
  blocks.forEach((block, i) => {
    if (i > 0 && out.at(-1) !== '') out.push('');
    if (block.kind === 'code') out.push(...codeLines(block.lines, width, indent, style));
    else out.push(...proseLines(block.text, width, indent, style));
  });
  while (out.length && out.at(-1) === '') out.pop();
  return out;
}

/**
 * A choice: like renderRich, except that a multi-line choice without fences (program output, say)
 * is shown verbatim, like code: its line breaks are the answer.
 */
export function renderChoice(text: string, width: number, style: Style, indent = ''): string[] {
  const body = untrusted(text).replace(/\s+$/, '');
  if (body.includes('\n') && !body.includes('```')) return codeLines(body.split('\n'), width, indent, style);
  return renderRich(body, width, style, indent);
}

/** A choice as one line for the answered prompt and the feedback: its first non-fence line. */
export function choiceHeadline(text: string, max = 48, stripCode = false): string {
  const found =
    text
      .split('\n')
      .map((l) => l.trim())
      .find((l) => l !== '' && !l.startsWith('```')) ?? '';
  // In colour the list shows code spans without backticks: so does the echo, cut or not.
  const first = untrusted(stripCode ? found.replace(/`([^`]+)`/g, '$1') : found, { oneLine: true });
  const more = text.trim().includes('\n');
  return displayWidth(first) > max ? truncate(first, max) : more ? `${first} …` : first;
}

/** Columns taken by inquirer before a choice's text: "❯ " plus "1. " when numbered. */
export const CHOICE_PAD = 5;

export interface View {
  /** Printed above the prompt. */
  text: string;
  select: SelectOptions<number>;
}

/** "Networking and HTTP · question 3 of 12" */
export function progressLine(title: string, step: Step): string {
  const areaTitle = untrusted(title, { oneLine: true });
  if (step.kind === 'question') return `${areaTitle} · question ${step.number} of ${step.total}`;
  if (step.kind === 'rate') return `${areaTitle} · topic ${step.number} of ${step.count}`;
  return areaTitle;
}

const ratingName = (value: number): string => RATING_LABELS[value] ?? String(value);
export const ratingText = (value: number): string => `${value} · ${ratingName(value)}`;

/** The screen for a self-rating step. */
export function rateView(step: Extract<Step, { kind: 'rate' }>, areaTitle: string, style: Style, width: number): View {
  const text = [
    '',
    style.dim(progressLine(areaTitle, step)),
    style.bold(untrusted(step.topic.title, { oneLine: true })),
    ...proseLines(untrusted(step.topic.summary), width, '  ', style).map((l) => style.dim(l)),
    '',
  ].join('\n');
  const choices: SelectChoice<number>[] = RATING_LABELS.map((label, value) => ({
    value,
    name: `${label}${step.previous === value ? style.dim('  (your last rating)') : ''}`,
    short: ratingText(value),
  }));
  return {
    text,
    select: {
      message: `How well do you know ${untrusted(step.topic.title, { oneLine: true })}?`,
      choices,
      ...(step.previous !== undefined ? { default: step.previous } : {}),
      pageSize: choices.length,
      numbered: 'value',
      width,
    },
  };
}

/** Lines a choice takes in the list; the value is the choice's index in the roadmap file. */
export function choiceItems(question: Question, order: number[], style: Style, width: number): SelectChoice<number>[] {
  const room = Math.max(20, width - CHOICE_PAD);
  const rendered = order.map((k) => renderChoice(question.choices[k]!, room, style));
  const tall = rendered.some((lines) => lines.length > 1);
  return order.map((k, i) => {
    const lines = rendered[i]!;
    const pad = ' '.repeat(CHOICE_PAD);
    // Continuation lines line up under the first; a blank line separates tall choices.
    const name = lines.join(`\n${pad}`) + (tall && i < order.length - 1 ? '\n' : '');
    // The answer echoed as the list showed it: in colour, code spans without their backticks.
    // "› Your answer " takes 14 columns and "1. " 3 more: the echo fits on its line.
    const max = Math.max(12, Math.min(48, width - 18));
    return { value: k, name, short: `${i + 1}. ${choiceHeadline(question.choices[k]!, max, style.enabled)}` };
  });
}

/** The screen for a question step: progress line, topic, the question, then the choices. */
export function questionView(
  step: Extract<Step, { kind: 'question' }>,
  areaTitle: string,
  style: Style,
  width: number,
  rows = 40,
): View {
  const progress = progressLine(areaTitle, step);
  // One line when it fits: "Networking · question 3 of 12 · HTTP"; else the topic goes below.
  const title = untrusted(step.topic.title, { oneLine: true });
  const heading =
    displayWidth(progress) + 3 + displayWidth(title) <= width
      ? `${style.dim(`${progress} ·`)} ${style.bold(title)}`
      : `${style.dim(progress)}\n${style.bold(title)}`;
  const text = ['', heading, '', ...renderRich(step.question.prompt, width, style, '  '), ''].join('\n');
  const choices = choiceItems(step.question, step.order, style, width);
  const lines = choices.reduce((n, c) => n + c.name.split('\n').length, 0);
  // The question stays on screen: the choices get the rows left under it (the prompt line, a
  // blank, the "more" line and the key help take 4), and scroll when they need more.
  const room = rows - text.split('\n').length - 4;
  const pageSize = Math.max(3, Math.min(lines, room));
  const scrolls = lines > pageSize;
  return {
    text,
    select: {
      message: 'Your answer',
      choices: scrolls ? choices.map((c, i) => ({ ...c, description: moreMarker(i, choices.length, style) })) : choices,
      numbered: true,
      doneMark: '›',
      pageSize,
      // Scrolling past the end does not wrap, so the order reads the same as it was written.
      ...(scrolls ? { loop: false } : {}),
    },
  };
}

/** Under a list taller than the screen: where the cursor is, and that there is more (↑↓). */
export function moreMarker(i: number, count: number, style: Style): string {
  const where = i === 0 ? 'more below ↓' : i === count - 1 ? 'more above ↑' : 'more above and below ↕';
  return style.dim(`choice ${i + 1} of ${count} · ${where}`);
}

/** Right or wrong, the right answer (as numbered on screen) and the explanation. */
export function renderFeedback(feedback: Feedback, order: number[], style: Style, width: number): string {
  const { question } = feedback;
  const shownAs = order.indexOf(question.answer) + 1;
  const lines: string[] = [];
  if (feedback.correct) lines.push(style.green('✔ Correct.'));
  else {
    lines.push(`${style.red('✘ Not quite.')} The right answer is ${style.bold(String(shownAs))}:`);
    lines.push(...renderChoice(question.choices[question.answer]!, width, style, '    '));
  }
  // Code in an explanation renders as code, as in the question (renderRich passes it through untrusted).
  if (question.explanation) lines.push(...renderRich(question.explanation, width, style, '  '));
  return lines.join('\n');
}
