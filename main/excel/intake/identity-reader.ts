// Which form, campaign and school (or which district's summary) a workbook says it is: read from the hidden
// jinaq_id sheet, else from the «Comments» property (layout/identity.ts says how both are written).
import { IDENTITY_SHEET, identityOf, propertyPairs, type WorkbookIdentity } from '../layout/identity.ts';
import { summaryIdentityOf, type SummaryIdentity } from '../layout/summary-identity.ts';
import { valueText } from './cell-text.ts';
import type { ReadableWorkbook } from './readable-workbook.ts';

/** What the hidden sheet and the «Comments» property hold: read once per workbook (a file's reading asks several times). */
interface Said {
  sheet: Map<string, string>;
  property: Map<string, string>;
  identities?: { sheet: WorkbookIdentity | null; property: WorkbookIdentity | null };
}

const saidBy = new WeakMap<ReadableWorkbook, Said>();

function said(workbook: ReadableWorkbook): Said {
  let found = saidBy.get(workbook);
  if (!found) saidBy.set(workbook, (found = { sheet: sheetPairs(workbook), property: propertyPairs(workbook.description) }));
  return found;
}

function identities(workbook: ReadableWorkbook): NonNullable<Said['identities']> {
  const found = said(workbook);
  return (found.identities ??= { sheet: identityOf(found.sheet), property: identityOf(found.property) });
}

/** The identity the hidden sheet holds, else the one in the document property; null when both are gone or incomplete. */
export function readIdentity(workbook: ReadableWorkbook): WorkbookIdentity | null {
  const { sheet, property } = identities(workbook);
  return sheet ?? property;
}

/**
 * The school БИН the hidden sheet and the «Comments» property give when both are there and name different schools:
 * a copied sheet or an edited property; neither may be trusted over the other.
 */
export function identityBinConflict(workbook: ReadableWorkbook): { sheetBin: string; propertyBin: string } | null {
  const { sheet, property } = identities(workbook);
  const sheetBin = sheet?.schoolBin.trim();
  const propertyBin = property?.schoolBin.trim();
  return sheetBin && propertyBin && sheetBin !== propertyBin ? { sheetBin, propertyBin } : null;
}

/** The summary's identity from its hidden sheet, else from the «Comments» property; null for any other workbook. */
export function readSummaryIdentity(workbook: ReadableWorkbook): SummaryIdentity | null {
  const { sheet, property } = said(workbook);
  return summaryIdentityOf(sheet) ?? summaryIdentityOf(property);
}

/** The key–value rows of the hidden identification sheet (school templates and district summaries alike). */
export function sheetPairs(workbook: ReadableWorkbook): Map<string, string> {
  const found = new Map<string, string>();
  for (const row of workbook.sheet(IDENTITY_SHEET)?.rows() ?? []) found.set(valueText(row.value(1)), valueText(row.value(2)));
  return found;
}
