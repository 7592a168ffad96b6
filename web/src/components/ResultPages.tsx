import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Shown for a route the signed-in user's roles do not allow. */
export function ForbiddenResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="403"
      title="403"
      subTitle={t('result.forbidden')}
      data-testid="result-forbidden"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('result.backHome')}
        </Button>
      }
    />
  );
}

export function NotFoundResult() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('result.notFound')}
      data-testid="result-not-found"
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('result.backHome')}
        </Button>
      }
    />
  );
}

/** A query that failed to load, with a retry button. */
export function LoadErrorResult({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Result
      status="error"
      title={t('result.loadFailed')}
      subTitle={message}
      extra={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}
