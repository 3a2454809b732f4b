// Opening a school's file safely, and saying exactly what is wrong with a bad one.
//
// In order: the size (over 20 MB is refused before anything else is read); what the bytes are (a PDF, a photo, a
// Word document, a CSV, an empty file…); an old .xls or a LibreOffice .ods is converted by LibreOffice when it is
// installed; a password-protected workbook is named as such; a zip's directory and every part are checked against
// the limits in zip-limits.ts (zip bombs, lying sizes, truncation, CRC errors); what exceljs would build cell by cell
// (merged ranges, defined names, rows past the end of the grid) is bounded in WORKBOOK_LIMITS; only then does exceljs
// parse it. Every refusal is one FileIssue naming the file, in the user's language through the locale files.
import ExcelJS from 'exceljs';
import { MAX_FILE_BYTES } from '../../shared/imports.ts';
import { issue, type FileIssue } from '../../shared/messages.ts';
import { compoundFileKind, compoundFileNames, fileKind } from './file-kind.ts';
import { convertToXlsx, findSoffice } from './libreoffice.ts';
import type { Workbook } from './workbook.ts';
import { checkDeclaredSizes, checkEntries, readCentralDirectory, ZIP_LIMITS, type ZipEntry, type ZipProblem } from './zip-limits.ts';

export type OpenedFile = { ok: true; workbook: Workbook; warnings: FileIssue[] } | { ok: false; error: FileIssue };

const MB = 1024 * 1024;
/** Megabytes with one decimal, for messages («20,5 МБ» — the locale texts format the number). */
const megabytes = (bytes: number) => Math.round((bytes / MB) * 10) / 10;

const refuse = (error: FileIssue): OpenedFile => ({ ok: false, error });

function zipRefusal(problem: ZipProblem, file: string): OpenedFile {
  switch (problem.kind) {
    case 'truncated':
      return refuse(issue('error', 'import.fileTruncated', { file }));
    case 'damaged':
      return refuse(problem.part ? issue('error', 'import.fileDamaged', { file, part: problem.part }) : issue('error', 'import.fileUnreadable', { file }));
    case 'encrypted':
      return refuse(issue('error', 'import.encrypted', { file }));
    case 'unsupported':
      return refuse(issue('error', 'import.fileUnreadable', { file }));
    case 'tooManyEntries':
      return refuse(issue('error', 'import.tooManyParts', { file, count: problem.count, limit: ZIP_LIMITS.maxEntries }));
    case 'entryTooLarge':
      return refuse(issue('error', 'import.partTooLarge', { file, part: problem.part, size: megabytes(problem.size), limit: ZIP_LIMITS.maxEntryBytes / MB }));
    case 'totalTooLarge':
      return refuse(issue('error', 'import.unpackedTooLarge', { file, size: megabytes(problem.size), limit: ZIP_LIMITS.maxTotalBytes / MB }));
    case 'ratio':
      return refuse(issue('error', 'import.suspiciousCompression', { file, part: problem.part, ratio: problem.ratio, limit: ZIP_LIMITS.maxRatio }));
    case 'sizeMismatch':
      return refuse(issue('error', 'import.sizeMismatch', { file, part: problem.part }));
  }
}

type ZipKind = 'xlsx' | 'ods' | 'word' | 'archive' | 'other';

/** What a zip holds, by its part names (an OpenDocument file says which kind in its stored "mimetype" part). */
function zipKind(bytes: Uint8Array, entries: ZipEntry[]): ZipKind {
  const names = new Set(entries.map((entry) => entry.name));
  // A workbook whose workbook.xml was lost is still a workbook, a damaged one (told when its structure is checked).
  if (names.has('xl/workbook.xml') || entries.some((entry) => entry.name.startsWith('xl/'))) return 'xlsx';
  if (names.has('word/document.xml')) return 'word';
  const mimetype = entries.find((entry) => entry.name === 'mimetype' && entry.method === 0 && entry.compressedSize < 100);
  if (mimetype) {
    // The ODF spec stores it uncompressed: its text follows the 30-byte local header, the name and the extra field.
    const header = mimetype.localHeaderOffset;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const at = header + 30 > bytes.byteLength ? bytes.byteLength : header + 30 + view.getUint16(header + 26, true) + view.getUint16(header + 28, true);
    const text = new TextDecoder().decode(bytes.subarray(at, at + mimetype.compressedSize));
    if (text.startsWith('application/vnd.oasis.opendocument.spreadsheet')) return 'ods';
    if (text.startsWith('application/vnd.oasis.opendocument.text')) return 'word';
  }
  if (entries.some((entry) => /\.(xlsx|xls|ods|pdf|docx?)$/i.test(entry.name))) return 'archive';
  return 'other';
}

