#!/usr/bin/env node
// Start the CLI. CommonJS (bin/package.json says so), like the quick entry it starts: a process
// that loads no ES module never starts Node's ES module loader.
//   --version                       answered here, from package.json
//   next, status, plan, roadmap     alone or with --json: the quick entry, without commander
//                                   (src/quick.ts; src/quick-line.ts decides)
//   anything else                   the full program (lib/cli.js, src/cli.ts)
'use strict';
const { join } = require('node:path');

// `pyroad roadmap | head`: once the reader has gone, stop quietly, as a shell tool would. Any other
// failure to write the output (a full disk) is said in one line, exit 1.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  process.stderr.write(`pyroad: cannot write the output: ${error.code ?? 'error'}\n`);
  process.exit(1);
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  process.stdout.write(`${require('../package.json').version}\n`);
} else {
  // process.stdin and process.stderr are built when first asked for, which costs a few ms (a
  // pipe loads node:net): only prompts need stdin, and stderr only has something to say.
  let stderrUsed = false;
  const streams = {
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    get stderr() {
      // A message that cannot be written (stderr closed or full) changes nothing else: the exit
      // code stays the command's own.
      if (!stderrUsed) process.stderr.on('error', () => {});
      stderrUsed = true;
      return process.stderr;
    },
    env: process.env,
  };
  const lib = join(__dirname, '..', 'lib');
  require(join(lib, 'quick-start.cjs'))
    .startQuick(join(lib, 'quick.cjs'), args, streams)
    .then((code) =>
      code === undefined ? import('../lib/cli.js').then(({ main }) => main(args, streams)) : { quick: code },
    )
    .then(
      (outcome) => {
        if (typeof outcome === 'number') {
          process.exitCode = outcome;
          return;
        }
        // The quick entry's work is done (it writes files synchronously and starts nothing that
        // runs on): once its output has left, end now. Exiting on its own, Node would first tear
        // the heap down, a few ms of every start-up (issue 19).
        process.exitCode = outcome.quick;
        const pending = process.stdout.writableLength + (stderrUsed ? process.stderr.writableLength : 0);
        if (pending === 0) process.exit(outcome.quick);
      },
      // Both programs turn every error into a message and an exit code; only a damaged
      // installation (a file of lib/ missing or broken) gets here.
      (error) => {
        // eslint-disable-next-line no-control-regex -- control characters are shown as spaces, not obeyed
        const message = String(error && error.message).replace(/[\x00-\x1f\x7f]/g, ' ');
        process.stderr.write(`pyroad: cannot start: ${message} (reinstalling pyroad should help)\n`);
        process.exitCode = 1;
      },
    );
}
