// The language of console output: --lang, else JINAQ_LANG, else the system locale, else Russian.
import { isUiLanguage, type UiLanguage } from '../shared/i18n.ts';

export function consoleLanguage(flag?: string): UiLanguage {
  const candidates = [flag, process.env.JINAQ_LANG, (process.env.LC_ALL || process.env.LANG || '').slice(0, 2)];
  return candidates.find(isUiLanguage) ?? 'ru';
}
