// A process stuck inside one SQLite call that never returns: what a restore check would be on a file crafted to make
// a query endless. It takes the check's request and never answers (test/unit/restore-hostile.test.ts).
import BetterSqlite3 from 'better-sqlite3';

process.once('message', () => {
  new BetterSqlite3(':memory:').prepare('WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n').get();
});
