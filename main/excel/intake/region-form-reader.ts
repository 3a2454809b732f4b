// A form guessed from the region's own workbook (`jinaq forms from-xlsx`, the Forms screen): the table's header (its
// rows of captions above the first data row, merged captions spread over their columns), the row of графа numbers,
// the code, label, units and value columns, the data rows down to the signature line, «Итого» rows and columns made
// into rules, shaded or «X» cells closed. What was guessed, and why, is told in notes; a sheet that cannot be read as
// a form is refused with what was missing. Pure reading: the workbook comes from the streaming reader.
import { formProblems, MAX_GRID_COLUMNS, MAX_GRID_ROWS, MAX_INDICATORS, ROW_CODE } from '../../../shared/forms/check.ts';
import type { Bilingual, FormDefinition, FormRule, GridColumn, Indicator, IndicatorType, RegionPlace, RegionSource } from '../../../shared/forms/types.ts';
import type { Message, MessageParams } from '../../../shared/messages.ts';
import { columnLetter } from '../layout/cell-address.ts';
import { valueText } from './cell-text.ts';
import { isDateFormat } from './date-styles.ts';
import { masterOf, mergedRanges } from './merged-ranges.ts';
import type { ReadableSheet, ReadableWorkbook } from './readable-workbook.ts';

export type RegionFormReading =
  | { ok: true; form: FormDefinition; notes: Message[]; sheets: string[] }
  | { ok: false; problem: Message; sheets: string[] };

export interface RegionFormOptions {
  fileName: string;
  sheet?: string;
  id?: string;
}

/** The part of a sheet looked at: a region's form fits in it many times over. */
const MAX_ROWS = 1000;
const MAX_COLUMNS = 60;
/** The longest row name a form keeps (shared/forms/schema.ts). */
const MAX_LABEL = 500;

const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/;
const HEADER_WORDS = /наименован|показател|№|код|атау|көрсеткіш|п\/п|р\/с|строк|жол|графа|ед\.|изм|бірлік|организац|мектеп|школ|значени|мәні|саны|количеств|всего|итого|барлығы/i;
const CODE_CAPTION = /^(№|код|п\/п|р\/с|строк|жол)|№\s*(п\/п|строк)|код\s*строк|жол\s*(коды|нөмірі)|^№$/i;
const LABEL_CAPTION = /наименован|показател|атау|көрсеткіш|название|мазмұн/i;
const SCHOOL_CAPTION = /организац|школ|мектеп|ұйым|учрежден|мекеме/i;
const UNIT_CAPTION = /ед\.?\s*изм|единиц|өлш|бірлік/i;
const TOTAL_LABEL = /^(итого|всего|барлығы|жиыны|барлык|итог)(\s+по\s+\S+)?\s*:?$/i;
/** A line to sign: blanks to write on, «М.П.», or a line that starts with who signs («Руководитель», «Басшы», …). */
const SIGNATURE = /_{3,}|^м\.\s?п\.?$|^(руководител|директор|начальник|басшы|бастығы|исполнител|орындаған|подпись|қолы)/i;
const LETTER_LINE = /приложени|письм|исх\.|№\s*\S+\s+от|қосымша|хатқа|хаты|утвержд|бекіт/i;
const TYPE_WORDS: Array<{ type: IndicatorType; words: RegExp }> = [
  { type: 'money', words: /тенге|теңге|сумм|сома|(?<!\p{L})тг(?!\p{L})|₸/iu },
  { type: 'yesno', words: /да\s*\/\s*нет|иә\s*\/\s*жоқ|\(да,?\s*нет\)/i },
  { type: 'date', words: /(?<!\p{L})дата(?!\p{L})|күні/iu },
  { type: 'text', words: /примечан|ескерту|комментар/i },
];
const CLOSED_MARK = /^[XxХх×]$/;
const CODE_TEXT = /^(\d{1,4}(\.\d{1,3})*\.?|[A-ZА-Я]{1,2}\d{1,4}(\.\d{1,3})*)$/;

interface Text {
  column: number;
  right: number;
  text: string;
}

/** The sheet as text, a merged range's value in each of its cells, with each cell's merged range told apart. */
class SheetText {
  readonly sheet: ReadableSheet;
  readonly rows: number;
  readonly columns: number;

  constructor(sheet: ReadableSheet) {
    this.sheet = sheet;
    this.rows = Math.min(sheet.rowCount, MAX_ROWS);
    this.columns = Math.min(sheet.columnCount, MAX_COLUMNS);
  }

  text(row: number, column: number): string {
    return valueText(this.sheet.value(row, column)).replace(/\s+/g, ' ').trim();
  }

  /** The row's texts, a merged range once, left to right. */
  texts(row: number): Text[] {
    const found: Text[] = [];
    for (let column = 1; column <= this.columns; column++) {
      const text = this.text(row, column);
      if (!text) continue;
      const last = found.at(-1);
      const master = masterOf(this.sheet, row, column);
      if (last && last.right === column - 1 && master.column < column) last.right = column;
      else found.push({ column, right: column, text });
    }
    return found;
  }

