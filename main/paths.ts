// Where the database lives when nobody says: ~/.local/share/jinaq/ (browser mode and CLI),
// the app's user-data folder (desktop app, decided in main/electron/). `--db PATH` or JINAQ_DB override.
import os from 'node:os';
import path from 'node:path';

export const DATABASE_FILE_NAME = 'jinaq.sqlite';

export function defaultDataDir(): string {
  const xdg = process.env.XDG_DATA_HOME;
  return path.join(xdg && xdg.length > 0 ? xdg : path.join(os.homedir(), '.local', 'share'), 'jinaq');
}

export function resolveDatabasePath(flag: string | undefined, fallbackDir: string = defaultDataDir()): string {
  return flag ?? process.env.JINAQ_DB ?? path.join(fallbackDir, DATABASE_FILE_NAME);
}
