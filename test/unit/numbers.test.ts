// Numbers as schools type them, and money in tiyn.
import { describe, expect, it } from 'vitest';
import { fromTiyn, hasAtMostTwoDecimals, parseNumberText, toTiyn } from '../../shared/numbers.ts';

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
