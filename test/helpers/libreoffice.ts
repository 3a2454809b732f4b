// LibreOffice for the tests that round-trip files through Calc: the soffice the app itself would use, its version,
// and a conversion as a school's Calc would save the file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { findSoffice } from '../../main/excel/intake/libreoffice.ts';

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

export interface SofficeConversion {
  /** A folder of this conversion's own: the input is written there, the result to its out/. */
  dir: string;
  /** The input's file name, extension included ('report.xlsx'). */
  name: string;
  format: 'xlsx' | 'xls' | 'ods';
  /** LibreOffice's user profile folder: a private one, so parallel runs do not clash; it may hold settings already. */
  profile: string;
  /** How long soffice may take before it is killed (the test's own timeout must leave room). */
  timeout: number;
}

/** The bytes saved by LibreOffice in another format (`soffice --headless --convert-to`), as a school's Calc would. */
export function convertWithSoffice(bytes: Uint8Array, { dir, name, format, profile, timeout }: SofficeConversion): Buffer {
  if (!SOFFICE_PATH) throw new Error('LibreOffice (soffice) is not installed: the test should have been skipped');
  const out = path.join(dir, 'out');
  mkdirSync(out, { recursive: true });
  const input = path.join(dir, name);
  writeFileSync(input, bytes);
  const args = [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', format, '--outdir', out, input];
  execFileSync(SOFFICE_PATH, args, { timeout, stdio: 'pipe' });
  return readFileSync(path.join(out, `${path.parse(name).name}.${format}`));
}

/** A private LibreOffice profile (its folder) that recalculates every formula of an .xlsx on load, whatever the file caches. */
export function recalculatingProfile(dir: string): string {
  const user = path.join(dir, 'user');
  mkdirSync(user, { recursive: true });
  writeFileSync(
    path.join(user, 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * The workbook as Calc computes it: every formula's cached result spoiled first (so what comes back is Calc's own
 * arithmetic, not ours read back), then saved by LibreOffice recalculating on load. `formulas` counts the formulas.
 */
export async function recalculatedByCalc(bytes: Uint8Array, dir: string, timeout = 110_000): Promise<{ bytes: Buffer; formulas: number }> {
  const { default: ExcelJS } = await import('exceljs');
  const spoiled = new ExcelJS.Workbook();
  await spoiled.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  let formulas = 0;
  for (const sheet of spoiled.worksheets) {
    sheet.eachRow((row) => row.eachCell((cell) => {
      const value = cell.value;
      if (value && typeof value === 'object' && 'formula' in value) {
        cell.value = { formula: (value as { formula: string }).formula, result: -1 };
        formulas++;
      }
    }));
  }
  const converted = convertWithSoffice(Buffer.from(await spoiled.xlsx.writeBuffer()), {
    dir, name: 'recalculated.xlsx', format: 'xlsx', profile: recalculatingProfile(path.join(dir, 'profile')), timeout,
  });
  return { bytes: converted, formulas };
}
