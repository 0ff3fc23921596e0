import { untrusted } from '../render/untrusted.js';
import type { Command } from 'commander';
import { examples, type Program } from '../command.js';
import { wrap } from '../render/text.js';
import { displayWidth } from '../render/width.js';
import type { Context } from '../context.js';
import { didYouMean } from '../didyoumean.js';
import { usageError } from '../errors.js';
import { SETTINGS, SETTING_KEYS } from '../settings/keys.js';
import type { SettingEntry, SettingsStore } from '../settings/store.js';

/** A roadmap setting must name a roadmap that loads: every later command would fail otherwise. */
async function checkRoadmapFile(file: string): Promise<void> {
  const { existsSync, statSync } = await import('node:fs');
  if (!existsSync(file) || !statSync(file).isFile())
    throw usageError(`"${file}" is not a roadmap file (no such file); the roadmap setting is unchanged`);
  const { loadRoadmapFiles, roadmapProblemsError } = await import('../roadmap/load.js');
  const result = loadRoadmapFiles(file);
  if (!result.roadmap) throw roadmapProblemsError(file, result.problems);
}

/** conf is loaded here only, when `pyroad config` runs. */
async function settingsOf(ctx: Context): Promise<SettingsStore> {
  const { openSettings } = await import('../settings/store.js');
  return openSettings(ctx.paths);
}

const ACTIONS = ['list', 'get', 'set', 'unset'];

const show = (value: unknown): string => (value === '' ? '""' : untrusted(String(value), { oneLine: true }));

function printEntries(ctx: Context, entries: SettingEntry[], file: string): void {
  const width = Math.max(...entries.map((e) => e.key.length));
  const valueWidth = Math.max(...entries.map((e) => show(e.value).length));
  for (const e of entries) {
    const value = show(e.value).padEnd(valueWidth);
    const head = `${e.key.padEnd(width)}  ${ctx.style.bold(value)}  ${ctx.style.dim(e.isDefault ? '(default) ' : '          ')}`;
    const description = ctx.withHints(e.description);
    // One line when it fits; on a narrow terminal the description goes under the setting, wrapped.
    if (displayWidth(head) + displayWidth(description) <= ctx.columns) ctx.print(head + description);
    else ctx.print(`${wrap(head.trimEnd(), ctx.columns)}\n${wrap(description, ctx.columns, '    ')}`);
  }
  ctx.print();
  ctx.print(ctx.style.dim(wrap(`Settings file: ${untrusted(file, { oneLine: true })}`, ctx.columns)));
}

const jsonOf = (entries: SettingEntry[]) => Object.fromEntries(entries.map((e) => [e.key, e.value]));

async function listSettings(ctx: Context, json: boolean): Promise<void> {
  const settings = await settingsOf(ctx);
  const entries = settings.list();
  if (json) ctx.json(jsonOf(entries));
  else printEntries(ctx, entries, settings.file);
}

export function registerConfig(program: Program): void {
  const config = program.command
    .command('config')
    .description('your preferences: list, get KEY, set KEY VALUE, unset KEY')
    .addHelpText(
      'after',
      examples(
        'pyroad config list',
        'pyroad config get nextLimit',
        'pyroad config set nextLimit 5',
        'pyroad config set color off',
        'pyroad config unset roadmap',
      ) +
        `\nSettings:\n${SETTING_KEYS.map((k) => `  ${k.padEnd(18)} ${SETTINGS[k].description} (${SETTINGS[k].allowed})`).join('\n')}\n`,
    );

  // `pyroad config` alone lists; a word that is not an action is a usage error.
  // Extra words are allowed here so that `config sett KEY VALUE` gets the did-you-mean, not "too many arguments".
  config
    .argument('[action]')
    .allowExcessArguments(true)
    .action(
      program.action(async (ctx, action: string | undefined) => {
        if (action !== undefined)
          throw usageError(
            `unknown config action "${action}"${didYouMean(action, ACTIONS)}; use one of: list, get KEY, set KEY VALUE, unset KEY`,
          );
        await listSettings(ctx, false);
      }),
    );

  const subs: Command[] = [];
  subs.push(
    config
      .command('list')
      .description('every setting with its value')
      .option('--json', 'print the settings as a JSON object')
      .action(program.action(async (ctx, opts: { json?: boolean }) => listSettings(ctx, Boolean(opts.json)))),
  );
  subs.push(
    config
      .command('get')
      .argument('<key>', `one of: ${SETTING_KEYS.join(', ')}`)
      .description("print one setting's value")
      .option('--json', 'print the value as JSON')
      .action(
        program.action(async (ctx, key: string, opts: { json?: boolean }) => {
          const entry = (await settingsOf(ctx)).get(key);
          if (opts.json) ctx.json(entry.value);
          else ctx.print(untrusted(String(entry.value), { oneLine: true }));
        }),
      ),
  );
  subs.push(
    config
      .command('set')
      .argument('<key>', `one of: ${SETTING_KEYS.join(', ')}`)
      .argument('<value>', 'the new value')
      .description('change a setting (the value is checked first)')
      .action(
        program.action(async (ctx, key: string, value: string) => {
          if (key === 'roadmap' && value.trim() !== '') await checkRoadmapFile(value);
          const entry = (await settingsOf(ctx)).set(key, value);
          ctx.print(`${ctx.style.green('✓')} ${entry.key} = ${show(entry.value)}`);
        }),
      ),
  );
  subs.push(
    config
      .command('unset')
      .argument('<key>', `one of: ${SETTING_KEYS.join(', ')}`)
      .description('put a setting back to its default')
      .action(
        program.action(async (ctx, key: string) => {
          const entry = (await settingsOf(ctx)).unset(key);
          ctx.print(`${ctx.style.green('✓')} ${entry.key} = ${show(entry.value)} (default)`);
        }),
      ),
  );
  // src/cli.ts routes output and exit codes for top-level commands; these are one level down.
  // Their output routing (guarded, fitted to the width) is inherited from the program's.
  for (const sub of subs) sub.exitOverride().showSuggestionAfterError(true);
}