/**
 * What exceljs would otherwise build cell by cell from a few bytes of XML. Found by the import fuzzer
 * (test/unit/fuzz-import.test.ts): each of these, unbounded, held the import for minutes or ran out of memory.
 */
export const WORKBOOK_LIMITS = {
  /** Excel's grid ends at XFD1048576; exceljs keeps rows in an array indexed by the row number. */
  rows: 1_048_576,
  columns: 16_384,
  /** Cells under merged ranges on one sheet: exceljs makes a cell object for each. */
  mergedCells: 100_000,
  /** Merged ranges on one sheet: exceljs compares each with every one before it. */
  merges: 5_000,
  /** Cells named by defined names (print areas and titles aside): exceljs makes an entry for each. */
  namedCells: 100_000,
  /** exceljs keeps sheets in an array indexed by their sheetId. */
  sheetId: 100_000,
} as const;

/** Worksheet parts the way exceljs picks them, whatever else their names hold. */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKBOOK_PART = 'xl/workbook.xml';
const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';
const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';

const xmlText = (text: string) =>
  text
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Math.min(parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Math.min(Number(dec), 0x10ffff)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const attribute = (tag: string, name: string) => {
  const value = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
  return value === undefined ? undefined : xmlText(value);
};

function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
}

/** A cell or range reference («$A$1», «A1:XFD1048576»): its corners, or null when it is not one. */
function rangeOf(reference: string): { top: number; left: number; bottom: number; right: number } | null {
  const match = /^\$?([A-Za-z]+)\$?(\d+)(?::\$?([A-Za-z]+)\$?(\d+))?$/.exec(reference.trim());
  if (!match) return null;
  const [a, b] = [[columnNumber(match[1]), Number(match[2])], [columnNumber(match[3] ?? match[1]), Number(match[4] ?? match[2])]];
  return { top: Math.min(a[1], b[1]), bottom: Math.max(a[1], b[1]), left: Math.min(a[0], b[0]), right: Math.max(a[0], b[0]) };
}

const cellsIn = (range: { top: number; left: number; bottom: number; right: number }) => (range.bottom - range.top + 1) * (range.right - range.left + 1);
const outsideGrid = (range: { bottom: number; right: number }) => range.bottom > WORKBOOK_LIMITS.rows || range.right > WORKBOOK_LIMITS.columns;

/**
 * The sheets workbook.xml lists, each with the part its relationship points to (null when there is none), resolved
 * as exceljs does: «worksheets/sheet1.xml» and «/xl/worksheets/sheet1.xml» are both xl/worksheets/sheet1.xml.
 */
function sheetsOf(workbookXml: string, relsXml: string): Array<{ name: string; part: string | null }> {
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attribute(tag, 'Id');
    const target = attribute(tag, 'Target');
    if (id && target) targets.set(id, `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`);
  }
  return [...workbookXml.matchAll(/<sheet\b[^>]*>/g)].map(([tag]) => ({ name: attribute(tag, 'name') ?? '', part: targets.get(attribute(tag, 'r:id') ?? '') ?? null }));
}

/**
 * A part the workbook cannot be read without: its sheets' relationships, each sheet's own part, the shared strings
 * its cells refer to. Without one exceljs reads no sheet or no text — no row codes — and the school would be told
 * to fill in the template it did fill in.
 */
function missingPart(parts: Set<string>, workbookXml: string, relsXml: string, usesSharedStrings: boolean): string | null {
  if (!parts.has(WORKBOOK_PART)) return WORKBOOK_PART;
  for (const { part } of sheetsOf(workbookXml, relsXml)) {
    if (!parts.has(WORKBOOK_RELS_PART) || part === null) return WORKBOOK_RELS_PART;
    if (!parts.has(part)) return part;
  }
  return usesSharedStrings && !parts.has(SHARED_STRINGS_PART) ? SHARED_STRINGS_PART : null;
}

