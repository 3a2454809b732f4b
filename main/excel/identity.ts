// The hidden sheet that tells an imported workbook apart: which form and version, campaign and school.
import type { Workbook } from './workbook.ts';
import { cellText } from './workbook.ts';

export const IDENTITY_SHEET = 'jinaq_id';

export interface WorkbookIdentity {
  formId: string;
  formVersion: number;
  campaignId: string;
  schoolBin: string;
  /** Plan item number on the form → the item's id, so a plan renumbered after the forms went out still reads right. */
  planItemIds?: Map<number, number>;
}

const PLAN_ITEMS_KEY = 'plan_items';

const KEYS: Record<Exclude<keyof WorkbookIdentity, 'planItemIds'>, string> = {
  formId: 'form_id',
  formVersion: 'form_version',
  campaignId: 'campaign_id',
  schoolBin: 'school_bin',
};

export function writeIdentity(workbook: Workbook, identity: WorkbookIdentity, appVersion: string): void {
  const sheet = workbook.addWorksheet(IDENTITY_SHEET, { state: 'veryHidden' });
  const rows: Array<[string, string | number]> = [
    ...Object.entries(KEYS).map(([field, key]) => [key, identity[field as keyof typeof KEYS]] as [string, string | number]),
    [PLAN_ITEMS_KEY, [...(identity.planItemIds ?? [])].map(([number, id]) => `${number}:${id}`).join(';')],
    ['generator', `Jinaq ${appVersion}`],
    ['generated_at', new Date().toISOString()],
  ];
  rows.forEach(([key, value], i) => {
    sheet.getCell(i + 1, 1).value = key;
    // Text, so a БИН keeps its leading zero whatever the program that saves the file.
    sheet.getCell(i + 1, 2).value = String(value);
  });
}

/** The identity the hidden sheet holds, or null when the sheet is gone or incomplete. */
export function readIdentity(workbook: Workbook): WorkbookIdentity | null {
  const sheet = workbook.getWorksheet(IDENTITY_SHEET);
  if (!sheet) return null;
  const found = new Map<string, string>();
  sheet.eachRow((row) => found.set(cellText(row.getCell(1)), cellText(row.getCell(2))));
  const formVersion = Number(found.get(KEYS.formVersion));
  const formId = found.get(KEYS.formId);
  const campaignId = found.get(KEYS.campaignId);
  const schoolBin = found.get(KEYS.schoolBin);
  if (!formId || !campaignId || !schoolBin || !Number.isInteger(formVersion)) return null;
  return { formId, formVersion, campaignId, schoolBin, planItemIds: planItemIdsOf(found.get(PLAN_ITEMS_KEY) ?? '') };
}

function planItemIdsOf(text: string): Map<number, number> {
  const pairs = text.split(';').map((pair) => pair.split(':').map(Number));
  return new Map(pairs.filter((pair) => pair.length === 2 && pair.every(Number.isInteger)) as Array<[number, number]>);
}
