import type { TopicExercise } from '../commands/topic-exercises.js';
import type { Style } from './style.js';
import { wrap } from './text.js';
import { untrusted } from './untrusted.js';

/** `show <topic>`: its exercises, each with its state and the command that starts or checks it. */
export function renderTopicExercises(exercises: readonly TopicExercise[], style: Style, width: number): string[] {
  if (exercises.length === 0) return [];
  const colour = { new: style.dim, started: style.yellow, passed: style.green };
  const lines = ['', style.bold(style.cyan('Exercises'))];
  for (const x of exercises) {
    const command = x.state === 'started' ? `pyroad practice check ${x.id}` : `pyroad practice ${x.id}`;
    const title = untrusted(x.title, { oneLine: true });
    // Colour goes on after wrapping, so escape codes never count toward the width.
    const text = wrap(`• ${title} (${x.state})`, width, '    ').replace(/^ {4}/, '  ');
    lines.push(text.replace(`(${x.state})`, `(${colour[x.state](x.state)})`), `    ${style.dim(command)}`);
  }
  // coach/practice-credit.ts: a pass is hands-on evidence, and the mastery above counts it.
  if (exercises.some((x) => x.state === 'passed'))
    lines.push(
      ...wrap('A passed exercise is hands-on evidence: your mastery of this topic counts it.', width, '  ')
        .split('\n')
        .map((line) => style.dim(line)),
    );
  return lines;
}
