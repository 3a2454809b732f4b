-- «Забота» version 2 (the help grid) is built in. A district that already made its own «Забота» v2 keeps it under
-- that number; the built-in version is then stored under the next free number by this migration's data step
-- (main/db/built-in-forms.ts), so that new campaigns collect it. No schema change.
SELECT 1;
