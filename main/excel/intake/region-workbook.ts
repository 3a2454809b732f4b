// The region's own workbook, opened to be read as a form (`jinaq forms from-xlsx`) or filled (`jinaq export --into`):
// an .xls or .ods converted by LibreOffice first, as a school's is, then the same checks as a school's file, then
// every part of it kept as it was inflated (the writer changes one sheet and puts the rest back untouched), the
// sheets' values as the readers see them, and which part holds which sheet.
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { convertToXlsx, findSoffice } from './libreoffice.ts';
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
  /** The format the region's file was in when LibreOffice converted it to .xlsx, or null for an .xlsx. */
  convertedFrom: 'xls' | 'ods' | null;
}

export type OpenedRegionWorkbook = { ok: true; value: RegionWorkbook } | { ok: false; error: FileIssue };

export type RegionXlsx = { ok: true; bytes: Uint8Array; workbook: ReadableWorkbook; convertedFrom: 'xls' | 'ods' | null } | { ok: false; error: FileIssue };

const NEEDS_LIBREOFFICE = { 'import.xlsNeedsLibreOffice': 'xls', 'import.odsNeedsLibreOffice': 'ods' } as const;

/**
 * The region's file opened as .xlsx, with every check a school's file gets: an .xlsx as it is; an Excel 97–2003 .xls
 * or an .ods converted by LibreOffice first (when it is installed), as a school's file is. Any other refusal is the
 * school file's own, naming the file.
 */
export async function regionXlsx(bytes: Uint8Array, fileName: string): Promise<RegionXlsx> {
  const opened = await openXlsx(bytes, fileName);
  if (opened.ok) return { ok: true, bytes, workbook: opened.workbook, convertedFrom: null };
  const format = NEEDS_LIBREOFFICE[opened.error.message.key as keyof typeof NEEDS_LIBREOFFICE];
  if (!format) return opened;
  const soffice = findSoffice();
  if (!soffice) return { ok: false, error: issue('error', format === 'xls' ? 'regionForm.xlsNeedsLibreOffice' : 'regionForm.odsNeedsLibreOffice', { file: fileName }) };
  const converted = await convertToXlsx(soffice, bytes, format);
  if (!converted) return { ok: false, error: issue('error', 'regionForm.conversionFailed', { file: fileName }) };
  const reopened = await openXlsx(converted, fileName);
  return reopened.ok ? { ok: true, bytes: converted, workbook: reopened.workbook, convertedFrom: format } : reopened;
}

export async function openRegionWorkbook(original: Uint8Array, fileName: string): Promise<OpenedRegionWorkbook> {
  const opened = await regionXlsx(original, fileName);
  if (!opened.ok) return opened;
  const { bytes, convertedFrom } = opened;
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
  return { ok: true, value: { parts, workbook: opened.workbook, sheetParts, convertedFrom } };
}
