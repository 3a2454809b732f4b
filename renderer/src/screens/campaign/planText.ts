// Plan texts as the screens show them: the UI language's half of a bilingual text, and section numbers.
import type { Bilingual } from '../../../../shared/forms/types.ts';
import type { UiLanguage } from '../../../../shared/i18n.ts';
import { labelLanguage } from '../../i18n.ts';

/** Kazakh in a Kazakh UI, Russian otherwise; the other language when that half is empty. */
export function textIn(text: Bilingual, language: UiLanguage): string {
  const preferred = labelLanguage(language);
  const other = preferred === 'kk' ? 'ru' : 'kk';
  return text[preferred].trim() ? text[preferred] : text[other];
}

/** The half of a text the plan's structure is read from, as the main process does: Russian, else Kazakh. */
export function decidingHalf(text: Bilingual): { lang: 'ru' | 'kk'; text: string } {
  return text.ru.trim() ? { lang: 'ru', text: text.ru.trim() } : { lang: 'kk', text: text.kk.trim() };
}

const ROMAN: ReadonlyArray<[number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];

/** 1 → I, 4 → IV, 12 → XII: sections are numbered this way in print. */
export function romanNumeral(n: number): string {
  let rest = n;
  let result = '';
  for (const [value, letters] of ROMAN) {
    while (rest >= value) {
      result += letters;
      rest -= value;
    }
  }
  return result;
}
