// The region's own workbook with the district's values written in: the one sheet's XML edited in place and every other
// part of the zip put back as it came. exceljs is not used: a workbook read and written again by exceljs 4 loses what
// it does not model — tried: the cells' notes and their drawing are gone, and the x14 extensions (data bars and the
// newer conditional formats) — and rewrites the rest its own way; the region must receive its own file, not a look-alike.
//
// In the sheet only the cells written change: a value goes into the cell's existing <c> (its style kept), or into a new
// <c> put in column order in its <row> (a new <row> in row order when there is none). Numbers are written as numbers,
// texts as inline strings (the shared strings part is not touched). The cached results of the sheet's formulas are
// dropped and the workbook asks to be recalculated when opened (calcPr fullCalcOnLoad), so that the region's own
// totals show the new values in Excel and LibreOffice alike.
import { zipSync } from 'fflate';
import { columnLetter } from '../layout/cell-address.ts';
import { copiedFormula, referencedSheets, shiftFormula, shiftRanges, type RowInsertion } from './row-shift.ts';

export interface CellWrite {
  row: number;
  column: number;
  value: number | string;
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

const escapeXml = (text: string) =>
  text.replace(/[&<>]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[char]!).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '');

/** The letters and number of a cell reference («AB12» → 28, 12). */
function referenceOf(attributes: string): { column: number; row: number } | null {
  const match = /\br="\$?([A-Z]+)\$?(\d+)"/.exec(attributes);
  if (!match) return null;
  const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { column, row: Number(match[2]) };
}

interface CellXml {
  column: number;
  xml: string;
}

interface RowXml {
  number: number;
  /** The row's own attributes, as the file writes them. */
  attributes: string;
  cells: CellXml[];
  /** The row as the file writes it, put back as it is unless a cell of it changed. */
  original: string | null;
  /** A cell was added: the row's span hint may no longer hold. */
  grown?: boolean;
}

/** One worksheet part as text: its rows and cells, edited cell by cell; everything outside <sheetData> kept verbatim. */
export class SheetXml {
  #before: string;
  #after: string;
  /** «x:» when the part writes its elements with a prefix. */
  readonly #prefix: string;
  readonly #rows: RowXml[] = [];

  constructor(part: Uint8Array) {
    const xml = decoder.decode(part);
    const data = /<(\w+:)?sheetData\b[^>]*?(\/>|>([\s\S]*?)<\/(?:\w+:)?sheetData>)/.exec(xml);
    if (!data) throw new Error('a worksheet without sheetData');
    const prefix = data[1] ?? '';
    this.#prefix = prefix;
    this.#before = `${xml.slice(0, data.index)}<${prefix}sheetData>`;
    this.#after = `</${prefix}sheetData>${xml.slice(data.index + data[0].length)}`;
    const rowPattern = new RegExp(`<${prefix}row\\b([^>]*?)(?:/>|>([\\s\\S]*?)</${prefix}row>)`, 'g');
    const cellPattern = new RegExp(`<${prefix}c\\b([^>]*?)(?:/>|>[\\s\\S]*?</${prefix}c>)`, 'g');
    let previous = 0;
    for (const row of (data[3] ?? '').matchAll(rowPattern)) {
      const number = Number(/\br="(\d+)"/.exec(row[1])?.[1] ?? previous + 1);
      previous = number;
      let column = 0;
      const cells = [...(row[2] ?? '').matchAll(cellPattern)].map((cell) => {
        column = referenceOf(cell[1])?.column ?? column + 1;
        return { column, xml: cell[0] };
      });
      this.#rows.push({ number, attributes: row[1], cells, original: row[0] });
    }
  }

  /** Whether the sheet has a cell element there (a value, a formula, or only a style). */
  hasCell(row: number, column: number): boolean {
    return this.#rows.some((r) => r.number === row && r.cells.some((cell) => cell.column === column));
  }

