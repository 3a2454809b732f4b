// Opening a school's file safely, and saying exactly what is wrong with a bad one.
//
// In order: the size (over 20 MB is refused before anything else is read); what the bytes are (a PDF, a photo, a
// Word document, a CSV, an empty file…); an old .xls or a LibreOffice .ods is converted by LibreOffice when it is
// installed; a password-protected workbook is named as such; a zip's directory and every part are checked against
// the limits in zip-limits.ts (zip bombs, lying sizes, truncation, CRC errors); the parts a workbook cannot be read
// without and the bounds of what the reader builds are checked in workbook-structure.ts; only then are the parts the
// import needs (kept as they were inflated, xlsx-parts.ts) read (xlsx-reader.ts). Every refusal is one FileIssue
// naming the file, in the user's language through the locale files.
import { MAX_FILE_BYTES } from '../../../shared/imports.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { compoundFileKind, compoundFileNames, fileKind } from './file-kind.ts';
import { convertToXlsx, findSoffice } from './libreoffice.ts';
import type { ReadableWorkbook } from './readable-workbook.ts';
import { structureCheck } from './workbook-structure.ts';
import { XlsxParts } from './xlsx-parts.ts';
import { readXlsx } from './xlsx-reader.ts';
import { checkDeclaredSizes, checkEntries, readCentralDirectory, ZIP_LIMITS, type ZipEntry, type ZipProblem } from './zip-limits.ts';

export type OpenedFile = { ok: true; workbook: ReadableWorkbook; warnings: FileIssue[] } | { ok: false; error: FileIssue };

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
 * The parts that passed every check, read. Every sheet is read here, though the reader would wait to be asked: a
 * sheet too damaged to read makes the whole file unreadable, told now rather than half-way through its reading.
 */
function parse(parts: XlsxParts, file: string): OpenedFile {
  try {
    const workbook = readXlsx(parts);
    for (const sheet of workbook.sheets) void sheet.rowCount;
    return { ok: true, workbook, warnings: [] };
  } catch {
    return refuse(issue('error', 'import.fileUnreadable', { file }));
  }
}

/** A zip: its directory against the limits, its kind, every part inflated under its cap, then parsed. */
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
  const parts = new XlsxParts();
  const inflated = checkEntries(bytes, entries, (name, data) => {
    structure.onPart(name, data);
    parts.keep(name, data);
  });
  if (inflated) return zipRefusal(inflated, file);
  if (kind === 'ods') {
    if (!convert) return refuse(issue('error', 'import.odsNeedsLibreOffice', { file }));
    return converted(bytes, file, 'ods');
  }
  const problem = structure.problem();
  if (problem) return refuse(problem);
  return parse(parts, file);
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

/**
 * The workbook in the bytes, or null when they are not a readable .xlsx: the same checks as a school's report,
 * nothing converted. Use openWorkbook for a file whose problem should be told to the user.
 */
export async function loadWorkbook(bytes: Uint8Array): Promise<ReadableWorkbook | null> {
  const opened = await openXlsx(bytes, '');
  return opened.ok ? opened.workbook : null;
}