/** Rows and cells past the end of Excel's grid, and merged ranges exceljs would spend minutes or gigabytes on. */
function sheetProblem(xml: string, file: string, sheet: string): FileIssue | null {
  for (const [, row] of xml.matchAll(/<row\b[^>]*?\sr="(\d+)"/g)) {
    if (Number(row) > WORKBOOK_LIMITS.rows) return issue('error', 'import.cellOutsideSheet', { file, sheet, cell: `${row}:${row}` });
  }
  for (const [, cell] of xml.matchAll(/<c\b[^>]*?\sr="([^"]*)"/g)) {
    const range = rangeOf(cell);
    if (range && outsideGrid(range)) return issue('error', 'import.cellOutsideSheet', { file, sheet, cell });
  }
  let merges = 0;
  let cells = 0;
  let largest = { text: '', cells: 0 };
  for (const [, text] of xml.matchAll(/<mergeCell\b[^>]*?\sref="([^"]*)"/g)) {
    const range = rangeOf(text);
    if (!range) continue;
    if (outsideGrid(range)) return issue('error', 'import.cellOutsideSheet', { file, sheet, cell: text });
    merges++;
    cells += cellsIn(range);
    if (cellsIn(range) > largest.cells) largest = { text, cells: cellsIn(range) };
  }
  if (merges > WORKBOOK_LIMITS.merges) return issue('error', 'import.tooManyMerges', { file, sheet, count: merges, limit: WORKBOOK_LIMITS.merges });
  if (cells > WORKBOOK_LIMITS.mergedCells) return issue('error', 'import.mergedAreaTooLarge', { file, sheet, cells, limit: WORKBOOK_LIMITS.mergedCells, range: largest.text });
  return null;
}

/** Sheet ids exceljs would index an array with, and defined names it would expand cell by cell. */
function workbookProblem(xml: string, file: string): FileIssue | null {
  for (const [tag] of xml.matchAll(/<sheet\b[^>]*>/g)) {
    if (parseInt(attribute(tag, 'sheetId') ?? '', 10) > WORKBOOK_LIMITS.sheetId) return issue('error', 'import.fileDamaged', { file, part: WORKBOOK_PART });
  }
  let cells = 0;
  for (const [, attributes, text] of xml.matchAll(/<definedName\b([^>]*)>([^<]*)<\/definedName>/g)) {
    const name = attribute(attributes, 'name') ?? '';
    // Print areas and titles become page set-up, not cells.
    if (name === '_xlnm.Print_Area' || name === '_xlnm.Print_Titles') continue;
    for (const reference of xmlText(text).split(',')) {
      const address = reference.slice(reference.lastIndexOf('!') + 1);
      // exceljs expands a range only when it holds an absolute cell («$A$1»).
      const range = /\$[A-Za-z]+\$\d+/.test(address) ? rangeOf(address) : null;
      if (!range) continue;
      cells += cellsIn(range);
      if (cells > WORKBOOK_LIMITS.namedCells) return issue('error', 'import.nameTooLarge', { file, name, range: address, cells: cellsIn(range), limit: WORKBOOK_LIMITS.namedCells });
    }
  }
  return null;
}

/**
 * Looks into the parts as the zip check inflates them (holding on to nothing but the part names, workbook.xml and
 * its relationships, which name the sheets): the first thing exceljs must not be given, or null.
 */
function structureCheck(file: string) {
  const decoder = new TextDecoder();
  const parts = new Set<string>();
  let workbookXml = '';
  let relsXml = '';
  let usesSharedStrings = false;
  let found: { part: string; problem: FileIssue } | null = null;
  return {
    onPart(name: string, data: Uint8Array): void {
      parts.add(name);
      if (name === WORKBOOK_PART) workbookXml += decoder.decode(data);
      else if (name === WORKBOOK_RELS_PART) relsXml += decoder.decode(data);
      else if (WORKSHEET_PART.test(name)) {
        const xml = decoder.decode(data);
        usesSharedStrings ||= /<c\b[^>]*?\st="s"/.test(xml);
        const problem = found ? null : sheetProblem(xml, file, name);
        if (problem) found = { part: name, problem };
      }
    },
    problem(): FileIssue | null {
      const missing = missingPart(parts, workbookXml, relsXml, usesSharedStrings);
      if (missing) return issue('error', 'import.fileDamaged', { file, part: missing });
      if (!found) return workbookProblem(workbookXml, file);
      const sheet = sheetsOf(workbookXml, relsXml).find(({ part }) => part === found!.part)?.name ?? found.part;
      const { message } = found.problem;
      return { ...found.problem, message: { ...message, params: { ...message.params, sheet } } };
    },
  };
}

/**
 * Parts of the worksheets that reading a report never needs and exceljs expands without a bound: column widths
 * (`<col min max>`: an object per column) and data validations (an entry per cell of the range — Excel users
 * validate whole columns, D1:D1048576).
 */
const IGNORED_NODES = ['cols', 'dataValidations'];

