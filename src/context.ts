import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';
import { PyroadError, usageError } from './errors.js';
import { resolvePaths, type Paths } from './paths.js';
import { loadRoadmap, loadRoadmapOutline } from './roadmap/cache.js';
import type { Roadmap } from './roadmap/schema.js';
import { colorLevel, makeStyle, type Style } from './render/style.js';
import { guardOutput, safeJson, untrusted } from './render/untrusted.js';
import { fitErrorLines } from './render/stderr.js';
import type { SettingKey, Settings } from './settings/keys.js';
import { readSettings } from './settings/read.js';

/** Options every command accepts (see src/cli.ts). */
export interface GlobalOptions {
  roadmap?: string;
  home?: string;
  /** commander turns --no-color into color: false. */
  color?: boolean;
}

export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

/**
 * Where a value came from. One rule for every value that can be given several ways: a flag beats
 * an environment variable, which beats a setting, which beats the default (README, "Where a
 * setting comes from").
 */
export type Source = 'flag' | 'env' | 'setting' | 'default';

/** What a command needs from the outside world, built once per run. */
export interface Context {
  paths: Paths;
  settings: Settings;
  /** The settings the settings file sets; the others are their defaults. */
  settingsGiven?: ReadonlySet<SettingKey>;
  /** The roadmap's root file, absolute. */
  roadmapFile: string;
  /** The shipped roadmap is in use (no --roadmap, PYROAD_ROADMAP or setting). */
  shippedRoadmap: boolean;
  /** Where the home folder and the roadmap came from. */
  sources: { home: Exclude<Source, 'setting'>; roadmap: Source };
  /** The clock; PYROAD_NOW (an ISO date) pins it, for tests and demos. */
  now(): Date;
  style: Style;
  errStyle: Style;
  streams: Streams;
  /** Whether stdin and stdout are both terminals, i.e. prompts are possible. */
  interactive: boolean;
  /** Width to wrap text to. */
  columns: number;
  /** A line of output (every output goes through guardOutput: only pyroad's colour codes pass). */
  print(text?: string): void;
  /** A value as JSON on stdout (safeJson: nothing in it can drive a terminal). */
  json(value: unknown): void;
  /** A warning on stderr; the text is shown, never obeyed (untrusted). */
  warn(text: string): void;
  /**
   * The data with the typed global options added to every suggested command in it (see
   * withGlobals), for renderers that wrap text: added before wrapping, a hint keeps to the width.
   */
  withHints<T>(data: T): T;
  /**
   * The roadmap in use. 'outline': without the wording of its questions (roadmap/outline.ts), for
   * commands that never show a question; cheaper to load.
   */
  roadmap(view?: 'outline'): Promise<Roadmap>;
}

export const SHIPPED_ROADMAP = fileURLToPath(new URL('../data/roadmap.yaml', import.meta.url));

function clockFrom(env: Record<string, string | undefined>): () => Date {
  const pinned = env.PYROAD_NOW;
  if (!pinned) return () => new Date();
  const date = new Date(pinned);
  if (Number.isNaN(date.getTime()))
    throw usageError(`PYROAD_NOW must be an ISO date such as 2026-01-31T12:00:00Z, got "${pinned}"`);
  return () => new Date(date);
}

/**
 * The text with every suggested `pyroad COMMAND` carrying the global options typed on this command
 * line, so that running a hint acts on the same roadmap and home. The one place output gets it.
 */
export function withGlobals(text: string, globals: string): string {
  // A quote, backslash or control character could break JSON output: such paths are left out.
  if (!globals || [...globals].some((c) => c < ' ' || c === '"' || c === '\\')) return text;
  return text.replace(COMMAND_HINT, (_, before: string, space: string) => `${before}pyroad ${globals}${space}`);
}
/** Every string in JSON-like data through `f`. */
function mapStrings<T>(value: T, f: (s: string) => string): T {
  if (typeof value === 'string') return f(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => mapStrings(v, f)) as T;
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, f)])) as T;
  return value;
}

