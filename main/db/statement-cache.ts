// Kysely asks better-sqlite3 for a new prepared statement for every query it runs; preparing costs about as much as
// running most of Jinaq's queries. The same SQL text gets the same statement back (Kysely runs one query at a time
// and never streams), and SQLite prepares a statement again by itself when the schema changes under it.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqliteDatabase } from 'kysely';

/** Enough for every query text of an import and the screens; a batch insert of N rows is another text per N. */
const MAX_STATEMENTS = 500;

export function withStatementCache(raw: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= MAX_STATEMENTS) statements.clear();
        statement = raw.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
