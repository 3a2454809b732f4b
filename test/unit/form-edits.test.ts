// The form editor's grid edits (renderer/src/screens/forms/formEdits.ts): a графа or row renamed or removed takes its
// closed cells and required графы along, so that what the editor shows stays a form without stray cells; new rows and
// графы get codes that are free; closed cells are kept in the grid's order.
import { describe, expect, it } from 'vitest';
import {
  newGridColumn, newGridRow, newGridTable, removeGridColumn, removeGridRow, renameGridColumn, renameGridRow, toggleClosed,
} from '../../renderer/src/screens/forms/formEdits.ts';
import { formProblems } from '../../shared/forms/check.ts';
import { gridTables, type FormDefinition, type GridTable } from '../../shared/forms/types.ts';
import { zabotaV1 } from '../../shared/forms/zabota.v1.ts';
import { zabotaV2 } from '../../shared/forms/zabota.v2.ts';

const bi = (text: string) => ({ ru: text, kk: text });

function grid(): GridTable {
  return {
    kind: 'grid',
    id: 'g',
    title: bi('Таблица'),
    rows: [
      { code: 'R1', label: bi('первая'), required: true, requiredColumns: ['1', '3'] },
      { code: 'R2', label: bi('вторая'), required: false },
    ],
    columns: ['1', '2', '3'].map((code) => ({ code, label: bi(`графа ${code}`), type: 'count' as const })),
    closed: ['R1.2', 'R2.3'],
  };
}

describe('grid edits', () => {
  it('renaming a графа renames its closed cells and its place among required графы', () => {
    const renamed = renameGridColumn(grid(), 2, '9');
    expect(renamed.columns.map((c) => c.code)).toEqual(['1', '2', '9']);
    expect(renamed.closed).toEqual(['R1.2', 'R2.9']);
    expect(renamed.rows[0].requiredColumns).toEqual(['1', '9']);
    expect(renamed.rows[1]).not.toHaveProperty('requiredColumns');
  });

  it('renaming a row renames its closed cells only', () => {
    const renamed = renameGridRow(grid(), 0, 'R10');
    expect(renamed.rows.map((r) => r.code)).toEqual(['R10', 'R2']);
    expect(renamed.closed).toEqual(['R10.2', 'R2.3']);
  });

  it('removing a графа or a row removes its closed cells and required графы; no closed cells left means none at all', () => {
    const withoutColumn = removeGridColumn(grid(), 2);
    expect(withoutColumn.closed).toEqual(['R1.2']);
    expect(withoutColumn.rows[0].requiredColumns).toEqual(['1']);
    const withoutRow = removeGridRow(withoutColumn, 0);
    expect(withoutRow.rows.map((r) => r.code)).toEqual(['R2']);
    expect(withoutRow).not.toHaveProperty('closed');
  });

  it('closes and opens a cell, keeping the closed cells row by row, графа by графа', () => {
    const closed = toggleClosed(toggleClosed(grid(), 'R2.1'), 'R1.1');
    expect(closed.closed).toEqual(['R1.1', 'R1.2', 'R2.1', 'R2.3']);
    expect(toggleClosed(toggleClosed(closed, 'R1.2'), 'R2.3').closed).toEqual(['R1.1', 'R2.1']);
  });

  it('numbers a new графа one past the highest and gives a new row a code no row of the form has', () => {
    expect(newGridColumn(grid()).code).toBe('4');
    const form: FormDefinition = { ...zabotaV1, tables: [grid()] };
    expect(newGridRow(form, grid()).code).toBe('R3');
    const help = gridTables(zabotaV2)[0];
    expect(newGridRow(zabotaV2, help).code).toBe('H07');
    const clash: FormDefinition = { ...zabotaV1, indicators: [...zabotaV1.indicators, { code: 'R3', label: bi('R3'), type: 'count', required: false }], tables: [grid()] };
    expect(newGridRow(clash, grid()).code).toBe('R4');
  });

  it('a new grid has a free code, one row and графа 1, and only its blank captions to fill', () => {
    const form: FormDefinition = { ...zabotaV2 };
    const added = newGridTable(form);
    expect(added).toMatchObject({ kind: 'grid', id: 'grid1', rows: [{ code: 'R1' }], columns: [{ code: '1', type: 'count' }] });
    const problems = formProblems({ ...form, tables: [...(form.tables ?? []), added] }).map((p) => p.message.key);
    expect(problems).toEqual(['form.tableTitleMissing', 'form.labelMissing', 'form.gridColumnLabelMissing']);
  });
});
