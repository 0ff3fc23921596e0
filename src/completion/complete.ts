import type { CompletionNode, CompletionOption, ValueKind } from './tree.js';

/** The ids of the roadmap in use, by kind (empty when it cannot be read). */
export interface RoadmapIds {
  areas: string[];
  topics: string[];
  projects: string[];
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
        kind.of === 'area'
          ? ids.areas
          : kind.of === 'project'
            ? ids.projects
            : kind.of === 'topic'
              ? ids.topics
              : [...ids.areas, ...ids.topics];
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
  if (positional === 0 && node.commands.length)
    return {
      kind: 'words',
      words: node.commands.flatMap((c) => [c.name]).filter((name) => name.startsWith(typed)),
    };
  const args = node.arguments;
  const argument = args[positional] ?? (args.at(-1)?.variadic ? args.at(-1) : undefined);
  return argument ? valuesOf(argument.value, ids, typed) : NONE;
}

/** The ids of a roadmap, by kind, in path order. */
export function roadmapIds(roadmap: {
  areas: readonly { id: string; topics: readonly { id: string; project?: unknown }[] }[];
}): RoadmapIds {
  const topics = roadmap.areas.flatMap((a) => a.topics);
  return {
    areas: roadmap.areas.map((a) => a.id),
    topics: topics.map((t) => t.id),
    projects: topics.filter((t) => t.project !== undefined).map((t) => t.id),
  };
}