  closed(row: number, column: number): boolean {
    return CLOSED_MARK.test(this.text(row, column)) || this.sheet.format?.(row, column).shaded === true;
  }

  numberFormat(row: number, column: number): string {
    return this.sheet.format?.(row, column).numberFormat ?? 'General';
  }
}

const isKazakh = (text: string) => KAZAKH_LETTERS.test(text);

/** Which language comes first in the sheet's «рус / каз» pairs, as far as the pairs that tell show it. */
type PairOrder = 'ru' | 'kk' | null;

function halvesOf(text: string): string[] {
  return text.split(/\s+\/\s+/);
}

/**
 * A text in the form's two languages: «рус / каз» split (the half with Kazakh letters is the Kazakh one; a pair
 * neither half tells, «Компьютерлер саны / Количество компьютеров», in the sheet's order), one language put in both.
 */
function bilingualOf(text: string, order: PairOrder = null): { value: Bilingual; languages: 'both' | 'ru' | 'kk' } {
  const halves = halvesOf(text);
  if (halves.length === 2) {
    const [a, b] = halves;
    if (isKazakh(b) && !isKazakh(a)) return { value: { ru: a, kk: b }, languages: 'both' };
    if (isKazakh(a) && !isKazakh(b)) return { value: { ru: b, kk: a }, languages: 'both' };
    if (order === 'ru') return { value: { ru: a, kk: b }, languages: 'both' };
    if (order === 'kk') return { value: { ru: b, kk: a }, languages: 'both' };
  }
  return { value: { ru: text, kk: text }, languages: isKazakh(text) ? 'kk' : 'ru' };
}

/** The order most of the texts' telling pairs have. */
function pairOrder(texts: string[]): PairOrder {
  let kkFirst = 0;
  let ruFirst = 0;
  for (const text of texts) {
    const halves = halvesOf(text);
    if (halves.length !== 2 || isKazakh(halves[0]) === isKazakh(halves[1])) continue;
    if (isKazakh(halves[0])) kkFirst++;
    else ruFirst++;
  }
  return kkFirst > ruFirst ? 'kk' : ruFirst > 0 ? 'ru' : null;
}

const HOMOGLYPHS: Record<string, string> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', З: 'Z' };

/** The file's code as a row code: «01» → R01, «2.1» → R02_1, «Z01» stays; null when it cannot be one. */
export function rowCodeOf(fileCode: string): string | null {
  const text = fileCode.trim().replace(/\.$/, '');
  if (/^\d{1,4}(\.\d{1,3})*$/.test(text)) {
    const [first, ...rest] = text.split('.');
    const code = `R${first.padStart(2, '0')}${rest.map((part) => `_${part}`).join('')}`;
    return ROW_CODE.test(code) ? code : null;
  }
  const latin = [...text.toUpperCase()].map((letter) => HOMOGLYPHS[letter] ?? letter).join('').replace(/\./g, '_');
  return ROW_CODE.test(latin) ? latin : null;
}

const TRANSLIT: Record<string, string> = {
  а: 'a', ә: 'a', б: 'b', в: 'v', г: 'g', ғ: 'g', д: 'd', е: 'e', ё: 'e', ж: 'zh', з: 'z', и: 'i', й: 'i', к: 'k', қ: 'k', л: 'l', м: 'm',
  н: 'n', ң: 'n', о: 'o', ө: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ұ: 'u', ү: 'u', ф: 'f', х: 'kh', һ: 'h', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'sh', ъ: '', ы: 'y', ь: '', і: 'i', э: 'e', ю: 'yu', я: 'ya',
};

/** A form id from the file's name: «Летний отдых 2027.xlsx» → «letnii-otdykh-2027». */
export function formIdOf(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').toLowerCase();
  const latin = [...base].map((letter) => TRANSLIT[letter] ?? letter).join('');
  const id = latin.replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z]+/, '').replace(/-+$/, '').slice(0, 40).replace(/-+$/, '');
  return id || 'region-form';
}

interface Header {
  top: number;
  bottom: number;
  /** The графа numbers' row, when the file has one. */
  numbers: number | null;
  firstDataRow: number;
  left: number;
  right: number;
}

function isNumbersRow(texts: Text[]): boolean {
  const numbers = texts.filter((t) => /^\d{1,2}$/.test(t.text)).map((t) => Number(t.text));
  if (numbers.length < 2 || texts.some((t) => !/^\d{1,2}$/.test(t.text) && !/^[А-ЯA-Z]$/.test(t.text))) return false;
  return numbers.every((n, i) => i === 0 || n === numbers[i - 1] + 1);
}

/** The rows a merged range starting in `from..to` reaches down to. */
function mergedBottom(sheet: ReadableSheet, from: number, to: number): number {
  let bottom = to;
  for (const range of mergedRanges(sheet)) if (range.top >= from && range.top <= bottom && range.bottom > bottom && range.bottom - range.top < 6) bottom = range.bottom;
  return bottom;
}

