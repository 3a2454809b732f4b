// How a cell looks, for the readers that guess a form from someone else's workbook (region-form-reader.ts): whether
// it is shaded, and its number format. Read from xl/styles.xml and, only when asked, a second pass over the sheet's
// <c s="…"> attributes: reading a school's report never pays for it.
import { readXml } from './xml-reader.ts';

export interface CellFormat {
  /** Filled with a colour other than white (a closed cell, as forms shade them). */
  shaded: boolean;
  /** The number format's code, "General" when none. */
  numberFormat: string;
}

const BUILT_IN_NUMBER_FORMATS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm',
  17: 'mmm-yy', 22: 'm/d/yy h:mm', 49: '@',
};

/** White as a fill's colour is written: by its RGB, as the theme's first colour (Background 1), or as palette colour 9. */
function isWhite(color: Record<string, string>): boolean {
  return /^(FF)?FFFFFF$/i.test(color.rgb ?? '') || color.theme === '0' || color.indexed === '9';
}

const PLAIN: CellFormat = { shaded: false, numberFormat: 'General' };

/** Each cell format (a cell's s attribute) → how it looks. */
export function readCellFormats(data: Uint8Array | undefined): CellFormat[] {
  if (!data) return [];
  const customFormats = new Map<number, string>();
  const fills: boolean[] = [];
  const formats: CellFormat[] = [];
  let section: 'fills' | 'cellXfs' | null = null;
  let fill: { pattern: string; white: boolean } | null = null;
  readXml(data, {
    open({ name, attributes }) {
      if (name === 'numFmt' && attributes.formatCode !== undefined) customFormats.set(parseInt(attributes.numFmtId, 10), attributes.formatCode);
      else if (name === 'fills' || name === 'cellXfs') section = name;
      else if (section === 'fills' && name === 'patternFill') fill = { pattern: attributes.patternType ?? 'none', white: false };
      else if (section === 'fills' && name === 'fgColor' && fill) fill.white = isWhite(attributes);
      else if (section === 'cellXfs' && name === 'xf') {
        const id = parseInt(attributes.numFmtId ?? '0', 10);
        formats.push({
          shaded: fills[parseInt(attributes.fillId ?? '0', 10)] === true,
          numberFormat: customFormats.get(id) ?? BUILT_IN_NUMBER_FORMATS[id] ?? 'General',
        });
      }
    },
    close(name) {
      if (name === 'fill') {
        const shown = fill as { pattern: string; white: boolean } | null;
        fills.push(shown !== null && shown.pattern !== 'none' && shown.pattern !== 'gray125' && !shown.white);
        fill = null;
      } else if (name === section) section = null;
    },
  });
  return formats;
}

const cellKey = (row: number, column: number) => row * 20_000 + column;

/** The sheet's cells' formats by place; a cell not listed has none. */
export function sheetCellFormats(sheetPart: Uint8Array, formats: CellFormat[]): (row: number, column: number) => CellFormat {
  const styles = new Map<number, number>();
  readXml(sheetPart, {
    open({ name, attributes }) {
      if (name !== 'c' || !attributes.s || !attributes.r) return;
      const match = /^([A-Z]+)(\d+)$/.exec(attributes.r);
      if (!match) return;
      const column = [...match[1]].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
      styles.set(cellKey(Number(match[2]), column), parseInt(attributes.s, 10));
    },
  });
  return (row, column) => formats[styles.get(cellKey(row, column)) ?? 0] ?? PLAIN;
}
