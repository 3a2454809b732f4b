// The БИН check: format, YYMM, kind, attribute and the two-pass mod-11 check digit.
import { describe, expect, it } from 'vitest';
import { binCheckDigit, checkBin, isValidBin, normalizeBin, type BinProblem } from '../../shared/bin.ts';

describe('binCheckDigit', () => {
  // 04094000001: digits 0 4 0 9 4 0 0 0 0 0 1, weights 1..11
  //   0·1 + 4·2 + 0·3 + 9·4 + 4·5 + 0·6 + 0·7 + 0·8 + 0·9 + 0·10 + 1·11
  //   = 0 + 8 + 0 + 36 + 20 + 0 + 0 + 0 + 0 + 0 + 11 = 75;  75 mod 11 = 75 − 66 = 9  →  check digit 9
  it.each([
    // prefix, first-pass sum (weights 1..11), expected check digit
    ['04094000001', 75, 9],
    // 9·1+5·2+0·3+7·4+4·5+0·6+4·7+3·8+2·9+1·10+0·11 = 9+10+28+20+28+24+18+10 = 147; 147 mod 11 = 147 − 143 = 4
    ['95074043210', 147, 4],
    // 1·1+0+1·3+2·4+4·5+0+0+0+5·9+6·10+7·11 = 1+3+8+20+45+60+77 = 214; 214 mod 11 = 214 − 209 = 5
    ['10124000567', 214, 5],
  ])('first pass: %s (Σ dᵢ·i = %i) → %i', (prefix, sum, digit) => {
    expect(sum % 11).toBe(digit);
    expect(binCheckDigit(prefix)).toBe(digit);
  });

  it('uses the second weights 3,4,5,6,7,8,9,10,11,1,2 when the first sum mod 11 is 10', () => {
    // 04094000180: first pass 4·2 + 9·4 + 4·5 + 1·9 + 8·10 = 8+36+20+9+80 = 153; 153 mod 11 = 10 → second pass
    // second pass 4·4 + 9·6 + 4·7 + 1·11 + 8·1 + 0·2 = 16+54+28+11+8 = 117; 117 mod 11 = 117 − 110 = 7
    expect(binCheckDigit('04094000180')).toBe(7);
    expect(checkBin('040940001807')).toBeNull();
    for (const wrong of [0, 1, 2, 3, 4, 5, 6, 8, 9]) expect(checkBin(`04094000180${wrong}`)).toBe('checksum');
    // a 10 from the first pass must not be taken as the digit 0 or 1 (the last digit of "10")
    expect(isValidBin('040940001800')).toBe(false);
    expect(isValidBin('040940001801')).toBe(false);
  });

  it('has no check digit when both passes give 10, so no number with that prefix is valid', () => {
    // 04094000187: first pass 8+36+20+9+80+7·11 = 230; 230 mod 11 = 10
    // second pass 16+54+28+11+8+7·2 = 131; 131 mod 11 = 10 → no check digit
    expect(binCheckDigit('04094000187')).toBeNull();
    for (let last = 0; last <= 9; last++) expect(checkBin(`04094000187${last}`)).toBe('checksum');
  });
});

describe('checkBin', () => {
  it.each<[string, BinProblem | null]>([
    ['040940000019', null],
    ['950740432104', null],
    ['101240005675', null],
    // format: not exactly 12 digits
    ['', 'format'],
    ['04094000001', 'format'],
    ['0409400000190', 'format'],
    ['04094000001O', 'format'],
    ['0409 4000 0019', 'format'],
    ['-40940000019', 'format'],
    ['０４０９４０００００１９', 'format'],
    // month: digits 3–4 are 01–12
    ['040040000019', 'month'],
    ['041340000019', 'month'],
    ['049940000019', 'month'],
    // kind: digit 5 is 4, 5 or 6
    ['040930000019', 'kind'],
    ['040970000019', 'kind'],
    ['040900000019', 'kind'],
    // attribute: digit 6 is 0–3
    ['040944000019', 'attribute'],
    ['040959000019', 'attribute'],
    // checksum: one digit off
    ['040940000018', 'checksum'],
    ['040940000010', 'checksum'],
    ['040940000091', 'checksum'],
  ])('%j → %s', (bin, problem) => {
    expect(checkBin(bin)).toBe(problem);
    expect(isValidBin(bin)).toBe(problem === null);
  });

  it('accepts every month 01–12 and every kind and attribute digit', () => {
    for (let month = 1; month <= 12; month++) {
      for (const kind of '456') {
        for (const attribute of '0123') {
          const prefix = `04${String(month).padStart(2, '0')}${kind}${attribute}00001`;
          const check = binCheckDigit(prefix);
          if (check === null) continue;
          expect(checkBin(`${prefix}${check}`), prefix).toBeNull();
        }
      }
    }
  });

  it('reports the first problem in the order format, month, kind, attribute, checksum', () => {
    expect(checkBin('041379000018')).toBe('month');
    expect(checkBin('040979000018')).toBe('kind');
    expect(checkBin('040949000018')).toBe('attribute');
  });
});

describe('normalizeBin', () => {
  it.each([
    ['0409 4000 0019', '040940000019'],
    ['0409\u00a04000\u00a00019', '040940000019'],
    ['0409\u202f4000\u202f0019', '040940000019'],
    ['0409-4000-0019', '040940000019'],
    ['  040940000019\t', '040940000019'],
    ['04-09 40\u00a000-0019\n', '040940000019'],
  ])('%j → %s', (raw, normalized) => {
    expect(normalizeBin(raw)).toBe(normalized);
    expect(checkBin(normalizeBin(raw))).toBeNull();
  });

  it('keeps anything else, so a bad value stays visible', () => {
    expect(normalizeBin('04O9 4000 0019')).toBe('04O940000019');
    expect(normalizeBin('БИН 040940000019')).toBe('БИН040940000019');
    expect(checkBin(normalizeBin('04O9 4000 0019'))).toBe('format');
  });
});
