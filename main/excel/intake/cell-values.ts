// One <c> element's value, as exceljs gave it through the adapter that came before this reader (the same files must
// read the same): shared and inline strings, numbers (a date-formatted one as a Date), booleans, errors, formulas
// with what they last computed. Its oddities are kept on purpose, each noted where it is.
import type { CellError, CellScalar, CellValue } from './readable-workbook.ts';
import { excelDate } from './date-styles.ts';
import type { SharedString } from './shared-strings.ts';
import { decodeAgain } from './workbook-part.ts';

/** What the sheet parser collected of one <c> element. */
export interface RawCell {
  address: string | undefined;
  type: string | undefined;
  /** The s attribute as a number (NaN when absent): a cell format. */
  style: number;
  /** The text of <v>, or of <t> in an inline string. */
  text: string | undefined;
  /** The runs of an inline rich text. */
  runs: string[] | null;
  formula: string | undefined;
  shareType: string | undefined;
  sharedIndex: string | undefined;
  sharedRef: string | undefined;
}

export interface CellContext {
  strings: SharedString[] | undefined;
  dateStyles: boolean[];
  date1904: boolean;
  /** A shared formula's index → the address of the cell that holds it, filled as the sheet is read in order. */
  sharedFormulas: Map<string | undefined, string | undefined>;
}

/** A cell with a format and nothing in it: it widens the row, it holds no value. */
export const STYLED_BLANK = Symbol('styled blank');
/** What a cell reads as; undefined when the cell is not there at all (no value, no format). */
export type CellReading = CellValue | typeof STYLED_BLANK | undefined;

// exceljs tested s as a truthy number: a cell in format 0 has no format.
const isDate = (cell: RawCell, context: CellContext) => Boolean(cell.style) && context.dateStyles[cell.style] === true;

function sharedString(text: string, context: CellContext): CellValue {
  const index = parseInt(text, 10);
  if (!context.strings) return index;
  const value = context.strings[index];
  if (value === undefined) throw new Error(`no shared string ${index}`);
  return value;
}

function plainValue(cell: RawCell, text: string, context: CellContext): CellValue {
  switch (cell.type) {
    case 's':
      return sharedString(text, context);
    case 'str':
      return decodeAgain(text);
    case 'inlineStr':
      return cell.runs ? cell.runs.join('') : text;
    case 'b':
      return parseInt(text, 10) !== 0;
    case 'e':
      return { error: text };
    default: {
      const number = parseFloat(text);
      return isDate(cell, context) ? excelDate(number, context.date1904) : number;
    }
  }
}

function cachedResult(cell: RawCell, context: CellContext): CellScalar | CellError | undefined {
  const text = cell.text;
  if (!text) return undefined;
  const result: CellScalar | CellError =
    cell.type === 'str' ? decodeAgain(text) : cell.type === 'b' ? parseInt(text, 10) !== 0 : cell.type === 'e' ? { error: text } : parseFloat(text);
  return isDate(cell, context) ? excelDate(result, context.date1904) : result;
}

/**
 * A formula and its cached result. As exceljs gave them: a result of false or NaN reads as none; a cell sharing
 * another's formula reads that cell's address as its formula; a formula with no text and no master reads as blank.
 * A cached 0, which exceljs dropped, is kept: a SUM over blanks (a district's total on its «Свод») computed 0.
 */
function formulaValue(cell: RawCell, context: CellContext): CellValue {
  const result = cachedResult(cell, context);
  let shared: string | undefined;
  if (cell.shareType === 'shared') {
    if (cell.sharedRef) context.sharedFormulas.set(cell.sharedIndex, cell.address);
    else shared = context.sharedFormulas.get(cell.sharedIndex);
  }
  const formula = cell.formula || shared;
  if (!formula) return null;
  return { formula: String(formula), result: result || result === 0 ? result : undefined };
}

/** The cell's reading; undefined for a <c> with no value and no format, which exceljs left out. */
export function cellReading(cell: RawCell, context: CellContext): CellReading {
  if (cell.formula || cell.shareType) return formulaValue(cell, context);
  if (cell.text !== undefined || (cell.runs && cell.type === 'inlineStr')) return plainValue(cell, cell.text ?? '', context);
  return cell.style ? STYLED_BLANK : undefined;
}

/** The text a hyperlink shows: the cell's text; a number, a date or a blank show none (as exceljs gave them). */
export function hyperlinkText(reading: CellReading): string {
  if (typeof reading === 'string') return reading;
  if (reading !== null && typeof reading === 'object' && 'formula' in reading && typeof reading.result === 'string') return reading.result;
  return '';
}
