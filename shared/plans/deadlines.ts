// Deadlines as plan documents write them («1–12 июня», «30 мамырға дейін», «постоянно»): parsed into
// dates, and written back in the user's language.
import type { TFunction } from 'i18next';
import type { Deadline } from './types.ts';

/** Kazakh letters as typed on a Russian keyboard: «қаңтар» and «кантар» read the same. */
const KAZAKH_FOLD: Readonly<Record<string, string>> = {
  ә: 'а',
  ғ: 'г',
  қ: 'к',
  ң: 'н',
  ө: 'о',
  ұ: 'у',
  ү: 'у',
  һ: 'х',
  і: 'и',
  ё: 'е',
};

/** Latin letters that look Cyrillic and slip into Cyrillic words (a Latin «i» for «і» above all). */
const LATIN_LOOKALIKES: Readonly<Record<string, string>> = {
  a: 'а',
  c: 'с',
  e: 'е',
  i: 'и',
  k: 'к',
  m: 'м',
  o: 'о',
  p: 'р',
  x: 'х',
  y: 'у',
};

/**
 * Lower case with Kazakh letters folded to their Russian-keyboard look-alikes, one character for one,
 * so positions in the result are positions in the text (executors are cut out of the text by them).
 */
export function foldKazakh(text: string): string {
  return Array.from(text, (ch) => {
    const lower = ch.toLowerCase();
    const single = lower.length === ch.length ? lower : ch;
    return KAZAKH_FOLD[single] ?? single;
  }).join('');
}

// ---------------------------------------------------------------------------------------------------------------
// Recognising months. These tables only read text; what is shown comes from the locale files.

const RU_SOFT_STEMS: Record<string, number> = {
  январ: 1,
  феврал: 2,
  апрел: 4,
  июн: 6,
  июл: 7,
  сентябр: 9,
  октябр: 10,
  ноябр: 11,
  декабр: 12,
};
const RU_HARD_STEMS: Record<string, number> = { март: 3, август: 8 };
const RU_ABBREVIATIONS: Record<string, number> = {
  янв: 1,
  фев: 2,
  февр: 2,
  мар: 3,
  апр: 4,
  авг: 8,
  сен: 9,
  сент: 9,
  окт: 10,
  ноя: 11,
  нояб: 11,
  дек: 12,
};

/** Kazakh month names, folded (қаңтар → кантар). */
const KK_MONTHS: Record<string, number> = {
  кантар: 1,
  акпан: 2,
  наурыз: 3,
  сауир: 4,
  мамыр: 5,
  маусым: 6,
  шилде: 7,
  тамыз: 8,
  кыркуйек: 9,
  казан: 10,
  караша: 11,
  желтоксан: 12,
};

/** Case endings a Kazakh month name takes in deadlines, folded: dative, locative, possessive, genitive. */
const KK_ENDINGS = [
  '', 'га', 'ге', 'ка', 'ке', 'на', 'не', 'а', 'е', 'да', 'де', 'та', 'те', 'нда', 'нде',
  'ы', 'и', 'сы', 'си', 'ында', 'инде', 'ынын', 'инин', 'нын', 'нин', 'дын', 'дин', 'тын', 'тин',
];
/** The ablative («1 маусымнан 12 маусымға дейін»): the month closes the first end of a range. */
const KK_ABLATIVE = ['нан', 'нен', 'дан', 'ден', 'тан', 'тен', 'ынан', 'инен'];

const EN_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

interface MonthWord {
  month: number;
  ablative: boolean;
}

