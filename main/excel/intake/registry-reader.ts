// The school registry read from a workbook: headers in row 1 (Russian, Kazakh or English, any order),
// one school per row. Reading only finds the cells; main/services/schools.ts decides what is valid.
import type { MessageKey, MessageParams } from '../../../shared/messages.ts';
import { REGISTRY_FIELDS, registryCaptions, type RegistryField } from '../layout/registry-columns.ts';
import { captionKey } from './captions.ts';
import { valueText } from './cell-text.ts';
import type { ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';

const FIELD_BY_CAPTION = new Map<string, RegistryField>(
  REGISTRY_FIELDS.flatMap((field) => registryCaptions(field).map((caption) => [captionKey(caption), field] as const)),
);

export interface RegistryRow {
  row: number;
  cells: Partial<Record<RegistryField, string>>;
}

export type RegistryReadResult =
  | { ok: true; sheet: string; rows: RegistryRow[] }
  | { ok: false; key: MessageKey; params: MessageParams };

function headerColumns(sheet: ReadableSheet): Map<RegistryField, number> {
  const columns = new Map<RegistryField, number>();
  for (const { column, value } of sheet.row(1).cells()) {
    const text = valueText(value);
    // Bilingual headers ("БИН / БСН") match by either half.
    const field = [text, ...text.split('/')].map((part) => FIELD_BY_CAPTION.get(captionKey(part))).find(Boolean);
    if (field && !columns.has(field)) columns.set(field, column);
  }
  return columns;
}

export function readRegistry(workbook: ReadableWorkbook): RegistryReadResult {
  const sheets = workbook.sheets;
  if (sheets.length === 0) return { ok: false, key: 'registry.emptyWorkbook', params: {} };
  const sheet = sheets.find((s) => headerColumns(s).has('bin')) ?? sheets[0];
  const columns = headerColumns(sheet);
  const missing: RegistryField[] = [];
  if (!columns.has('bin')) missing.push('bin');
  if (!columns.has('nameRu') && !columns.has('nameKk') && !columns.has('shortName')) missing.push('nameRu', 'nameKk');
  if (missing.length > 0) {
    const columnsText = missing.map((field) => registryCaptions(field).slice(0, 2).join(' / ')).join(', ');
    return { ok: false, key: 'registry.missingColumns', params: { sheet: sheet.name, columns: columnsText } };
  }
  const rows: RegistryRow[] = [];
  for (const row of sheet.rows()) {
    if (row.number === 1) continue;
    const cells: RegistryRow['cells'] = {};
    for (const [field, column] of columns) {
      const value = row.value(column);
      // Excel turns a typed БИН into a number and drops its leading zero (БИН of 2000–2009 start with 0).
      const text = field === 'bin' && typeof value === 'number' ? String(value).padStart(12, '0') : valueText(value);
      if (text !== '') cells[field] = text;
    }
    if (Object.keys(cells).length > 0) rows.push({ row: row.number, cells });
  }
  return { ok: true, sheet: sheet.name, rows };
}
