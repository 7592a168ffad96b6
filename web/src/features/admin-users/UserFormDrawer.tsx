import type { TCreateUserRequest, TRole, TUpdateUserRequest, TUser } from '@zhoubao/contracts';
import { App, Button, Drawer, Flex, Form, Grid } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { UserFormFields, type UserFormValues } from './UserFormFields';
import { useCreateUser, useUpdateUser } from './users.api';

const emptyToNull = (v: string | undefined | null) => (v?.trim() ? v.trim() : null);

function toCreateRequest(v: UserFormValues): TCreateUserRequest {
  const roles: TRole[] = ['member', ...v.roles];
  return {
    username: v.username.trim(),
    displayName: v.displayName.trim(),
    password: v.password ?? '',
    departmentId: v.departmentId ?? '',
    title: emptyToNull(v.title),
    email: emptyToNull(v.email),
    roles,
    supervises: v.roles.includes('leader') ? v.supervises : [],
    ...(v.sortOrder != null ? { sortOrder: v.sortOrder } : {}),
  };
}

/** Only the fields that differ from the stored user (PATCH semantics). */
function toUpdateRequest(v: UserFormValues, user: TUser): Partial<TUpdateUserRequest> {
  const next = toCreateRequest(v);
  const changes: Partial<TUpdateUserRequest> = {};
  if (next.username !== user.username) changes.username = next.username;
  if (next.displayName !== user.displayName) changes.displayName = next.displayName;
  if (v.password) changes.password = v.password;
  if (next.departmentId !== user.departmentId) changes.departmentId = next.departmentId;
  if (next.title !== user.title) changes.title = next.title;
  if (next.email !== user.email) changes.email = next.email;
  const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const currentRoles: TRole[] = ['member', ...user.roles.filter((r) => r !== 'member')];
  if (!sameSet(next.roles ?? [], currentRoles)) changes.roles = next.roles;
  if (!sameSet(next.supervises ?? [], user.supervises)) changes.supervises = next.supervises;
  if (next.sortOrder !== undefined && next.sortOrder !== user.sortOrder) changes.sortOrder = next.sortOrder;
  return changes;
}

/** Create a user (`user` null) or edit one, in a side drawer (full width on phones). */
export function UserFormDrawer({ open, user, onClose }: { open: boolean; user: TUser | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const screens = Grid.useBreakpoint();
  const [form] = Form.useForm<UserFormValues>();
  const create = useCreateUser();
  const update = useUpdateUser();

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (user) {
      form.setFieldsValue({
        username: user.username,
        displayName: user.displayName,
        password: undefined,
        departmentId: user.departmentId ?? undefined,
        title: user.title ?? '',
        email: user.email ?? '',
        roles: user.roles.filter((r) => r !== 'member'),
        supervises: user.supervises,
        sortOrder: user.sortOrder,
      });
    }
  }, [open, user, form]);

  const onError = (e: unknown) => {
    if (isApiError(e) && e.code === 'conflict') {
      form.setFields([{ name: 'username', errors: [t('users.usernameTaken')] }]);
    } else if (!applyFieldErrors(form, e)) {
      notifyError(e);
    }
  };
  const onSaved = () => {
    void message.success(t('common.saved'));
    onClose();
  };

  const onFinish = (values: UserFormValues) => {
    if (!user) {
      create.mutate(toCreateRequest(values), { onSuccess: onSaved, onError });
      return;
    }
    const changes = toUpdateRequest(values, user);
    if (Object.keys(changes).length === 0) return onClose();
    update.mutate({ id: user.id, ...changes }, { onSuccess: onSaved, onError });
  };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={user ? t('users.editTitle', { name: user.displayName }) : t('users.createTitle')}
      size={screens.sm === false ? '100%' : 560}
      destroyOnHidden
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending || update.isPending}
            onClick={() => form.submit()}
            data-testid="user-form-submit"
          >
            {t('common.save')}
          </Button>
        </Flex>
      }
    >
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ roles: [], supervises: [] }}
        data-testid="user-form"
      >
        <UserFormFields editing={user !== null} />
      </Form>
    </Drawer>
  );
}
