// A plan read from a workbook: the table № | activity | deadline | executors under a header row found in the first
// 30 rows, in Kazakh or Russian. One sheet in one language, two sheets (Kazakh and Russian, as our export writes
// them) paired item by item, or one sheet with columns for both languages. Everything above the header (the
// approval block, the title, the preamble) is left alone; only sections and items are read.
import type { Bilingual } from '../../../shared/forms/types.ts';
import { resources, tFor } from '../../../shared/i18n.ts';
import { issue, type FileIssue } from '../../../shared/messages.ts';
import type { PlanItemText, PlanSectionSeed } from '../../../shared/plans/types.ts';
import { cellAddress, columnLetter } from '../layout/cell-address.ts';
import { displayDate } from '../layout/report-layout.ts';
import { captionKey } from './captions.ts';
import { isInvalidDate, valueText } from './cell-text.ts';
import { masterOf } from './merged-ranges.ts';
import type { CellValue, ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';

type Lang = 'kk' | 'ru';
type Field = 'number' | 'title' | 'deadline' | 'executors';
type Texts = Partial<Record<Lang, string>>;

const LANGS: Lang[] = ['kk', 'ru'];
const HEADER_SEARCH_ROWS = 30;

/** Spellings seen in district plans besides the captions our own export writes. */
const CAPTIONS: Record<Exclude<Field, 'number'>, Record<Lang, string[]>> = {
  title: {
    ru: ['Наименование мероприятия', 'Наименование мероприятий', 'Наименование', 'Мероприятие', 'Мероприятия', 'Содержание мероприятия', 'Содержание мероприятий', 'Содержание работы'],
    kk: ['Іс-шара атауы', 'Іс-шараның атауы', 'Іс-шаралардың атауы', 'Іс-шаралар атауы', 'Атауы', 'Іс-шара', 'Іс-шаралар', 'Іс-шараның мазмұны', 'Іс-шаралардың мазмұны'],
  },
  deadline: {
    ru: ['Сроки исполнения', 'Срок исполнения', 'Сроки выполнения', 'Срок выполнения', 'Сроки проведения', 'Срок проведения', 'Дата проведения', 'Сроки', 'Срок'],
    kk: ['Орындалу мерзімі', 'Орындау мерзімі', 'Орындалу мерзімдері', 'Өткізу мерзімі', 'Өткізілу мерзімі', 'Мерзімі', 'Мерзімдері', 'Мерзім'],
  },
  executors: {
    ru: ['Ответственные исполнители', 'Ответственный исполнитель', 'Ответственные за исполнение', 'Ответственные', 'Ответственный', 'Исполнители', 'Исполнитель'],
    kk: ['Жауапты орындаушылар', 'Жауапты орындаушы', 'Жауапты тұлғалар', 'Жауаптылар', 'Жауапты', 'Орындаушылар', 'Орындаушы'],
  },
};
const NUMBER_CAPTIONS = ['№', '№ п/п', '№ р/с', '№ р/н', '№ пп', 'п/п', 'р/с', 'р/н', 'N', 'No', 'Nº'];

interface CaptionMeaning {
  field: Field;
  lang: Lang | null;
}

function captionTable(): Map<string, CaptionMeaning> {
  const table = new Map<string, CaptionMeaning>();
  const add = (caption: string, meaning: CaptionMeaning) => {
    if (!table.has(captionKey(caption))) table.set(captionKey(caption), meaning);
  };
  for (const lang of LANGS) {
    const column = resources[lang].translation.plans.workbook.column;
    add(column.number, { field: 'number', lang: null });
    for (const field of ['title', 'deadline', 'executors'] as const) add(column[field], { field, lang });
  }
  for (const caption of NUMBER_CAPTIONS) add(caption, { field: 'number', lang: null });
  for (const field of ['title', 'deadline', 'executors'] as const) {
    for (const lang of LANGS) for (const caption of CAPTIONS[field][lang]) add(caption, { field, lang });
  }
  return table;
}

const CAPTION_TABLE = captionTable();

/** «(рус.)», «на русском языке», «(қаз.)», «қазақ тілінде» at the end of a caption: the column's language. */
const LANGUAGE_MARK = /[\s(\[,/-]+(?:на\s+)?(рус\p{L}*|орыс\p{L}*|ru|rus|каз\p{L}*|қаз\p{L}*|kk|kaz|kz)\.?(?:\s+(?:языке|язык|тілінде|тілі))?\s*[)\]]?\s*$/iu;

function captionMeaning(text: string): CaptionMeaning | null {
  const direct = CAPTION_TABLE.get(captionKey(text));
  if (direct) return direct;
  const mark = LANGUAGE_MARK.exec(text);
  if (!mark) return null;
  const base = CAPTION_TABLE.get(captionKey(text.slice(0, mark.index)));
  if (!base) return null;
  const lang: Lang = /^(рус|орыс|ru)/i.test(mark[1]) ? 'ru' : 'kk';
  return { field: base.field, lang: base.field === 'number' ? null : lang };
}

/** Where each field of the table is: the number column, and the columns of each language's texts. */
interface Header {
  row: number;
  number: number | null;
  title: Partial<Record<Lang, number>>;
  deadline: Partial<Record<Lang, number>>;
  executors: Partial<Record<Lang, number>>;
}

function headerAt(sheet: ReadableSheet, rowNumber: number): Header | null {
  const found: Array<{ column: number; meaning: CaptionMeaning }> = [];
  for (const { column, value } of sheet.row(rowNumber).cells()) {
    const master = masterOf(sheet, rowNumber, column);
    if (master.row !== rowNumber || master.column !== column) continue;
    const meaning = captionMeaning(valueText(value));
    if (meaning) found.push({ column, meaning });
  }
  const titles = found.filter((f) => f.meaning.field === 'title');
  if (titles.length === 0 || found.length < 2) return null;
  const header: Header = { row: rowNumber, number: null, title: {}, deadline: {}, executors: {} };
  const titleLangs = new Set(titles.map((f) => f.meaning.lang!));
  for (const { column, meaning } of found) {
    if (meaning.field === 'number') header.number ??= column;
    else {
      // In a one-language sheet every text column is in the sheet's language, whatever its caption says.
      const lang = titleLangs.size === 1 ? [...titleLangs][0] : meaning.lang!;
      header[meaning.field][lang] ??= column;
    }
  }
  return header;
}

function findHeader(sheet: ReadableSheet): Header | null {
  for (let row = 1; row <= Math.min(sheet.rowCount, HEADER_SEARCH_ROWS); row++) {
    const header = headerAt(sheet, row);
    if (header) return header;
  }
  return null;
}

function languagesOf(header: Header): Lang[] {
  return LANGS.filter((lang) => header.title[lang] !== undefined);
}

const KAZAKH_LETTERS = /[әғқңөұүһі]/iu;

/** Text in a cell that spans both languages' columns: «Русский / Қазақша» split, or put where its letters belong. */
function byScript(text: string): Texts {
  const parts = text.split(/\s+\/\s+/);
  const texts: Texts = {};
  for (const part of parts.length === 2 ? parts : [text]) {
    const lang: Lang = KAZAKH_LETTERS.test(part) ? 'kk' : 'ru';
    texts[lang] ??= part.trim();
  }
  return texts;
}

interface RowTexts {
  number: string;
  title: Texts;
  deadline: Texts;
  executors: Texts;
}

function ownText(value: CellValue, field: Field): string {
  // A deadline typed as a date: written back the way people write dates.
  if (field === 'deadline' && value instanceof Date && !isInvalidDate(value)) return displayDate(value.toISOString().slice(0, 10));
  return valueText(value);
}

/**
 * The row's texts by field. A cell merged across several columns of the table (a section title over the whole
 * width) counts once, as the title; a cell merged down over several rows counts in each of them.
 */
function rowTexts(sheet: ReadableSheet, header: Header, rowNumber: number): RowTexts {
  const columns: Array<{ field: Field; lang: Lang | null; column: number }> = [];
  if (header.number !== null) columns.push({ field: 'number', lang: null, column: header.number });
  for (const field of ['title', 'deadline', 'executors'] as const) {
    for (const lang of LANGS) {
      const column = header[field][lang];
      if (column !== undefined) columns.push({ field, lang, column });
    }
  }
  const texts: RowTexts = { number: '', title: {}, deadline: {}, executors: {} };
  const put = (field: Field, lang: Lang | null, text: string) => {
    if (field === 'number') texts.number = text;
    else texts[field][lang!] = text;
  };
  const byMaster = new Map<string, typeof columns>();
  for (const entry of columns) {
    const master = masterOf(sheet, rowNumber, entry.column);
    const address = cellAddress(master.row, master.column);
    byMaster.set(address, [...(byMaster.get(address) ?? []), entry]);
  }
  for (const group of byMaster.values()) {
    const master = masterOf(sheet, rowNumber, group[0].column);
    // A header cell merged down over the rows under it is still the header.
    if (master.row <= header.row) continue;
    const value = sheet.value(master.row, master.column);
    if (group.length === 1) {
      put(group[0].field, group[0].lang, ownText(value, group[0].field));
      continue;
    }
    if (master.row !== rowNumber) continue;
    const text = valueText(value);
    const titles = group.filter((entry) => entry.field === 'title');
    if (titles.length === 0) put(group[0].field, group[0].lang, text);
    else if (titles.length === 1) put('title', titles[0].lang, text);
    else Object.assign(texts.title, byScript(text));
  }
  return texts;
}

const ITEM_NUMBER = /^\d+(?:\.\d+)*[.)]?$/;
const COLUMN_NUMBER = /^\d{1,2}$/;
const LEADING_SECTION_NUMBER = /^\s*(?:(?:[IVXLCІХ]+|\d+)\s*[.)]|[IVXLCІХ]+(?=\s))\s*/u;
const LEADING_ITEM_NUMBER = /^\d+[.)]\s+/;

