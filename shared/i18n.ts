// One i18next set-up for the renderer, the CLI and the workbooks the main process writes.
import i18next, { type i18n, type TFunction } from 'i18next';
import { formatDate, formatNumber } from './format.ts';
import enHelp from './locales/en/help.json' with { type: 'json' };
import enMessages from './locales/en/messages.json' with { type: 'json' };
import enPlans from './locales/en/plans.json' with { type: 'json' };
import enUi from './locales/en/ui.json' with { type: 'json' };
import kkHelp from './locales/kk/help.json' with { type: 'json' };
import kkMessages from './locales/kk/messages.json' with { type: 'json' };
import kkPlans from './locales/kk/plans.json' with { type: 'json' };
import kkUi from './locales/kk/ui.json' with { type: 'json' };
import ruHelp from './locales/ru/help.json' with { type: 'json' };
import ruMessages from './locales/ru/messages.json' with { type: 'json' };
import ruPlans from './locales/ru/plans.json' with { type: 'json' };
import ruUi from './locales/ru/ui.json' with { type: 'json' };
import type { Message } from './messages.ts';
import { ruleMessageText } from './rule-messages.ts';
import { textWithParams, type PlainTextKey } from './text-keys.ts';

export const UI_LANGUAGES = ['kk', 'ru', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each language's texts, one file each under shared/locales/<language>/: the screens' guides, messages, plans, ui. */
export const resources = {
  kk: { translation: { help: kkHelp, messages: kkMessages, plans: kkPlans, ui: kkUi } },
  ru: { translation: { help: ruHelp, messages: ruMessages, plans: ruPlans, ui: ruUi } },
  en: { translation: { help: enHelp, messages: enMessages, plans: enPlans, ui: enUi } },
} as const;

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

// Numbers that name rather than count (a year, a row, a plan item, a version) are written without a separator.
const IDENTIFIER_PARAMS = new Set(['year', 'version', 'row', 'first', 'id', 'number', 'migration', 'position', 'column', 'line']);
const ISO_DATE_OR_TIME = /^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Every value put into a text as the language writes it (shared/format.ts): a number with its thousands and decimal
 * separators, an ISO date or time as «06.12.2026 15:04». Messages keep the raw values, so they read right in any
 * language.
 */
function formatParam(value: unknown, lng: string | undefined, key: string | undefined): unknown {
  const language = isUiLanguage(lng) ? lng : 'ru';
  if (typeof value === 'number') return key && (IDENTIFIER_PARAMS.has(key) || /(Row|Year)$/.test(key)) ? value : formatNumber(value, language);
  if (typeof value === 'string' && ISO_DATE_OR_TIME.test(value)) return formatDate(value);
  return value;
}

const paramFormatter = {
  type: 'formatter' as const,
  init() {},
  add() {},
  addCached() {},
  // A value given in each language («found» and «foundKk», as a campaign's title) is put into a Kazakh text in Kazakh.
  format: (value: unknown, _format: string | undefined, lng: string | undefined, options?: Record<string, unknown> & { interpolationkey?: string }) => {
    const key = options?.interpolationkey;
    const kazakh = lng === 'kk' && key ? options?.[`${key}Kk`] : undefined;
    return formatParam(kazakh ?? value, lng, key);
  },
};

/** A ready i18next instance (synchronous: all resources are bundled). */
export function createI18n(lng: UiLanguage): i18n {
  const instance = i18next.createInstance().use(paramFormatter);
  void instance.init({
    lng,
    fallbackLng: 'ru',
    resources,
    initAsync: false,
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  });
  return instance;
}

const fixed = new Map<UiLanguage, TFunction>();

/** The translate function of one language, made once. */
export function tFor(lng: UiLanguage): TFunction {
  let t = fixed.get(lng);
  if (!t) {
    t = createI18n(lng).t;
    fixed.set(lng, t);
  }
  return t;
}

/** A message key and its parameters put into words; a broken rule as a sentence naming its indicators. */
export function formatMessage(t: TFunction, message: Message): string {
  return ruleMessageText(t, message) ?? textWithParams(t, `messages.${message.key}`, message.params ?? {});
}

/** "Russian / Kazakh" for the bilingual captions of the workbooks schools and the region receive. */
export function bilingual(key: PlainTextKey): string {
  const ru = tFor('ru')(key) as string;
  const kk = tFor('kk')(key) as string;
  return ru === kk ? ru : `${ru} / ${kk}`;
}
