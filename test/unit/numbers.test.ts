// Numbers as schools type them, and money in tiyn.
import { describe, expect, it } from 'vitest';
import { fromTiyn, hasAtMostTwoDecimals, parseNumberText, readNumberText, toTiyn } from '../../shared/numbers.ts';

describe('parseNumberText', () => {
  it.each<[string, number | null]>([
    ['0', 0],
    ['1234', 1234],
    ['1 234', 1234],
    ['1 234,50', 1234.5],
    ['1\u00a0234,50', 1234.5],
    ['1\u202f234,50', 1234.5],
    ['1 234 567,89', 1234567.89],
    ["1'234", 1234],
    ['  42  ', 42],
    ['12,5', 12.5],
    ['12.5', 12.5],
    [',5', 0.5],
    ['.5', 0.5],
    ['5,', 5],
    ['-3', -3],
    ['+7', 7],
    ['- 3', -3],
    // a single comma or dot is always the decimal separator, as in Kazakh and Russian writing
    ['1,234', 1.234],
    ['1.234', 1.234],
    // not numbers
    ['', null],
    ['   ', null],
    ['\u00a0', null],
    ['abc', null],
    ['12abc', null],
    ['много', null],
    // two separators are ambiguous (thousands or decimals?): refused rather than guessed
    ['1,2,3', null],
    ['1.234,5', null],
    ['1,234.5', null],
    ['1e3', null],
    ['0x10', null],
    ['Infinity', null],
    ['--3', null],
    ['3-', null],
    ['-', null],
    [',', null],
  ])('%j → %s', (text, expected) => {
    expect(parseNumberText(text)).toBe(expected);
  });
});

describe('money in tiyn', () => {
  it.each([
    [0, 0],
    [1, 100],
    [150000.5, 15000050],
    [0.1, 10],
    [0.1 + 0.2, 30],
    [1234.56, 123456],
    [19.99, 1999],
    [99999999.99, 9999999999],
  ])('toTiyn(%d) = %i and back', (tenge, tiyn) => {
    expect(toTiyn(tenge)).toBe(tiyn);
    expect(fromTiyn(tiyn)).toBe(Number(tenge.toFixed(2)));
  });

  it('sums exactly in tiyn where tenge floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(toTiyn(0.1) + toTiyn(0.2)).toBe(toTiyn(0.3));
    expect(fromTiyn(toTiyn(0.1) + toTiyn(0.2))).toBe(0.3);
  });
});

describe('hasAtMostTwoDecimals', () => {
  it.each<[number, boolean]>([
    [0, true],
    [5, true],
    [10.5, true],
    [10.55, true],
    [0.1 + 0.2, true],
    [1234567.89, true],
    [150000.5, true],
    [10.555, false],
    [0.001, false],
    [0.005, false],
    [1.999, false],
    [1 / 3, false],
  ])('%d → %s', (value, expected) => {
    expect(hasAtMostTwoDecimals(value)).toBe(expected);
  });
});

