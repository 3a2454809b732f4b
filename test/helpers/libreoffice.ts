// LibreOffice for the tests that round-trip files through Calc: the soffice the app itself would use, and its version.
import { execFileSync } from 'node:child_process';
import { findSoffice } from '../../main/excel/libreoffice.ts';

/** The path of soffice, as the app finds it (JINAQ_SOFFICE, PATH, the usual folders), or null. */
export const SOFFICE_PATH = findSoffice();

/** «LibreOffice 7.4.7.2 …» for test titles, or null when LibreOffice is not installed (the tests skip and say why). */
export const SOFFICE_VERSION = ((): string | null => {
  if (!SOFFICE_PATH) return null;
  try {
    return execFileSync(SOFFICE_PATH, ['--version'], { encoding: 'utf8', timeout: 60_000 }).trim();
  } catch {
    return null;
  }
})();