function nonEmpty(texts: Texts): string[] {
  return LANGS.map((lang) => texts[lang] ?? '').filter((text) => text !== '');
}

function allTexts(row: RowTexts): string[] {
  return [row.number, ...nonEmpty(row.title), ...nonEmpty(row.deadline), ...nonEmpty(row.executors)].filter(Boolean);
}

function mapTexts(texts: Texts, change: (text: string) => string): Texts {
  return Object.fromEntries(Object.entries(texts).map(([lang, text]) => [lang, change(text)]));
}

type Entry =
  | { kind: 'section'; row: number; title: Texts }
  | { kind: 'item'; row: number; title: Texts; deadline: Texts; executors: Texts };

interface SheetRead {
  sheet: ReadableSheet;
  header: Header;
  langs: Lang[];
  entries: Entry[];
  problems: FileIssue[];
}

function titleCell(header: Header, row: number): string {
  const column = Math.min(...LANGS.map((lang) => header.title[lang] ?? Infinity));
  return `${columnLetter(column)}${row}`;
}

/** A row that is neither a header repeated on a new page nor the «1 2 3 4» row under it: a section, an item, or nothing. */
function entryOf(row: RowTexts, rowNumber: number, langs: Lang[]): Entry | null {
  const texts = allTexts(row);
  if (texts.length === 0) return null;
  if (texts.length >= 2 && texts.every((text) => COLUMN_NUMBER.test(text))) return null;
  const numbered = ITEM_NUMBER.test(row.number);
  const hasDetails = nonEmpty(row.deadline).length + nonEmpty(row.executors).length > 0;
  const hasTitle = nonEmpty(row.title).length > 0;
  if (!numbered && !hasDetails) {
    const title = hasTitle ? row.title : langs.length === 1 ? { [langs[0]]: row.number } : byScript(row.number);
    return { kind: 'section', row: rowNumber, title: mapTexts(title, (text) => text.replace(LEADING_SECTION_NUMBER, '').trim()) };
  }
  // A number and nothing else: an empty numbered row of a form, not an item.
  if (numbered && !hasDetails && !hasTitle) return null;
  const title = row.number === '' ? mapTexts(row.title, (text) => text.replace(LEADING_ITEM_NUMBER, '')) : row.title;
  return { kind: 'item', row: rowNumber, title, deadline: row.deadline, executors: row.executors };
}

