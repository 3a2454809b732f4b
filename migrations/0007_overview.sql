-- What the overview and the first start need to know.

-- A rejected file that is not a school's report at all (a PDF, the registry, another campaign's file dropped by
-- mistake), set aside by the specialist: it no longer waits for an answer. The file itself stays kept.
ALTER TABLE imports ADD COLUMN dismissed_at TEXT;
-- When the campaign's school templates were last saved: the first start's checklist ticks «templates issued» by it.
ALTER TABLE campaigns ADD COLUMN templates_saved_at TEXT;