/** Bytes that passed every zip check, parsed by exceljs. */
async function parse(bytes: Uint8Array, file: string): Promise<OpenedFile> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch {
    return refuse(issue('error', 'import.fileUnreadable', { file }));
  }
  return { ok: true, workbook, warnings: [] };
}

/** A zip: its directory against the limits, its kind, every part inflated under its cap, then exceljs. */
async function openZip(bytes: Uint8Array, file: string, convert: boolean): Promise<OpenedFile> {
  const directory = readCentralDirectory(bytes);
  if (!directory.ok) return zipRefusal(directory.problem, file);
  const { entries } = directory;
  const declared = checkDeclaredSizes(entries);
  if (declared) return zipRefusal(declared, file);
  const kind = zipKind(bytes, entries);
  if (kind === 'word') return refuse(issue('error', 'import.fileWord', { file }));
  if (kind === 'archive') return refuse(issue('error', 'import.fileZipArchive', { file }));
  if (kind === 'other') return refuse(issue('error', 'import.fileUnknown', { file }));
  const structure = structureCheck(file);
  const inflated = checkEntries(bytes, entries, structure.onPart);
  if (inflated) return zipRefusal(inflated, file);
  if (kind === 'ods') {
    if (!convert) return refuse(issue('error', 'import.odsNeedsLibreOffice', { file }));
    return converted(bytes, file, 'ods');
  }
  const problem = structure.problem();
  if (problem) return refuse(problem);
  return parse(bytes, file);
}

/** An .xls or .ods through LibreOffice, then through every check an .xlsx gets; a warning says it was converted. */
async function converted(bytes: Uint8Array, file: string, format: 'xls' | 'ods'): Promise<OpenedFile> {
  const soffice = findSoffice();
  if (!soffice) return refuse(issue('error', format === 'xls' ? 'import.xlsNeedsLibreOffice' : 'import.odsNeedsLibreOffice', { file }));
  const xlsx = await convertToXlsx(soffice, bytes, format);
  if (!xlsx) return refuse(issue('error', 'import.conversionFailed', { file }));
  const opened = await openZip(xlsx, file, false);
  if (!opened.ok) return opened;
  const warning = issue('warning', format === 'xls' ? 'import.convertedFromXls' : 'import.convertedFromOds', { file });
  return { ...opened, warnings: [warning, ...opened.warnings] };
}

async function open(bytes: Uint8Array, file: string, convert: boolean): Promise<OpenedFile> {
  if (bytes.byteLength > MAX_FILE_BYTES) return refuse(issue('error', 'import.fileTooLarge', { file, size: megabytes(bytes.byteLength), limit: MAX_FILE_BYTES / MB }));
  switch (fileKind(bytes)) {
    case 'empty':
      return refuse(issue('error', 'import.fileEmpty', { file }));
    case 'zip':
      return openZip(bytes, file, convert);
    case 'ole2': {
      const kind = compoundFileKind(compoundFileNames(bytes));
      if (kind === 'encrypted') return refuse(issue('error', 'import.encrypted', { file }));
      if (kind === 'doc') return refuse(issue('error', 'import.fileWord', { file }));
      if (kind === 'other') return refuse(issue('error', 'import.fileUnknown', { file }));
      // An .xls, or a compound file too broken to tell: LibreOffice gets to try (and says so when it cannot).
      if (!convert) return refuse(issue('error', 'import.xlsNeedsLibreOffice', { file }));
      return converted(bytes, file, 'xls');
    }
    case 'pdf':
      return refuse(issue('error', 'import.filePdf', { file }));
    case 'image':
      return refuse(issue('error', 'import.fileImage', { file }));
    case 'rtf':
      return refuse(issue('error', 'import.fileWord', { file }));
    case 'text':
      return refuse(issue('error', 'import.fileText', { file }));
    case 'unknown':
      return refuse(issue('error', 'import.fileUnknown', { file }));
  }
}

/**
 * A school's file opened as a workbook, or the one reason it cannot be, naming the file. Old .xls and .ods files
 * are converted by LibreOffice when it is installed (found on PATH, at the usual places, or through JINAQ_SOFFICE),
 * with a warning saying so.
 */
export async function openWorkbook(bytes: Uint8Array, fileName: string): Promise<OpenedFile> {
  return open(bytes, fileName, true);
}

/** The same checks without LibreOffice: an .xlsx or a refusal. For callers that want no external program run. */
export async function openXlsx(bytes: Uint8Array, fileName: string): Promise<OpenedFile> {
  return open(bytes, fileName, false);
}