describe('readNumberText: how people write counts and sums', () => {
  type Case = [text: string, type: 'count' | 'money', expected: ReturnType<typeof readNumberText>];
  it.each<Case>([
    // plain numbers, as before
    ['1 234', 'count', { value: 1234 }],
    ['150 000,50', 'money', { value: 150000.5 }],
    ['1.450', 'money', { value: 1.45 }],
    // a dash alone: no cases
    ['-', 'count', { value: 0, note: { key: 'import.dashAsZero', params: { value: '-' } } }],
    [' — ', 'count', { value: 0, note: { key: 'import.dashAsZero', params: { value: '—' } } }],
    ['–', 'money', { value: 0, note: { key: 'import.dashAsZero', params: { value: '–' } } }],
    // a number and the word for its unit: the word is dropped
    ['450 чел.', 'count', { value: 450, note: { key: 'import.unitDropped', params: { value: '450 чел.', number: '450', unit: 'чел.' } } }],
    ['40 детей', 'count', { value: 40, note: { key: 'import.unitDropped', params: { value: '40 детей', number: '40', unit: 'детей' } } }],
    ['12 шт.', 'count', { value: 12, note: { key: 'import.unitDropped', params: { value: '12 шт.', number: '12', unit: 'шт.' } } }],
    ['12шт', 'count', { value: 12, note: { key: 'import.unitDropped', params: { value: '12шт', number: '12', unit: 'шт' } } }],
    ['35 адам', 'count', { value: 35, note: { key: 'import.unitDropped', params: { value: '35 адам', number: '35', unit: 'адам' } } }],
    ['8 бала', 'count', { value: 8, note: { key: 'import.unitDropped', params: { value: '8 бала', number: '8', unit: 'бала' } } }],
    ['3 дана', 'count', { value: 3, note: { key: 'import.unitDropped', params: { value: '3 дана', number: '3', unit: 'дана' } } }],
    ['1 500 000 тг', 'money', { value: 1500000, note: { key: 'import.unitDropped', params: { value: '1 500 000 тг', number: '1 500 000', unit: 'тг' } } }],
    ['2 000,50 тенге', 'money', { value: 2000.5, note: { key: 'import.unitDropped', params: { value: '2 000,50 тенге', number: '2 000,50', unit: 'тенге' } } }],
    ['700 теңге', 'money', { value: 700, note: { key: 'import.unitDropped', params: { value: '700 теңге', number: '700', unit: 'теңге' } } }],
    ['5000 ₸', 'money', { value: 5000, note: { key: 'import.unitDropped', params: { value: '5000 ₸', number: '5000', unit: '₸' } } }],
    // a unit of the other kind, or any other word, is not dropped
    ['450 тг', 'count', { problem: 'import.notANumber', params: { value: '450 тг' } }],
    ['40 детей', 'money', { problem: 'import.notANumber', params: { value: '40 детей' } }],
    ['450 примерно', 'count', { problem: 'import.notANumber', params: { value: '450 примерно' } }],
    ['около 450', 'count', { problem: 'import.notANumber', params: { value: 'около 450' } }],
    ['--', 'count', { problem: 'import.notANumber', params: { value: '--' } }],
    // shortened numbers and «none» words: refused, saying what to write
    ['1,5 млн', 'money', { problem: 'import.shortenedNumber', params: { value: '1,5 млн' } }],
    ['2 млрд тг', 'money', { problem: 'import.shortenedNumber', params: { value: '2 млрд тг' } }],
    ['150 тыс.', 'money', { problem: 'import.shortenedNumber', params: { value: '150 тыс.' } }],
    ['3 мың', 'count', { problem: 'import.shortenedNumber', params: { value: '3 мың' } }],
    ['нет', 'count', { problem: 'import.noneWord', params: { value: 'нет' } }],
    ['Жоқ', 'count', { problem: 'import.noneWord', params: { value: 'Жоқ' } }],
    ['нет.', 'money', { problem: 'import.noneWord', params: { value: 'нет.' } }],
    // a count with a thousands separator reads two ways: asked which, not read as 1.45
    ['1.450', 'count', { problem: 'import.ambiguousThousands', params: { value: '1.450', whole: '1 450', plain: '1450' } }],
    ['1,450', 'count', { problem: 'import.ambiguousThousands', params: { value: '1,450', whole: '1 450', plain: '1450' } }],
    ['12.500.000', 'count', { problem: 'import.ambiguousThousands', params: { value: '12.500.000', whole: '12 500 000', plain: '12500000' } }],
    ['1.450 чел.', 'count', { problem: 'import.ambiguousThousands', params: { value: '1.450', whole: '1 450', plain: '1450' } }],
    ['1.45', 'count', { value: 1.45 }],
  ])('%s (%s)', (text, type, expected) => {
    expect(readNumberText(text, type)).toEqual(expected);
  });
});
