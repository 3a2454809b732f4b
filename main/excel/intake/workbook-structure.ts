// The structure of a workbook, looked into as the zip check inflates its parts, before it is read: the parts it
// cannot be read without (workbook.xml, its relationships, each sheet, the shared strings), and how much grid a few
// bytes of XML can ask for (rows past the grid, merged ranges, defined names, sheet ids).
import { issue, type FileIssue } from '../../../shared/messages.ts';
import { SHARED_STRINGS_PART, WORKBOOK_PART, WORKBOOK_RELS_PART, WORKSHEET_PART } from './xlsx-parts.ts';

/**
 * Found by the import fuzzer (test/unit/fuzz-import.test.ts) when exceljs read the files: each of these, unbounded,
 * held the import for minutes or ran out of memory. The streaming reader still marks every merged cell and checks
 * each merged range against those before it, and merged-ranges.ts indexes every merged cell; the rest keep refusing
 * what no report holds (test/unit/fuzz-findings.test.ts).
 */
export const WORKBOOK_LIMITS = {
  /** Excel's grid ends at XFD1048576. */
  rows: 1_048_576,
  columns: 16_384,
  /** Cells under merged ranges on one sheet: the reader marks each, merged-ranges.ts indexes each. */
  mergedCells: 100_000,
  /** Merged ranges on one sheet: the reader checks each against every one before it (they must not overlap). */
  merges: 5_000,
  /** Cells named by defined names (print areas and titles aside); exceljs made an entry for each. */
  namedCells: 100_000,
  /** exceljs kept sheets in an array indexed by their sheetId. */
  sheetId: 100_000,
} as const;


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
 * as the reader does (workbook-part.ts): «worksheets/sheet1.xml» and «/xl/worksheets/sheet1.xml» are both xl/worksheets/sheet1.xml.
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
 * its cells refer to. Without one the reader finds no sheet or no text — no row codes — and the school would be told
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

/** Rows and cells past the end of Excel's grid, and merged ranges over more cells than a report ever merges. */
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

/** Sheet ids past any real workbook's, and defined names over more cells than a report ever names. */
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
 * its relationships, which name the sheets): the first reason not to read the workbook, or null.
 */
export function structureCheck(file: string) {
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