  /** The cell's style index, kept when a value is written into it. */
  #styleOf(cell: CellXml | undefined, row: RowXml): string | null {
    if (cell) return /\bs="(\d+)"/.exec(cell.xml.slice(0, cell.xml.indexOf('>')))?.[1] ?? null;
    return /\bcustomFormat="(1|true)"/.test(row.attributes) ? (/\bs="(\d+)"/.exec(row.attributes)?.[1] ?? null) : null;
  }

  write({ row: number, column, value }: CellWrite): void {
    const row = this.#row(number);
    const at = row.cells.findIndex((cell) => cell.column >= column);
    const existing = at >= 0 && row.cells[at].column === column ? row.cells[at] : undefined;
    const style = this.#styleOf(existing, row);
    const c = `${this.#prefix}c`;
    const head = `<${c} r="${columnLetter(column)}${number}"${style === null ? '' : ` s="${style}"`}`;
    const xml =
      typeof value === 'number'
        ? `${head}><${this.#prefix}v>${value}</${this.#prefix}v></${c}>`
        : `${head} t="inlineStr"><${this.#prefix}is><${this.#prefix}t xml:space="preserve">${escapeXml(value)}</${this.#prefix}t></${this.#prefix}is></${c}>`;
    if (existing) row.cells[at] = { column, xml };
    else {
      row.cells.splice(at < 0 ? row.cells.length : at, 0, { column, xml });
      row.grown = true;
    }
    row.original = null;
  }

  #row(number: number): RowXml {
    const at = this.#rows.findIndex((row) => row.number >= number);
    if (at >= 0 && this.#rows[at].number === number) return this.#rows[at];
    const row: RowXml = { number, attributes: ` r="${number}"`, cells: [], original: null };
    this.#rows.splice(at < 0 ? this.#rows.length : at, 0, row);
    return row;
  }

  /**
   * Inserts rows as Excel does: the row at `at` and every row below move down, and every reference to them in the
   * sheet with them; the new rows copy the row at `at` — its height, its cells' styles and its formulas (relative rows
   * moved), no values.
   */
  insertRows(insertion: RowInsertion): void {
    const { at, count } = insertion;
    const template = this.#rows.find((row) => row.number === at);
    for (const row of this.#rows) {
      const moved = row.number >= at ? row.number + count : row.number;
      const cells = row.cells.map((cell) => ({ column: cell.column, xml: this.#shiftedCell(cell.xml, insertion, moved) }));
      if (moved === row.number && cells.every((cell, i) => cell.xml === row.cells[i].xml)) continue;
      row.attributes = row.attributes.replace(/\br="\d+"/, `r="${moved}"`);
      row.number = moved;
      row.cells = cells;
      row.original = null;
    }
    const copies: RowXml[] = Array.from({ length: count }, (_, i) => ({
      number: at + i,
      attributes: template ? template.attributes.replace(/\br="\d+"/, `r="${at + i}"`) : ` r="${at + i}"`,
      cells: (template?.cells ?? []).map((cell) => ({ column: cell.column, xml: this.#copiedCell(cell.xml, cell.column, at + i, at + count) })),
      original: null,
    }));
    const below = this.#rows.findIndex((row) => row.number >= at + count);
    this.#rows.splice(below < 0 ? this.#rows.length : below, 0, ...copies);
    const outside = (xml: string) =>
      xml
        .replace(/\b(ref|sqref)="([^"]*)"/g, (_, name: string, list: string) => `${name}="${shiftRanges(list, insertion)}"`)
        .replace(/(<(?:\w+:)?sqref>)([^<]*)(<)/g, (_, open: string, list: string, close: string) => `${open}${shiftRanges(list, insertion)}${close}`)
        .replace(/(<(?:\w+:)?brk\b[^>]*?\bid=")(\d+)"/g, (_, head: string, row: string) => `${head}${Number(row) >= at ? Number(row) + count : row}"`)
        .replace(/(<(?:\w+:)?(?:formula[12]?|f)\b[^>]*>)([^<]*)(<)/g, (_, open: string, text: string, close: string) => `${open}${formulaText(text, (f) => shiftFormula(f, insertion, true))}${close}`);
    this.#before = outside(this.#before);
    this.#after = outside(this.#after);
  }

  /** A cell moved to its row, its formula's references (and a shared formula's range) moved with the rows. */
  #shiftedCell(xml: string, insertion: RowInsertion, row: number): string {
    const p = this.#prefix;
    return xml
      .replace(/^(<\w*:?c\b[^>]*?\br="\$?[A-Z]+)\d+"/, `$1${row}"`)
      .replace(new RegExp(`(<${p}f\\b)([^>]*?)(/?>)([^<]*)`), (_, open: string, attributes: string, close: string, text: string) =>
        `${open}${attributes.replace(/\bref="([^"]*)"/, (__, list: string) => `ref="${shiftRanges(list, insertion)}"`)}${close}${formulaText(text, (f) => shiftFormula(f, insertion, true))}`);
  }

  /**
   * A template cell copied to another row: its style, and its formula with relative rows moved — a cell of a shared
   * formula takes the text of the cell that holds it (an array formula is not copied).
   */
  #copiedCell(xml: string, column: number, row: number, templateRow: number): string {
    const p = this.#prefix;
    const style = /\bs="(\d+)"/.exec(xml.slice(0, xml.indexOf('>')))?.[1];
    const head = `<${p}c r="${columnLetter(column)}${row}"${style === undefined ? '' : ` s="${style}"`}`;
    const formula = new RegExp(`<${p}f(\\s[^>]*?)?(?:/>|>([^<]*)</${p}f>)`).exec(xml);
    const attributes = formula?.[1] ?? '';
    let source = formula?.[2] ? { text: formula[2], row: templateRow } : undefined;
    if (/\bt="shared"/.test(attributes)) source = this.#sharedFormula(/\bsi="(\d+)"/.exec(attributes)?.[1]);
    if (!source || /\bt="array"/.test(attributes)) return `${head}/>`;
    const text = formulaText(source.text, (f) => copiedFormula(f, row - source.row));
    return `${head}><${p}f>${text}</${p}f></${p}c>`;
  }

  /** The text of a shared formula and the row of the cell that holds it. */
  #sharedFormula(index: string | undefined): { text: string; row: number } | undefined {
    if (index === undefined) return undefined;
    const pattern = new RegExp(`<${this.#prefix}f\\b([^>]*)>([^<]+)</${this.#prefix}f>`);
    for (const row of this.#rows) {
      for (const cell of row.cells) {
        const formula = pattern.exec(cell.xml);
        if (formula && /\bt="shared"/.test(formula[1]) && new RegExp(`\\bsi="${index}"`).test(formula[1])) return { text: formula[2], row: row.number };
      }
    }
    return undefined;
  }

  /** Drops the cached result of every formula of the sheet, so that it is computed again from the new values. */
  dropFormulaResults(): void {
    const p = this.#prefix;
    const formula = new RegExp(`<${p}f\\b`);
    const cached = new RegExp(`<${p}v\\s*/>|<${p}v>[\\s\\S]*?</${p}v>`);
    for (const row of this.#rows) {
      for (const cell of row.cells) {
        if (!formula.test(cell.xml)) continue;
        const open = cell.xml.indexOf('>');
        const head = cell.xml.slice(0, open).replace(/\s+t="[^"]*"/, '');
        const xml = head + cell.xml.slice(open).replace(cached, '');
        if (xml !== cell.xml) {
          cell.xml = xml;
          row.original = null;
        }
      }
    }
  }

  bytes(): Uint8Array {
    const row = `${this.#prefix}row`;
    const rows = this.#rows.map((r) => {
      if (r.original !== null) return r.original;
      // The span hint of a row that got a new cell is dropped rather than kept wrong: it is optional.
      const attributes = r.grown ? r.attributes.replace(/\s+spans="[^"]*"/, '') : r.attributes;
      return `<${row}${attributes}>${r.cells.map((cell) => cell.xml).join('')}</${row}>`;
    });
    return encoder.encode(this.#before + rows.join('') + this.#after);
  }
}

/** A formula as XML text changed by `change` (quotes and apostrophes read as themselves, so strings are told apart). */
function formulaText(text: string, change: (formula: string) => string): string {
  const formula = text.replace(/&quot;/g, '"').replace(/&apos;/g, "'");
  const changed = change(formula);
  return changed === formula ? text : changed;
}

/** workbook.xml asking Excel to compute every formula when the file is opened. */
function recalculatedOnLoad(workbookXml: Uint8Array): Uint8Array {
  let xml = decoder.decode(workbookXml);
  const calcPr = /<(\w+:)?calcPr\b([^>]*?)(\/?)>/.exec(xml);
  if (calcPr) {
    const attributes = calcPr[2].replace(/\s+fullCalcOnLoad="[^"]*"/, '');
    xml = xml.replace(calcPr[0], `<${calcPr[1] ?? ''}calcPr${attributes} fullCalcOnLoad="1"${calcPr[3]}>`);
  } else {
    // calcPr follows definedNames (or sheets, when there are none) in the workbook's schema.
    const after = /<\/(\w+:)?definedNames>/.exec(xml) ?? /<\/(\w+:)?sheets>/.exec(xml);
    if (!after) throw new Error('a workbook part without sheets');
    const at = after.index + after[0].length;
    xml = `${xml.slice(0, at)}<${after[1] ?? ''}calcPr fullCalcOnLoad="1"/>${xml.slice(at)}`;
  }
  return encoder.encode(xml);
}

/** Another part's formulas (a sheet's, or the workbook's names) with their references into the grown sheet moved. */
function withMovedReferences(part: Uint8Array, insertion: RowInsertion): Uint8Array {
  const xml = decoder.decode(part);
  const moved = xml.replace(/(<(?:\w+:)?(?:f|definedName)\b[^>]*>)([^<]*)(<)/g, (_, open: string, text: string, close: string) =>
    `${open}${formulaText(text, (f) => shiftFormula(f, insertion, false))}${close}`);
  return moved === xml ? part : encoder.encode(moved);
}

const CALC_CHAIN = 'xl/calcChain.xml';

/** A part without its mention of the calculation chain (its content type, its relationship). */
function withoutCalcChain(part: Uint8Array): Uint8Array {
  const xml = decoder.decode(part);
  const without = xml.replace(/<(\w+:)?(Override|Relationship)\b[^>]*calcChain[^>]*\/>/g, '');
  return without === xml ? part : encoder.encode(without);
}

/** The parts a worksheet's relationships point to (its notes, their drawing, its pictures), by their names in the zip. */
function sheetRelated(parts: Map<string, Uint8Array>, sheetPart: string): string[] {
  const slash = sheetPart.lastIndexOf('/');
  const rels = parts.get(`${sheetPart.slice(0, slash)}/_rels/${sheetPart.slice(slash + 1)}.rels`);
  if (!rels) return [];
  return [...decoder.decode(rels).matchAll(/\bTarget="([^"]+)"/g)].map((match) => {
    const path = match[1].startsWith('/') ? match[1].slice(1).split('/') : [...sheetPart.slice(0, slash).split('/'), ...match[1].split('/')];
    const resolved: string[] = [];
    for (const step of path) {
      if (step === '..') resolved.pop();
      else if (step !== '.') resolved.push(step);
    }
    return resolved.join('/');
  });
}

