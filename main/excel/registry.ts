// The school registry as a workbook: headers in row 1 (Russian, Kazakh or English, any order),
// one school per row. Reading only finds the cells; main/services/schools.ts decides what is valid.
import { resources, tFor } from '../../shared/i18n.ts';
import type { MessageKey, MessageParams } from '../../shared/messages.ts';
import { captionKey, cellText, newWorkbook, type Workbook, type Worksheet } from './workbook.ts';

export const REGISTRY_FIELDS = [
  'bin', 'nameRu', 'nameKk', 'shortName', 'type', 'locality', 'director', 'phone', 'email', 'language',
] as const;
export type RegistryField = (typeof REGISTRY_FIELDS)[number];

/** Spellings seen in real registries besides the captions of the locale files. */
const EXTRA_CAPTIONS: Partial<Record<RegistryField, string[]>> = {
  bin: ['БСН', 'БИН', 'BIN'],
  locality: ['Населенный пункт'],
  email: ['E-mail', 'Электронная почта', 'Электрондық пошта'],
};

function captionsOf(field: RegistryField): string[] {
  const fromLocales = Object.values(resources).map((r) => r.translation.messages.registryColumn[field] as string);
  return [...fromLocales, ...(EXTRA_CAPTIONS[field] ?? [])];
}

const FIELD_BY_CAPTION = new Map<string, RegistryField>(
  REGISTRY_FIELDS.flatMap((field) => captionsOf(field).map((caption) => [captionKey(caption), field] as const)),
);

export interface RegistryRow {
  row: number;
  cells: Partial<Record<RegistryField, string>>;
}

export type RegistryReadResult =
  | { ok: true; sheet: string; rows: RegistryRow[] }
  | { ok: false; key: MessageKey; params: MessageParams };

function headerColumns(sheet: Worksheet): Map<RegistryField, number> {
  const columns = new Map<RegistryField, number>();
  sheet.getRow(1).eachCell((cell, column) => {
    const text = cellText(cell);
    // Bilingual headers ("БИН / БСН") match by either half.
    const field = [text, ...text.split('/')].map((part) => FIELD_BY_CAPTION.get(captionKey(part))).find(Boolean);
    if (field && !columns.has(field)) columns.set(field, column);
  });
  return columns;
}

export function readRegistry(workbook: Workbook): RegistryReadResult {
  const sheets = workbook.worksheets;
  if (sheets.length === 0) return { ok: false, key: 'registry.emptyWorkbook', params: {} };
  const sheet = sheets.find((s) => headerColumns(s).has('bin')) ?? sheets[0];
  const columns = headerColumns(sheet);
  const missing: RegistryField[] = [];
  if (!columns.has('bin')) missing.push('bin');
  if (!columns.has('nameRu') && !columns.has('nameKk') && !columns.has('shortName')) missing.push('nameRu', 'nameKk');
  if (missing.length > 0) {
    const columnsText = missing.map((field) => captionsOf(field).slice(0, 2).join(' / ')).join(', ');
    return { ok: false, key: 'registry.missingColumns', params: { sheet: sheet.name, columns: columnsText } };
  }
  const rows: RegistryRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: RegistryRow['cells'] = {};
    for (const [field, column] of columns) {
      const cell = row.getCell(column);
      // Excel turns a typed БИН into a number and drops its leading zero (БИН of 2000–2009 start with 0).
      const text = field === 'bin' && typeof cell.value === 'number' ? String(cell.value).padStart(12, '0') : cellText(cell);
      if (text !== '') cells[field] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ row: rowNumber, cells });
  });
  return { ok: true, sheet: sheet.name, rows };
}

/** An empty registry with Russian / Kazakh headers, ready for a district to fill in. */
export function registryTemplate(): Workbook {
  const workbook = newWorkbook();
  const ru = tFor('ru');
  const kk = tFor('kk');
  const sheet = workbook.addWorksheet(`${ru('messages.workbook.registrySheet')}`.slice(0, 31));
  sheet.columns = REGISTRY_FIELDS.map((field) => ({
    header: `${ru(`messages.registryColumn.${field}`)} / ${kk(`messages.registryColumn.${field}`)}`,
    key: field,
    width: field.startsWith('name') ? 40 : field === 'bin' ? 16 : 22,
    style: { numFmt: '@' },
  }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return workbook;
}
