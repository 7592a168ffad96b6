import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_COLUMNS } from './import-template';

type Column = (typeof TEMPLATE_COLUMNS)[number];
const REQUIRED: ReadonlySet<Column> = new Set(['username', 'displayName', 'department']);

/** Explains each column of the import file. */
export function ImportColumnsHelp() {
  const { t } = useTranslation();
  return (
    <Card title={t('import.columnsTitle')}>
      <Table<{ column: Column }>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={TEMPLATE_COLUMNS.map((column) => ({ column }))}
        columns={[
          {
            title: t('import.column'),
            dataIndex: 'column',
            width: 120,
            render: (c: Column) => <Typography.Text code>{c}</Typography.Text>,
          },
          {
            title: t('import.columnMeaning'),
            dataIndex: 'column',
            key: 'meaning',
            render: (c: Column) => (
              <>
                {t(`import.columns.${c}`)}
                {REQUIRED.has(c) && (
                  <Tag color="red" variant="outlined" style={{ marginInlineStart: 8 }}>
                    {t('import.required')}
                  </Tag>
                )}
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}
