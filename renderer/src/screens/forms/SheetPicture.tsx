// The region's sheet as the reader saw it (forms.fromXlsx's picture): its top-left corner as a plain table, merged
// cells spanned, shaded cells grey, each row and column marked with the form row code or column it became.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SheetPicture as Picture } from '../../../../shared/forms/types.ts';

function columnName(column: number): string {
  let name = '';
  for (let rest = column; rest > 0; rest = Math.floor((rest - 1) / 26)) name = String.fromCharCode(65 + ((rest - 1) % 26)) + name;
  return name;
}

/** Each cell's span: the top-left cell of a merged range spans it, the others are covered (not drawn). */
function spansOf(picture: Picture): Map<string, { rowSpan: number; colSpan: number } | 'covered'> {
  const spans = new Map<string, { rowSpan: number; colSpan: number } | 'covered'>();
  for (const range of picture.merges) {
    for (let row = range.top; row <= range.bottom; row++) {
      for (let column = range.left; column <= range.right; column++) spans.set(`${row}:${column}`, 'covered');
    }
    spans.set(`${range.top}:${range.left}`, { rowSpan: range.bottom - range.top + 1, colSpan: range.right - range.left + 1 });
  }
  return spans;
}

export function SheetPicture({ picture }: { picture: Picture }) {
  const { t } = useTranslation();
  const spans = spansOf(picture);
  const shaded = new Set(picture.shaded);
  const columns = picture.cells[0]?.length ?? 0;
  const numbers = Array.from({ length: columns }, (_, i) => i + 1);
  const partial = picture.cells.length < picture.rowCount || columns < picture.columnCount;
  return (
    <div className="region-form-column" data-testid="region-form-picture">
      <Typography.Text strong>{t('ui.forms.region.picture', { sheet: picture.sheet })}</Typography.Text>
      <Typography.Paragraph type="secondary" className="compact">
        {t('ui.forms.region.pictureLegend')}
        {partial && ` ${t('ui.forms.region.picturePart', { rows: picture.cells.length, columns, rowCount: picture.rowCount, columnCount: picture.columnCount })}`}
      </Typography.Paragraph>
      <div className="sheet-picture">
        <table>
          <thead>
            <tr>
              <th />
              <th />
              {numbers.map((column) => (
                <th key={column} data-column-code={picture.columnCodes[column]}>
                  {columnName(column)}
                  {picture.columnCodes[column] && <span className="sheet-picture-code">{picture.columnCodes[column]}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {picture.cells.map((texts, index) => {
              const row = index + 1;
              const code = picture.rowCodes[row];
              return (
                <tr key={row} className={code ? 'sheet-picture-taken' : undefined} data-row-code={code}>
                  <th className="sheet-picture-code">{code ?? ''}</th>
                  <th>{row}</th>
                  {texts.map((text, i) => {
                    const key = `${row}:${i + 1}`;
                    const span = spans.get(key);
                    if (span === 'covered') return null;
                    return (
                      <td key={key} rowSpan={span?.rowSpan} colSpan={span?.colSpan} className={shaded.has(key) ? 'sheet-picture-shaded' : undefined} title={text}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
