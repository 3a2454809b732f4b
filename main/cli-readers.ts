// `jinaq import` of a folder or of several files reads them on worker threads. bin/jinaq.js starts the threads
// before the command loads, so that they load their own modules while it loads its own and reads the database.
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startReaders } from './excel/intake/open-workers.ts';
import { OPTIONS } from './cli-options.ts';

const isFolder = (p: string | undefined) => p !== undefined && (statSync(p, { throwIfNoEntry: false })?.isDirectory() ?? false);

/** Starts the reader threads when the arguments ask for an import of more than one file; anything else is left to the command. */
export function startReadersForImport(argv: string[]): void {
  let positionals: string[];
  try {
    ({ positionals } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true }));
  } catch {
    return;
  }
  const [command, ...paths] = positionals;
  if (command === 'import' && !argv.includes('--help') && !argv.includes('-h') && (paths.length > 1 || isFolder(paths[0]))) startReaders();
}
