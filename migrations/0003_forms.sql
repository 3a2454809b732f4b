-- Forms as data. The built-in forms ship with the app (shared/forms/); this table holds the versions
-- a district made itself (a copy edited in the form editor, or a form imported from a JSON file).
-- A version that a campaign collects is never changed again: a change is a new version.
CREATE TABLE forms (
  id         TEXT    NOT NULL,
  version    INTEGER NOT NULL CHECK (version >= 1),
  definition TEXT    NOT NULL, -- the FormDefinition as JSON
  based_on   INTEGER,          -- the version it was copied from, if any
  created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (id, version)
) WITHOUT ROWID;

-- A reported text, date (YYYY-MM-DD) or URL; numbers (count, money, yes/no as 1/0) stay in report_values.
CREATE TABLE report_texts (
  report_id INTEGER NOT NULL REFERENCES reports (id),
  code      TEXT    NOT NULL,
  value     TEXT    NOT NULL,
  PRIMARY KEY (report_id, code)
) WITHOUT ROWID;

-- A filled row of one of the report's list tables (the НИК publications list), in the order written.
CREATE TABLE report_list_rows (
  report_id  INTEGER NOT NULL REFERENCES reports (id),
  table_id   TEXT    NOT NULL,
  row_number INTEGER NOT NULL,
  cells      TEXT    NOT NULL, -- column key → text, as JSON
  PRIMARY KEY (report_id, table_id, row_number)
) WITHOUT ROWID;
