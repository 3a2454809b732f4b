// The parts of an .xlsx the import reads, kept as the zip check inflates them (zip-limits.ts): the workbook and its
// relationships, the document properties, the shared strings, the styles, every worksheet and its relationships.
// Nothing else is kept. Parts are picked by name the way exceljs picked them, so that the same files read the same.

export const WORKBOOK_PART = 'xl/workbook.xml';
export const WORKBOOK_RELS_PART = 'xl/_rels/workbook.xml.rels';
export const SHARED_STRINGS_PART = 'xl/sharedStrings.xml';
export const STYLES_PART = 'xl/styles.xml';
export const CORE_PART = 'docProps/core.xml';
/** Worksheet parts, whatever else their names hold; the number names the sheet's relationships part. */
export const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;
const WORKSHEET_RELS_PART = /xl\/worksheets\/_rels\/sheet(\d+)[.]xml.rels/;

const NAMED_PARTS = new Set([WORKBOOK_PART, WORKBOOK_RELS_PART, SHARED_STRINGS_PART, STYLES_PART, CORE_PART]);

export class XlsxParts {
  readonly #parts = new Map<string, Uint8Array>();
  /** Sheet relationships by the number in their name. */
  readonly #sheetRels = new Map<string, Uint8Array>();

  /** Keeps a part the import reads (the last of two with one name, as a zip reader does). */
  keep(name: string, data: Uint8Array): void {
    if (NAMED_PARTS.has(name) || WORKSHEET_PART.test(name)) {
      this.#parts.set(name, data);
      return;
    }
    const rels = WORKSHEET_RELS_PART.exec(name);
    if (rels) this.#sheetRels.set(rels[1], data);
  }

  get(name: string): Uint8Array | undefined {
    return this.#parts.get(name);
  }

  /** Whether the part is a worksheet the workbook can list. */
  isWorksheet(name: string): boolean {
    return !NAMED_PARTS.has(name) && this.#parts.has(name);
  }

  /** The relationships of a worksheet part. */
  sheetRels(part: string): Uint8Array | undefined {
    const number = WORKSHEET_PART.exec(part)?.[1];
    return number === undefined ? undefined : this.#sheetRels.get(number);
  }
}
