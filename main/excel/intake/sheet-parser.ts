// One worksheet part, streamed: its rows and cells (<sheetData>), its merged ranges (<mergeCells>) and its
// hyperlinks (<hyperlinks>, with the sheet's relationships). Everything else in the part is skipped unread.
// A cell inside a merged range (but its top-left one) reads as the range's value, as exceljs gave it.
import { cellReading, hyperlinkText, STYLED_BLANK, type CellContext, type CellReading, type RawCell } from './cell-values.ts';
import type { CellValue } from './readable-workbook.ts';
import { unescapeText } from './shared-strings.ts';
import { readXml, type XmlTag } from './xml-reader.ts';

/** A cell inside a merged range, but its top-left one: it shows that cell's value. */
export class MergedCell {
  readonly row: number;
  readonly column: number;
  constructor(row: number, column: number) {
    this.row = row;
    this.column = column;
  }
}

export type Slot = Exclude<CellReading, undefined> | MergedCell;

export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ParsedSheet {
  /** Each row there is (a <row> element, or a row a merged range covers) and its cells by column. */
  rows: Map<number, Map<number, Slot>>;
  merges: MergedArea[];
}

/** A column's number from the letters of a cell reference («$AB$12» → 28); 0 when there are none. */
function columnOf(reference: string): number {
  let column = 0;
  for (let i = 0; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + code - 64;
    else if (code !== 36) break;
  }
  return column;
}

/** A cell reference's row number («$AB$12» → 12). */
const rowOf = (reference: string) => parseInt(reference.replace(/^[$A-Z]+/, ''), 10);

