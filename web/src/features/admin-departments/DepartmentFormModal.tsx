import { App, Form, Input, InputNumber, Modal } from 'antd';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { type DepartmentNode, subtreeIds } from '../../lib/department-tree';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { DepartmentSelect } from './DepartmentSelect';
import { useCreateDepartment, useUpdateDepartment } from './departments.api';

export type DepartmentDialog =
  | { mode: 'create'; parentId: string | null; sortOrder: number }
  | { mode: 'edit'; department: DepartmentNode };

interface FormValues {
  name: string;
  parentId: string | null;
  sortOrder: number | null;
}

/** Creates a department, or renames / moves / re-orders one. */
export function DepartmentFormModal({
  dialog,
  onClose,
}: {
  dialog: DepartmentDialog | null;
  onClose: (savedParentId?: string | null) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const create = useCreateDepartment();
  const update = useUpdateDepartment();
  const editing = dialog?.mode === 'edit' ? dialog.department : null;

  useEffect(() => {
    if (!dialog) return;
    form.resetFields();
    form.setFieldsValue(
      dialog.mode === 'edit'
        ? { name: dialog.department.name, parentId: dialog.department.parentId, sortOrder: dialog.department.sortOrder }
        : { name: '', parentId: dialog.parentId, sortOrder: dialog.sortOrder },
    );
  }, [dialog, form]);

  // A department cannot move under itself or under one of its own sub-departments.
  const blocked = useMemo(() => (editing ? subtreeIds(editing) : undefined), [editing]);

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'conflict') {
      form.setFields([{ name: 'name', errors: [t('departments.conflict')] }]);
    } else if (!applyFieldErrors(form, e)) {
      notifyError(e);
    }
  };

  const onFinish = (values: FormValues) => {
    const name = values.name.trim();
    const parentId = values.parentId ?? null;
    const sortOrder = values.sortOrder ?? undefined;
    const done = () => {
      void message.success(t('common.saved'));
      onClose(parentId);
    };
    if (!editing) {
      create.mutate({ name, parentId, sortOrder }, { onSuccess: done, onError });
      return;
    }
    const changes = {
      ...(name !== editing.name ? { name } : {}),
      ...(parentId !== editing.parentId ? { parentId } : {}),
      ...(sortOrder !== undefined && sortOrder !== editing.sortOrder ? { sortOrder } : {}),
    };
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: editing.id, ...changes }, { onSuccess: done, onError });
  };

  return (
    <Modal
      open={dialog !== null}
      title={editing ? t('departments.editTitle') : t('departments.createTitle')}
      onCancel={() => onClose()}
      onOk={() => form.submit()}
      okText={t('common.save')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...testId('dept-form-submit') }}
      destroyOnHidden
    >
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} preserve={false}>
        <Form.Item
          name="name"
          label={t('departments.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 100 }]}
        >
          <Input autoFocus maxLength={100} data-testid="dept-name" />
        </Form.Item>
        <Form.Item name="parentId" label={t('departments.parent')} extra={t('departments.parentHelp')}>
          <DepartmentSelect disabledIds={blocked} allowClear placeholder={t('departments.topLevel')} data-testid="dept-parent" />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('departments.sortOrder')} extra={t('departments.sortOrderHelp')}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} data-testid="dept-sort-order" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
