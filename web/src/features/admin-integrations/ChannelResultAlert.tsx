import type { TChannelResult } from '@zhoubao/contracts';
import { Alert, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** What a test send did: sent, skipped or failed, with the receiver's answer. */
export function ChannelResultAlert({ result, testId }: { result: TChannelResult; testId: string }) {
  const { t } = useTranslation();
  const type = result.status === 'sent' ? 'success' : result.status === 'skipped' ? 'warning' : 'error';
  return (
    <Alert
      type={type}
      showIcon
      data-testid={testId}
      data-status={result.status}
      title={t(`integrations.result.${result.status}`)}
      description={
        <>
          {result.error && <div>{t('integrations.result.error', { error: result.error })}</div>}
          {result.responseCode !== null && <div>{t('integrations.result.code', { code: result.responseCode })}</div>}
          {result.response && (
            <Typography.Text code style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap' }}>
              {result.response}
            </Typography.Text>
          )}
        </>
      }
    />
  );
}
