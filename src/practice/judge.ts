/**
 * Judging a run of the exercise harness (data/exercises/harness.py): its stdout and exit in, a
 * verdict out. Pure. The harness prints its result as the last "PYROAD-RESULT {json}" line; the
 * learner's own output is inside that JSON, captured and capped.
 */

export interface Failure {
  /** The test method that failed, e.g. `test_empty_list`. */
  test: string;
  /** What the test checks, in words (its docstring). */
  checks: string;
  /** `failure`: an assertion did not hold; `error`: the learner's code raised. */
  kind: 'failure' | 'error';
  error: string;
  message: string;
  expected?: string;
  got?: string;
  /** Where in the learner's files the error was raised. */
  where?: { file: string; line: number };
}

export type Verdict =
  | { outcome: 'passed'; tests: number; output: string; outputSize: number }
  | { outcome: 'failed'; tests: number; first: Failure; output: string; outputSize: number }
  /**
   * The run did not finish: a time limit, an output flood, a crash, an interpreter too old.
   * `setup`: the interpreter, not the learner's code, is at fault (editing the file will not help).
   */
  | { outcome: 'stopped'; reason: string; output: string; outputSize: number; setup?: true };

export interface RunOutcome {
  stdout: string;
  stderr: string;
  code: number | null;
  /** Set when the runner killed the process. */
  killed?: 'timeout' | 'output';
  timeoutMs: number;
}

export const RESULT_MARKER = 'PYROAD-RESULT ';
/** The harness's first line: the interpreter did run it. */
export const HARNESS_STARTED = 'PYROAD-HARNESS';
const TOO_OLD = 'PYROAD-TOO-OLD ';
/** The harness's line when a package an exercise `requires:` cannot be imported. */
const MISSING = 'PYROAD-MISSING ';
export const MIN_PYTHON = '3.9';

const str = (v: unknown): v is string => typeof v === 'string';

function asFailure(v: unknown): Failure | undefined {
  if (!v || typeof v !== 'object') return undefined;
  const f = v as Record<string, unknown>;
  if (!str(f.test) || !str(f.error) || !str(f.message) || (f.kind !== 'failure' && f.kind !== 'error'))
    return undefined;
  const where = f.where as { file?: unknown; line?: unknown } | undefined;
  return {
    test: f.test,
    checks: str(f.checks) ? f.checks : '',
    kind: f.kind,
    error: f.error,
    message: f.message,
    ...(str(f.expected) ? { expected: f.expected } : {}),
    ...(str(f.got) ? { got: f.got } : {}),
    ...(where && str(where.file) && typeof where.line === 'number'
      ? { where: { file: where.file, line: where.line } }
      : {}),
  };
}

const lastLine = (text: string): string =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1) ?? '';

export function judge(run: RunOutcome): Verdict {
  const seconds = Math.round(run.timeoutMs / 100) / 10;
  if (run.killed === 'timeout')
    return {
      outcome: 'stopped',
      reason: `stopped after ${seconds} s — is there a loop that never ends?`,
      output: '',
      outputSize: 0,
    };
  if (run.killed === 'output')
    return {
      outcome: 'stopped',
      reason: 'stopped: it printed more than pyroad keeps — is there a loop that prints without end?',
      output: '',
      outputSize: run.stdout.length,
    };
  const lines = run.stdout.split('\n');
  const old = lines.find((l) => l.startsWith(TOO_OLD));
  if (old)
    return {
      outcome: 'stopped',
      reason: `this Python is ${old.slice(TOO_OLD.length).trim()}; exercises need Python ${MIN_PYTHON} or later`,
      output: '',
      outputSize: 0,
    };
  const missing = lines.find((l) => l.startsWith(MISSING));
  if (missing) {
    const names = missing.slice(MISSING.length).trim();
    return {
      outcome: 'stopped',
      reason: `this exercise needs ${names}, which this Python cannot import: install it (python3 -m pip install ${names}, in a virtual environment), then run the check with --python pointing at that environment's python`,
      output: '',
      outputSize: 0,
    };
  }
  const line = [...lines].reverse().find((l) => l.startsWith(RESULT_MARKER));
  let data: Record<string, unknown> | undefined;
  try {
    data = line ? (JSON.parse(line.slice(RESULT_MARKER.length)) as Record<string, unknown>) : undefined;
  } catch {
    data = undefined;
  }
  if (!data || typeof data !== 'object' || typeof data.tests !== 'number') {
    const why = lastLine(run.stderr) || `exit code ${run.code ?? 'none'}`;
    if (!lines.includes(HARNESS_STARTED))
      return {
        outcome: 'stopped',
        reason: `the interpreter never ran pyroad's test harness (${why}): is it Python 3? Name one with --python or \`pyroad config set practice.python PATH\``,
        output: '',
        outputSize: 0,
        setup: true,
      };
    return {
      outcome: 'stopped',
      reason: `Python stopped before the tests finished: ${why}`,
      output: '',
      outputSize: 0,
    };
  }
  const output = str(data.output) ? data.output : '';
  const outputSize = typeof data.outputSize === 'number' ? data.outputSize : output.length;
  const first = asFailure(data.first);
  if (first) return { outcome: 'failed', tests: data.tests, first, output, outputSize };
  if (data.tests === 0) return { outcome: 'stopped', reason: 'the exercise has no tests to run', output, outputSize };
  return { outcome: 'passed', tests: data.tests, output, outputSize };
}