function monthWords(): Map<string, MonthWord> {
  const words = new Map<string, MonthWord>();
  const add = (word: string, month: number, ablative = false) => words.set(word, { month, ablative });
  for (const [stem, month] of Object.entries(RU_SOFT_STEMS)) for (const end of ['ь', 'я', 'е', 'ю']) add(stem + end, month);
  for (const [stem, month] of Object.entries(RU_HARD_STEMS)) for (const end of ['', 'а', 'е', 'у']) add(stem + end, month);
  for (const end of ['й', 'я', 'е', 'ю']) add('ма' + end, 5);
  for (const [abbreviation, month] of Object.entries(RU_ABBREVIATIONS)) add(abbreviation, month);
  for (const [name, month] of Object.entries(KK_MONTHS)) {
    for (const end of KK_ENDINGS) add(name + end, month);
    for (const end of KK_ABLATIVE) add(name + end, month, true);
  }
  EN_MONTHS.forEach((name, i) => {
    add(name, i + 1);
    add(name.slice(0, 3), i + 1);
  });
  add('sept', 9);
  return words;
}

const MONTH_WORDS = monthWords();

// ---------------------------------------------------------------------------------------------------------------
// Words around the dates.

const ONGOING = new Set([
  'постоянно',
  'на постоянной основе',
  'в течение года',
  'в течение всего года',
  'в течении года',
  'туракты',
  'туракты турде',
  'унеми',
  'жыл бойы',
  'жыл бойына',
  'ongoing',
  'all year',
  'throughout the year',
]);
const AGREED = new Set(['по согласованию', 'келисим бойынша', 'by agreement', 'as agreed']);

/** Words that say «the year» after a year's number: «2025 года», «2025 г.», «2025 жылғы». */
const YEAR_WORDS = new Set(['г', 'гг', 'год', 'года', 'году', 'ж', 'жыл', 'жылгы', 'жылы', 'жылдын', 'year']);
/** «текущего года», «ағымдағы жылғы»: the campaign's year. */
const THIS_YEAR_WORDS = new Set(['текущего', 'этого', 'агымдагы', 'осы']);
/** Opening a range: «с 1 по 12 июня», «from 1 to 12 June». */
const RANGE_OPENERS = new Set(['с', 'со', 'от', 'from']);
/** Between the ends of a range, besides a dash. */
const RANGE_JOINERS = new Set(['по', 'до', 'to', 'till', 'until']);
/** Before a date: «до 30 мая», «by 30 May». */
const UNTIL_BEFORE = new Set(['до', 'by', 'until', 'till', 'before']);
/** After a date: «30 мамырға дейін», «30 мамырдан кешіктірмей». */
const UNTIL_AFTER = new Set(['дейин', 'кешиктирмей']);
/** «до конца мая», «мамыр айының соңына дейін»: the last day of the month. */
const MONTH_END_WORDS = new Set(['конца', 'сонына', 'end']);
/** Words that change nothing: «в течение июня», «маусым айы», «1-12 маусым аралығында», «в срок до». */
const FILLERS = new Set([
  'в', 'во', 'течение', 'течении', 'срок', 'включительно', 'of', 'in', 'the',
  'ай', 'айы', 'айында', 'айынын', 'бойы', 'бойына', 'аралыгында', 'аралыгы', 'коса', 'алганда',
]);

// ---------------------------------------------------------------------------------------------------------------
// Tokens.

type Token =
  | { type: 'number'; value: number; digits: number }
  | { type: 'numeric'; day: number; month: number; year?: number }
  | { type: 'month'; month: number; ablative: boolean }
  | { type: 'dash' }
  | { type: 'word'; word: string };

const DASHES = /[\u2010-\u2015\u2212-]/g;
const TOKEN = /\d{1,2}[./]\d{1,2}(?:[./]\d{2}(?:\d{2})?)?(?!\d)|\d+|\p{L}+|-/gu;

/** A word with Latin look-alikes made Cyrillic when the word is Cyrillic. */
function cyrillicWord(word: string): string {
  if (!/\p{Script=Cyrillic}/u.test(word)) return word;
  return Array.from(word, (ch) => LATIN_LOOKALIKES[ch] ?? ch).join('');
}

function numericToken(text: string): Token {
  const [day, month, year] = text.split(/[./]/).map(Number);
  if (year === undefined) return { type: 'numeric', day, month };
  return { type: 'numeric', day, month, year: year < 100 ? 2000 + year : year };
}

