// The rows an issue is about, to mark them where they are typed: every code of a broken rule, found by the rule
// itself, so that each of them gets its message (the manual entry shows it beside each input).
import { describe, expect, it } from 'vitest';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import { issue } from '../../shared/messages.ts';
import { checkRules, issueCodes } from '../../shared/validate.ts';

const VALID: Record<string, number> = { Z01: 500, Z02: 4, Z03: 3, Z04: 10, Z05: 8, Z06: 5, Z10: 20, Z13: 6, Z30: 150000, Z31: 150000, Z32: 0, Z33: 0 };

function brokenWith(changes: Record<string, number>) {
  return checkRules(zabotaV1, new Map(Object.entries({ ...VALID, ...changes })));
}

describe('issueCodes', () => {
  it('names both sides of a broken comparison and every code of a sum', () => {
    const [z03] = brokenWith({ Z03: 5 });
    expect(issueCodes(zabotaV1, z03)).toEqual(['Z03', 'Z02']);
    const [sum] = brokenWith({ Z31: 100000 });
    expect(issueCodes(zabotaV1, sum)).toEqual(['Z30', 'Z31', 'Z32', 'Z33']);
  });

  it('tells apart rules that share an id (Z-R5: Z11 <= Z10, Z12 <= Z10, …) by the row that broke it', () => {
    const [z13] = brokenWith({ Z13: 30 }).filter((found) => found.severity === 'error');
    expect(issueCodes(zabotaV1, z13)).toEqual(['Z13', 'Z10']);
  });

  it('marks the cells of the broken instance of a grid rule «in every графа» (H-R1: *.1 >= *.2, *.1 >= *.3, …), whose instances share their first cell', () => {
    const broken = checkRules(zabotaV2, new Map(Object.entries({ 'H03.1': 5, 'H03.2': 3, 'H03.3': 2, 'H03.4': 9 })));
    const [hr1] = broken.filter((found) => found.message.params?.rule === 'H-R1');
    expect(issueCodes(zabotaV2, hr1)).toEqual(['H03.1', 'H03.4']);
  });

  it('keeps the code of an issue that is not a rule\'s', () => {
    expect(issueCodes(zabotaV1, issue('error', 'import.notANumber', { value: 'abc' }, { code: 'Z01' }))).toEqual(['Z01']);
    expect(issueCodes(zabotaV1, issue('error', 'import.badBin', { bin: '1' }))).toEqual([]);
  });
});
