import type { TObjectionStatus } from '@zhoubao/contracts';
import { Button, Card, Col, Empty, Flex, Row, Segmented, Skeleton, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { toTreeSelectData } from '../../lib/department-tree';
import { useErrorText } from '../../lib/errors';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';
import { ObjectionCard } from './ObjectionCard';
import { useObjections } from './objections.api';

/**
 * Objections (异议) for the assessment office: open ones waiting for an answer, or answered ones,
 * by department; `?status=&dept=` keep the choice.
 */
export default function ObjectionsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const departments = useDepartments();
  const [search, setSearch] = useSearchParams();
  const status: TObjectionStatus = search.get('status') === 'answered' ? 'answered' : 'open';
  const dept = search.get('dept') ?? undefined;
  const departmentId = dept && departments.data?.byId.has(dept) ? dept : undefined;
  const list = useObjections({ status, departmentId });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const treeData = useMemo(() => (departments.data ? toTreeSelectData(departments.data.tree) : []), [departments.data]);

  const update = (key: string, value: string | undefined) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const departmentName = (id: string | null) => (id ? (departments.data?.byId.get(id)?.name ?? '') : '');

  return (
    <>
      <PageHeader title={t('objections.title')} description={t('objections.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={10}>
            <Segmented<TObjectionStatus>
              block
              value={status}
              onChange={(v) => update('status', v === 'open' ? undefined : v)}
              options={[
                { value: 'open', label: t('objections.tabOpen') },
                { value: 'answered', label: t('objections.tabAnswered') },
              ]}
              data-testid="objections-status"
            />
          </Col>
          <Col xs={24} md={14}>
            <TreeSelect<string>
              allowClear
              treeData={treeData}
              value={departmentId}
              onChange={(id) => update('dept', id)}
              loading={departments.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              popupMatchSelectWidth={false}
              placeholder={t('objections.allDepartments')}
              aria-label={t('objections.department')}
              style={{ width: '100%' }}
              data-testid="objections-department"
            />
          </Col>
        </Row>
      </Card>
      {list.isError ? (
        <LoadErrorResult message={errorText(list.error)} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : items.length === 0 ? (
        <Card>
          <Empty
            description={t(status === 'open' ? 'objections.emptyOpen' : 'objections.emptyAnswered')}
            data-testid="objections-empty"
          />
        </Card>
      ) : (
        <Flex vertical gap={12} data-testid="objections-list">
          {items.map((o) => (
            <ObjectionCard key={o.id} objection={o} departmentName={departmentName(o.departmentId)} mine={o.userId === user.id} />
          ))}
          {list.hasNextPage && (
            <Flex justify="center">
              <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage} data-testid="objections-more">
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </Flex>
      )}
    </>
  );
}