function readSheet(sheet: ReadableSheet, header: Header): SheetRead {
  const langs = languagesOf(header);
  const entries: Entry[] = [];
  const problems: FileIssue[] = [];
  for (let rowNumber = header.row + 1; rowNumber <= sheet.rowCount; rowNumber++) {
    if (headerAt(sheet, rowNumber)) continue;
    const entry = entryOf(rowTexts(sheet, header, rowNumber), rowNumber, langs);
    if (!entry) continue;
    if (entry.kind === 'item' && nonEmpty(entry.title).length === 0) {
      problems.push(issue('error', 'planImport.noTitle', { row: rowNumber }, { sheet: sheet.name, cell: titleCell(header, rowNumber) }));
      continue;
    }
    entries.push(entry);
  }
  // Text under the table (a signature, a note) reads as a section with nothing in it.
  while (entries.length > 0 && entries[entries.length - 1].kind === 'section') entries.pop();
  if (entries.length === 0 && problems.length === 0) {
    problems.push(issue('error', 'planImport.noItems', { sheet: sheet.name }, { sheet: sheet.name, cell: titleCell(header, header.row + 1) }));
  }
  return { sheet, header, langs, entries, problems };
}

/** Items before any section go into a section titled from the locales. */
function withLeadingSection(entries: Entry[]): Entry[] {
  if (entries.length === 0 || entries[0].kind === 'section') return entries;
  const title = Object.fromEntries(LANGS.map((lang) => [lang, tFor(lang)('plans.workbook.defaultSection') as string]));
  return [{ kind: 'section', row: entries[0].row, title }, ...entries];
}

