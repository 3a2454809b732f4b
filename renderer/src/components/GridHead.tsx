// The head of a grid as a paper form prints it: the row header, each column's caption (and unit) across the top, and
// under them the column numbers. Shared by the hand entry of a grid and the summary's grids.
import { Typography } from 'antd';
import type { GridTable, Lang } from '../../../shared/forms/types.ts';

export function GridHead({ grid, lang, rowHeader }: { grid: GridTable; lang: Lang; rowHeader: string }) {
  return (
    <thead>
      <tr>
        <th className="grid-row-head" rowSpan={2}>{rowHeader}</th>
        {grid.columns.map((column) => (
          <th key={column.code} className="grid-caption">
            {column.label[lang]}
            {column.unit && <Typography.Text type="secondary"> ({column.unit[lang]})</Typography.Text>}
          </th>
        ))}
      </tr>
      <tr>
        {grid.columns.map((column) => <th key={column.code} className="grid-number">{column.code}</th>)}
      </tr>
    </thead>
  );
}