/** The first row that reads as a table's header: three captions or more, or two with a header's word; no letter line. */
function isHeaderStart(texts: Text[]): boolean {
  if (isNumbersRow(texts) || texts.some((t) => LETTER_LINE.test(t.text))) return false;
  return texts.length >= 3 || (texts.length === 2 && texts.some((t) => HEADER_WORDS.test(t.text)));
}

/**
 * Whether the row under the header so far is one more row of captions: a caption under a caption merged across
 * графы above it; or captions only (no code, no number but a year), none of them a row's name in a names column.
 */
function isMoreHeader(view: SheetText, row: number, top: number, bottom: number): boolean {
  const texts = view.texts(row).filter((t) => masterOf(view.sheet, row, t.column).row === row);
  if (texts.length === 0) return false;
  const underMerged = mergedRanges(view.sheet).some(
    (range) => range.top >= top && range.bottom <= bottom && range.right > range.left && texts.some((t) => t.column >= range.left && t.column <= range.right),
  );
  if (underMerged) return true;
  const inNamesColumn = texts.some((t) => LABEL_CAPTION.test(view.text(top, t.column)));
  const captionsOnly = texts.every((t) => /^(19|20)\d\d$/.test(t.text) || !(CODE_TEXT.test(t.text) || /^-?\d+([.,]\d+)?$/.test(t.text)));
  return texts.length >= 2 && captionsOnly && !inNamesColumn;
}

function findHeader(view: SheetText): Header | null {
  let top: number | null = null;
  for (let row = 1; row <= view.rows && top === null; row++) if (isHeaderStart(view.texts(row))) top = row;
  if (top === null) return null;
  let numbers: number | null = null;
  let bottom = mergedBottom(view.sheet, top, top);
  while (bottom < view.rows && bottom - top < 5) {
    const next = bottom + 1;
    if (isNumbersRow(view.texts(next))) {
      numbers = next;
      break;
    }
    if (!isMoreHeader(view, next, top, bottom)) break;
    bottom = mergedBottom(view.sheet, next, next);
  }
  let left = MAX_COLUMNS;
  let right = 0;
  for (let row = top; row <= bottom; row++) {
    for (const text of view.texts(row)) {
      left = Math.min(left, text.column);
      right = Math.max(right, text.right);
    }
  }
  return { top, bottom, numbers, firstDataRow: (numbers ?? bottom) + 1, left, right };
}

/** A column's caption: its header rows' texts, top to bottom, each once. */
function captionLevels(view: SheetText, header: Header, column: number): string[] {
  const levels: string[] = [];
  for (let row = header.top; row <= header.bottom; row++) {
    const text = view.text(row, column);
    if (text && levels.at(-1) !== text) levels.push(text);
  }
  return levels;
}

/** What a column holds; 'number' is a running «№ п/п» beside the row codes, left out. */
type Role = 'code' | 'number' | 'label' | 'unit' | 'school' | 'value';

interface Column {
  index: number;
  levels: string[];
  caption: string;
  role: Role;
  /** The графа number above it in the file. */
  number?: string;
}

interface DataRow {
  index: number;
  fileCode: string;
  label: string;
  labelKk: string;
  unit: string;
  total: boolean;
}

interface Reading {
  view: SheetText;
  /** The order of the sheet's «рус / каз» pairs. */
  order: PairOrder;
  header: Header;
  columns: Column[];
  rows: DataRow[];
  notes: Message[];
  lastRow: number;
}

const note = (key: Message['key'], params?: MessageParams): Message => ({ key, params });

function columnsOf(view: SheetText, header: Header): Column[] {
  const columns: Column[] = [];
  for (let index = header.left; index <= header.right; index++) {
    const levels = captionLevels(view, header, index);
    const number = header.numbers ? view.text(header.numbers, index) : '';
    columns.push({ index, levels, caption: levels.join(' / '), role: 'value', ...(/^\d{1,2}$/.test(number) ? { number } : {}) });
  }
  return columns;
}

/** Which column is what: by caption first, then by what the data rows hold. */
function assignRoles(view: SheetText, header: Header, columns: Column[]): void {
  const firstColumns = columns.slice(0, 3);
  const schoolColumn = firstColumns.find((c) => SCHOOL_CAPTION.test(c.caption));
  if (schoolColumn) schoolColumn.role = 'school';
  // «№ п/п | Наименование | Код строки»: the row code is the code, the running number beside it is left out.
  const coded = columns.slice(0, 4).filter((c) => c.role === 'value' && CODE_CAPTION.test(c.caption) && !LABEL_CAPTION.test(c.caption));
  const code = coded.find((c) => /код|строк|жол/i.test(c.caption)) ?? coded[0] ?? columnOfCodes(view, header, firstColumns);
  for (const column of coded) column.role = 'number';
  if (code) code.role = 'code';
  for (const column of columns) if (column.role === 'value' && UNIT_CAPTION.test(column.caption)) column.role = 'unit';
  if (schoolColumn) return;
  const labels = columns.filter((c) => c.role === 'value' && LABEL_CAPTION.test(c.caption) && !TYPE_WORDS.some(({ words }) => words.test(c.caption)));
  const first = labels[0] ?? mostTextColumn(view, header, columns);
  if (!first) return;
  first.role = 'label';
  // A second names column is the first's other language, beside it («Наименование» | «Атауы»), never «Значение показателя».
  const second = labels[1];
  if (second && second.index === first.index + 1 && isKazakhColumn(view, header, second.index) !== isKazakhColumn(view, header, first.index)) second.role = 'label';
}

