#!/usr/bin/env node
// Start the CLI. `--version` alone is answered without loading the program at all.

// `pyroad roadmap | head`: once the reader has gone, stop quietly, as a shell tool would.
process.stdout.on('error', (error) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(process.exitCode ?? 0);
});

const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  const { VERSION } = await import('../lib/version.js');
  process.stdout.write(`${VERSION}\n`);
} else {
  const { main } = await import('../lib/cli.js');
  const { stdin, stdout, stderr, env } = process;
  process.exitCode = await main(args, { stdin, stdout, stderr, env });
}
