// A database's schema set against the one Jinaq's migrations build: tables with their columns, indexes, and nothing
// else. Only SQLite's own catalogue is read (sqlite_schema, table_xinfo of tables both sides have): nothing the
// file's SQL says (a view, a trigger) is run.
import type BetterSqlite3 from 'better-sqlite3';

/** What differs, named for the user: a key under `messages.backup.schema`, the object, and the table of a column. */
export interface SchemaDifference {
  difference: string;
  name: string;
  table?: string;
}

interface SchemaObject {
  type: string;
  name: string;
  table: string;
  sql: string;
}

const EXTRA: Record<string, string> = { table: 'extraTable', index: 'extraIndex', view: 'extraView', trigger: 'extraTrigger' };
// The migrations build tables and indexes only.
const MISSING: Record<string, string> = { table: 'missingTable', index: 'missingIndex' };

/**
 * A CREATE statement without its comments and with single spaces, so that an older database whose migration file
 * has since had a comment reworded still matches.
 */
export function normalizedSql(sql: string | null): string {
  if (sql === null) return '';
  let out = '';
  let closing: string | null = null;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i];
    if (closing) {
      out += c;
      if (c === closing) closing = null;
    } else if (c === "'" || c === '"' || c === '`' || c === '[') {
      closing = c === '[' ? ']' : c;
      out += c;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end;
      out += ' ';
    } else if (c === '/' && sql[i + 1] === '*') {
      const end = sql.indexOf('*/', i + 2);
      i = end === -1 ? sql.length : end + 1;
      out += ' ';
    } else {
      out += /\s/.test(c) ? ' ' : c;
    }
  }
  return out.replace(/ +/g, ' ').replace(/ ?([(),]) ?/g, '$1').trim();
}

function schemaObjects(raw: BetterSqlite3.Database): Map<string, SchemaObject> {
  const rows = raw.prepare('SELECT type, name, tbl_name AS "table", sql FROM sqlite_schema').all() as (Omit<SchemaObject, 'sql'> & { sql: string | null })[];
  return new Map(rows.map((row) => [`${row.type} ${row.name}`, { ...row, sql: normalizedSql(row.sql) }]));
}

/** Each column's name → its position, type, NOT NULL, default, primary key and hidden (generated) flag. */
function columns(raw: BetterSqlite3.Database, table: string): Map<string, string> {
  const rows = raw.prepare('SELECT cid, name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?)').all(table) as Record<string, unknown>[];
  return new Map(rows.map(({ name, ...rest }) => [String(name), JSON.stringify(rest)]));
}

function tableDifferences(expected: BetterSqlite3.Database, candidate: BetterSqlite3.Database, want: SchemaObject, have: SchemaObject): SchemaDifference[] {
  // A virtual table is only named: asking it for its columns would run its module.
  if (/^create virtual/i.test(have.sql)) return [{ difference: 'tableDiffers', name: want.name }];
  const wanted = columns(expected, want.name);
  const found = columns(candidate, want.name);
  const differences: SchemaDifference[] = [];
  for (const name of found.keys()) if (!wanted.has(name)) differences.push({ difference: 'extraColumn', table: want.name, name });
  for (const [name, shape] of wanted) {
    if (!found.has(name)) differences.push({ difference: 'missingColumn', table: want.name, name });
    else if (found.get(name) !== shape) differences.push({ difference: 'columnDiffers', table: want.name, name });
  }
  // The same columns and still not the same statement: a constraint (CHECK, UNIQUE, a foreign key, a collation) differs.
  if (differences.length === 0 && have.sql !== want.sql) differences.push({ difference: 'tableDiffers', name: want.name });
  return differences;
}

/** Everything in `candidate`'s schema that `expected` does not have, lacks, or has otherwise: foreign objects first. */
export function schemaDifferences(expected: BetterSqlite3.Database, candidate: BetterSqlite3.Database): SchemaDifference[] {
  const want = schemaObjects(expected);
  const have = schemaObjects(candidate);
  const differences: SchemaDifference[] = [];
  for (const [key, object] of have) if (!want.has(key)) differences.push({ difference: EXTRA[object.type] ?? 'extraTable', name: object.name });
  for (const [key, object] of want) {
    const found = have.get(key);
    if (!found) differences.push({ difference: MISSING[object.type] ?? 'missingTable', name: object.name });
    else if (object.type === 'table') differences.push(...tableDifferences(expected, candidate, object, found));
    else if (found.table !== object.table || found.sql !== object.sql) differences.push({ difference: 'indexDiffers', name: object.name });
  }
  return differences;
}
