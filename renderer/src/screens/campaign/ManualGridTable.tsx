// A grid of the form typed in by hand as it is printed: row codes and labels down the left (kept in place while the
// columns scroll sideways), the columns' captions and numbers across the top, an input per open cell, closed cells «X».
// What the check found is shown at its cells, and under the row in words.
import { Fragment } from 'react';
import { Form, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { cellCode, gridCells, type GridTable, type Indicator } from '../../../../shared/forms/types.ts';
import { formatMessage } from '../../../../shared/i18n.ts';
import type { FileIssue } from '../../../../shared/messages.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';
import { GridHead } from '../../components/GridHead.tsx';
import { ManualValueInput } from './ManualValueInput.tsx';

interface Props {
  table: GridTable;
  /** The check's issues by the cell codes they name. */
  marked: Map<string, FileIssue[]>;
}

function statusOf(issues: FileIssue[] | undefined): 'error' | 'warning' | undefined {
  if (!issues) return undefined;
  return issues.some((found) => found.severity === 'error') ? 'error' : 'warning';
}

/** A row's issues once each, though a broken rule may name several of its cells. */
function rowIssues(cells: Indicator[], marked: Map<string, FileIssue[]>): FileIssue[] {
  return [...new Set(cells.flatMap((cell) => marked.get(cell.code) ?? []))];
}

export function ManualGridTable({ table, marked }: Props) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  const other = lang === 'kk' ? 'ru' : 'kk';
  const cells = new Map(gridCells(table).map((cell) => [cell.code, cell]));
  return (
    <section className="manual-grid" data-testid={`manual-grid-${table.id}`}>
      <Typography.Title level={5} className="manual-section">{table.title[lang]}</Typography.Title>
      <div className="grid-scroll">
        <table className="grid-table">
          <GridHead grid={table} lang={lang} rowHeader={t('ui.manual.grid.row')} />
          <tbody>
            {table.rows.map((row) => {
              const issues = rowIssues([...cells.values()].filter((cell) => cell.cell?.row === row.code), marked);
              return (
                <Fragment key={row.code}>
                  <tr data-testid={`manual-grid-row-${row.code}`}>
                    <th scope="row" className="grid-row-head">
                      <span className="manual-label">
                        <span>
                          <Typography.Text code>{row.code}</Typography.Text> {row.label[lang]}
                        </span>
                        {row.label[other] && (
                          <Typography.Text type="secondary" lang={other} className="manual-label-other">{row.label[other]}</Typography.Text>
                        )}
                      </span>
                    </th>
                    {table.columns.map((column) => {
                      const code = cellCode(row.code, column.code);
                      const cell = cells.get(code);
                      if (!cell) {
                        return (
                          <td key={code} className="grid-closed" title={t('ui.manual.grid.closed')} data-testid={`manual-closed-${code}`}>
                            X
                          </td>
                        );
                      }
                      return (
                        <td key={code} className={cell.required ? 'grid-cell grid-cell-required' : 'grid-cell'}>
                          <Form.Item name={['values', code]} noStyle>
                            <ManualValueInput
                              indicator={cell}
                              status={statusOf(marked.get(code))}
                              aria-label={t('ui.manual.grid.cell', { code, label: cell.label[lang], column: column.code })}
                            />
                          </Form.Item>
                        </td>
                      );
                    })}
                  </tr>
                  {issues.length > 0 && (
                    <tr className="grid-row-issues" data-testid={`manual-grid-issues-${row.code}`}>
                      <td colSpan={table.columns.length + 1}>
                        <div className={`grid-row-issues-text grid-row-issues-${statusOf(issues)}`}>
                          {issues.map((found, index) => <div key={index}>{formatMessage(t, found.message)}</div>)}
                        </div>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
