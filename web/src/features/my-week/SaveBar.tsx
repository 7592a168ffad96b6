import {
  CheckCircleFilled,
  CheckOutlined,
  CloudSyncOutlined,
  DisconnectOutlined,
  EditOutlined,
  ExclamationCircleFilled,
  SendOutlined,
} from '@ant-design/icons';
import type { TReport } from '@zhoubao/contracts';
import { Button, Flex, Tooltip, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import type { SaveState } from './use-report-draft';

interface Props {
  state: SaveState;
  report: TReport | null;
  failure: unknown;
  hasFieldErrors: boolean;
  phone: boolean;
  submitting: boolean;
  onRetry: () => void;
  onSubmit: () => void;
}

/** Where the draft stands: saved (when), saving, not saved yet, offline, or failed. */
function SaveIndicator({ state, report, failure, hasFieldErrors, onRetry }: Omit<Props, 'phone' | 'submitting' | 'onSubmit'>) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const view: Record<SaveState, { icon: ReactNode; color: string; text: string }> = {
    saved: {
      icon: <CheckCircleFilled />,
      color: report ? token.colorSuccess : token.colorTextQuaternary,
      text: report ? t('myWeek.save.saved', { time: dayjs(report.updatedAt).format('HH:mm') }) : t('myWeek.save.empty'),
    },
    saving: { icon: <CloudSyncOutlined />, color: token.colorPrimary, text: t('myWeek.save.saving') },
    dirty: { icon: <EditOutlined />, color: token.colorTextSecondary, text: t('myWeek.save.dirty') },
    offline: { icon: <DisconnectOutlined />, color: token.colorWarning, text: t('myWeek.save.offline') },
    error: {
      icon: <ExclamationCircleFilled />,
      color: token.colorError,
      text: hasFieldErrors ? t('myWeek.save.invalid') : t('myWeek.save.error'),
    },
  };
  const { icon, color, text } = view[state];
  const detail =
    state === 'offline' ? t('myWeek.save.offlineHelp') : state === 'error' && failure ? errorText(failure) : undefined;
  return (
    <Flex align="center" gap={6} style={{ minWidth: 0 }} data-testid="save-state" data-state={state} aria-live="polite">
      <span style={{ color, fontSize: 16, display: 'inline-flex' }}>{icon}</span>
      <Tooltip title={detail}>
        <Typography.Text style={{ color: state === 'saved' ? token.colorTextSecondary : color }} ellipsis>
          {text}
        </Typography.Text>
      </Tooltip>
      {state === 'error' && !hasFieldErrors && (
        <Button type="link" size="small" onClick={onRetry} style={{ paddingInline: 4 }} data-testid="save-retry">
          {t('common.retry')}
        </Button>
      )}
    </Flex>
  );
}

/** The bar stuck to the bottom of the editor: save state on the left, Submit on the right. */
export function SaveBar(props: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const { report, phone, submitting, onSubmit } = props;
  const submitted = report?.status === 'submitted';
  return (
    <div
      style={{
        position: 'sticky',
        bottom: 0,
        zIndex: 5,
        marginTop: 16,
        marginInline: phone ? -12 : 0,
        padding: phone ? '10px 12px calc(10px + env(safe-area-inset-bottom))' : '12px 16px',
        background: token.colorBgContainer,
        borderTop: `1px solid ${token.colorBorderSecondary}`,
        borderRadius: phone ? 0 : token.borderRadiusLG,
        boxShadow: '0 -4px 12px rgba(0, 0, 0, 0.06)',
      }}
    >
      <Flex align="center" justify="space-between" gap={12}>
        <SaveIndicator {...props} />
        <Button
          type="primary"
          size="large"
          icon={submitted ? <CheckOutlined /> : <SendOutlined />}
          disabled={submitted}
          loading={submitting}
          onClick={onSubmit}
          style={{ flexShrink: 0, minWidth: phone ? 112 : 128 }}
          {...testId('report-submit', { submitted: String(submitted) })}
        >
          {submitted ? t('myWeek.submit.submitted') : t('myWeek.submit.button')}
        </Button>
      </Flex>
    </div>
  );
}
