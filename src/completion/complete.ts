import type { CompletionNode, CompletionOption, ValueKind } from './tree.js';

/** The ids of the roadmap in use, by kind (empty when it cannot be read). */
export interface RoadmapIds {
  areas: string[];
  topics: string[];
  projects: string[];
  /** Projects that have HTTP checks: the only ones `pyroad check` runs. */
  checked: string[];
  /** Exercise ids for the roadmap's topics (`pyroad practice`). */
  exercises: string[];
}

/**
 * What the shell should offer: words (already filtered by what was typed), or the shell's own
 * completion of paths. `pyroad __complete` prints words one per line, or `:file` / `:dir`.
 */
export type Completion = { kind: 'words'; words: string[] } | { kind: 'file' } | { kind: 'dir' };

const NONE: Completion = { kind: 'words', words: [] };

function findOption(options: readonly CompletionOption[], word: string): CompletionOption | undefined {
  const flag = word.split('=')[0]!;
  return options.find((o) => o.flags.includes(flag));
}

function valuesOf(kind: ValueKind, ids: RoadmapIds, typed: string): Completion {
  switch (kind.kind) {
    case 'file':
    case 'dir':
      return { kind: kind.kind };
    case 'none':
      return NONE;
    case 'words':
      return { kind: 'words', words: kind.words.filter((w) => w.startsWith(typed)) };
    case 'ids': {
      const all =
        kind.of === 'any'
          ? [...ids.areas, ...ids.topics]
          : {
              area: ids.areas,
              project: ids.projects,
              checked: ids.checked,
              topic: ids.topics,
              exercise: ids.exercises,
            }[kind.of];
      return { kind: 'words', words: all.filter((id) => id.startsWith(typed)) };
    }
  }
}

/**
 * Completes the last of `words` (the words after `pyroad`, the last one being typed, possibly
 * empty) against the command tree. Global options are accepted anywhere, as commander does.
 */
export function complete(root: CompletionNode, words: readonly string[], ids: RoadmapIds): Completion {
  const typed = words.at(-1) ?? '';
  let node = root;
  let positional = 0;
  let pendingValue: CompletionOption | undefined;
  let optionsEnded = false;
  const optionsHere = () => (node === root ? root.options : [...node.options, ...root.options]);

  for (const word of words.slice(0, -1)) {
    if (pendingValue) {
      pendingValue = undefined;
      continue;
    }
    if (!optionsEnded && word === '--') {
      optionsEnded = true;
      continue;
    }
    if (!optionsEnded && word.startsWith('-') && word !== '-') {
      const option = findOption(optionsHere(), word);
      if (option?.takesValue && !word.includes('=')) pendingValue = option;
      continue;
    }
    const sub = positional === 0 ? node.commands.find((c) => c.name === word || c.aliases.includes(word)) : undefined;
    if (sub) node = sub;
    else positional++;
  }

  if (pendingValue) return valuesOf(pendingValue.value, ids, typed);
  if (!optionsEnded && typed.startsWith('-')) {
    const eq = typed.indexOf('=');
    if (eq > 0) {
      // --format=cs: complete the value, keeping what was typed before it.
      const option = findOption(optionsHere(), typed);
      if (!option?.takesValue) return NONE;
      const values = valuesOf(option.value, ids, typed.slice(eq + 1));
      return values.kind === 'words'
        ? { kind: 'words', words: values.words.map((v) => `${typed.slice(0, eq + 1)}${v}`) }
        : values;
    }
    const flags = optionsHere()
      .flatMap((o) => o.flags.filter((f) => f.startsWith('--')))
      .concat('--help');
    return { kind: 'words', words: [...new Set(flags)].filter((f) => f.startsWith(typed)) };
  }
  const args = node.arguments;
  const argument = args[positional] ?? (args.at(-1)?.variadic ? args.at(-1) : undefined);
  const values = argument ? valuesOf(argument.value, ids, typed) : NONE;
  if (positional === 0 && node.commands.length) {
    // A command with subcommands and an argument of its own (`practice [id]`) offers both.
    const commands = node.commands.map((c) => c.name).filter((name) => name.startsWith(typed));
    return { kind: 'words', words: values.kind === 'words' ? [...commands, ...values.words] : commands };
  }
  return values;
}

/** The ids of a roadmap, by kind, in path order; `exercises` are the ids of its exercises. */
export function roadmapIds(
  roadmap: {
    areas: readonly { id: string; topics: readonly { id: string; project?: { checks?: readonly unknown[] } }[] }[];
  },
  exercises: readonly string[] = [],
): RoadmapIds {
  const topics = roadmap.areas.flatMap((a) => a.topics);
  return {
    areas: roadmap.areas.map((a) => a.id),
    topics: topics.map((t) => t.id),
    projects: topics.filter((t) => t.project !== undefined).map((t) => t.id),
    checked: topics.filter((t) => t.project?.checks?.length).map((t) => t.id),
    exercises: [...exercises],
  };
}
