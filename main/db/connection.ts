// Every SQLite connection Jinaq opens goes through here.
// `trusted_schema = OFF`: the SQL stored in a file (views, triggers, CHECK constraints, defaults, index expressions)
// may only call functions SQLite marks harmless. Defensive mode (SQLITE_DBCONFIG_DEFENSIVE: no writable_schema
// edits of sqlite_schema, no direct writes to shadow tables) is on in every better-sqlite3 connection unless
// `db.unsafeMode()` is called, which Jinaq never does.
import BetterSqlite3 from 'better-sqlite3';

/** A file by its path, or a whole database file read into memory (better-sqlite3 deserializes it). */
export function openSqlite(source: string | Buffer, options: BetterSqlite3.Options = {}): BetterSqlite3.Database {
  const raw = new BetterSqlite3(source, options);
  try {
    raw.pragma('trusted_schema = OFF');
  } catch (error) {
    raw.close();
    throw error;
  }
  return raw;
}
