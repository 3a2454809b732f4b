// A report form as data: indicators found by their row code, and rules over row codes.
import type { MissingValueStrategy } from '../rules.ts';

export type Lang = 'kk' | 'ru';
export type Bilingual = Record<Lang, string>;

export type IndicatorType = 'count' | 'money';

export interface Indicator {
  code: string;
  label: Bilingual;
  type: IndicatorType;
  required: boolean;
}

/** An indicator row as the form tables of forms.md write it. */
export function indicator(code: string, ru: string, kk: string, type: IndicatorType, required: boolean): Indicator {
  return { code, label: { ru, kk }, type, required };
}

export type Severity = 'error' | 'warning';

export interface FormRule {
  id: string;
  /** The rule as written, e.g. "Z03 <= Z02", "Z30 > 0 => Z10 > 0". */
  text: string;
  severity: Severity;
  /** What blank values do to the rule; skipIfAllBlank when not given. */
  missing?: MissingValueStrategy;
}

export interface FormDefinition {
  id: string;
  version: number;
  title: Bilingual;
  indicators: Indicator[];
  rules: FormRule[];
}
