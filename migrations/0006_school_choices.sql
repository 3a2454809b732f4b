-- A file that names two schools (its template's identification and its header disagree) is refused; the specialist
-- may then accept it as one of the two. Each such decision: which school was chosen over which, why, and by whom.
CREATE TABLE school_choices (
  id             INTEGER PRIMARY KEY,
  campaign_id    TEXT    NOT NULL REFERENCES campaigns (id),
  import_id      INTEGER NOT NULL REFERENCES imports (id), -- the import that stored the report under the chosen school
  from_import_id INTEGER NOT NULL REFERENCES imports (id), -- the refused import whose kept file it is
  chosen_bin     TEXT    NOT NULL,
  other_bin      TEXT    NOT NULL,
  disagreement   TEXT    NOT NULL, -- the refusal, as a message (key and parameters) in JSON
  os_user        TEXT    NOT NULL,
  chosen_at      TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE INDEX school_choices_by_campaign ON school_choices (campaign_id, id);
