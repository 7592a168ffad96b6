import type { TImportResult } from '@zhoubao/contracts';
import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';

type LineError = TImportResult['errors'][number];

/** Counts of an import and the table of the lines that were rejected. */
export function ImportResultCard({ result, fileName }: { result: TImportResult; fileName: string }) {
  const { t } = useTranslation();
  const failed = result.errors.length;
  return (
    <Card title={t('import.resultTitle', { file: fileName })} data-testid="import-result">
      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={8}>
          <Statistic
            title={t('import.created')}
            value={result.created}
            data-testid="import-created"
            styles={{ content: { color: '#389e0d' } }}
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('import.updated')}
            value={result.updated}
            data-testid="import-updated"
            styles={{ content: { color: '#1677ff' } }}
          />
        </Col>
        <Col xs={8}>
          <Statistic
            title={t('import.failed')}
            value={failed}
            data-testid="import-failed"
            styles={{ content: { color: failed ? '#cf1322' : undefined } }}
          />
        </Col>
      </Row>
      {failed === 0 ? (
        <Alert type="success" showIcon title={t('import.allGood')} />
      ) : (
        <>
          <Alert type="warning" showIcon title={t('import.someFailed')} style={{ marginBottom: 16 }} />
          <Table<LineError>
            rowKey={(e) => `${e.line}:${e.message}`}
            size="small"
            dataSource={result.errors}
            pagination={result.errors.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
            data-testid="import-errors"
            columns={[
              { title: t('import.line'), dataIndex: 'line', width: 80 },
              { title: t('import.message'), dataIndex: 'message' },
            ]}
          />
        </>
      )}
    </Card>
  );
}
