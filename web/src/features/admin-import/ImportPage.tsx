import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { TImportResult } from '@zhoubao/contracts';
import { App, Button, Card, Col, Row, Spin, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../lib/errors';
import { useImportUsers } from '../admin-users/users.api';
import { ImportColumnsHelp } from './ImportColumnsHelp';
import { ImportResultCard } from './ImportResult';
import { buildTemplateCsv, downloadText, importKind, readFileAsText } from './import-template';

/** Admin: import users from a CSV or Excel file; departments named by path are created when missing. */
export default function ImportPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const importUsers = useImportUsers();
  const [outcome, setOutcome] = useState<{ result: TImportResult; fileName: string } | null>(null);

  const upload = async (file: File) => {
    const kind = importKind(file);
    if (!kind) {
      void message.error(t('import.wrongType'));
      return;
    }
    setOutcome(null);
    try {
      const input = kind === 'csv' ? { csv: await readFileAsText(file) } : { xlsx: file };
      const result = await importUsers.mutateAsync(input);
      setOutcome({ result, fileName: file.name });
      void message.success(t('import.done', { created: result.created, updated: result.updated }));
    } catch (e) {
      notifyError(e);
    }
  };

  const downloadTemplate = () => {
    const rows = [t('import.exampleRow1'), t('import.exampleRow2')].map((line) => line.split(','));
    downloadText(t('import.templateFileName'), buildTemplateCsv(rows));
  };

  return (
    <>
      <PageHeader
        title={t('import.title')}
        description={t('import.description')}
        extra={
          <Button icon={<DownloadOutlined />} onClick={downloadTemplate} data-testid="import-template">
            {t('import.downloadTemplate')}
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={10}>
          <Card title={t('import.uploadTitle')}>
            <div data-testid="import-upload">
              <Spin spinning={importUsers.isPending}>
                <Upload.Dragger
                  accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                  multiple={false}
                  showUploadList={false}
                  disabled={importUsers.isPending}
                  beforeUpload={(file) => {
                    void upload(file);
                    return false; // the file is sent by us, not by the Upload component
                  }}
                >
                  <p className="ant-upload-drag-icon">
                    <InboxOutlined />
                  </p>
                  <p className="ant-upload-text">{t('import.dropHint')}</p>
                  <p className="ant-upload-hint">{t('import.dropSubHint')}</p>
                </Upload.Dragger>
              </Spin>
            </div>
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {t('import.safety')}
            </Typography.Paragraph>
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <ImportColumnsHelp />
        </Col>
        {outcome && (
          <Col span={24}>
            <ImportResultCard result={outcome.result} fileName={outcome.fileName} />
          </Col>
        )}
      </Row>
    </>
  );
}
