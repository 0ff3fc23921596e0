// Loaded with `node --import`: prints every module the program loads to stderr, ES modules
// (through a resolve hook) and CommonJS ones (pyroad requires zod's CommonJS build), so a test
// can see which libraries a command loads.
import Module, { register } from 'node:module';
import { writeSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

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

const load = Module._load;
Module._load = function (request, parent, isMain) {
  try {
    const file = Module._resolveFilename(request, parent, isMain);
    writeSync(2, `IMPORT ${file.startsWith('/') ? pathToFileURL(file).href : file}\n`);
  } catch {
    // let the real loader report it
  }
  return load.apply(this, [request, parent, isMain]);
};
