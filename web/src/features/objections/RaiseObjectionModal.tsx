import { App, Form, Input, Modal, Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';
import { useRaiseObjection } from './objections.api';

/** The longest reason the server accepts. */
export const REASON_MAX = 2000;

/** Raises an objection to the score of one of the caller's weeks, with the reason. */
export function RaiseObjectionModal({ week, onClose }: { week: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const label = useWeekLabel();
  const [form] = Form.useForm<{ reason: string }>();
  const raise = useRaiseObjection();

  useEffect(() => {
    if (week) form.resetFields();
  }, [week, form]);

  const onFinish = ({ reason }: { reason: string }) => {
    if (!week) return;
    raise.mutate(
      { week, reason: reason.trim() },
      {
        onSuccess: () => {
          void message.success(t('objections.raised'));
          onClose();
        },
        onError: (e) => {
          if (isApiError(e) && e.code === 'conflict') {
            void message.warning(t('objections.alreadyOpen'));
            onClose();
          } else if (!applyFieldErrors(form, e)) notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={week !== null}
      title={t('objections.raiseTitle', { week: week ? label(week) : '' })}
      okText={t('objections.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={raise.isPending}
      destroyOnHidden
      okButtonProps={testId('objection-submit')}
    >
      <Typography.Paragraph type="secondary">{t('objections.raiseHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="objection-form">
        <Form.Item
          name="reason"
          label={t('objections.reason')}
          rules={[{ required: true, whitespace: true, message: t('objections.reasonRequired') }]}
        >
          <Input.TextArea
            maxLength={REASON_MAX}
            showCount
            autoSize={{ minRows: 4, maxRows: 10 }}
            placeholder={t('objections.reasonPlaceholder')}
            data-testid="objection-reason"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
