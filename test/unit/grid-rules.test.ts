// Forms as grids: value cells of a grid, rules over cells, rows, графы and ranges made concrete, and checked on values.
import { describe, expect, it } from 'vitest';
import { formProblems, ruleTextProblem } from '../../shared/forms/check.ts';
import { concreteRules } from '../../shared/forms/grid-rules.ts';
import { valueCells, type FormDefinition, type GridTable } from '../../shared/forms/types.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';
import { formatMessage, tFor } from '../../shared/i18n.ts';
import { formatRule, parseRule } from '../../shared/rules.ts';
import { checkRules, compiledRules } from '../../shared/validate.ts';

function concrete(form: FormDefinition, text: string): string[] {
  const result = parseRule(text);
  if (!result.ok) throw new Error(`${text}: ${result.error}`);
  return concreteRules(form, result.rule).map(formatRule);
}

const grid: GridTable = {
  kind: 'grid',
  id: 'g',
  title: { ru: 'Таблица', kk: 'Кесте' },
  rows: ['R1', 'R2', 'R3'].map((code) => ({ code, label: { ru: `строка ${code}`, kk: `жол ${code}` }, required: false })),
  columns: ['1', '2', '3'].map((code) => ({ code, label: { ru: `графа ${code}`, kk: `баған ${code}` }, type: 'count' as const })),
  closed: ['R3.3'],
};
const form: FormDefinition = {
  id: 'grid-test',
  version: 1,
  title: { ru: 'Тест', kk: 'Тест' },
  indicators: [{ code: 'A01', label: { ru: 'Всего', kk: 'Барлығы' }, type: 'count', required: true }],
  rules: [],
  tables: [grid],
};

describe('the cells of a form', () => {
  it('are the one-value rows, then each open cell of each grid, labelled by row and графа', () => {
    const cells = valueCells(form);
    expect(cells.map((cell) => cell.code)).toEqual(['A01', 'R1.1', 'R1.2', 'R1.3', 'R2.1', 'R2.2', 'R2.3', 'R3.1', 'R3.2']);
    expect(cells[2]).toMatchObject({ label: { ru: 'строка R1 — графа 2', kk: 'жол R1 — баған 2' }, cell: { table: 'g', row: 'R1', column: '2' } });
  });

  it('of a form without grids are exactly its indicators', () => {
    expect(valueCells(zabotaV1)).toBe(zabotaV1.indicators);
  });

  it('of zabota v2 keep Z01–Z07 and Z30–Z34 and add the 6 × 8 help grid, H01 required in графы 1 and 8', () => {
    const cells = valueCells(zabotaV2);
    expect(cells.filter((cell) => !cell.cell).map((cell) => cell.code)).toEqual(['Z01', 'Z02', 'Z03', 'Z04', 'Z05', 'Z06', 'Z07', 'Z30', 'Z31', 'Z32', 'Z33', 'Z34']);
    expect(cells.filter((cell) => cell.cell)).toHaveLength(48);
    expect(cells.filter((cell) => cell.cell && cell.required).map((cell) => cell.code)).toEqual(['H01.1', 'H01.8']);
    expect(cells.find((cell) => cell.code === 'H03.8')?.type).toBe('money');
  });
});

describe('a rule made concrete over cells', () => {
  it('keeps a cell and a one-value row as they are', () => {
    expect(concrete(form, 'A01 >= R1.1')).toEqual(['A01 ≥ R1.1']);
  });

  it('repeats a rule with * in every row, leaving out a row whose named cell is closed', () => {
    expect(concrete(form, '*.1 >= *.3')).toEqual(['R1.1 ≥ R1.3', 'R2.1 ≥ R2.3']);
  });

  it('repeats a rule with * in every графа', () => {
    expect(concrete(form, 'R1.* >= R2.*')).toEqual(['R1.1 ≥ R2.1', 'R1.2 ≥ R2.2', 'R1.3 ≥ R2.3']);
  });

  it('sums a range of графы or of rows, leaving out closed cells', () => {
    expect(concrete(form, 'R1.2..3 <= R1.1')).toEqual(['R1.2 + R1.3 ≤ R1.1']);
    expect(concrete(form, 'R2..R3.3 <= A01')).toEqual(['R2.3 ≤ A01']);
    expect(concrete(form, '*.2..3 >= *.1')).toEqual(['R1.2 + R1.3 ≥ R1.1', 'R2.2 + R2.3 ≥ R2.1', 'R3.2 ≥ R3.1']);
  });

  it('names what is wrong: an unknown cell, a reversed range, a * outside a grid', () => {
    const t = tFor('ru');
    const problem = (text: string) => {
      const message = ruleTextProblem(text, form);
      return message && formatMessage(t, message);
    };
    expect(problem('R1.9 <= A01')).toBe('В форме нет строк с кодами R1.9');
    expect(problem('R1.3..1 <= A01')).toContain('Диапазон «R1.3..1»');
    expect(formatMessage(t, ruleTextProblem('*.1 >= Z01', zabotaV1)!)).toContain('«*» (в каждой строке или графе)');
    expect(problem('R1.1 <= A01')).toBeNull();
  });
});

describe('zabota v2', () => {
  it('is a form without problems whose rules compile', () => {
    expect(formProblems(zabotaV2)).toEqual([]);
    const ids = compiledRules(zabotaV2).map((rule) => rule.id);
    expect(ids.filter((id) => id === 'H-R1')).toHaveLength(36);
    expect(ids.filter((id) => id === 'H-R2')).toHaveLength(40);
  });

  it('finds H-R1 broken in one row and names the cell by row, графа and code with both values', () => {
    const values = new Map([
      ['H03.1', 4],
      ['H03.2', 6],
    ]);
    const broken = checkRules(zabotaV2, values).filter((found) => found.message.params?.rule === 'H-R1');
    expect(broken).toHaveLength(1);
    expect(broken[0].code).toBe('H03.1');
    const text = formatMessage(tFor('ru'), broken[0].message);
    expect(text).toContain('H03.2');
    expect(text).toContain('из многодетных семей — одеждой');
    expect(text).toContain('6');
    expect(text).toContain('4');
  });

  it('ties the grid to the one-value rows: H01 графа 8 = Z30, Z01 ≥ H01 графа 1', () => {
    const values = new Map([
      ['Z01', 10],
      ['Z30', 1000],
      ['Z31', 1000],
      ['H01.1', 12],
      ['H01.8', 999.99],
    ]);
    const ids = checkRules(zabotaV2, values).map((found) => found.message.params?.rule);
    expect(ids).toEqual(expect.arrayContaining(['H-R4', 'H-R5']));
  });
});
