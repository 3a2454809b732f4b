// Numbers, money, percents and dates as each language writes them, by the rules in shared/format.ts rather than the
// runtime's ICU data; and the values put into messages the same way.
import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../shared/format.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import type { Message } from '../../shared/messages.ts';
import { returnMessageText } from '../../shared/returns.ts';

const NBSP = '\u00a0';
// 06.12.2026 15:04 on this computer's clock, whatever its time zone.
const AT_1504 = new Date(2026, 11, 6, 15, 4).toISOString();

describe('numbers', () => {
  it('groups thousands with a no-break space and writes a decimal comma in Kazakh and Russian', () => {
    for (const lng of ['kk', 'ru'] as const) {
      expect(formatNumber(1234, lng)).toBe(`1${NBSP}234`);
      expect(formatNumber(794.33, lng)).toBe('794,33');
      expect(formatNumber(-1234567.5, lng)).toBe(`-1${NBSP}234${NBSP}567,5`);
    }
  });

  it('groups with a comma and writes a decimal point in English', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234567.25, 'en')).toBe('1,234,567.25');
  });

  it('keeps two decimals at most, drops trailing zeros and writes a sign only when asked', () => {
    expect(formatNumber(2.345678, 'kk')).toBe('2,35');
    expect(formatNumber(12.5, 'kk', { maximumFractionDigits: 0 })).toBe('13');
    expect(formatNumber(3, 'ru', { signed: true })).toBe('+3');
    expect(formatNumber(0, 'ru', { signed: true })).toBe('0');
    expect(formatNumber(-0.001, 'ru')).toBe('0');
    expect(formatNumber(undefined, 'ru')).toBe('');
  });

  it('writes whole tenge without decimals and others with both kopeck digits', () => {
    expect(formatMoney(95000, 'kk')).toBe(`95${NBSP}000`);
    expect(formatMoney(95000.5, 'ru')).toBe(`95${NBSP}000,50`);
    expect(formatMoney(95000.5, 'en')).toBe('95,000.50');
  });

  it('writes a percent as the language does', () => {
    expect(formatPercent(0.125, 'kk')).toBe(`12,5${NBSP}%`);
    expect(formatPercent(0.125, 'ru')).toBe(`12,5${NBSP}%`);
    expect(formatPercent(0.125, 'en')).toBe('12.5%');
    expect(formatPercent(0.045, 'ru', { signed: true })).toBe(`+4,5${NBSP}%`);
  });
});

describe('dates', () => {
  it('writes a day as DD.MM.YYYY and a moment in the computer\'s own time', () => {
    expect(formatDate('2026-12-06')).toBe('06.12.2026');
    expect(formatDateTime(AT_1504)).toBe('06.12.2026 15:04');
    expect(formatDate(AT_1504)).toBe('06.12.2026 15:04');
    expect(formatDate('not a date')).toBe('not a date');
  });
});

describe('values in messages', () => {
  it('puts numbers into a text as the language writes them, but not years and row numbers', () => {
    expect(tFor('kk')('ui.dashboard.daysLeft', { count: 1234 })).toContain(`1${NBSP}234`);
    expect(tFor('ru')('ui.summary.outlierDistrict', { z: 3.5 })).toContain('z = 3,5');
    expect(tFor('en')('ui.summary.outlierDistrict', { z: 3.5 })).toContain('z = 3.5');
    expect(tFor('kk')('messages.registry.rowMissingBin', { row: 1234 })).toContain('1234');
    expect(tFor('ru')('messages.workbook.region.totalYear', { year: 2026 })).toContain('2026');
  });

  it('shows a date kept in a message as an ISO time in the user\'s format', () => {
    const duplicate: Message = { key: 'import.duplicateFile', params: { date: AT_1504 } };
    for (const lng of ['kk', 'ru', 'en'] as const) expect(formatMessage(tFor(lng), duplicate)).toContain('(06.12.2026 15:04)');
  });
});

describe('names in quotes', () => {
  it('nests a quoted campaign or school name with „…“ inside the return message\'s «…», never «««', () => {
    const text = returnMessageText(tFor('kk'), {
      campaignTitle: '«Қамқорлық» республикалық акциясы — 2027',
      schoolName: '«Шапағат» мектебі',
      file: 'report.xlsx',
      dueDate: '12.02.2027',
      department: 'Білім бөлімі',
      issues: [],
    });
    expect(text).toContain('«„Шапағат“ мектебі» мектебінің «„Қамқорлық“ республикалық акциясы — 2027» есебі');
    expect(text).not.toContain('««');
  });
});
