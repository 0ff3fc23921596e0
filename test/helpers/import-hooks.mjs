// Loaded with `node --import`: prints every module URL the program resolves to stderr, so a
// test can see which libraries a command loads.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`
      import { writeSync } from 'node:fs';
      export async function resolve(specifier, context, next) {
        const result = await next(specifier, context);
        writeSync(2, 'IMPORT ' + result.url + '\\n');
        return result;
      }`),
);
