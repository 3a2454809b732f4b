// Which files a process loads, for `npm run bench:import`: `node --import ./bench/loaded-modules.ts bin/jinaq.js …`
// records every module Node loads (imports and requires alike, through Node's module hooks), and which of Jinaq's
// own files imports each package, and at exit writes both as JSON to the file $JINAQ_BENCH_MODULES names.
import { writeFileSync } from 'node:fs';
import { isBuiltin, registerHooks } from 'node:module';

const loaded: string[] = [];
/** [package specifier, the importing file] for each package imported from outside node_modules. */
const imports: [string, string][] = [];
const isPackage = (specifier: string) => !isBuiltin(specifier) && !/^(\.|\/|file:)/.test(specifier);

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (isPackage(specifier) && context.parentURL && !context.parentURL.includes('/node_modules/')) imports.push([specifier, context.parentURL]);
    return nextResolve(specifier, context);
  },
  load(url, context, nextLoad) {
    loaded.push(url);
    return nextLoad(url, context);
  },
});
process.on('exit', () => writeFileSync(process.env.JINAQ_BENCH_MODULES!, JSON.stringify({ loaded, imports })));
