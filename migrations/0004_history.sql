-- Import that never loses a report: files sent back for revision, reports typed in by hand,
-- and an audit of every change of a school's current values.

-- A file sent back to the school for revision: its status is «returned» until the school's next file arrives.
ALTER TABLE imports ADD COLUMN returned_at TEXT;
-- Where the report came from: a file the school sent, or values a specialist typed in (a school dictating by phone).
ALTER TABLE imports ADD COLUMN source TEXT NOT NULL DEFAULT 'file' CHECK (source IN ('file', 'manual'));
-- The operating-system user who imported the file or typed the values.
ALTER TABLE imports ADD COLUMN os_user TEXT NOT NULL DEFAULT '';

-- Every change of a school's current value in a campaign: a new file, a hand entry, or an older version restored.
CREATE TABLE value_audit (
  id          INTEGER PRIMARY KEY,
  campaign_id TEXT    NOT NULL REFERENCES campaigns (id),
  school_id   INTEGER NOT NULL REFERENCES schools (id),
  code        TEXT    NOT NULL,
  old_value   TEXT,             -- as the summary shows it (tenge for money, 1/0 for yes/no); NULL when blank
  new_value   TEXT,
  report_id   INTEGER NOT NULL REFERENCES reports (id), -- the report that became current
  reason      TEXT    NOT NULL CHECK (reason IN ('file', 'manual', 'restore')),
  os_user     TEXT    NOT NULL,
  changed_at  TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX value_audit_by_school ON value_audit (campaign_id, school_id, id);