/** A merged range's reference («A1:D1», or «B2» alone), or null when it is none. */
export function areaOf(reference: string): MergedArea | null {
  const [first, second = first, extra] = reference.split(':');
  if (extra !== undefined) return null;
  const corners = [first, second].map((corner) => ({ row: rowOf(corner), column: columnOf(corner) }));
  if (corners.some(({ row, column }) => !(row >= 1) || column < 1)) return null;
  const [a, b] = corners;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

const newCell = (attributes: Record<string, string>): RawCell => ({
  address: attributes.r,
  type: attributes.t,
  style: attributes.s ? parseInt(attributes.s, 10) : NaN,
  text: undefined,
  runs: null,
  formula: undefined,
  shareType: undefined,
  sharedIndex: undefined,
  sharedRef: undefined,
});

/** The events of one part turned into rows of cells, merged ranges and hyperlinks. */
class SheetReader {
  readonly rows = new Map<number, Map<number, Slot>>();
  readonly mergeRefs: string[] = [];
  readonly hyperlinks = new Map<string, string | undefined>();
  /** The addresses of <c> elements with nothing in them, which a hyperlink still turns into a cell. */
  readonly bareCells = new Set<string>();
  readonly #context: CellContext;
  #section: string | null = null;
  #depth = 0;
  #sectionDepth = 0;
  #row: Map<number, Slot> | null = null;
  #previousColumn = 0;
  #cell: RawCell | null = null;
  /** What the text in the cell goes to: «f», «v» or «t», or a run of rich text. */
  #textOf: 'f' | 'v' | 'run' | null = null;
  #run: string[] | null = null;

  constructor(context: CellContext) {
    this.#context = context;
  }

  open(tag: XmlTag): void {
    this.#depth++;
    const { name, attributes } = tag;
    if (this.#section === null) {
      if (name === 'sheetData' || name === 'mergeCells' || name === 'hyperlinks') {
        this.#section = name;
        this.#sectionDepth = this.#depth;
      }
    } else if (this.#section === 'sheetData') this.#openInData(name, attributes);
    else if (this.#section === 'mergeCells' && name === 'mergeCell') this.mergeRefs.push(attributes.ref);
    else if (this.#section === 'hyperlinks' && name === 'hyperlink' && attributes['r:id']) this.hyperlinks.set(attributes.ref, attributes['r:id']);
  }

  #openInData(name: string, attributes: Record<string, string>): void {
    const cell = this.#cell;
    if (cell) {
      if (this.#run) {
        if (name === 't') this.#textOf = 'run';
      } else if (name === 'f') {
        this.#textOf = 'f';
        cell.sharedIndex = attributes.si;
        cell.shareType = attributes.t;
        cell.sharedRef = attributes.ref;
      } else if (name === 'v' || name === 't') this.#textOf = 'v';
      else if (name === 'r') this.#run = [];
    } else if (this.#row) {
      if (name === 'c') this.#cell = newCell(attributes);
    } else if (name === 'row') this.#openRow(attributes.r);
  }

  #openRow(reference: string | undefined): void {
    const number = parseInt(reference ?? '', 10);
    // exceljs refused a row without a number, and kept rows numbered below 1 out of sight.
    if (Number.isNaN(number)) throw new Error('a row without a number');
    this.#row = new Map();
    this.#previousColumn = 0;
    if (number >= 1) this.rows.set(number, this.#row);
  }

  text(text: string): void {
    const cell = this.#cell;
    if (!cell || !this.#textOf) return;
    if (this.#textOf === 'run') this.#run!.push(text);
    else if (this.#textOf === 'f') cell.formula = (cell.formula ?? '') + text;
    else cell.text = (cell.text ?? '') + text;
  }

  close(name: string): void {
    if (this.#section === 'sheetData') this.#closeInData(name);
    if (this.#section !== null && this.#depth === this.#sectionDepth && name === this.#section) this.#section = null;
    this.#depth--;
  }

  #closeInData(name: string): void {
    const cell = this.#cell;
    if (cell) {
      if (name === 'c') this.#closeCell(cell);
      else if (name === 'r' && this.#run) {
        (cell.runs ??= []).push(unescapeText(this.#run.join('')));
        this.#run = null;
        this.#textOf = null;
      } else if (this.#run ? name === 't' : name === 'f' || name === 'v' || name === 't' || name === 'is') this.#textOf = null;
    } else if (name === 'row') this.#row = null;
  }

  #closeCell(cell: RawCell): void {
    this.#cell = null;
    this.#textOf = null;
    this.#run = null;
    const reading = cellReading(cell, this.#context);
    if (reading === undefined) {
      if (cell.address !== undefined) this.bareCells.add(cell.address);
      return;
    }
    // A <c> without a reference is the next one along, as exceljs took it.
    const column = cell.address === undefined ? this.#previousColumn + 1 : columnOf(cell.address);
    if (column < 1 || (cell.address === undefined && this.#previousColumn === 0)) throw new Error(`a cell without a place: ${cell.address}`);
    this.#previousColumn = column;
    this.#row!.set(column, reading);
  }
}

function rowAt(rows: Map<number, Map<number, Slot>>, row: number): Map<number, Slot> {
  let cells = rows.get(row);
  if (!cells) rows.set(row, (cells = new Map()));
  return cells;
}

/** Each hyperlink turns its cell's value into {text, hyperlink}; a hyperlink with no target is damage. */
function applyHyperlinks(reader: SheetReader, targets: Map<string, string>): void {
  for (const [reference, id] of reader.hyperlinks) {
    const target = targets.get(id!);
    if (target === undefined) throw new Error(`a hyperlink to nothing: ${reference}`);
    // exceljs matched the reference with the cells' own: a range names no cell.
    if (!/^[A-Z]+\d+$/.test(reference ?? '')) continue;
    const row = rowOf(reference);
    const column = columnOf(reference);
    const slot = reader.rows.get(row)?.get(column);
    if (slot === undefined && !reader.bareCells.has(reference)) continue;
    const text = slot === undefined || slot === STYLED_BLANK || slot instanceof MergedCell ? '' : hyperlinkText(slot);
    rowAt(reader.rows, row).set(column, { text, hyperlink: String(target) });
  }
}

const overlap = (a: MergedArea, b: MergedArea) => !(b.bottom < a.top || b.top > a.bottom || b.right < a.left || b.left > a.right);

/** Every cell of each range but the top-left one shows that one; overlapping ranges are damage (Excel repairs them). */
function applyMerges(rows: Map<number, Map<number, Slot>>, references: string[]): MergedArea[] {
  const areas: MergedArea[] = [];
  for (const reference of references) {
    const area = areaOf(reference ?? '');
    if (!area) continue;
    if (areas.some((other) => overlap(other, area))) throw new Error(`merged ranges overlap: ${reference}`);
    areas.push(area);
    const master = rowAt(rows, area.top);
    if (!master.has(area.left)) master.set(area.left, STYLED_BLANK);
    const merged = new MergedCell(area.top, area.left);
    for (let row = area.top; row <= area.bottom; row++) {
      const cells = rowAt(rows, row);
      for (let column = area.left; column <= area.right; column++) if (row !== area.top || column !== area.left) cells.set(column, merged);
    }
  }
  return areas;
}

/** The worksheet's XML read into rows, merged ranges and hyperlinks; throws on damage exceljs could not read either. */
export function parseSheet(data: Uint8Array, context: CellContext, hyperlinkTargets: Map<string, string>): ParsedSheet {
  const reader = new SheetReader(context);
  readXml(data, { open: (tag) => reader.open(tag), text: (text) => reader.text(text), close: (name) => reader.close(name) });
  applyHyperlinks(reader, hyperlinkTargets);
  const merges = applyMerges(reader.rows, reader.mergeRefs);
  return { rows: reader.rows, merges };
}

/** The value a slot shows: a merged cell shows its range's top-left cell, a styled blank shows nothing. */
export function valueOfSlot(rows: Map<number, Map<number, Slot>>, slot: Slot | undefined): CellValue {
  if (slot instanceof MergedCell) slot = rows.get(slot.row)?.get(slot.column);
  return slot === undefined || slot === STYLED_BLANK || slot instanceof MergedCell ? null : slot;
}
