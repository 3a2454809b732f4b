// The three languages hold the same keys, no empty texts, and the same placeholders for each key; the help texts
// (lists of paragraphs and steps) hold the same number of items in every language and are registered with i18next.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { BinProblem } from '../../shared/bin.ts';
import { localeTypes, RESOURCES_FILE, resourcesType } from '../../scripts/locale-types.ts';
import { createI18n } from '../../shared/i18n.ts';
import enHelp from '../../shared/locales/en/help.json' with { type: 'json' };
import kkHelp from '../../shared/locales/kk/help.json' with { type: 'json' };
import ruHelp from '../../shared/locales/ru/help.json' with { type: 'json' };
import enMessages from '../../shared/locales/en/messages.json' with { type: 'json' };
import enUi from '../../shared/locales/en/ui.json' with { type: 'json' };
import kkMessages from '../../shared/locales/kk/messages.json' with { type: 'json' };
import kkUi from '../../shared/locales/kk/ui.json' with { type: 'json' };
import enPlans from '../../shared/locales/en/plans.json' with { type: 'json' };
import kkPlans from '../../shared/locales/kk/plans.json' with { type: 'json' };
import ruPlans from '../../shared/locales/ru/plans.json' with { type: 'json' };
import ruMessages from '../../shared/locales/ru/messages.json' with { type: 'json' };
import ruUi from '../../shared/locales/ru/ui.json' with { type: 'json' };

type Tree = { readonly [key: string]: unknown };
const LANGUAGES = ['ru', 'kk', 'en'] as const;
const FILES: Record<'help' | 'messages' | 'plans' | 'ui', Record<(typeof LANGUAGES)[number], Tree>> = {
  help: { ru: ruHelp, kk: kkHelp, en: enHelp },
  messages: { ru: ruMessages, kk: kkMessages, en: enMessages },
  plans: { ru: ruPlans, kk: kkPlans, en: enPlans },
  ui: { ru: ruUi, kk: kkUi, en: enUi },
};

/** Every leaf as "a.b.c" → its value; an array's items count as keys too ("steps.0"), so lists must match in length. */
function leaves(tree: Tree, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object') {
      const nested = leaves(value as Tree, name);
      if (nested.size === 0) found.set(name, value);
      for (const [k, v] of nested) found.set(k, v);
    } else found.set(name, value);
  }
  return found;
}

/** The {{placeholders}} and $t(nested keys) of a text, sorted. */
function placeholders(text: string): string[] {
  const names = [...text.matchAll(/\{\{\s*([^{}\s]+)\s*\}\}/g)].map((m) => `{{${m[1]}}}`);
  const nested = [...text.matchAll(/\$t\(([^)]+)\)/g)].map((m) => `$t(${m[1]})`);
  return [...names, ...nested].sort();
}

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** Keys with i18next's plural suffixes taken off: "count_few" → "count". */
function baseKey(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** Base key → the placeholders of all its texts (all plural forms together). */
function placeholdersByBaseKey(tree: Map<string, unknown>): Map<string, string> {
  const found = new Map<string, Set<string>>();
  for (const [key, value] of tree) {
    const set = found.get(baseKey(key)) ?? new Set<string>();
    if (typeof value === 'string') for (const p of placeholders(value)) set.add(p);
    found.set(baseKey(key), set);
  }
  return new Map([...found].map(([k, set]) => [k, [...set].sort().join(' ')]));
}

describe.each(['help', 'messages', 'plans', 'ui'] as const)('shared/locales/*/%s.json', (file) => {
  const trees = FILES[file];
  const keys = Object.fromEntries(LANGUAGES.map((lng) => [lng, leaves(trees[lng])]));
  const bases = Object.fromEntries(LANGUAGES.map((lng) => [lng, new Set([...keys[lng].keys()].map(baseKey))]));

  it.each([['kk'], ['en']] as const)('ru and %s have the same keys (plural forms aside)', (lng) => {
    expect([...bases[lng]].filter((k) => !bases.ru.has(k)), `keys in ${lng} but not in ru`).toEqual([]);
    expect([...bases.ru].filter((k) => !bases[lng].has(k)), `keys in ru but not in ${lng}`).toEqual([]);
  });

  it.each(LANGUAGES)('%s has exactly the plural forms its language needs', (lng) => {
    const needed = [...new Intl.PluralRules(lng).resolvedOptions().pluralCategories].sort();
    const forms = new Map<string, string[]>();
    for (const key of keys[lng].keys()) {
      const suffix = PLURAL_SUFFIX.exec(key)?.[1];
      if (suffix) forms.set(baseKey(key), [...(forms.get(baseKey(key)) ?? []), suffix]);
    }
    for (const [key, present] of forms) expect(present.sort(), `${lng} ${key}`).toEqual(needed);
  });

  it.each(LANGUAGES)('every %s text is a non-empty string', (lng) => {
    const bad = [...keys[lng]].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([k]) => k);
    expect(bad).toEqual([]);
  });

  it('uses the same placeholders for each key in every language', () => {
    const ru = placeholdersByBaseKey(keys.ru);
    const differing: string[] = [];
    for (const lng of ['kk', 'en'] as const) {
      for (const [key, found] of placeholdersByBaseKey(keys[lng])) {
        if (ru.has(key) && ru.get(key) !== found) differing.push(`${lng} ${key}: ${found} ≠ ru ${ru.get(key)}`);
      }
    }
    expect(differing).toEqual([]);
  });

  it.each(LANGUAGES)('%s has no unbalanced braces in a placeholder', (lng) => {
    const bad = [...keys[lng]]
      .filter(([, value]) => typeof value === 'string' && (value.match(/\{\{/g) ?? []).length !== (value.match(/\}\}/g) ?? []).length)
      .map(([k]) => k);
    expect(bad).toEqual([]);
  });
});

