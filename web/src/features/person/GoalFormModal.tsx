import { GOAL_LIMITS, type TGoal } from '@zhoubao/contracts';
import { App, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useSaveGoal } from './person.api';

interface FormValues {
  title: string;
  description?: string;
  due?: Dayjs | null;
}

/** Sets a new goal, or edits one (`goal`): title, description and an optional due date. */
export function GoalFormModal({ open, goal, onClose }: { open: boolean; goal: TGoal | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveGoal();

  useEffect(() => {
    if (!open) return;
    form.setFieldsValue({
      title: goal?.title ?? '',
      description: goal?.description ?? '',
      due: goal?.due ? dayjs(goal.due) : null,
    });
  }, [open, goal, form]);

  const onFinish = ({ title, description, due }: FormValues) => {
    const body = { title, description: description?.trim() || null, due: due ? due.format('YYYY-MM-DD') : null };
    save.mutate(
      { id: goal?.id, body },
      {
        onSuccess: () => {
          void message.success(t(goal ? 'person.goals.updated' : 'person.goals.created'));
          onClose();
        },
        onError: (e) => {
          if (!applyFieldErrors(form, e)) notifyError(e);
        },
      },
    );
  };

  return (
    <Modal
      open={open}
      title={t(goal ? 'person.goals.editTitle' : 'person.goals.newTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
      destroyOnHidden
      okButtonProps={testId('goal-save')}
    >
      <Form form={form} layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="goal-form">
        <Form.Item
          name="title"
          label={t('person.goals.fieldTitle')}
          rules={[{ required: true, whitespace: true, message: t('person.goals.titleRequired') }]}
        >
          <Input maxLength={GOAL_LIMITS.title} placeholder={t('person.goals.titlePlaceholder')} data-testid="goal-title" />
        </Form.Item>
        <Form.Item name="description" label={t('person.goals.fieldDescription')}>
          <Input.TextArea
            maxLength={GOAL_LIMITS.description}
            autoSize={{ minRows: 2, maxRows: 6 }}
            placeholder={t('person.goals.descriptionPlaceholder')}
            data-testid="goal-description"
          />
        </Form.Item>
        <Form.Item name="due" label={t('person.goals.fieldDue')}>
          <DatePicker style={{ width: '100%' }} inputReadOnly data-testid="goal-due" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
