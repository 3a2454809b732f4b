// Who is at the keyboard: the operating-system user, written into the import log and the audit of values.
import { userInfo } from 'node:os';

export function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // A user without a name in the password database (some containers): fall back to the environment.
    return process.env.USERNAME ?? process.env.USER ?? '';
  }
}
