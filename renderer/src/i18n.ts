// The UI language: one i18next instance from shared/i18n.ts, remembered in localStorage (default Russian).
import { useEffect, useState } from 'react';
import type { TFunction } from 'i18next';
import type { ConfigProviderProps } from 'antd';
import enUS from 'antd/es/locale/en_US.js';
import kkKZ from 'antd/es/locale/kk_KZ.js';
import ruRU from 'antd/es/locale/ru_RU.js';
import dayjs from 'dayjs';
import 'dayjs/locale/en.js';
import 'dayjs/locale/kk.js';
import 'dayjs/locale/ru.js';
import { createI18n, formatMessage, isUiLanguage, tFor, type UiLanguage } from '../../shared/i18n.ts';
import type { Lang } from '../../shared/forms/types.ts';
import { ApiCallError, TransportError } from '../api.ts';

const LANGUAGE_KEY = 'jinaq.language';

function storedLanguage(): UiLanguage {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  return isUiLanguage(stored) ? stored : 'ru';
}

export const i18n = createI18n(storedLanguage());

type Locale = NonNullable<ConfigProviderProps['locale']>;

/** antd's locale files are ES modules typed as CommonJS: take the default export whichever way it arrives. */
function localeOf(module: Locale | { default: Locale }): Locale {
  return 'default' in module ? module.default : module;
}

/** antd's locale with our words for its expand links: its Kazakh one says the word for «write» where it means «more». */
function withOurWords(locale: Locale, lng: UiLanguage): Locale {
  const t = tFor(lng);
  return {
    ...locale,
    Text: { ...locale.Text, expand: t('ui.common.showMore'), collapse: t('ui.common.showLess') },
    Table: { ...locale.Table, expand: t('ui.common.expandRow'), collapse: t('ui.common.collapseRow') },
  };
}

const ANTD_LOCALES: Record<UiLanguage, Locale> = {
  kk: withOurWords(localeOf(kkKZ), 'kk'),
  ru: withOurWords(localeOf(ruRU), 'ru'),
  en: withOurWords(localeOf(enUS), 'en'),
};

export function setLanguage(lng: UiLanguage): void {
  localStorage.setItem(LANGUAGE_KEY, lng);
  void i18n.changeLanguage(lng);
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18n.language) ? i18n.language : 'ru';
}

/** The UI language, re-rendering on change; also keeps <html lang> and dayjs in step. */
export function useLanguage(): { language: UiLanguage; antdLocale: Locale } {
  const [language, setState] = useState<UiLanguage>(currentLanguage());
  useEffect(() => {
    const onChange = () => setState(currentLanguage());
    i18n.on('languageChanged', onChange);
    return () => i18n.off('languageChanged', onChange);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
    dayjs.locale(language);
  }, [language]);
  return { language, antdLocale: ANTD_LOCALES[language] };
}

/** Which of a form's two label languages suits the UI language (Kazakh for kk, Russian otherwise). */
export function labelLanguage(lng: UiLanguage): Lang {
  return lng === 'kk' ? 'kk' : 'ru';
}

/** Any error a screen may catch, put into words in the UI language. */
export function errorText(t: TFunction, error: unknown): string {
  if (error instanceof ApiCallError) return formatMessage(t, error.error.message);
  if (error instanceof TransportError) return t(`ui.errors.${error.reason}`, { detail: error.message });
  return t('ui.errors.unexpected', { detail: error instanceof Error ? error.message : String(error) });
}
