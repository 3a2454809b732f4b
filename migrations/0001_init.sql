-- Jinaq schema, version 1: district settings, the school registry, campaigns,
-- every imported file kept as it came, and the accepted reports with their values.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE schools (
  id         INTEGER PRIMARY KEY,
  bin        TEXT    NOT NULL UNIQUE,
  name_ru    TEXT    NOT NULL DEFAULT '',
  name_kk    TEXT    NOT NULL DEFAULT '',
  short_name TEXT    NOT NULL,
  type       TEXT    NOT NULL DEFAULT 'general'
             CHECK (type IN ('general', 'gymnasium', 'lyceum', 'school_gymnasium', 'small', 'other')),
  locality   TEXT    NOT NULL DEFAULT '',
  director   TEXT    NOT NULL DEFAULT '',
  phone      TEXT    NOT NULL DEFAULT '',
  email      TEXT    NOT NULL DEFAULT '',
  language   TEXT    NOT NULL DEFAULT 'kk' CHECK (language IN ('kk', 'ru', 'kk_ru', 'other')),
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

CREATE TABLE campaigns (
  id            TEXT    PRIMARY KEY,
  kind          TEXT    NOT NULL,
  year          INTEGER NOT NULL,
  form_id       TEXT    NOT NULL,
  form_version  INTEGER NOT NULL,
  starts_on     TEXT    NOT NULL,
  ends_on       TEXT    NOT NULL,
  school_due_on TEXT    NOT NULL,
  region_due_on TEXT    NOT NULL,
  created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  UNIQUE (kind, year)
);

-- Every file a user imported, byte for byte, whatever became of it.
CREATE TABLE files (
  id          INTEGER PRIMARY KEY,
  sha256      TEXT    NOT NULL UNIQUE,
  size        INTEGER NOT NULL,
  bytes       BLOB    NOT NULL,
  received_at TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);

-- One row per file per import: the outcome and every message about it.
CREATE TABLE imports (
  id           INTEGER PRIMARY KEY,
  campaign_id  TEXT    NOT NULL REFERENCES campaigns (id),
  file_id      INTEGER NOT NULL REFERENCES files (id),
  file_name    TEXT    NOT NULL,
  status       TEXT    NOT NULL CHECK (status IN ('accepted', 'rejected', 'duplicate')),
  has_warnings INTEGER NOT NULL DEFAULT 0 CHECK (has_warnings IN (0, 1)),
  school_id    INTEGER REFERENCES schools (id),
  school_bin   TEXT,
  issues_json  TEXT    NOT NULL DEFAULT '[]',
  imported_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX imports_by_campaign ON imports (campaign_id, imported_at);
CREATE INDEX imports_by_file ON imports (file_id, campaign_id);

-- An accepted report. The newest accepted one of a school in a campaign is current; older ones stay as history.
CREATE TABLE reports (
  id           INTEGER PRIMARY KEY,
  campaign_id  TEXT    NOT NULL REFERENCES campaigns (id),
  school_id    INTEGER NOT NULL REFERENCES schools (id),
  import_id    INTEGER NOT NULL UNIQUE REFERENCES imports (id),
  form_id      TEXT    NOT NULL,
  form_version INTEGER NOT NULL,
  received_at  TEXT    NOT NULL,
  is_current   INTEGER NOT NULL CHECK (is_current IN (0, 1))
);
CREATE UNIQUE INDEX one_current_report ON reports (campaign_id, school_id) WHERE is_current = 1;

-- A reported value: a count, or money in tiyn (1/100 tenge). A blank cell has no row here.
CREATE TABLE report_values (
  report_id INTEGER NOT NULL REFERENCES reports (id),
  code      TEXT    NOT NULL,
  amount    INTEGER NOT NULL,
  PRIMARY KEY (report_id, code)
) WITHOUT ROWID;
