import { examples, type Program } from '../command.js';
import { createContext, type GlobalOptions, type Streams } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';
import { SCRIPTS, SHELLS, type Shell } from '../completion/scripts.js';
import { complete, roadmapIds, type RoadmapIds } from '../completion/complete.js';
import { guardOutput } from '../render/untrusted.js';

export function registerCompletion(program: Program): void {
  program.command
    .command('completion')
    .argument('<shell>', `one of: ${SHELLS.join(', ')}`)
    .description('print a shell completion script (commands, options and the roadmap’s ids)')
    .addHelpText(
      'after',
      examples(
        'source <(pyroad completion bash)          # in ~/.bashrc',
        'source <(pyroad completion zsh)           # in ~/.zshrc, after compinit',
        'pyroad completion fish > ~/.config/fish/completions/pyroad.fish',
      ),
    )
    .action(
      program.action(async (ctx, shell: string) => {
        if (!(SHELLS as readonly string[]).includes(shell))
          throw usageError(`unknown shell '${shell}'${didYouMean(shell, SHELLS)}; give one of: ${SHELLS.join(', ')}`);
        ctx.print(SCRIPTS[shell as Shell].trimEnd());
      }),
    );
}

/** The global options among the words being completed, so ids come from the roadmap they name. */
function globalsIn(words: readonly string[]): GlobalOptions {
  const globals: GlobalOptions = {};
  for (let i = 0; i < words.length - 1; i++) {
    const [flag, inline] = words[i]!.split(/=(.*)/s);
    if (flag !== '--roadmap' && flag !== '--home') continue;
    const value = inline ?? words[i + 1];
    if (value !== undefined) globals[flag === '--roadmap' ? 'roadmap' : 'home'] = value;
  }
  return globals;
}

const SILENT = { write: () => true } as unknown as Streams['stdout'];

/** The ids of the roadmap in use, or none when it cannot be read: completion never complains. */
async function idsFor(words: readonly string[], streams: Streams): Promise<RoadmapIds> {
  try {
    const ctx = await createContext(globalsIn(words), { ...streams, stdout: SILENT, stderr: SILENT });
    const roadmap = await ctx.roadmap('outline'); // ids only: the outline is enough, and quicker
    const topics = new Set(roadmap.areas.flatMap((a) => a.topics.map((t) => t.id)));
    const { exerciseIndex } = await import('../practice/index-cache.js');
    const exercises = await exerciseIndex(topics, ctx.paths.cacheDir).catch(() => []);
    return roadmapIds(
      roadmap,
      exercises.map((x) => x.id),
    );
  } catch {
    return roadmapIds({ areas: [] });
  }
}

/**
 * `pyroad __complete -- WORDS...`, called by the completion scripts: what to offer for the last
 * word, one per line, or `:file` / `:dir`. Hidden from help.
 */
export function registerComplete(program: Program): void {
  const { streams } = program;
  program.command
    .command('__complete', { hidden: true })
    .argument('[words...]')
    .allowUnknownOption()
    .helpOption(false)
    .action(async (words: string[]) => {
      // The whole command tree, whatever this run registered: commands come from commander alone.
      const { buildProgram } = await import('../cli.js');
      const { completionTree } = await import('../completion/tree.js');
      const tree = completionTree(await buildProgram({ ...streams, stdout: SILENT, stderr: SILENT }));
      const typed = words.length ? words : [''];
      const result = complete(tree, typed, await idsFor(typed, streams));
      const lines = result.kind === 'words' ? result.words : [`:${result.kind}`];
      // Ids come from a roadmap anyone may have written: shown, never obeyed.
      if (lines.length) streams.stdout.write(guardOutput(`${lines.join('\n')}\n`, false));
    });
}
