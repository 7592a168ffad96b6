import { PlusOutlined } from '@ant-design/icons';
import type { TUser } from '@zhoubao/contracts';
import { App, Button, Card, Checkbox, Col, Flex, Grid, Input, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { departmentPath } from '../../lib/department-tree';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { DepartmentSelect } from '../admin-departments/DepartmentSelect';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';
import type { UserActionHandlers } from './UserBits';
import { UserFormDrawer } from './UserFormDrawer';
import { UsersCardList } from './UsersCardList';
import { UsersTable } from './UsersTable';
import { type UserFilters, useUpdateUser, useUsers } from './users.api';

/** Admin: search, filter, create, edit, disable and enable users. */
export default function UsersAdminPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const me = useCurrentUser();
  const [filters, setFilters] = useState<UserFilters>({ includeInactive: true });
  const [editing, setEditing] = useState<{ user: TUser | null } | null>(null);
  const users = useUsers(filters);
  const departments = useDepartments();
  const update = useUpdateUser();

  const rows = users.data?.pages.flatMap((p) => p.items) ?? [];
  const byId = departments.data?.byId;
  const pathOf = (id: string | null) => (byId ? departmentPath(id, byId).join(' / ') : '');
  const UsersList = Grid.useBreakpoint().md === false ? UsersCardList : UsersTable;
  const handlers: UserActionHandlers = {
    currentUserId: me.id,
    onEdit: (user) => setEditing({ user }),
    onToggleActive: (user) => toggleActive(user),
  };

  const toggleActive = (user: TUser) => {
    const disabling = user.active;
    modal.confirm({
      title: disabling
        ? t('users.disableConfirmTitle', { name: user.displayName })
        : t('users.enableConfirmTitle', { name: user.displayName }),
      content: disabling ? t('users.disableConfirm') : t('users.enableConfirm'),
      okText: disabling ? t('users.disable') : t('users.enable'),
      okButtonProps: { danger: disabling, 'data-testid': 'user-toggle-confirm' },
      onOk: () =>
        update
          .mutateAsync({ id: user.id, active: !user.active })
          .then(() => void message.success(disabling ? t('users.disabledDone') : t('users.enabledDone')), notifyError),
    });
  };

  return (
    <>
      <PageHeader
        title={t('users.pageTitle')}
        description={t('users.description')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ user: null })} data-testid="user-create">
            {t('users.create')}
          </Button>
        }
      />
      <Card styles={{ body: { paddingBottom: 0 } }} style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} style={{ paddingBottom: 24 }}>
          <Col xs={24} md={9}>
            <Input.Search
              allowClear
              placeholder={t('users.searchPlaceholder')}
              onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
              data-testid="users-search"
            />
          </Col>
          <Col xs={24} md={9}>
            <DepartmentSelect
              allowClear
              placeholder={t('users.filterDepartment')}
              value={filters.departmentId}
              onChange={(id) => setFilters((f) => ({ ...f, departmentId: (id as string | undefined) || undefined }))}
              data-testid="users-department-filter"
            />
          </Col>
          <Col xs={24} md={6}>
            <Flex align="center" style={{ height: '100%' }}>
              <Checkbox
                checked={filters.includeInactive === true}
                onChange={(e) => setFilters((f) => ({ ...f, includeInactive: e.target.checked }))}
                data-testid="users-include-inactive"
              >
                {t('users.includeDisabled')}
              </Checkbox>
            </Flex>
          </Col>
        </Row>
      </Card>
      <Card styles={{ body: { padding: 0 } }}>
        {users.isError ? (
          <LoadErrorResult message={errorText(users.error)} onRetry={() => void users.refetch()} />
        ) : (
          <UsersList users={rows} loading={users.isPending} pathOf={pathOf} handlers={handlers} />
        )}
        <Flex justify="space-between" align="center" wrap gap={8} style={{ padding: '12px 16px' }}>
          <Typography.Text type="secondary">{t('users.loadedCount', { n: rows.length })}</Typography.Text>
          {users.hasNextPage && (
            <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage} data-testid="users-load-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      </Card>
      <UserFormDrawer open={editing !== null} user={editing?.user ?? null} onClose={() => setEditing(null)} />
    </>
  );
}
