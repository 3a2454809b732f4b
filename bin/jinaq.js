#!/usr/bin/env node
// The `jinaq` command. Node 24 runs the TypeScript sources directly (type stripping); an older Node re-runs the
// command under the Node 24 that `npm start` / `npm test` installed, or says in one line what to do.
import module from 'node:module';
import { cachedNode, needNodeLine, rerunUnder, runningOnNode24 } from '../scripts/node24.js';

if (!runningOnNode24()) {
  const node = cachedNode();
  if (!node) {
    console.error(needNodeLine());
    process.exit(2);
  }
  rerunUnder(node);
}
// Node keeps the compiled (and type-stripped) modules on disk: a second start skips most of the loading. Worker
// threads (the import's file readers) find the cache through the environment, as child processes would.
const { directory } = module.enableCompileCache();
if (directory) process.env.NODE_COMPILE_CACHE = directory;
// An import of several files reads them on worker threads: started first, they load while the command loads.
await (await import('../main/cli-readers.ts')).startReadersForImport(process.argv.slice(2));
const { runCli } = await import('../main/cli.ts');
process.exitCode = await runCli(process.argv.slice(2));
