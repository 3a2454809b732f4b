-- Jinaq schema, version 2: campaign plans («план мероприятий» / «іс-шаралар жоспары»),
-- which schools each item is handed to, and who did what — from school reports or entered by hand.

-- The campaign's hashtag (НИК: #НИКYYYY_RR), printed on its forms and plan.
ALTER TABLE campaigns ADD COLUMN hashtag TEXT NOT NULL DEFAULT '';

-- The plan's header as the district approves it: title, approval date, motto and purpose lines.
CREATE TABLE plans (
  campaign_id   TEXT PRIMARY KEY REFERENCES campaigns (id) ON DELETE CASCADE,
  title_ru      TEXT NOT NULL DEFAULT '',
  title_kk      TEXT NOT NULL DEFAULT '',
  preamble_json TEXT NOT NULL DEFAULT '[]',
  approved_on   TEXT
) WITHOUT ROWID;

CREATE TABLE plan_sections (
  id          INTEGER PRIMARY KEY,
  campaign_id TEXT    NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL,
  title_ru    TEXT    NOT NULL DEFAULT '',
  title_kk    TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX plan_sections_by_campaign ON plan_sections (campaign_id, position);

-- An item keeps its texts in both languages as written; the structured deadline and executors
-- are parsed from the Russian text (the Kazakh one when there is no Russian).
CREATE TABLE plan_items (
  id             INTEGER PRIMARY KEY,
  campaign_id    TEXT    NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
  section_id     INTEGER NOT NULL REFERENCES plan_sections (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  title_ru       TEXT    NOT NULL DEFAULT '',
  title_kk       TEXT    NOT NULL DEFAULT '',
  deadline_ru    TEXT    NOT NULL DEFAULT '',
  deadline_kk    TEXT    NOT NULL DEFAULT '',
  executors_ru   TEXT    NOT NULL DEFAULT '',
  executors_kk   TEXT    NOT NULL DEFAULT '',
  deadline_json  TEXT    NOT NULL,
  executors_json TEXT    NOT NULL DEFAULT '[]',
  -- Schools get the item when schools are among its executors: all active schools, or the chosen ones.
  assign_to      TEXT    NOT NULL DEFAULT 'all' CHECK (assign_to IN ('all', 'chosen')),
  -- The department's own part of the item.
  own_status     TEXT    NOT NULL DEFAULT 'not_started' CHECK (own_status IN ('not_started', 'done', 'not_done')),
  own_note       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX plan_items_by_campaign ON plan_items (campaign_id, position);

CREATE TABLE plan_item_schools (
  item_id   INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
  school_id INTEGER NOT NULL REFERENCES schools (id),
  PRIMARY KEY (item_id, school_id)
) WITHOUT ROWID;

-- The plan-execution part of an accepted report: part of the report, so an older report keeps its own.
CREATE TABLE report_plan_rows (
  report_id    INTEGER NOT NULL REFERENCES reports (id),
  item_id      INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
  status       TEXT    NOT NULL CHECK (status IN ('not_started', 'done', 'not_done')),
  events       INTEGER,
  participants INTEGER,
  description  TEXT    NOT NULL DEFAULT '',
  PRIMARY KEY (report_id, item_id)
) WITHOUT ROWID;

-- Execution entered by hand in the app; the newer of this and the school's current report wins.
CREATE TABLE plan_execution_entries (
  item_id      INTEGER NOT NULL REFERENCES plan_items (id) ON DELETE CASCADE,
  school_id    INTEGER NOT NULL REFERENCES schools (id),
  status       TEXT    NOT NULL CHECK (status IN ('not_started', 'done', 'not_done')),
  events       INTEGER,
  participants INTEGER,
  description  TEXT    NOT NULL DEFAULT '',
  updated_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  PRIMARY KEY (item_id, school_id)
) WITHOUT ROWID;
