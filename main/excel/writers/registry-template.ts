// The empty school registry a district fills in: Russian / Kazakh headers in row 1 (intake/registry-reader.ts reads it).
import { tFor } from '../../../shared/i18n.ts';
import { REGISTRY_FIELDS } from '../layout/registry-columns.ts';
import { newWorkbook, type Workbook } from './workbook.ts';

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
