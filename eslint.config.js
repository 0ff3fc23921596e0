import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['lib/', 'dist/', 'node_modules/', 'coverage/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', TextDecoder: 'readonly' },
    },
    rules: {
      // One place (src/report-error.ts, via src/cli.ts or src/quick.ts) decides how the process ends.
      'no-restricted-properties': [
        'error',
        {
          object: 'process',
          property: 'exit',
          message: 'Throw a PyroadError instead; src/report-error.ts maps it to an exit code.',
        },
        {
          object: 'process',
          property: 'env',
          message: 'Read the environment from the Streams main() is given (ctx.streams.env): tests run with their own.',
        },
        {
          object: 'os',
          property: 'homedir',
          message: 'The home folder comes from the env main() is given (paths.ts).',
        },
        {
          object: 'os',
          property: 'userInfo',
          message: 'The home folder comes from the env main() is given (paths.ts).',
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: ['os', 'node:os'].map((name) => ({
            name,
            importNames: ['homedir', 'userInfo', 'tmpdir'],
            message: 'Folders come from the env main() is given (paths.ts), so tests never touch the real ones.',
          })),
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['scripts/**', 'test/**', 'bin/**'],
    rules: { 'no-restricted-properties': 'off', 'no-restricted-imports': 'off' },
  },
  {
    // The start script is CommonJS: it loads the quick entry without Node's ES module loader.
    files: ['**/*.cjs', 'bin/**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