function bilingual(kk: Texts, ru: Texts): Bilingual {
  return { kk: kk.kk ?? '', ru: ru.ru ?? '' };
}

/** Sections from entries; `other` (the second language's sheet, already paired) gives the Russian texts. */
function toSections(entries: Entry[], other: Entry[] = entries): PlanSectionSeed[] {
  const sections: PlanSectionSeed[] = [];
  entries.forEach((entry, i) => {
    const second = other[i];
    if (entry.kind === 'section') sections.push({ title: bilingual(entry.title, second.title), items: [] });
    else if (second.kind === 'item') {
      const item: PlanItemText = {
        title: bilingual(entry.title, second.title),
        deadline: bilingual(entry.deadline, second.deadline),
        executors: bilingual(entry.executors, second.executors),
      };
      sections[sections.length - 1].items.push(item);
    }
  });
  return sections;
}

function counts(entries: Entry[]): { sections: number; items: number } {
  const sections = entries.filter((entry) => entry.kind === 'section').length;
  return { sections, items: entries.length - sections };
}

/** The first place the two sheets' sequences of sections and items part ways, or null when they pair up. */
function divergence(kk: SheetRead, ru: SheetRead, kkEntries: Entry[], ruEntries: Entry[]): FileIssue | null {
  const length = Math.max(kkEntries.length, ruEntries.length);
  for (let i = 0; i < length; i++) {
    if (kkEntries[i]?.kind === ruEntries[i]?.kind) continue;
    const rowAt = (read: SheetRead, entries: Entry[]) => entries[i]?.row ?? Math.max(read.header.row, ...entries.map((e) => e.row)) + 1;
    const kkRow = rowAt(kk, kkEntries);
    const ruRow = rowAt(ru, ruEntries);
    const kkCount = counts(kkEntries);
    const ruCount = counts(ruEntries);
    const params = {
      kkSheet: kk.sheet.name,
      ruSheet: ru.sheet.name,
      kkSections: kkCount.sections,
      ruSections: ruCount.sections,
      kkItems: kkCount.items,
      ruItems: ruCount.items,
      kkRow,
      ruRow,
    };
    return issue('error', 'planImport.sheetsDiffer', params, { sheet: ru.sheet.name, cell: titleCell(ru.header, ruRow) });
  }
  return null;
}

function noHeader(workbook: ReadableWorkbook): FileIssue {
  const first = workbook.sheets[0];
  if (!first) return issue('error', 'planImport.noHeader');
  const lastColumn = columnLetter(Math.max(1, first.columnCount));
  const lastRow = Math.max(1, Math.min(first.rowCount, HEADER_SEARCH_ROWS));
  return issue('error', 'planImport.noHeader', {}, { sheet: first.name, cell: `A1:${lastColumn}${lastRow}` });
}

/** The sheets to read: the first one with both languages; else the first Kazakh and the first Russian; else the first. */
function chooseSheets(found: Array<{ sheet: ReadableSheet; header: Header }>): Array<{ sheet: ReadableSheet; header: Header }> {
  const both = found.find((f) => languagesOf(f.header).length === 2);
  if (both) return [both];
  const kk = found.find((f) => languagesOf(f.header)[0] === 'kk');
  const ru = found.find((f) => languagesOf(f.header)[0] === 'ru');
  return kk && ru ? [kk, ru] : [found[0]];
}

/** The plan's sections and items, or the problems that keep the file from replacing the plan. */
export function readPlanWorkbook(workbook: ReadableWorkbook): { sections: PlanSectionSeed[]; problems: FileIssue[] } {
  const found = workbook.sheets
    .filter((sheet) => sheet.state === 'visible')
    .map((sheet) => ({ sheet, header: findHeader(sheet) }))
    .filter((f): f is { sheet: ReadableSheet; header: Header } => f.header !== null);
  if (found.length === 0) return { sections: [], problems: [noHeader(workbook)] };
  const reads = chooseSheets(found).map(({ sheet, header }) => readSheet(sheet, header));
  const problems = reads.flatMap((read) => read.problems);
  if (problems.length > 0) return { sections: [], problems };
  if (reads.length === 1) return { sections: toSections(withLeadingSection(reads[0].entries)), problems: [] };
  const [kk, ru] = reads;
  const kkEntries = withLeadingSection(kk.entries);
  const ruEntries = withLeadingSection(ru.entries);
  const differ = divergence(kk, ru, kkEntries, ruEntries);
  if (differ) return { sections: [], problems: [differ] };
  return { sections: toSections(kkEntries, ruEntries), problems: [] };
}
