// Rows inserted into a sheet, as Excel inserts them: every reference to a row at or below the insertion point moves
// down by the rows inserted — in the sheet's formulas, in other sheets' and the workbook's names that point into it, in
// merged ranges, validations and conditional formats — and a range that spans the point grows. A row copied from a
// template row takes its formulas with their relative rows moved, as Excel's fill down does.

export interface RowInsertion {
  /** The sheet's name, as other sheets' formulas qualify references to it. */
  sheet: string;
  /** The first row number of the rows inserted: the row there and every row below move down. */
  at: number;
  count: number;
}

/** An optional sheet qualifier, then a cell, then optionally «:» and a second cell. */
const REFERENCE =
  /(?<![\p{L}\p{N}_.])((?:'(?:[^']|'')+'|[\p{L}_][\p{L}\p{N}_.]*)!)?(\$?)([A-Z]{1,3})(\$?)(\d+)(?::(\$?)([A-Z]{1,3})(\$?)(\d+))?(?![\p{L}\p{N}_(])/gu;

const unquoted = (qualifier: string) => qualifier.slice(0, -1).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");

/** The parts of a formula outside its string literals, each changed by `change`. */
function outsideStrings(formula: string, change: (part: string) => string): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 === 0 ? change(part) : part))
    .join('"');
}

type RowMove = (row: number, absolute: boolean) => number;

function moveReferences(formula: string, applies: (qualifier: string | undefined) => boolean, move: RowMove): string {
  return outsideStrings(formula, (part) =>
    part.replace(REFERENCE, (match, qualifier: string | undefined, c1: string, col1: string, r1: string, row1: string, c2?: string, col2?: string, r2?: string, row2?: string) => {
      if (!applies(qualifier)) return match;
      const first = `${c1}${col1}${r1}${move(Number(row1), r1 === '$')}`;
      const second = row2 === undefined ? '' : `:${c2}${col2}${r2}${move(Number(row2), r2 === '$')}`;
      return `${qualifier ?? ''}${first}${second}`;
    }));
}

const movedRow = (insertion: RowInsertion) => (row: number) => (row >= insertion.at ? row + insertion.count : row);

/** A formula with its references into the sheet moved: unqualified ones too when the formula is the sheet's own. */
export function shiftFormula(formula: string, insertion: RowInsertion, own: boolean): string {
  const applies = (qualifier: string | undefined) =>
    qualifier === undefined ? own : unquoted(qualifier).toLowerCase() === insertion.sheet.toLowerCase();
  return moveReferences(formula, applies, movedRow(insertion));
}

/** A list of cells and ranges («A1:B2 C5», a merged range, an sqref) with their rows moved. */
export function shiftRanges(list: string, insertion: RowInsertion): string {
  return list.replace(/(\$?[A-Z]{1,3}\$?)(\d+)/g, (_, column: string, row: string) => `${column}${movedRow(insertion)(Number(row))}`);
}

/** A formula copied `delta` rows down: its relative rows move with it, its absolute ones stay. */
export function copiedFormula(formula: string, delta: number): string {
  return moveReferences(formula, () => true, (row, absolute) => (absolute ? row : row + delta));
}

/** The sheets a formula's references name (lower case), besides its own. */
export function referencedSheets(formula: string): Set<string> {
  const names = new Set<string>();
  outsideStrings(formula, (part) => {
    for (const match of part.matchAll(REFERENCE)) if (match[1]) names.add(unquoted(match[1]).toLowerCase());
    return part;
  });
  return names;
}
