// Deadlines as plan documents write them: the НИК and «Забота» plans in both languages, then back into words.
import { describe, expect, it } from 'vitest';
import { tFor, type UiLanguage } from '../../shared/i18n.ts';
import { deadlineEnd, deadlineStart, formatDeadline, parseDeadline } from '../../shared/plans/deadlines.ts';
import type { Deadline } from '../../shared/plans/types.ts';

const date = (d: string): Deadline => ({ kind: 'date', date: d });
const range = (from: string, to: string): Deadline => ({ kind: 'range', from, to });
const until = (d: string): Deadline => ({ kind: 'until', date: d });
const month = (from: string, to: string): Deadline => ({ kind: 'month', from, to });
const ongoing: Deadline = { kind: 'ongoing' };
const agreed: Deadline = { kind: 'agreed' };
const unparsed = (text: string): Deadline => ({ kind: 'unparsed', text });

describe('parseDeadline: the НИК plan of Шахтинск (campaign year 2025)', () => {
  it.each<[string, Deadline]>([
    // Russian
    ['до 30 мая', until('2025-05-30')],
    ['май', month('2025-05-01', '2025-05-31')],
    ['1 июня', date('2025-06-01')],
    ['30 мая - 13 июня', range('2025-05-30', '2025-06-13')],
    ['1-12 июня', range('2025-06-01', '2025-06-12')],
    ['постоянно', ongoing],
    ['по согласованию', agreed],
    ['3 июня', date('2025-06-03')],
    ['июнь', month('2025-06-01', '2025-06-30')],
    ['13 июня', date('2025-06-13')],
    ['с 1 по 12 июня 2025 года', range('2025-06-01', '2025-06-12')],
    // Kazakh
    ['30 мамырға дейін', until('2025-05-30')],
    ['30 мамырга дейін', until('2025-05-30')],
    ['Мамыр', month('2025-05-01', '2025-05-31')],
    ['1 маусым', date('2025-06-01')],
    ['30 мамыр – 13 маусым', range('2025-05-30', '2025-06-13')],
    ['1 – 12 маусым', range('2025-06-01', '2025-06-12')],
    ['тұрақты', ongoing],
    ['тұракты', ongoing],
    ['1-12 маусым', range('2025-06-01', '2025-06-12')],
    ['келісім бойынша', agreed],
    ['3 маусым', date('2025-06-03')],
    ['Маусым', month('2025-06-01', '2025-06-30')],
    ['12-14 маусым', range('2025-06-12', '2025-06-14')],
    ['2025 жылғы 1 - 12 маусым аралығында', range('2025-06-01', '2025-06-12')],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe('parseDeadline: the «Забота» campaign (campaign year 2026)', () => {
  it.each<[string, Deadline]>([
    ['10 января', date('2026-01-10')],
    ['10 қаңтар', date('2026-01-10')],
    ['10 января – 10 февраля', range('2026-01-10', '2026-02-10')],
    ['10 қаңтар – 10 ақпан', range('2026-01-10', '2026-02-10')],
    ['с 10 января по 10 февраля', range('2026-01-10', '2026-02-10')],
    ['10-20 января', range('2026-01-10', '2026-01-20')],
    ['до 12 февраля', until('2026-02-12')],
    ['12 ақпанға дейін', until('2026-02-12')],
    ['до 20 февраля', until('2026-02-20')],
    ['20 ақпанға дейін', until('2026-02-20')],
    ['в срок до 20 февраля текущего года', until('2026-02-20')],
    ['январь', month('2026-01-01', '2026-01-31')],
    ['Қаңтар', month('2026-01-01', '2026-01-31')],
    ['в течение года', ongoing],
    ['үнемі', ongoing],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, 2026)).toEqual(expected);
  });
});

describe('parseDeadline: a year in the text wins over the campaign year (2025)', () => {
  it.each<[string, Deadline]>([
    ['01.06.2025', date('2025-06-01')],
    ['01.06.2024', date('2024-06-01')],
    ['1.6.24', date('2024-06-01')],
    ['01.06', date('2025-06-01')],
    ['01.06.2024 г.', date('2024-06-01')],
    ['1 июня 2024 года', date('2024-06-01')],
    ['1 июня 2024 г.', date('2024-06-01')],
    ['1 июня 2024г', date('2024-06-01')],
    ['2024 жылғы 1 маусым', date('2024-06-01')],
    ['2024 ж. 1 маусым', date('2024-06-01')],
    ['1–12 июня 2024 года', range('2024-06-01', '2024-06-12')],
    ['2024 жылғы 1-12 маусым', range('2024-06-01', '2024-06-12')],
    ['01.06.2024 - 12.06.2024', range('2024-06-01', '2024-06-12')],
    ['30 мая 2024 г. – 13 июня 2024 г.', range('2024-05-30', '2024-06-13')],
    ['30 декабря 2024 г. – 10 января 2025 г.', range('2024-12-30', '2025-01-10')],
    ['2024 ж. 30 желтоқсан – 2025 ж. 10 қаңтар', range('2024-12-30', '2025-01-10')],
    ['до 20 февраля 2026 года', until('2026-02-20')],
    ['2026 жылғы 20 ақпанға дейін', until('2026-02-20')],
    ['июнь 2024 г.', month('2024-06-01', '2024-06-30')],
    ['2024 ж. маусым', month('2024-06-01', '2024-06-30')],
    ['29 февраля 2024', date('2024-02-29')],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe('parseDeadline: dashes, spaces, case and dots as people type them (2025)', () => {
  it.each<[string, Deadline]>([
    ['1-12 июня', range('2025-06-01', '2025-06-12')],
    ['1–12 июня', range('2025-06-01', '2025-06-12')],
    ['1—12 июня', range('2025-06-01', '2025-06-12')],
    ['1 - 12 июня', range('2025-06-01', '2025-06-12')],
    ['1 –12 июня', range('2025-06-01', '2025-06-12')],
    ['1-12июня', range('2025-06-01', '2025-06-12')],
    ['  1-12   ИЮНЯ.  ', range('2025-06-01', '2025-06-12')],
    ['30 мая—13 июня.', range('2025-05-30', '2025-06-13')],
    ['30 МАМЫР-13 МАУСЫМ', range('2025-05-30', '2025-06-13')],
    ['До 30 мая.', until('2025-05-30')],
    ['1 июня.', date('2025-06-01')],
    ['Постоянно.', ongoing],
    ['ПО СОГЛАСОВАНИЮ', agreed],
    ['(по согласованию)', agreed],
    ['в течение июня', month('2025-06-01', '2025-06-30')],
    ['в течение мая', month('2025-05-01', '2025-05-31')],
    ['маусым айы', month('2025-06-01', '2025-06-30')],
    // a Latin «i» for the Kazakh «і»
    ['30 мамырға дейiн', until('2025-05-30')],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe('parseDeadline: every month in every spelling (2025)', () => {
  const months: [number, string, string, string, string][] = [
    [1, 'январь', 'января', 'қаңтар', 'кантар'],
    [2, 'февраль', 'февраля', 'ақпан', 'акпан'],
    [3, 'март', 'марта', 'наурыз', 'наурыз'],
    [4, 'апрель', 'апреля', 'сәуір', 'сауир'],
    [5, 'май', 'мая', 'мамыр', 'мамыр'],
    [6, 'июнь', 'июня', 'маусым', 'маусым'],
    [7, 'июль', 'июля', 'шілде', 'шилде'],
    [8, 'август', 'августа', 'тамыз', 'тамыз'],
    [9, 'сентябрь', 'сентября', 'қыркүйек', 'кыркуйек'],
    [10, 'октябрь', 'октября', 'қазан', 'казан'],
    [11, 'ноябрь', 'ноября', 'қараша', 'караша'],
    [12, 'декабрь', 'декабря', 'желтоқсан', 'желтоксан'],
  ];
  const mm = (m: number) => String(m).padStart(2, '0');
  const last = (m: number) => new Date(Date.UTC(2025, m, 0)).getUTCDate();

  it.each(months)('month %i: %s, %s, %s, %s', (m, nominative, genitive, kazakh, russianKeyboard) => {
    const whole = month(`2025-${mm(m)}-01`, `2025-${mm(m)}-${last(m)}`);
    for (const name of [nominative, kazakh, russianKeyboard, kazakh.toUpperCase(), `в течение ${genitive}`, `${kazakh} айы`]) {
      expect(parseDeadline(name, 2025), name).toEqual(whole);
    }
    for (const text of [`10 ${genitive}`, `10 ${kazakh}`, `10 ${russianKeyboard}`, `10 ${nominative}`]) {
      expect(parseDeadline(text, 2025), text).toEqual(date(`2025-${mm(m)}-10`));
    }
    expect(parseDeadline(`1-10 ${russianKeyboard}`, 2025)).toEqual(range(`2025-${mm(m)}-01`, `2025-${mm(m)}-10`));
    expect(parseDeadline(`до 10 ${genitive}`, 2025)).toEqual(until(`2025-${mm(m)}-10`));
  });

  it.each<[string, Deadline]>([
    ['10 кантарга дейин', until('2025-01-10')],
    ['10 акпанга дейин', until('2025-02-10')],
    ['10 наурызға дейін', until('2025-03-10')],
    ['10 сәуірге дейін', until('2025-04-10')],
    ['10 сауирге дейин', until('2025-04-10')],
    ['10 мамырға дейін', until('2025-05-10')],
    ['10 маусымға дейін', until('2025-06-10')],
    ['10 шілдеге дейін', until('2025-07-10')],
    ['10 тамызға дейін', until('2025-08-10')],
    ['10 қыркүйекке дейін', until('2025-09-10')],
    ['10 кыркуйекке дейин', until('2025-09-10')],
    ['10 қазанға дейін', until('2025-10-10')],
    ['10 қарашаға дейін', until('2025-11-10')],
    ['10 желтоқсанға дейін', until('2025-12-10')],
    ['10 желтоксанга дейин', until('2025-12-10')],
  ])('Kazakh dative: %j → %j', (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe('parseDeadline: other ways plans say it (2025)', () => {
  it.each<[string, Deadline]>([
    ['до конца мая', until('2025-05-31')],
    ['мамыр айының соңына дейін', until('2025-05-31')],
    ['не позднее 30 мая', until('2025-05-30')],
    ['30 мамырдан кешіктірмей', until('2025-05-30')],
    ['1 маусымнан 12 маусымға дейін', range('2025-06-01', '2025-06-12')],
    ['от 1 до 12 июня', range('2025-06-01', '2025-06-12')],
    ['с 30 мая по 13 июня', range('2025-05-30', '2025-06-13')],
    ['июнь – июль', range('2025-06-01', '2025-07-31')],
    ['жыл бойы', ongoing],
    ['на постоянной основе', ongoing],
    ['в течение всего года', ongoing],
  ])('%j → %j', (text, expected) => {
    expect(parseDeadline(text, 2025)).toEqual(expected);
  });
});

describe('parseDeadline: what it does not understand is kept as written', () => {
  it.each<[string, string]>([
    ['', ''],
    ['   ', ''],
    ['31 июня', '31 июня'],
    ['31 маусым', '31 маусым'],
    ['30 февраля', '30 февраля'],
    ['29 февраля 2025', '29 февраля 2025'],
    ['0 июня', '0 июня'],
    ['конец месяца', 'конец месяца'],
    ['  конец месяца  ', 'конец месяца'],
    ['в течение акции', 'в течение акции'],
    ['в течение месяца', 'в течение месяца'],
    // the end before the start
    ['13 июня - 30 мая', '13 июня - 30 мая'],
    ['12-1 июня', '12-1 июня'],
    ['25 декабря – 10 января', '25 декабря – 10 января'],
    // half a range, a day without a month, a month without a day where one is needed
    ['1 июня -', '1 июня -'],
    ['с 1 июня', 'с 1 июня'],
    ['1-12', '1-12'],
    ['12', '12'],
    ['до июня', 'до июня'],
    ['маусымға дейін', 'маусымға дейін'],
    ['1 - 12 - 20 июня', '1 - 12 - 20 июня'],
    ['1, 5 июня', '1, 5 июня'],
    ['ежемесячно', 'ежемесячно'],
    ['1 июня (предварительно)', '1 июня (предварительно)'],
    ['года', 'года'],
    ['1 июня 20255', '1 июня 20255'],
  ])('%j stays %j', (text, kept) => {
    expect(parseDeadline(text, 2025)).toEqual(unparsed(kept));
  });
});

describe('deadlineStart and deadlineEnd', () => {
  it.each<[Deadline, string | null, string | null]>([
    [date('2025-06-03'), '2025-06-03', '2025-06-03'],
    [range('2025-06-01', '2025-06-12'), '2025-06-01', '2025-06-12'],
    [month('2025-06-01', '2025-06-30'), '2025-06-01', '2025-06-30'],
    [until('2025-05-30'), null, '2025-05-30'],
    [ongoing, null, null],
    [agreed, null, null],
    [unparsed('конец месяца'), null, null],
  ])('%j: %s … %s', (deadline, start, end) => {
    expect(deadlineStart(deadline)).toBe(start);
    expect(deadlineEnd(deadline)).toBe(end);
  });
});

describe('formatDeadline', () => {
  it.each<[Deadline, number | undefined, string, string, string]>([
    [date('2025-06-01'), 2025, '1 июня', '1 маусым', '1 June'],
    [date('2024-06-01'), 2025, '1 июня 2024 г.', '2024 ж. 1 маусым', '1 June 2024'],
    [date('2025-06-01'), undefined, '1 июня 2025 г.', '2025 ж. 1 маусым', '1 June 2025'],
    [range('2025-06-01', '2025-06-12'), 2025, '1–12 июня', '1–12 маусым', '1–12 June'],
    [range('2024-06-01', '2024-06-12'), 2025, '1–12 июня 2024 г.', '2024 ж. 1–12 маусым', '1–12 June 2024'],
    [range('2025-05-30', '2025-06-13'), 2025, '30 мая – 13 июня', '30 мамыр – 13 маусым', '30 May – 13 June'],
    [range('2026-01-10', '2026-02-10'), 2025, '10 января – 10 февраля 2026 г.', '2026 ж. 10 қаңтар – 10 ақпан', '10 January – 10 February 2026'],
    [
      range('2025-12-30', '2026-01-10'),
      2026,
      '30 декабря 2025 г. – 10 января 2026 г.',
      '2025 ж. 30 желтоқсан – 2026 ж. 10 қаңтар',
      '30 December 2025 – 10 January 2026',
    ],
    [until('2025-05-30'), 2025, 'до 30 мая', '30 мамырға дейін', 'by 30 May'],
    [until('2026-02-12'), 2026, 'до 12 февраля', '12 ақпанға дейін', 'by 12 February'],
    [until('2026-02-20'), 2025, 'до 20 февраля 2026 г.', '2026 ж. 20 ақпанға дейін', 'by 20 February 2026'],
    [month('2025-06-01', '2025-06-30'), 2025, 'июнь', 'маусым', 'June'],
    [month('2024-05-01', '2024-05-31'), 2025, 'май 2024 г.', '2024 ж. мамыр', 'May 2024'],
    [ongoing, 2025, 'постоянно', 'тұрақты', 'ongoing'],
    [agreed, 2025, 'по согласованию', 'келісім бойынша', 'by agreement'],
    [unparsed('в течение акции'), 2025, 'в течение акции', 'в течение акции', 'в течение акции'],
  ])('%j (campaign %s) → %j / %j / %j', (deadline, campaignYear, ru, kk, en) => {
    expect(formatDeadline(tFor('ru'), deadline, campaignYear)).toBe(ru);
    expect(formatDeadline(tFor('kk'), deadline, campaignYear)).toBe(kk);
    expect(formatDeadline(tFor('en'), deadline, campaignYear)).toBe(en);
  });

  it('writes every month in the Kazakh dative of «until»', () => {
    const written = Array.from({ length: 12 }, (_, i) =>
      formatDeadline(tFor('kk'), until(`2025-${String(i + 1).padStart(2, '0')}-10`), 2025),
    );
    expect(written).toEqual([
      '10 қаңтарға дейін',
      '10 ақпанға дейін',
      '10 наурызға дейін',
      '10 сәуірге дейін',
      '10 мамырға дейін',
      '10 маусымға дейін',
      '10 шілдеге дейін',
      '10 тамызға дейін',
      '10 қыркүйекке дейін',
      '10 қазанға дейін',
      '10 қарашаға дейін',
      '10 желтоқсанға дейін',
    ]);
  });
});

describe('parse → format → parse gives the same deadline', () => {
  const parsedKinds: Deadline[] = [
    date('2025-06-01'),
    range('2025-06-01', '2025-06-12'),
    range('2025-05-30', '2025-06-13'),
    range('2025-12-30', '2026-01-10'),
    range('2025-06-01', '2025-07-31'),
    until('2025-05-30'),
    month('2025-06-01', '2025-06-30'),
    ongoing,
    agreed,
    ...Array.from({ length: 12 }, (_, i) => {
      const m = String(i + 1).padStart(2, '0');
      const last = new Date(Date.UTC(2025, i + 1, 0)).getUTCDate();
      return [date(`2025-${m}-${last}`), until(`2025-${m}-01`), month(`2025-${m}-01`, `2025-${m}-${last}`)];
    }).flat(),
  ];
  const cases = (['ru', 'kk'] as const).flatMap((lng) =>
    parsedKinds.flatMap((deadline) => [2025, 2024].map((campaignYear): [UiLanguage, number, Deadline] => [lng, campaignYear, deadline])),
  );

  it.each(cases)('in %s, campaign %i: %j', (lng, campaignYear, deadline) => {
    const text = formatDeadline(tFor(lng), deadline, campaignYear);
    expect(parseDeadline(text, campaignYear), text).toEqual(deadline);
  });

  it.each<[string, number]>([
    ['1–12 июня', 2025],
    ['30 мамыр – 13 маусым', 2025],
    ['до 20 февраля 2026 года', 2025],
    ['2025 жылғы 1 маусым', 2024],
    ['12 ақпанға дейін', 2026],
    ['Қаңтар', 2026],
  ])('the documents’ own texts: %j (campaign %i)', (written, campaignYear) => {
    const deadline = parseDeadline(written, campaignYear);
    expect(deadline.kind).not.toBe('unparsed');
    for (const lng of ['ru', 'kk'] as const) {
      expect(parseDeadline(formatDeadline(tFor(lng), deadline, campaignYear), campaignYear)).toEqual(deadline);
    }
  });
});
