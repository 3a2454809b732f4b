// Where the database lives when nobody says: ~/.local/share/jinaq/ (browser mode and CLI),
// the app's user-data folder (desktop app, decided in main/electron/). `--db PATH` or JINAQ_DB override.
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from './errors.ts';

export const DATABASE_FILE_NAME = 'jinaq.sqlite';

export function defaultDataDir(): string {
  const xdg = process.env.XDG_DATA_HOME;
  return path.join(xdg && xdg.length > 0 ? xdg : path.join(os.homedir(), '.local', 'share'), 'jinaq');
}

export function resolveDatabasePath(flag: string | undefined, fallbackDir: string = defaultDataDir()): string {
  return flag ?? process.env.JINAQ_DB ?? path.join(fallbackDir, DATABASE_FILE_NAME);
}

/**
 * The database file of browser mode and the CLI. One named with --db or JINAQ_DB is refused when empty, a folder, or
 * in a folder that does not exist — a typo must not start an empty district; a new file in an existing folder is how
 * a district starts. The default file's folder is created when needed.
 */
export function checkedDatabasePath(flag: string | undefined): string {
  const chosen = flag ?? process.env.JINAQ_DB;
  if (chosen === undefined) return resolveDatabasePath(undefined);
  if (chosen.trim() === '') throw new AppError('invalid_input', 'db.emptyPath');
  const file = path.resolve(chosen);
  if (existsSync(file) && statSync(file).isDirectory()) throw new AppError('invalid_input', 'db.isFolder', { file });
  const folder = path.dirname(file);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new AppError('invalid_input', 'db.noFolder', { file, folder });
  return chosen;
}
