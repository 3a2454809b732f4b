// What tells an imported workbook apart: which form and version, campaign and school. Kept in two places:
// a veryHidden sheet, and the workbook's «Comments» document property (dc:description), which both Excel and
// LibreOffice keep when they save the file. When both are lost, the reader falls back to the БИН in the header.

export const IDENTITY_SHEET = 'jinaq_id';

export interface WorkbookIdentity {
  formId: string;
  formVersion: number;
  campaignId: string;
  schoolBin: string;
  /** Plan item number on the form → the item's id, so a plan renumbered after the forms went out still reads right. */
  planItemIds?: Map<number, number>;
  /** The district database that made the template, and its name: tells a template of another district. */
  districtId?: string;
  districtName?: string;
}

const PLAN_ITEMS_KEY = 'plan_items';
const DISTRICT_ID_KEY = 'district_id';
const DISTRICT_NAME_KEY = 'district';

const KEYS: Record<Exclude<keyof WorkbookIdentity, 'planItemIds' | 'districtId' | 'districtName'>, string> = {
  formId: 'form_id',
  formVersion: 'form_version',
  campaignId: 'campaign_id',
  schoolBin: 'school_bin',
};

/** Marks the document property as ours; what follows is `key=value` pairs separated by `; `. */
export const PROPERTY_PREFIX = 'jinaq-id:';

function planItemsText(identity: WorkbookIdentity, separator: string): string {
  return [...(identity.planItemIds ?? [])].map(([number, id]) => `${number}:${id}`).join(separator);
}

/** The identity as one line for the document property: `jinaq-id: form_id=zabota; form_version=1; …`. */
export function identityText(identity: WorkbookIdentity): string {
  const pairs = [
    ...Object.entries(KEYS).map(([field, key]) => `${key}=${identity[field as keyof typeof KEYS]}`),
    `${PLAN_ITEMS_KEY}=${planItemsText(identity, ',')}`,
    `${DISTRICT_ID_KEY}=${identity.districtId ?? ''}`,
  ];
  return `${PROPERTY_PREFIX} ${pairs.join('; ')}`;
}

/** The rows of the hidden sheet: a key and its value as text, one pair a row. */
export function identityRows(identity: WorkbookIdentity, appVersion: string): Array<[string, string]> {
  const rows: Array<[string, string | number]> = [
    ...Object.entries(KEYS).map(([field, key]) => [key, identity[field as keyof typeof KEYS]] as [string, string | number]),
    [PLAN_ITEMS_KEY, planItemsText(identity, ';')],
    [DISTRICT_ID_KEY, identity.districtId ?? ''],
    [DISTRICT_NAME_KEY, identity.districtName ?? ''],
    ['generator', `Jinaq ${appVersion}`],
    ['generated_at', new Date().toISOString()],
  ];
  // Text, so a БИН keeps its leading zero whatever the program that saves the file.
  return rows.map(([key, value]) => [key, String(value)]);
}

/** The `key=value` pairs of the «Comments» property, when it is ours. */
export function propertyPairs(text: string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  const trimmed = (text ?? '').trim();
  if (!trimmed.startsWith(PROPERTY_PREFIX)) return found;
  for (const pair of trimmed.slice(PROPERTY_PREFIX.length).split(';')) {
    const at = pair.indexOf('=');
    if (at > 0) found.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
  return found;
}

/** A form version written as text: digits only (Number('') is 0, and a lost version must not read as «v0»), else NaN. */
export function formVersionOf(text: string | undefined): number {
  return text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
}

/** The identity in the key–value pairs of the hidden sheet or of the «Comments» property; null when incomplete. */
export function identityOf(found: Map<string, string>): WorkbookIdentity | null {
  const formVersion = formVersionOf(found.get(KEYS.formVersion));
  const formId = found.get(KEYS.formId);
  const campaignId = found.get(KEYS.campaignId);
  const schoolBin = found.get(KEYS.schoolBin);
  // A blank template carries an empty БИН: the school writes its own in the header.
  if (!formId || !campaignId || schoolBin === undefined || !Number.isInteger(formVersion)) return null;
  return {
    formId, formVersion, campaignId, schoolBin,
    planItemIds: planItemIdsOf(found.get(PLAN_ITEMS_KEY) ?? ''),
    districtId: found.get(DISTRICT_ID_KEY) || undefined,
    districtName: found.get(DISTRICT_NAME_KEY) || undefined,
  };
}

function planItemIdsOf(text: string): Map<number, number> {
  const pairs = text.split(/[;,]/).map((pair) => pair.split(':').map(Number));
  return new Map(pairs.filter((pair) => pair.length === 2 && pair.every(Number.isInteger)) as Array<[number, number]>);
}
