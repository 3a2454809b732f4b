// The region's own workbook, opened to be filled (`jinaq export --into`): the same checks as a school's file, then
// every part of it kept as it was inflated (the writer changes one sheet and puts the rest back untouched), the
// sheets' values as the readers see them, and which part holds which sheet.
import type { FileIssue } from '../../../shared/messages.ts';
import { openXlsx } from './open-workbook.ts';
import type { ReadableWorkbook } from './readable-workbook.ts';
import { readWorkbookPart } from './workbook-part.ts';
import { XlsxParts } from './xlsx-parts.ts';
import { checkEntries, readCentralDirectory } from './zip-limits.ts';

export interface RegionWorkbook {
  /** Every part of the zip, in the zip's order, as it was inflated. */
  parts: Map<string, Uint8Array>;
  workbook: ReadableWorkbook;
  /** The worksheet part of each sheet by its name, e.g. «Форма 1» → xl/worksheets/sheet1.xml. */
  sheetParts: Map<string, string>;
}

export type OpenedRegionWorkbook = { ok: true; value: RegionWorkbook } | { ok: false; error: FileIssue };

export async function openRegionWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedRegionWorkbook> {
  const opened = await openXlsx(bytes, fileName);
  if (!opened.ok) return opened;
  // The zip passed every limit in openXlsx: its parts are inflated again, this time all of them kept.
  const directory = readCentralDirectory(bytes);
  if (!directory.ok) throw new Error('the zip read once could not be read again');
  const parts = new Map<string, Uint8Array>();
  const kept = new XlsxParts();
  checkEntries(bytes, directory.entries, (name, data) => {
    parts.set(name, data);
    kept.keep(name, data);
  });
  const sheetParts = new Map(readWorkbookPart(kept).sheets.map((sheet) => [sheet.name, sheet.part]));
  return { ok: true, value: { parts, workbook: opened.workbook, sheetParts } };
}
