// The keys of the texts as types, from shared/locales/resources.ts (written by scripts/locale-types.ts from the
// JSON files): every t() in main and renderer is checked against them, and so is every key the code builds.
import type { ParseKeys, ParseKeysWithoutVariables, TFunction } from 'i18next';
import type { Resources } from './locales/resources.ts';
import ruMessages from './locales/ru/messages.json' with { type: 'json' };

// i18next checks each t() call: the key must be one all three languages have, and every {{placeholder}} of its
// text must be given. Extra params stay allowed (a value's Kazakh twin, see paramFormatter in shared/i18n.ts).
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Resources };
    returnNull: false;
    strictKeyChecks: true;
  }
}

/** Any key of the texts ("ui.common.save"); a plural family by its base key too ("ui.plan.schools.chosen"). */
export type TextKey = ParseKeys;

/** The keys whose texts take no params: t(key) needs nothing more. */
export type PlainTextKey = ParseKeysWithoutVariables;

/** The keys under a prefix with the prefix taken off: KeysUnder<'messages.bin'> is 'format' | 'month' | …. */
export type KeysUnder<Prefix extends string> = TextKey extends infer Key ? (Key extends `${Prefix}.${infer Rest}` ? Rest : never) : never;

/** A key under `messages`, as a Message carries it ("import.notANumber"). */
export type MessageKey = KeysUnder<'messages'>;

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leafKeys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value) ? leafKeys(value, `${prefix}${key}.`) : [`${prefix}${key}`.replace(PLURAL_SUFFIX, '')],
  );
}

const MESSAGE_KEYS = new Set(leafKeys(ruMessages));

/** Whether a key that came from outside (a message sent back by the renderer) is one the locale files have. */
export function isMessageKey(key: string): key is MessageKey {
  return MESSAGE_KEYS.has(key);
}

/**
 * A text whose params are known only at run time, as a stored message's: its key is checked, its params are not
 * (the code that made the message gave them).
 */
export function textWithParams(t: TFunction, key: TextKey, params: Readonly<Record<string, unknown>>): string {
  return (t as (key: string, options: object) => string)(key, params);
}
