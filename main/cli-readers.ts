// `jinaq import` of several files reads them on worker threads. bin/jinaq.js starts the threads before the command
// loads, so that they load their own modules while it loads its own and reads the database. Any other command loads
// nothing more than this file.
import { readdirSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { OPTIONS } from './cli-options.ts';

/** More than one path, or a folder holding more than one entry: a guess, which costs only a thread's start when wrong. */
function severalFiles(paths: string[]): boolean {
  if (paths.length !== 1) return paths.length > 1;
  try {
    return statSync(paths[0]).isDirectory() && readdirSync(paths[0]).length > 1;
  } catch {
    return false;
  }
}

/** Starts the reader threads when the arguments ask for an import of several files; anything else is left to the command. */
export async function startReadersForImport(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    return;
  }
  const [command, ...paths] = parsed.positionals;
  if (command !== 'import' || parsed.values.help || !severalFiles(paths)) return;
  const { startReaders } = await import('./excel/intake/open-workers.ts');
  startReaders();
}
