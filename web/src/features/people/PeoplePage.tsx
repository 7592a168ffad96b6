import { CalendarOutlined } from '@ant-design/icons';
import type { TUser } from '@zhoubao/contracts';
import { Button, Card, Col, Empty, Flex, Input, Row, Skeleton, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { departmentPath } from '../../lib/department-tree';
import { useErrorText } from '../../lib/errors';
import { canRecordAbsenceFor } from '../absences/absence-access';
import { PersonAbsencesDrawer } from '../absences/PersonAbsencesDrawer';
import { DepartmentSelect } from '../admin-departments/DepartmentSelect';
import { useDepartments } from '../admin-departments/departments.api';
import { type UserFilters, useUsers } from '../admin-users/users.api';
import { useCurrentUser } from '../auth/auth.api';
import { PersonCard } from './PersonCard';

/** The organisation's people directory, searchable and filterable by department. */
export default function PeoplePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<UserFilters>({});
  const users = useUsers(filters);
  const byId = useDepartments().data?.byId;
  const people = users.data?.pages.flatMap((p) => p.items) ?? [];
  const viewer = useCurrentUser();
  // The person whose leave the drawer shows; kept while it closes so the drawer does not empty mid-animation.
  const [leaveFor, setLeaveFor] = useState<TUser | null>(null);
  const [leaveOpen, setLeaveOpen] = useState(false);
  const leaveAction = (user: TUser) =>
    canRecordAbsenceFor(viewer, user) && (
      <Tooltip title={t('absences.personAction')}>
        <Button
          type="text"
          size="small"
          icon={<CalendarOutlined />}
          data-testid="person-absences"
          onClick={() => {
            setLeaveFor(user);
            setLeaveOpen(true);
          }}
        >
          {t('absences.personActionShort')}
        </Button>
      </Tooltip>
    );

  let body: React.ReactNode;
  if (users.isError) {
    body = <LoadErrorResult message={errorText(users.error)} onRetry={() => void users.refetch()} />;
  } else if (users.isPending) {
    body = <Skeleton active avatar paragraph={{ rows: 3 }} />;
  } else if (people.length === 0) {
    body = <Empty description={t('people.empty')} />;
  } else {
    body = (
      <Row gutter={[12, 12]}>
        {people.map((user) => (
          <Col key={user.id} xs={24} sm={12} lg={8} xxl={6}>
            <PersonCard
              user={user}
              departmentPath={byId ? departmentPath(user.departmentId, byId).join(' / ') : ''}
              actions={leaveAction(user)}
            />
          </Col>
        ))}
      </Row>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.people')} description={t('people.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]}>
          <Col xs={24} md={12}>
            <Input.Search
              allowClear
              placeholder={t('people.searchPlaceholder')}
              onSearch={(q) => setFilters((f) => ({ ...f, q: q.trim() || undefined }))}
              data-testid="people-search"
            />
          </Col>
          <Col xs={24} md={12}>
            <DepartmentSelect
              allowClear
              placeholder={t('people.filterDepartment')}
              value={filters.departmentId}
              onChange={(id) => setFilters((f) => ({ ...f, departmentId: (id as string | undefined) || undefined }))}
              data-testid="people-department-filter"
            />
          </Col>
        </Row>
      </Card>
      {body}
      {users.hasNextPage && (
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage} data-testid="people-load-more">
            {t('common.loadMore')}
          </Button>
        </Flex>
      )}
      {!users.hasNextPage && people.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ textAlign: 'center', marginTop: 16 }}>
          {t('people.allLoaded', { n: people.length })}
        </Typography.Paragraph>
      )}
      <PersonAbsencesDrawer user={leaveFor} open={leaveOpen} onClose={() => setLeaveOpen(false)} />
    </>
  );
}