describe('messages referred to by the code', () => {
  const ru = leaves(ruMessages);

  it('has a text for every БИН problem, which rowBin and badBin nest', () => {
    const problems: BinProblem[] = ['format', 'month', 'kind', 'attribute', 'checksum'];
    for (const lng of LANGUAGES) {
      const tree = leaves(FILES.messages[lng]);
      for (const problem of problems) expect(tree.get(`bin.${problem}`), `${lng} bin.${problem}`).toEqual(expect.any(String));
    }
  });

  it('has a text for every message key written in main/ and shared/', () => {
    const root = fileURLToPath(new URL('../../', import.meta.url));
    const sources: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory() && entry.name !== 'locales') walk(full);
        else if (entry.isFile() && entry.name.endsWith('.ts')) sources.push(readFileSync(full, 'utf8'));
      }
    };
    walk(path.join(root, 'main'));
    walk(path.join(root, 'shared'));
    // message keys as the code writes them: AppError(code, key), issue(severity, key), { key: … }, problem: …, problem(where, key), refused(key)
    const patterns = [
      /new AppError\(\s*'[a-z_]+',\s*'([^']+)'/g,
      /issue\(\s*'(?:error|warning)',\s*'([^']+)'/g,
      /\bkey:\s*'([a-z]+\.[A-Za-z.]+)'/g,
      /(?:problem|refused)\([^)]*?'([a-z]+\.[A-Za-z]+)'/g,
      /\bproblem:\s*'([a-z]+\.[A-Za-z]+)'/g,
    ];
    const used = new Set(sources.flatMap((text) => patterns.flatMap((p) => [...text.matchAll(p)].map((m) => m[1]))));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !ru.has(key)).sort()).toEqual([]);
  });
});

describe('help texts', () => {
  it.each(LANGUAGES)('%s: every screen guide has a title and 3 to 8 paragraphs and steps in all', (lng) => {
    const sizes = Object.entries(FILES.help[lng].screens as Record<string, { title: string; lead: string; steps: readonly string[]; notes: readonly string[] }>).map(
      ([topic, guide]) => [topic, guide.title.trim() !== '' && guide.lead.trim() !== '' ? 1 + guide.steps.length + guide.notes.length : 0] as const,
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(sizes.filter(([, size]) => size < 3 || size > 8)).toEqual([]);
  });

  it('walks the campaign from the settings to the next year in the same steps in every language', () => {
    const lengths = LANGUAGES.map((lng) => (FILES.help[lng].guide as { steps: readonly unknown[] }).steps.length);
    expect(lengths).toEqual([9, 9, 9]);
  });

  it.each(LANGUAGES)('%s: i18next hands out the help as texts and lists', (lng) => {
    const { t } = createI18n(lng);
    const help = FILES.help[lng] as typeof ruHelp;
    expect(t('help.screens.import.title')).toBe(help.screens.import.title);
    expect(t('help.screens.schools.steps', { returnObjects: true })).toEqual(help.screens.schools.steps);
    expect(t('help.guide.steps', { returnObjects: true })).toEqual(help.guide.steps);
  });
});

describe('the type t() is checked against (shared/locales/resources.ts)', () => {
  it('is up to date with the locale files: after adding a key or a placeholder, run `npm run locales:types`', () => {
    expect(readFileSync(RESOURCES_FILE, 'utf8')).toBe(localeTypes());
  });

  it('holds the keys every language has, plural forms too, each text as the placeholders of all its forms', () => {
    const ru = { both: 'Файл {{file}}', ruOnly: 'только', rows_one: '{{count}} строка', rows_few: '{{count}} строки', rows_many: '{{count}} строк', rows_other: '{{count}} строки' };
    const kk = { both: '{{file}} файлы', rows_one: '{{count}} жол', rows_other: '{{count}} жол' };
    const en = { both: 'File {{file}}', rows_one: '{{count}} row', rows_other: '{{count}} rows' };
    expect(resourcesType([ru, kk, en])).toBe('{\n  "both": "{{file}}";\n  "rows_one": "{{count}}";\n  "rows_other": "{{count}}";\n}');
  });
});
