// SQLite's error codes as messages a user can act on: the file is in use, on a read-only or full disk, unreadable.
import { AppError } from '../errors.ts';

function sqliteCode(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : null;
}

/** The AppError for a SQLite failure on the database `file`, or null when the error is not SQLite's. */
export function storageError(error: unknown, file: string): AppError | null {
  const code = sqliteCode(error);
  if (!code) return null;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new AppError('conflict', 'db.inUse', { file });
  if (code.startsWith('SQLITE_READONLY')) return new AppError('storage', 'db.readOnly', { file });
  if (code === 'SQLITE_FULL') return new AppError('storage', 'db.full', { file });
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return new AppError('storage', 'db.cannotOpen', { file, details: code });
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return new AppError('conflict', 'db.corrupt', { file });
  if (code.startsWith('SQLITE_IOERR')) return new AppError('storage', 'db.ioError', { file, details: code });
  return null;
}
