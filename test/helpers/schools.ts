// Valid БИН made the way the registry office makes them, and schools to fill a registry with.
import ExcelJS from 'exceljs';
import { binCheckDigit } from '../../shared/bin.ts';
import type { SchoolFields } from '../../shared/domain.ts';

/** The n-th valid БИН of a series: YYMM 0409, kind 4, attribute 0, a running number, and its check digit. */
export function validBin(n: number): string {
  for (let serial = n * 10; ; serial++) {
    const first11 = `040940${String(serial).padStart(5, '0')}`;
    const check = binCheckDigit(first11);
    if (check !== null) return `${first11}${check}`;
  }
}

export function schoolFields(n: number, overrides: Partial<SchoolFields> = {}): SchoolFields {
  return {
    bin: validBin(n),
    nameRu: `КГУ «Общеобразовательная школа №${n}»`,
    nameKk: `«№${n} жалпы білім беретін мектеп» КММ`,
    shortName: `Школа №${n}`,
    type: 'general',
    locality: 'Шахтинск',
    director: 'Директор',
    phone: '+7 721 000 00 00',
    email: `school${n}@example.kz`,
    language: 'kk_ru',
    ...overrides,
  };
}

/** A registry workbook as the registry office sends it: the header row on «Лист1», then the rows as given. */
export async function registryWorkbook(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Лист1');
  sheet.addRow(['БИН', 'Наименование (рус.)', 'Наименование (каз.)', 'Краткое наименование', 'Тип', 'Населённый пункт', 'Директор', 'Телефон', 'Email']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
