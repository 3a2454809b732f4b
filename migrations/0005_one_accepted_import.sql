-- One accepted import of a file per campaign: the same file imported twice — even by two imports at the same
-- moment — is accepted once and recorded as a duplicate the second time. (One current report per school and
-- campaign is held by one_current_report since 0001.)

-- Before this release two imports of one file running at once could both be accepted. The later ones become the
-- duplicates they were; their reports stay as versions in the school's history, since the audit refers to them.
UPDATE imports SET status = 'duplicate', has_warnings = 0
WHERE status = 'accepted'
  AND EXISTS (
    SELECT 1 FROM imports AS earlier
    WHERE earlier.campaign_id = imports.campaign_id AND earlier.file_id = imports.file_id
      AND earlier.status = 'accepted' AND earlier.id < imports.id
  );

CREATE UNIQUE INDEX one_accepted_import ON imports (campaign_id, file_id) WHERE status = 'accepted';