function tokenise(text: string): Token[] {
  const folded = foldKazakh(text).replace(DASHES, '-');
  return Array.from(folded.matchAll(TOKEN), ([raw]): Token => {
    if (raw === '-') return { type: 'dash' };
    if (/^\d+$/.test(raw)) return { type: 'number', value: Number(raw), digits: raw.length };
    if (/^\d/.test(raw)) return numericToken(raw);
    const word = cyrillicWord(raw);
    const month = MONTH_WORDS.get(word);
    return month ? { type: 'month', ...month } : { type: 'word', word };
  });
}

/** The words and numbers of a text, one space between: for whole phrases («по согласованию»). */
function phrase(tokens: Token[]): string {
  return tokens
    .map((token) => {
      if (token.type === 'word') return token.word;
      if (token.type === 'number') return String(token.value);
      return '#';
    })
    .join(' ');
}

// ---------------------------------------------------------------------------------------------------------------
// Reading tokens into at most two points (the ends of a range).

interface Point {
  day?: number;
  month?: number;
  year?: number;
  /** Written «1 маусымнан»: the next number starts the other end. */
  closed?: boolean;
}

interface Reading {
  points: Point[];
  /** «до …» / «… дейін». */
  until: boolean;
  /** «с …» / «from …»: must be a range. */
  opened: boolean;
  monthEnd: boolean;
}

function isEmpty(point: Point): boolean {
  return point.day === undefined && point.month === undefined && point.year === undefined;
}

class PointReader {
  readonly reading: Reading = { points: [], until: false, opened: false, monthEnd: false };
  private current: Point = {};
  /** The last token was a year: «года», «г.», «жылғы» may follow. */
  private afterYear = false;
  private readonly campaignYear: number;

  constructor(campaignYear: number) {
    this.campaignYear = campaignYear;
  }

  private atStart(): boolean {
    return this.reading.points.length === 0 && isEmpty(this.current) && !this.reading.until && !this.reading.opened;
  }

  /** Ends the current point and starts the other end; false when there is nothing to end or a third end. */
  private nextPoint(): boolean {
    if (isEmpty(this.current) || this.reading.points.length > 0) return false;
    this.reading.points.push(this.current);
    this.current = {};
    return true;
  }

  /** Whether a day may come now (after «1 маусымнан» it starts the other end). */
  private startsDay(): boolean {
    if (this.current.closed) return this.nextPoint();
    return this.current.day === undefined && this.current.month === undefined;
  }

  private year(value: number): boolean {
    if (value < 1900 || value > 2199) return false;
    const point = this.current;
    if (point.year !== undefined || (point.day !== undefined && point.month === undefined)) return false;
    point.year = value;
    this.afterYear = true;
    return true;
  }

  /** Reads one token; false when the text is not a deadline this reader knows. */
  read(token: Token): boolean {
    const afterYear = this.afterYear;
    this.afterYear = false;
    switch (token.type) {
      case 'number':
        if (token.digits === 4) return this.year(token.value);
        if (token.digits > 2 || !this.startsDay()) return false;
        this.current.day = token.value;
        return true;
      case 'numeric':
        if (!this.startsDay() || this.current.year !== undefined) return false;
        this.current = { day: token.day, month: token.month, year: token.year };
        this.afterYear = token.year !== undefined;
        return true;
      case 'month':
        if (this.current.month !== undefined) return false;
        this.current.month = token.month;
        this.current.closed = token.ablative;
        return true;
      case 'dash':
        return this.nextPoint();
      case 'word':
        return this.word(token.word, afterYear);
    }
  }

  private word(word: string, afterYear: boolean): boolean {
    if (YEAR_WORDS.has(word)) {
      this.afterYear = afterYear;
      return afterYear;
    }
    if (THIS_YEAR_WORDS.has(word)) return this.year(this.campaignYear);
    if (FILLERS.has(word)) return true;
    if (MONTH_END_WORDS.has(word)) {
      this.reading.monthEnd = true;
      return true;
    }
    if (UNTIL_BEFORE.has(word) && this.atStart()) {
      this.reading.until = true;
      return true;
    }
    if (RANGE_OPENERS.has(word) && this.atStart()) {
      this.reading.opened = true;
      return true;
    }
    if (RANGE_JOINERS.has(word)) return this.nextPoint();
    if (UNTIL_AFTER.has(word)) return this.untilAfter();
    // «не позднее 30 мая»
    if (word === 'не') return this.atStart();
    if (word === 'позднее' && this.atStart()) {
      this.reading.until = true;
      return true;
    }
    return false;
  }

