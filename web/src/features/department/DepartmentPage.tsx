import { isValidWeekId } from '@zhoubao/contracts';
import { Card, Empty, Select, Skeleton } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';
import { WeekPicker } from '../wall/WeekPicker';
import { useCurrentWeek } from '../wall/wall.api';
import { DepartmentWorkspace } from './DepartmentWorkspace';
import { departmentChoices } from './department-access';

/**
 * The department's week for its head (and its leaders and assessors, who pick the department):
 * who has submitted, the department summary, the bulletin's preview and its publication.
 * `?dept=` and `?week=` keep the choice in the address.
 */
export default function DepartmentPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const departments = useDepartments();
  const current = useCurrentWeek();
  const [search, setSearch] = useSearchParams();
  const tree = departments.data?.tree;
  const choices = useMemo(() => (tree ? departmentChoices(user, tree) : []), [user, tree]);

  const requested = search.get('dept');
  const department =
    choices.find((c) => c.id === requested) ??
    choices.find((c) => c.id === user.departmentId && c.manageable) ??
    choices.find((c) => c.manageable) ??
    choices[0];
  const requestedWeek = search.get('week');
  const week = requestedWeek && isValidWeekId(requestedWeek) ? requestedWeek : current.data?.week;

  const setParam = (key: string, value: string) =>
    setSearch((prev) => {
      const next = new URLSearchParams(prev);
      next.set(key, value);
      return next;
    });

  const picker = (
    <>
      {choices.length > 1 && (
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          value={department?.id}
          onChange={(id: string) => setParam('dept', id)}
          options={choices.map((c) => ({ value: c.id, label: c.path, title: c.name }))}
          aria-label={t('department.pickDepartment')}
          placeholder={t('department.pickDepartment')}
          popupMatchSelectWidth={false}
          style={{ minWidth: 200, maxWidth: '100%' }}
          data-testid="dept-select"
        />
      )}
      {week ? (
        <WeekPicker
          week={week}
          currentWeek={current.data?.week}
          onChange={(w) => setParam('week', w)}
          testIdPrefix="department"
        />
      ) : (
        <Skeleton.Button active style={{ width: 220 }} />
      )}
    </>
  );

  let body: React.ReactNode;
  if (departments.isError || current.isError) {
    const error = departments.error ?? current.error;
    body = (
      <LoadErrorResult
        message={errorText(error)}
        onRetry={() => void (departments.isError ? departments.refetch() : current.refetch())}
      />
    );
  } else if (!tree || !week) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (!department) {
    body = (
      <Card>
        <Empty description={t('department.noDepartment')} data-testid="department-none" />
      </Card>
    );
  } else {
    body = <DepartmentWorkspace key={`${department.id}:${week}`} department={department} week={week} />;
  }

  return (
    <>
      <PageHeader
        title={department ? t('department.title', { name: department.name }) : t('nav.department')}
        description={t('department.description')}
        extra={picker}
      />
      {body}
    </>
  );
}