/**
 * A part anchored to the sheet's rows, moved with the rows inserted: notes by their cell, the notes' VML shapes and
 * the drawings' anchors by their 0-based row.
 */
function withMovedAnchors(part: Uint8Array, insertion: RowInsertion): Uint8Array {
  const { at, count } = insertion;
  const row0 = (row: string) => String(Number(row) + 1 >= at ? Number(row) + count : Number(row));
  const xml = decoder.decode(part);
  const moved = xml
    .replace(/(<(?:\w+:)?comment\b[^>]*?\bref=")([^"]+)"/g, (_, head: string, ref: string) => `${head}${shiftRanges(ref, insertion)}"`)
    .replace(/(<x:Row>)\s*(\d+)\s*(<\/x:Row>)/g, (_, open: string, row: string, close: string) => `${open}${row0(row)}${close}`)
    .replace(/(<x:Anchor>)([^<]*)(<\/x:Anchor>)/g, (_, open: string, anchor: string, close: string) =>
      `${open}${anchor.split(',').map((value, i) => (i === 2 || i === 6 ? ` ${row0(value.trim())}` : value)).join(',').replace(/^ /, '')}${close}`)
    .replace(/(<xdr:row>)(\d+)(<\/xdr:row>)/g, (_, open: string, row: string, close: string) => `${open}${row0(row)}${close}`);
  return moved === xml ? part : encoder.encode(moved);
}

/** The formulas of a part, as their text reads. */
function formulasOf(part: Uint8Array): string[] {
  return [...decoder.decode(part).matchAll(/<(?:\w+:)?f\b[^>]*>([^<]*)</g)].map((match) => match[1].replace(/&apos;/g, "'").replace(/&quot;/g, '"'));
}

/**
 * The other sheets whose formulas reach the filled one — directly, or through a sheet that does: their cached results
 * are stale too. (LibreOffice, by default, computes on load only the formulas that have no cached result.)
 */
function sheetsReaching(parts: Map<string, Uint8Array>, sheets: Map<string, string>, filled: string): Set<string> {
  const reaching = new Set<string>();
  const names = new Set([sheets.get(filled)!.toLowerCase()]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [part, name] of sheets) {
      if (part === filled || reaching.has(part) || !parts.has(part)) continue;
      if (!formulasOf(parts.get(part)!).some((formula) => [...referencedSheets(formula)].some((sheet) => names.has(sheet)))) continue;
      reaching.add(part);
      names.add(name.toLowerCase());
      grew = true;
    }
  }
  return reaching;
}

/**
 * The workbook's parts with the sheet's cells written, zipped again in their order. Other parts change only where the
 * filled sheet asks them to: the cached results of other sheets' formulas that reach it are dropped; when rows were
 * inserted, references into the sheet from other sheets and from the workbook's names (a print area) move, so do the
 * sheet's notes and drawings, and the calculation chain goes (Excel rebuilds it; a stale one makes it repair the file). `sheets`: each worksheet part's
 * sheet name.
 */
export function filledWorkbook(parts: Map<string, Uint8Array>, sheets: Map<string, string>, sheetPart: string, sheet: SheetXml, insertion: RowInsertion | null = null): Uint8Array {
  sheet.dropFormulaResults();
  const stale = sheetsReaching(parts, sheets, sheetPart);
  const anchored = new Set(insertion ? sheetRelated(parts, sheetPart) : []);
  const files: Record<string, Uint8Array> = {};
  for (const [name, data] of parts) {
    if (name === CALC_CHAIN && insertion) continue;
    let part = data;
    if (name === sheetPart) part = sheet.bytes();
    else if (insertion && (name === 'xl/workbook.xml' || sheets.has(name))) part = withMovedReferences(data, insertion);
    else if (insertion && (name === '[Content_Types].xml' || name === 'xl/_rels/workbook.xml.rels')) part = withoutCalcChain(data);
    else if (insertion && anchored.has(name)) part = withMovedAnchors(data, insertion);
    if (name === 'xl/workbook.xml') part = recalculatedOnLoad(part);
    if (stale.has(name)) {
      const other = new SheetXml(part);
      other.dropFormulaResults();
      part = other.bytes();
    }
    files[name] = part;
  }
  return zipSync(files, { level: 6 });
}