/** `pyroad COMMAND`, also when wrapping put the command on the next line. */
const COMMAND_HINT =
  /(^|[\s`'"(])pyroad(\s+)(?=(?:assess|next|status|roadmap|show|mark|export|import|reset|validate|report|config|where|evidence|apply|check|doctor|practice|plan|cohort|completion)\b)/g;

export async function createContext(
  globals: GlobalOptions,
  streams: Streams,
  /** The global options typed on this command line, as they would be typed again (command.ts). */
  repeat = '',
): Promise<Context> {
  const { env } = streams;
  if (globals.home !== undefined && globals.home.trim() === '')
    throw usageError('--home is empty; give a folder, or leave it out for the default');
  const paths = resolvePaths(globals.home, env, process.platform);
  const { settings, given, problem } = readSettings(paths.settingsFile);
  const roadmapSource: Source = globals.roadmap
    ? 'flag'
    : env.PYROAD_ROADMAP
      ? 'env'
      : settings.roadmap
        ? 'setting'
        : 'default';
  const chosen = globals.roadmap || env.PYROAD_ROADMAP || settings.roadmap || undefined;
  const roadmapFile = chosen ? resolve(chosen) : SHIPPED_ROADMAP;
  const noColorFlag = globals.color === false;
  const [style, errStyle] = await Promise.all([
    makeStyle(colorLevel({ noColorFlag, isTTY: () => Boolean(streams.stdout.isTTY), setting: settings.color }, env)),
    makeStyle(colorLevel({ noColorFlag, isTTY: () => Boolean(streams.stderr.isTTY), setting: settings.color }, env)),
  ]);
  const roadmapPromises: { full?: Promise<Roadmap>; outline?: Promise<Roadmap> } = {};
  const loadChosen = (view: 'full' | 'outline') =>
    (view === 'outline' ? loadRoadmapOutline : loadRoadmap)(roadmapFile, paths.cacheDir).catch((error: unknown) => {
      // A roadmap named in the settings fails every command: say where it comes from.
      if (!(error instanceof PyroadError) || roadmapSource !== 'setting') throw error;
      throw new PyroadError(error.message, error.exitCode, [
        ...error.details,
        `(this roadmap comes from the \`roadmap\` setting; \`pyroad config unset roadmap\` goes back to the shipped one)`,
      ]);
    });
  const context: Context = {
    paths,
    settings,
    ...(given ? { settingsGiven: given } : {}),
    roadmapFile,
    shippedRoadmap: !chosen,
    sources: { home: globals.home ? 'flag' : env.PYROAD_HOME ? 'env' : 'default', roadmap: roadmapSource },
    now: clockFrom(env),
    style,
    errStyle,
    streams,
    // Asked only by commands that prompt: touching process.stdin costs a few ms (a stream is
    // built for it), which next, status and plan do not pay (issue 19).
    get interactive() {
      return Boolean(streams.stdout.isTTY && streams.stdin.isTTY);
    },
    // The terminal's width; when output is not a terminal, COLUMNS if set, else 80. Read each time,
    // so what is drawn after a resize (a quiz's summary, say) fits the terminal as it is now.
    get columns() {
      return Math.max(40, Math.min(streams.stdout.columns ?? (Number(env.COLUMNS) || 80), 120));
    },
    withHints: (data) => (repeat ? mapStrings(data, (s) => withGlobals(s, repeat)) : data),
    print: (text = '') => void streams.stdout.write(`${guardOutput(withGlobals(text, repeat), style.enabled)}\n`),
    json: (value) => void streams.stdout.write(`${safeJson(value, 2)}\n`),
    warn: (text) =>
      void streams.stderr.write(
        fitErrorLines(
          `${guardOutput(`${errStyle.yellow('warning:')} ${untrusted(withGlobals(text, repeat))}`, errStyle.enabled)}\n`,
          streams.stderr,
        ),
      ),
    roadmap: (view = undefined) => {
      const which = view ?? 'full';
      return (roadmapPromises[which] ??= loadChosen(which));
    },
  };
  if (problem) context.warn(problem);
  return context;
}