/** The column of the first three whose data cells hold codes («01», «1.1», «2.»), in at least half of the rows. */
function columnOfCodes(view: SheetText, header: Header, columns: Column[]): Column | undefined {
  return columns.find((column) => {
    const texts = dataTexts(view, header, column.index);
    return texts.length >= 2 && texts.filter((text) => CODE_TEXT.test(text)).length * 2 >= texts.length;
  });
}

function mostTextColumn(view: SheetText, header: Header, columns: Column[]): Column | undefined {
  const scored = columns
    .filter((c) => c.role === 'value')
    .map((column) => ({ column, count: dataTexts(view, header, column.index).filter((text) => /\p{L}{3}/u.test(text)).length }))
    .filter(({ count }) => count > 0);
  scored.sort((a, b) => b.count - a.count);
  return scored[0]?.column;
}

function dataTexts(view: SheetText, header: Header, column: number): string[] {
  const texts: string[] = [];
  for (let row = header.firstDataRow; row <= Math.min(view.rows, header.firstDataRow + 200); row++) {
    const text = view.text(row, column);
    if (text) texts.push(text);
  }
  return texts;
}

/** A signature line: no row code in it, and a text to sign by. */
function isSignatureRow(view: SheetText, row: number, code: Column | undefined): boolean {
  if (code && CODE_TEXT.test(view.text(row, code.index))) return false;
  return view.texts(row).some((t) => SIGNATURE.test(t.text));
}

/** The data rows: from under the header down to the signature line or a gap of blank rows. */
function dataRows(view: SheetText, header: Header, columns: Column[]): { rows: DataRow[]; lastRow: number } {
  const code = columns.find((c) => c.role === 'code');
  const labels = columns.filter((c) => c.role === 'label');
  const school = columns.find((c) => c.role === 'school');
  const unit = columns.find((c) => c.role === 'unit');
  const kkLabel = labels.length === 2 ? labels.find((c) => isKazakhColumn(view, header, c.index)) : undefined;
  const ruLabel = labels.find((c) => c !== kkLabel) ?? labels[0];
  const rows: DataRow[] = [];
  let blank = 0;
  let lastRow = header.firstDataRow - 1;
  for (let row = header.firstDataRow; row <= view.rows; row++) {
    if (isSignatureRow(view, row, code)) break;
    const inTable = view.texts(row).filter((t) => t.right >= header.left && t.column <= header.right);
    if (inTable.length === 0 && !school) {
      if (++blank >= 2) break;
      continue;
    }
    blank = 0;
    const fileCode = code ? view.text(row, code.index) : '';
    const name = school ? view.text(row, school.index) : '';
    if (school && !fileCode && !name) {
      if (++blank >= 2) break;
      continue;
    }
    const label = ruLabel ? view.text(row, ruLabel.index) : name;
    const labelKk = kkLabel ? view.text(row, kkLabel.index) : '';
    if (!label && !labelKk && !fileCode) continue;
    const total = [label, labelKk, fileCode, ...label.split(/\s+\/\s+/)].some((text) => TOTAL_LABEL.test(text));
    rows.push({ index: row, fileCode: total && TOTAL_LABEL.test(fileCode) ? '' : fileCode, label, labelKk, unit: unit ? view.text(row, unit.index) : '', total });
    lastRow = row;
  }
  return { rows, lastRow };
}

function isKazakhColumn(view: SheetText, header: Header, column: number): boolean {
  const texts = [view.text(header.top, column), ...dataTexts(view, header, column)];
  return texts.filter(isKazakh).length * 3 >= texts.length;
}

