// Values for a form made from a region's workbook, and where their sums belong in that workbook: what each school
// enters (a small number in each numeric cell, every total set to what the form's rules ask), the independent sum over
// the schools, and the cell of the region's sheet the form names for a value.
import { gridTables, valueCells, type FormDefinition, type Indicator } from '../../shared/forms/types.ts';

export const column = (index: number) => (index <= 26 ? String.fromCharCode(64 + index) : String.fromCharCode(64 + Math.floor((index - 1) / 26)) + String.fromCharCode(65 + ((index - 1) % 26)));
export const address = (row: number, col: number) => `${column(col)}${row}`;

export const SCHOOLS = [1, 2, 3];
export type Values = Record<string, number | string>;

/** The grid cells a rule's term names: «R01» itself, «R01.*» along the row, «*.3» down the графа. */
function expand(term: string, form: FormDefinition): string[] {
  const grid = gridTables(form)[0];
  const [row, col] = term.split('.');
  if (col === undefined) return [row];
  if (row === '*') return grid.rows.map((r) => `${r.code}.${col}`);
  if (col === '*') return grid.columns.map((c) => `${row}.${c.code}`);
  return [term];
}

/** The rules as cell equations: the total cell, `=` or `>=`, the cells it takes (each wildcard matched to the same row or графа). */
function equations(form: FormDefinition): Array<{ total: string; op: string; parts: string[] }> {
  const result: Array<{ total: string; op: string; parts: string[] }> = [];
  for (const rule of form.rules) {
    const match = /^(\S+) (>=|=) (.+)$/.exec(rule.text);
    if (!match) throw new Error(`a rule this test cannot satisfy: ${rule.text}`);
    const [, left, op, right] = match;
    const totals = expand(left, form);
    const parts = right.split(' + ').map((term) => expand(term, form));
    totals.forEach((total, i) => result.push({ total, op, parts: parts.map((cells) => cells[cells.length === 1 ? 0 : i]) }));
  }
  return result;
}

/** What school n enters: a small number in each numeric cell (yes/no alternating), each total set to what its rule asks. */
export function valuesOf(form: FormDefinition, n: number): Values {
  const cells = valueCells(form);
  const closed = new Set(gridTables(form).flatMap((grid) => grid.closed ?? []));
  const values: Values = {};
  cells.forEach((cell, k) => {
    if (closed.has(cell.code)) return;
    // Sums over the three schools differ from cell to cell (12j + 9r + 6 for the k = 4j + r-th cell): a total in the
    // wrong cell shows.
    if (cell.type === 'count') values[cell.code] = k + n * ((k % 4) + 1);
    else if (cell.type === 'money') values[cell.code] = Math.round((n * 1000.25 + k * 17.5) * 100) / 100;
    else if (cell.type === 'yesno') values[cell.code] = (n + k) % 2 === 0 ? 'да' : 'нет';
  });
  const number = (code: string) => (typeof values[code] === 'number' ? (values[code] as number) : 0);
  for (let pass = 0, changed = true; changed && pass < 10; pass++) {
    changed = false;
    for (const { total, op, parts } of equations(form)) {
      if (!(total in values)) continue;
      const sum = parts.reduce((s, code) => s + number(code), 0);
      const wanted = op === '=' ? sum : Math.max(number(total), sum);
      if (wanted !== values[total]) (values[total] = wanted), (changed = true);
    }
  }
  return values;
}

/** The number a school's value stands for in the district's sums (yes = 1, no = 0). */
export const amountOf = (value: number | string | undefined) => (value === undefined ? undefined : value === 'да' ? 1 : value === 'нет' ? 0 : Number(value));

/** The independent sum over the schools, or undefined when no school entered the cell. */
export function sumOf(indicator: Indicator, entered: Values[]): number | undefined {
  const amounts = entered.map((values) => amountOf(values[indicator.code])).filter((amount) => amount !== undefined);
  if (amounts.length === 0) return undefined;
  const sum = amounts.reduce((s, a) => s + a, 0);
  return indicator.type === 'money' ? Math.round(sum * 100) / 100 : sum;
}

/** The region file's cell the form names for a value cell: the row and the column it remembers. */
export function placeOf(form: FormDefinition, indicator: Indicator): string {
  const source = form.regionSource!;
  const [row, key] = indicator.cell ? [indicator.cell.row, `${indicator.cell.table}:${indicator.cell.column}`] : [indicator.code, 'main:value'];
  return address(source.rows[row].index, source.columns[key].index);
}
