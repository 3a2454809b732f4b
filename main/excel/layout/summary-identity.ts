// What tells a district summary apart when a region running Jinaq imports it, the way a district tells a school's
// report: kind 'district-summary', the campaign, the form and its version, the district (its database id, its
// name, the department's БИН when set) and the version of Jinaq that made it. Kept, as in the school templates, in
// the veryHidden sheet jinaq_id and in the workbook's «Comments» property; a school template carries no `kind`
// and a summary no `school_bin`, so neither is read for the other.
import { formVersionOf, PROPERTY_PREFIX } from './identity.ts';

export const SUMMARY_KIND = 'district-summary';

export interface SummaryIdentity {
  kind: typeof SUMMARY_KIND;
  campaignId: string;
  formId: string;
  formVersion: number;
  /** The district database that made the summary (main/services/settings.ts databaseId). */
  districtId: string;
  districtName: string;
  districtNameKk: string;
  regionCode: string;
  departmentBin: string;
  /** The version of Jinaq that wrote the file. */
  appVersion: string;
  /** The summary's date (YYYY-MM-DD). */
  madeOn: string;
}

const KEYS: Record<keyof SummaryIdentity, string> = {
  kind: 'kind',
  campaignId: 'campaign_id',
  formId: 'form_id',
  formVersion: 'form_version',
  districtId: 'district_id',
  districtName: 'district',
  districtNameKk: 'district_kk',
  regionCode: 'region_code',
  departmentBin: 'department_bin',
  appVersion: 'app_version',
  madeOn: 'made_on',
};

/** The keys the «Comments» property repeats: enough to recognise the file when the hidden sheet is gone. */
const PROPERTY_KEYS = ['kind', 'campaignId', 'formId', 'formVersion', 'districtId', 'appVersion'] as const;

/** The rows of the hidden sheet: a key and its value as text, one pair a row. */
export function summaryIdentityRows(identity: SummaryIdentity): Array<[string, string]> {
  return Object.entries(KEYS).map(([field, key]) => [key, String(identity[field as keyof SummaryIdentity])]);
}

/** The identity as one line for the «Comments» property. */
export function summaryIdentityText(identity: SummaryIdentity): string {
  const clean = (value: string | number) => String(value).replace(/[;=]/g, ' ');
  return `${PROPERTY_PREFIX} ${PROPERTY_KEYS.map((field) => `${KEYS[field]}=${clean(identity[field])}`).join('; ')}`;
}

/** The summary's identity in the key–value pairs of the hidden sheet or of the «Comments» property; null for any other. */
export function summaryIdentityOf(found: Map<string, string>): SummaryIdentity | null {
  const text = (field: keyof SummaryIdentity) => found.get(KEYS[field]) ?? '';
  const formVersion = formVersionOf(found.get(KEYS.formVersion));
  if (text('kind') !== SUMMARY_KIND || !text('campaignId') || !text('formId') || !Number.isInteger(formVersion) || !text('districtId')) return null;
  return {
    kind: SUMMARY_KIND,
    campaignId: text('campaignId'),
    formId: text('formId'),
    formVersion,
    districtId: text('districtId'),
    districtName: text('districtName'),
    districtNameKk: text('districtNameKk'),
    regionCode: text('regionCode'),
    departmentBin: text('departmentBin'),
    appVersion: text('appVersion'),
    madeOn: text('madeOn'),
  };
}
