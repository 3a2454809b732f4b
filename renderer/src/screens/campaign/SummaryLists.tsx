// The form's list tables in the summary (the NIK publications): every school's rows, links clickable.
import { Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SummaryList } from '../../../../shared/domain.ts';
import { formatDate } from '../../components/format.ts';
import { labelLanguage, useLanguage } from '../../i18n.ts';

type Row = SummaryList['rows'][number] & { key: number };

/** Only web addresses are links; anything else a school wrote stays plain text. */
function Link({ url }: { url: string }) {
  if (!/^https?:\/\//i.test(url)) return <>{url}</>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {url}
    </a>
  );
}

export function SummaryLists({ lists }: { lists: SummaryList[] }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const lang = labelLanguage(language);
  return lists.map(({ table, rows }) => {
    const columns: TableColumnsType<Row> = [
      { key: 'school', title: t('ui.summary.columns.school'), dataIndex: 'shortName', width: 200 },
      ...table.columns.map((column) => ({
        key: column.key,
        title: column.label[lang],
        render: (_v: unknown, row: Row) => {
          const value = row.cells[column.key] ?? '';
          if (column.type === 'url') return <Link url={value} />;
          return column.type === 'date' ? formatDate(value) : value;
        },
      })),
    ];
    return (
      <section key={table.id}>
        <Typography.Title level={3}>
          {t('ui.summary.listTitle', { title: table.title[lang], number: rows.length })}
        </Typography.Title>
        <Table<Row>
          data-testid={`summary-list-${table.id}`}
          size="small"
          columns={columns}
          dataSource={rows.map((row, i) => ({ ...row, key: i }))}
          locale={{ emptyText: t('ui.summary.listEmpty') }}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
        />
      </section>
    );
  });
}