/** The type a header word, a label word or the cells' number format says, and the word that said it. */
function guessedType(texts: string[], numberFormat: string): { type: IndicatorType; word: string } | null {
  for (const { type, words } of TYPE_WORDS) {
    for (const text of texts) {
      const match = words.exec(text);
      if (match) return { type, word: match[0] };
    }
  }
  if (numberFormat !== 'General' && isDateFormat(numberFormat)) return { type: 'date', word: numberFormat };
  if (/[₸]|\[\$|"тг|"тенге|0\.00/.test(numberFormat)) return { type: 'money', word: numberFormat };
  return null;
}

/** The form's row codes: the file's codes made valid, made-up R01, R02, … in order where there are none. */
function rowCodes(rows: DataRow[]): string[] {
  const fromFile = rows.map((row) => (row.fileCode ? rowCodeOf(row.fileCode) : null));
  const taken = new Set<string>();
  const usable = fromFile.map((code) => {
    if (code === null || taken.has(code)) return null;
    taken.add(code);
    return code;
  });
  return usable.map((code, i) => {
    if (code !== null) return code;
    let n = i + 1;
    while (taken.has(`R${String(n).padStart(2, '0')}`)) n++;
    const made = `R${String(n).padStart(2, '0')}`;
    taken.add(made);
    return made;
  });
}

/**
 * A sum the table states: a total equal to its parts («Итого», «Всего»), or a row or графа that includes its parts
 * («в том числе» rows 2.1, 2.2 under 2; графы «в том числе» right of «Всего»), which is at least their sum.
 */
interface Sum {
  total: string;
  parts: string[];
  includes: boolean;
}

const levelOf = (code: string) => code.split('_').length;

/**
 * The rows' sums: each total row is the rows above it since the table's start or the last total, at the top level of
 * numbering; a numbered row includes the rows numbered under it (2 ⊇ 2.1, 2.2).
 */
function rowSums(rows: DataRow[], codes: string[]): Sum[] {
  const sums: Sum[] = [];
  let start = 0;
  rows.forEach((row, i) => {
    if (!row.total) return;
    const above = codes.slice(start, i).filter((_, j) => !rows[start + j].total);
    const top = Math.min(...above.map(levelOf));
    const parts = above.filter((code) => levelOf(code) === top);
    if (parts.length > 0) sums.push({ total: codes[i], parts, includes: false });
    start = i + 1;
  });
  for (const [i, code] of codes.entries()) {
    if (!rows[i].fileCode) continue;
    const parts = codes.filter((other, j) => rows[j].fileCode && levelOf(other) === levelOf(code) + 1 && other.startsWith(`${code}_`));
    if (parts.length > 0) sums.push({ total: code, parts, includes: true });
  }
  return sums;
}

const TOTAL_CAPTION = /^(итого|всего|барлығы|жиыны)\s*:?$/i;
const PARTS_CAPTION = /в\s+том\s+числе|в\s*т\.\s*ч\.|оның\s+ішінде|из\s+них/i;

/**
 * The графы's sums: a «Всего» графа is the графы left of it under the same caption; one with none there includes
 * the графы right of it under a caption «в том числе» / «оның ішінде».
 */
function columnSums(columns: Column[], codes: string[]): Sum[] {
  const sums: Sum[] = [];
  const parentOf = (column: Column) => column.levels.slice(0, -1).join(' / ');
  const isTotal = (column: Column) => halvesOf(column.levels.at(-1) ?? '').some((half) => TOTAL_CAPTION.test(half));
  columns.forEach((column, i) => {
    if (!isTotal(column)) return;
    const parts: string[] = [];
    for (let j = i - 1; j >= 0 && parentOf(columns[j]) === parentOf(column) && !isTotal(columns[j]); j--) parts.unshift(codes[j]);
    if (parts.length > 0) {
      sums.push({ total: codes[i], parts, includes: false });
      return;
    }
    const breakdown = columns[i + 1] ? parentOf(columns[i + 1]) : '';
    if (!breakdown.startsWith(parentOf(column)) || !PARTS_CAPTION.test(breakdown.slice(parentOf(column).length))) return;
    for (let j = i + 1; j < columns.length && parentOf(columns[j]) === breakdown; j++) parts.push(codes[j]);
    sums.push({ total: codes[i], parts, includes: true });
  });
  return sums;
}

/** A sum as a rule: equal to its parts, or (including them) at least their sum, checked when every value is there. */
function sumRule(id: string, sum: Sum, reference: (code: string) => string): FormRule {
  const text = `${reference(sum.total)} ${sum.includes ? '>=' : '='} ${sum.parts.map(reference).join(' + ')}`;
  return { id, text, severity: 'error', ...(sum.includes ? { missing: 'skipIfAnyBlank' as const } : {}) };
}

/** The rules of the rows' sums, with a note on each. */
function rowRules(reading: Reading, codes: string[], reference: (code: string) => string, first: number): FormRule[] {
  return rowSums(reading.rows, codes).map((sum, i) => {
    const rule = sumRule(`T${first + i}`, sum, reference);
    reading.notes.push(note(sum.includes ? 'regionForm.partsRow' : 'regionForm.totalRow', { row: reading.rows[codes.indexOf(sum.total)].index, rule: rule.text }));
    return rule;
  });
}

function place(index: number, text: string, code?: string): RegionPlace {
  return { index, text: text.slice(0, 1000), ...(code ? { code: code.slice(0, 20) } : {}) };
}

function titleOf(view: SheetText, header: Header, order: PairOrder): { title: Bilingual; lines: number[] } {
  const ru: string[] = [];
  const kk: string[] = [];
  const lines: number[] = [];
  for (let row = 1; row < header.top; row++) {
    const texts = view.texts(row);
    if (texts.length === 0) continue;
    lines.push(row);
    if (texts.length !== 1 || LETTER_LINE.test(texts[0].text)) continue;
    const { value, languages } = bilingualOf(texts[0].text, order);
    if (languages !== 'kk') ru.push(value.ru);
    if (languages !== 'ru') kk.push(value.kk);
  }
  const name = view.sheet.name;
  const joined = (texts: string[]) => texts.join(' ').slice(0, 300);
  return { title: { ru: joined(ru.length ? ru : kk.length ? kk : [name]), kk: joined(kk.length ? kk : ru.length ? ru : [name]) }, lines };
}

/** A row's name in both languages, as long as a form's row name may be. */
function labelOf(row: DataRow, order: PairOrder): { value: Bilingual; languages: 'both' | 'ru' | 'kk' } {
  const label = row.label && row.labelKk ? { value: { ru: row.label, kk: row.labelKk }, languages: 'both' as const } : bilingualOf(row.label || row.labelKk || row.fileCode, order);
  return { ...label, value: { ru: label.value.ru.slice(0, MAX_LABEL), kk: label.value.kk.slice(0, MAX_LABEL) } };
}

function refusal(key: Message['key'], params: MessageParams, sheets: string[]): RegionFormReading {
  return { ok: false, problem: { key, params }, sheets };
}

/** Reads one sheet's table: the header, the columns' roles, the data rows; or what was missing. */
function readTable(sheet: ReadableSheet, file: string): Reading | Message {
  const view = new SheetText(sheet);
  const where = { file, sheet: sheet.name };
  const header = findHeader(view);
  if (!header) return note('regionForm.noHeader', where);
  const columns = columnsOf(view, header);
  assignRoles(view, header, columns);
  const headerRows = header.top === header.bottom ? String(header.top) : `${header.top}–${header.bottom}`;
  if (!columns.some((c) => c.role === 'label' || c.role === 'school')) return note('regionForm.noLabelColumn', { ...where, rows: headerRows });
  if (!columns.some((c) => c.role === 'value')) return note('regionForm.noValueColumns', { ...where, rows: headerRows });
  const { rows, lastRow } = dataRows(view, header, columns);
  const school = columns.some((c) => c.role === 'school');
  if (rows.length === 0 && !school) return note('regionForm.noDataRows', { ...where, row: header.firstDataRow });
  const notes = [note('regionForm.header', { sheet: sheet.name, rows: headerRows, columns: `${columnLetter(header.left)}–${columnLetter(header.right)}` })];
  if (header.numbers) notes.push(note('regionForm.numbersRow', { row: header.numbers }));
  const texts = [...columns.flatMap((c) => c.levels), ...rows.flatMap((row) => [row.label, row.unit])];
  for (let row = 1; row < header.top; row++) texts.push(...view.texts(row).map((t) => t.text));
  return { view, order: pairOrder(texts), header, columns, rows, notes, lastRow };
}

function roleNotes(reading: Reading): Message[] {
  const notes: Message[] = [];
  const { columns, rows } = reading;
  const code = columns.find((c) => c.role === 'code');
  if (code && rows.some((row) => row.fileCode)) notes.push(note('regionForm.codeColumn', { column: columnLetter(code.index), caption: code.caption || '—' }));
  else notes.push(note('regionForm.codesMadeUp'));
  const labels = columns.filter((c) => c.role === 'label');
  if (labels.length > 0) notes.push(note('regionForm.labelColumns', { columns: labels.map((c) => columnLetter(c.index)).join(', ') }));
  const unit = columns.find((c) => c.role === 'unit');
  if (unit) notes.push(note('regionForm.unitColumn', { column: columnLetter(unit.index), caption: unit.caption }));
  return notes;
}

function languageNote(languages: Array<'both' | 'ru' | 'kk'>): Message | null {
  if (languages.length === 0 || languages.includes('both')) return null;
  return note(languages.every((l) => l === 'kk') ? 'regionForm.onlyKazakh' : 'regionForm.onlyRussian');
}

function typeNote(what: string, guess: { type: IndicatorType; word: string }): Message {
  return note(`regionForm.type.${guess.type as 'money' | 'yesno' | 'date' | 'text'}`, { what, word: guess.word });
}

function ignoredNote(reading: Reading, titleLines: number[]): Message | null {
  const below: number[] = [];
  for (let row = reading.lastRow + 1; row <= reading.view.rows; row++) if (reading.view.texts(row).length > 0) below.push(row);
  const rows = [...titleLines, ...below];
  return rows.length > 0 ? note('regionForm.ignoredRows', { rows: rows.join(', ') }) : null;
}

/** A table of one value per row: the form's one-value rows, «Итого» rows as rules over them. */
function oneValueForm(reading: Reading, base: FormBase): FormDefinition {
  const { rows, columns, view, notes } = reading;
  const value = columns.find((c) => c.role === 'value')!;
  const codes = rowCodes(rows);
  const languages: Array<'both' | 'ru' | 'kk'> = [];
  const indicators: Indicator[] = rows.map((row, i) => {
    const label = labelOf(row, reading.order);
    languages.push(label.languages);
    const guess = guessedType([label.value.ru, label.value.kk, row.unit], view.numberFormat(row.index, value.index));
    if (guess && !row.total) notes.push(typeNote(label.value.ru, guess));
    const unit = row.unit ? bilingualOf(row.unit, reading.order).value : undefined;
    return { code: codes[i], label: label.value, type: guess?.type ?? 'count', required: false, ...(unit ? { unit: { ru: unit.ru.slice(0, 40), kk: unit.kk.slice(0, 40) } } : {}) };
  });
  const rules = rowRules(reading, codes, (code) => code, 1);
  const language = languageNote(languages);
  if (language) notes.push(language);
  notes.push(note('regionForm.oneValue', { column: columnLetter(value.index), caption: value.caption, count: rows.length }));
  const source = sourceOf(base, rows, codes, { 'main:value': place(value.index, value.caption, value.number) });
  return { ...formShell(base), indicators, rules, regionSource: source };
}

/** A table of several value columns: one grid, «Итого» rows and «Всего» columns as rules, shaded or «X» cells closed. */
function gridForm(reading: Reading, base: FormBase): FormDefinition {
  const { rows, columns, view, notes } = reading;
  const values = columns.filter((c) => c.role === 'value');
  const codes = rowCodes(rows);
  const numbered = values.every((c) => c.number) && new Set(values.map((c) => c.number)).size === values.length;
  const columnCodes = values.map((c, i) => (numbered ? c.number! : String(i + 1)));
  const languages: Array<'both' | 'ru' | 'kk'> = [];
  const gridColumns: GridColumn[] = values.map((column, i) => {
    const caption = column.levels.map((level) => bilingualOf(level, reading.order).value);
    const label = { ru: caption.map((c) => c.ru).join(' / ') || column.caption, kk: caption.map((c) => c.kk).join(' / ') || column.caption };
    const guess = guessedType(column.levels, rows[0] ? view.numberFormat(rows[0].index, column.index) : 'General');
    if (guess) notes.push(typeNote(label.ru, guess));
    return { code: columnCodes[i], label: { ru: label.ru.slice(0, 200) || columnCodes[i], kk: label.kk.slice(0, 200) || columnCodes[i] }, type: guess?.type ?? 'count' };
  });
  const gridRows = rows.map((row, i) => {
    const label = labelOf(row, reading.order);
    languages.push(label.languages);
    return { code: codes[i], label: label.value, required: false };
  });
  const closed: string[] = [];
  rows.forEach((row, i) => values.forEach((column, j) => {
    if (view.closed(row.index, column.index)) closed.push(`${codes[i]}.${columnCodes[j]}`);
  }));
  if (closed.length > 0) notes.push(note('regionForm.closedCells', { count: closed.length, cells: closed.join(', ') }));
  const rules = rowRules(reading, codes, (code) => `${code}.*`, 1);
  for (const sum of columnSums(values, columnCodes)) {
    const rule = sumRule(`T${rules.length + 1}`, sum, (code) => `*.${code}`);
    notes.push(note(sum.includes ? 'regionForm.partsColumn' : 'regionForm.totalColumn', { column: columnLetter(values[columnCodes.indexOf(sum.total)].index), rule: rule.text }));
    rules.push(rule);
  }
  const language = languageNote(languages);
  if (language) notes.push(language);
  notes.push(note('regionForm.grid', { rows: rows.length, columns: values.length, first: columnLetter(values[0].index), last: columnLetter(values.at(-1)!.index) }));
  const columnPlaces = Object.fromEntries(values.map((column, i) => [`t1:${columnCodes[i]}`, place(column.index, column.caption, column.number)]));
  const shell = formShell(base);
  return {
    ...shell,
    indicators: [],
    rules,
    tables: [{ kind: 'grid', id: 't1', title: shell.title, rows: gridRows, columns: gridColumns, ...(closed.length ? { closed } : {}) }],
    regionSource: sourceOf(base, rows, codes, columnPlaces),
  };
}

/** A table of one row per organisation: each value column is a row of the form every school fills once. */
function schoolsForm(reading: Reading, base: FormBase): FormDefinition {
  const { columns, view, header, notes } = reading;
  const values = columns.filter((c) => c.role === 'value');
  const numbered = values.every((c) => c.number);
  const codes = rowCodes(values.map((c, i) => ({ index: c.index, fileCode: numbered ? c.number! : String(i + 1), label: c.caption, labelKk: '', unit: '', total: false })));
  const languages: Array<'both' | 'ru' | 'kk'> = [];
  const indicators: Indicator[] = values.map((column, i) => {
    const label = bilingualOf(column.caption, reading.order);
    languages.push(label.languages);
    const guess = guessedType(column.levels, view.numberFormat(header.firstDataRow, column.index));
    if (guess) notes.push(typeNote(label.value.ru, guess));
    return { code: codes[i], label: label.value, type: guess?.type ?? 'count', required: false };
  });
  const number = columns.find((c) => c.role === 'code');
  const name = columns.find((c) => c.role === 'school')!;
  notes.push(note('regionForm.schoolRows', { row: header.firstDataRow, column: columnLetter(name.index), count: values.length }));
  const language = languageNote(languages);
  if (language) notes.push(language);
  const columnPlaces = Object.fromEntries(values.map((column, i) => [`main:${codes[i]}`, place(column.index, column.caption, numbered ? column.number : undefined)]));
  const source: RegionSource = {
    ...sourceOf(base, [], [], columnPlaces),
    schoolRows: { firstRow: header.firstDataRow, nameColumn: name.index, ...(number ? { numberColumn: number.index } : {}) },
  };
  return { ...formShell(base), indicators, rules: [], regionSource: source };
}

interface FormBase {
  id: string;
  title: Bilingual;
  fileName: string;
  sheet: string;
}

function formShell(base: FormBase): Pick<FormDefinition, 'id' | 'version' | 'title'> {
  return { id: base.id, version: 1, title: base.title };
}

function sourceOf(base: FormBase, rows: DataRow[], codes: string[], columns: Record<string, RegionPlace>): RegionSource {
  const places = Object.fromEntries(rows.map((row, i) => [codes[i], place(row.index, row.label || row.labelKk || row.fileCode, row.fileCode || undefined)]));
  return { fileName: base.fileName.replace(/^.*[\\/]/, '').slice(0, 260), sheet: base.sheet, rows: places, columns };
}

function tooLarge(reading: Reading): boolean {
  const values = reading.columns.filter((c) => c.role === 'value').length;
  if (values > 1) return reading.rows.length > MAX_GRID_ROWS || values > MAX_GRID_COLUMNS;
  return reading.rows.length > MAX_INDICATORS;
}

/** The form one sheet proposes, or why it cannot be read as one. */
function formOfSheet(sheet: ReadableSheet, options: RegionFormOptions): { form: FormDefinition; notes: Message[] } | Message {
  const reading = readTable(sheet, options.fileName);
  if (!('view' in reading)) return reading;
  if (tooLarge(reading)) return note('regionForm.tooLarge', { file: options.fileName, sheet: sheet.name, rows: MAX_GRID_ROWS, columns: MAX_GRID_COLUMNS });
  const { title, lines } = titleOf(reading.view, reading.header, reading.order);
  const base: FormBase = { id: options.id ?? formIdOf(options.fileName), title, fileName: options.fileName, sheet: sheet.name };
  const notes = reading.notes;
  notes.push(note('regionForm.title', { title: title.ru, titleKk: title.kk }), ...roleNotes(reading));
  const school = reading.columns.some((c) => c.role === 'school');
  const values = reading.columns.filter((c) => c.role === 'value').length;
  const form = school ? schoolsForm(reading, base) : values === 1 ? oneValueForm(reading, base) : gridForm(reading, base);
  notes.push(note('regionForm.notRequired'));
  const ignored = ignoredNote(reading, lines);
  if (ignored) notes.push(ignored);
  const problems = formProblems(form);
  if (problems.length > 0) {
    const first = problems[0];
    return note('regionForm.notUsable', { ...first.message.params, file: options.fileName, sheet: sheet.name, problem: first.message.key });
  }
  return { form, notes };
}

/**
 * The form the region's workbook proposes: from the sheet named, else the first visible sheet that reads as a form.
 * `sheets` lists the workbook's visible sheets, for the user to pick another.
 */
export function readRegionForm(workbook: ReadableWorkbook, options: RegionFormOptions): RegionFormReading {
  const sheets = workbook.sheets.filter((sheet) => sheet.state === 'visible').map((sheet) => sheet.name);
  if (options.sheet !== undefined) {
    const sheet = workbook.sheet(options.sheet);
    if (!sheet) return refusal('regionForm.noSheet', { file: options.fileName, sheet: options.sheet, sheets: sheets.join(', ') }, sheets);
    const read = formOfSheet(sheet, options);
    return 'form' in read ? { ok: true, ...read, notes: [note('regionForm.sheet', { sheet: sheet.name }), ...read.notes], sheets } : { ok: false, problem: read, sheets };
  }
  let first: Message | null = null;
  for (const sheet of workbook.sheets.filter((s) => s.state === 'visible')) {
    const read = formOfSheet(sheet, options);
    if ('form' in read) return { ok: true, ...read, notes: [note('regionForm.sheet', { sheet: sheet.name }), ...read.notes], sheets };
    first ??= read;
  }
  return { ok: false, problem: first ?? note('regionForm.noHeader', { file: options.fileName, sheet: '' }), sheets };
}