  /** «30 мамырға дейін» is «until»; «1 маусымнан 12 маусымға дейін» is a range. */
  private untilAfter(): boolean {
    if (isEmpty(this.current)) return false;
    if (this.reading.points.length === 0) this.reading.until = true;
    return true;
  }

  /** The points read, or null when a dash or «по» was left without the other end. */
  finish(): Reading | null {
    if (isEmpty(this.current)) return this.reading.points.length === 0 ? this.reading : null;
    this.reading.points.push(this.current);
    return this.reading;
  }
}

function read(tokens: Token[], campaignYear: number): Reading | null {
  const reader = new PointReader(campaignYear);
  for (const token of tokens) if (!reader.read(token)) return null;
  return reader.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Points into dates.

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function firstDay(year: number, month: number): string | null {
  return isoDate(year, month, 1);
}

function lastDay(year: number, month: number): string | null {
  return month >= 1 && month <= 12 ? isoDate(year, month, daysInMonth(year, month)) : null;
}

/** «до 30 мая», «до конца мая». */
function untilPoint(reading: Reading, point: Point, year: number, month: number): Deadline | null {
  const date = point.day !== undefined ? isoDate(year, month, point.day) : reading.monthEnd ? lastDay(year, month) : null;
  return date ? { kind: 'until', date } : null;
}

function onePoint(reading: Reading, point: Point, year: number): Deadline | null {
  const y = point.year ?? year;
  // «с 1 июня», «1 маусымнан» alone: the other end is missing
  if (reading.opened || point.month === undefined || (point.closed && !reading.until)) return null;
  if (reading.until) return untilPoint(reading, point, y, point.month);
  if (reading.monthEnd) return null;
  if (point.day !== undefined) {
    const date = isoDate(y, point.month, point.day);
    return date ? { kind: 'date', date } : null;
  }
  const from = firstDay(y, point.month);
  const to = lastDay(y, point.month);
  return from && to ? { kind: 'month', from, to } : null;
}

function twoPoints(reading: Reading, a: Point, b: Point, year: number): Deadline | null {
  if (reading.until || reading.monthEnd || b.month === undefined) return null;
  if ((a.day === undefined) !== (b.day === undefined)) return null;
  const fromMonth = a.month ?? b.month;
  const fromYear = a.year ?? b.year ?? year;
  const toYear = b.year ?? a.year ?? year;
  const from = a.day !== undefined ? isoDate(fromYear, fromMonth, a.day) : firstDay(fromYear, fromMonth);
  const to = b.day !== undefined ? isoDate(toYear, b.month, b.day) : lastDay(toYear, b.month);
  if (!from || !to || to < from) return null;
  return { kind: 'range', from, to };
}

/** A deadline as a plan writes it; `year` is the campaign's, for texts that give none. Never throws. */
export function parseDeadline(text: string, year: number): Deadline {
  const given = text.trim();
  const unparsed: Deadline = { kind: 'unparsed', text: given };
  const tokens = tokenise(given);
  const words = phrase(tokens);
  if (ONGOING.has(words)) return { kind: 'ongoing' };
  if (AGREED.has(words)) return { kind: 'agreed' };
  const reading = read(tokens, year);
  if (!reading) return unparsed;
  const [a, b] = reading.points;
  if (reading.points.length === 1) return onePoint(reading, a, year) ?? unparsed;
  if (reading.points.length === 2) return twoPoints(reading, a, b, year) ?? unparsed;
  return unparsed;
}

/** The last day the item may be done («overdue» after it), or null when the deadline names none. */
export function deadlineEnd(deadline: Deadline): string | null {
  switch (deadline.kind) {
    case 'date':
    case 'until':
      return deadline.date;
    case 'range':
    case 'month':
      return deadline.to;
    default:
      return null;
  }
}

/** The first day of the deadline, or null when it names none (an «until» deadline has no start). */
export function deadlineStart(deadline: Deadline): string | null {
  switch (deadline.kind) {
    case 'date':
      return deadline.date;
    case 'range':
    case 'month':
      return deadline.from;
    default:
      return null;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writing deadlines back.

interface DateParts {
  year: number;
  month: number;
  day: number;
}

function dateParts(iso: string): DateParts {
  const [year, month, day] = iso.split('-').map(Number);
  return { year, month, day };
}

type MonthForm = 'month' | 'monthOfDay' | 'monthUntil';
const MONTH_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

/** A month (1–12) in the form the text needs: «июнь», «1 июня», «до 30 мая». */
export function monthName(t: TFunction, form: MonthForm, month: number): string {
  return t(`plans.deadline.${form}.${MONTH_KEYS[month - 1]}`) as string;
}

function dayMonth(t: TFunction, date: DateParts, form: MonthForm = 'monthOfDay'): string {
  return t('plans.deadline.date', { day: date.day, month: monthName(t, form, date.month) }) as string;
}

/** The text with its year, unless the year is the campaign's. */
function withYear(t: TFunction, text: string, year: number, campaignYear: number | undefined): string {
  return year === campaignYear ? text : (t('plans.deadline.withYear', { text, year }) as string);
}

function isWholeMonth(from: DateParts, to: DateParts): boolean {
  const sameMonth = from.year === to.year && from.month === to.month;
  return sameMonth && from.day === 1 && to.day === daysInMonth(to.year, to.month);
}

function formatRange(t: TFunction, fromIso: string, toIso: string, campaignYear: number | undefined): string {
  const from = dateParts(fromIso);
  const to = dateParts(toIso);
  if (from.year !== to.year) {
    // each end with its own year: «30 декабря 2025 г. – 10 января 2026 г.»
    const fromText = withYear(t, dayMonth(t, from), from.year, undefined);
    const toText = withYear(t, dayMonth(t, to), to.year, undefined);
    return t('plans.deadline.range', { from: fromText, to: toText }) as string;
  }
  const month = monthName(t, 'monthOfDay', to.month);
  const text =
    from.month === to.month
      ? (t('plans.deadline.sameMonth', { from: from.day, to: to.day, month }) as string)
      : (t('plans.deadline.range', { from: dayMonth(t, from), to: dayMonth(t, to) }) as string);
  return withYear(t, text, from.year, campaignYear);
}

function formatMonth(t: TFunction, fromIso: string, toIso: string, campaignYear: number | undefined): string {
  const from = dateParts(fromIso);
  if (!isWholeMonth(from, dateParts(toIso))) return formatRange(t, fromIso, toIso, campaignYear);
  return withYear(t, monthName(t, 'month', from.month), from.year, campaignYear);
}

/**
 * A deadline in the user's language: «1–12 июня», «30 мамырға дейін», «by 30 May». The year is left out when it
 * is the campaign's; without a campaign year it is always written.
 */
export function formatDeadline(t: TFunction, deadline: Deadline, campaignYear?: number): string {
  switch (deadline.kind) {
    case 'date': {
      const date = dateParts(deadline.date);
      return withYear(t, dayMonth(t, date), date.year, campaignYear);
    }
    case 'until': {
      const date = dateParts(deadline.date);
      const text = withYear(t, dayMonth(t, date, 'monthUntil'), date.year, campaignYear);
      return t('plans.deadline.until', { date: text }) as string;
    }
    case 'range':
      return formatRange(t, deadline.from, deadline.to, campaignYear);
    case 'month':
      return formatMonth(t, deadline.from, deadline.to, campaignYear);
    case 'ongoing':
      return t('plans.deadline.ongoing') as string;
    case 'agreed':
      return t('plans.deadline.agreed') as string;
    case 'unparsed':
      return deadline.text;
  }
}
