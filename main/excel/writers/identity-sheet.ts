// The identification every workbook Jinaq issues carries (layout/identity.ts, layout/summary-identity.ts): the
// veryHidden sheet jinaq_id, and the same in the workbook's «Comments» property.
import { IDENTITY_SHEET, identityRows, identityText, type WorkbookIdentity } from '../layout/identity.ts';
import { summaryIdentityRows, summaryIdentityText, type SummaryIdentity } from '../layout/summary-identity.ts';
import type { Workbook } from './workbook.ts';

export function writeIdentity(workbook: Workbook, identity: WorkbookIdentity, appVersion: string): void {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  identityRows(identity, appVersion).forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    sheet.getCell(i + 1, 2).value = value;
  });
  workbook.description = identityText(identity);
}

export function writeSummaryIdentity(workbook: Workbook, identity: SummaryIdentity): void {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  summaryIdentityRows(identity).forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    // Text, so nothing (a БИН's leading zero, a version "1.10") is changed by the program that saves the file.
    sheet.getCell(i + 1, 2).value = value;
    sheet.getCell(i + 1, 2).numFmt = '@';
  });
  workbook.description = summaryIdentityText(identity);
}
