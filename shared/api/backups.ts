// Copies of the database: the automatic ones, a copy for the user, and restoring one.
import { z } from 'zod';
import { MAX_BACKUP_BASE64, type BackupList, type RestoreResult } from '../backups.ts';
import type { SaveOutcome } from '../domain.ts';
import { type Domain, change, query, returns } from './define.ts';
import { none, text } from './inputs.ts';

export const backupsMethods = {
  'backups.list': query({ input: none, output: returns<BackupList>(), reads: ['backups'] }),
  /** A checked copy for the user to keep (a USB stick). */
  'backups.create': change({ input: none, output: returns<SaveOutcome>(), changes: ['backups'] }),
  'backups.restore': change({ input: z.object({ name: text(200).min(1) }), output: returns<RestoreResult>(), changes: 'all' }),
  'backups.restoreFile': change({
    input: z.object({ file: z.object({ name: text(260).min(1), base64: z.string().max(MAX_BACKUP_BASE64) }) }),
    output: returns<RestoreResult>(),
    changes: 'all',
  }),
} satisfies Domain<'backups'>;
