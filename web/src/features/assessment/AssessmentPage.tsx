import { DownloadOutlined } from '@ant-design/icons';
import type { TScoreRow } from '@zhoubao/contracts';
import { Button, Card, Col, Grid, Row, Skeleton, TreeSelect, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import type { DepartmentNode } from '../../lib/department-tree';
import { useErrorText } from '../../lib/errors';
import { hasRole } from '../../lib/roles';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';
import { departmentChoices } from '../department/department-access';
import { useCurrentWeek } from '../wall/wall.api';
import { BreakdownDrawer } from './BreakdownDrawer';
import { PeriodFilter } from './PeriodFilter';
import { periodFrom } from './period';
import { RulesCard } from './RulesCard';
import { ScoreCharts } from './ScoreCharts';
import { ScoresCards, ScoresTable } from './ScoresList';
import { SnapshotsCard } from './SnapshotsCard';
import { scoresExportUrl, useScores } from './scoring.api';
import { canUseSnapshots } from './snapshots.api';

interface DeptOption {
  value: string;
  title: string;
  disabled: boolean;
  children: DeptOption[];
}

/** The whole tree, with the departments the user may not assess shown but not choosable. */
function deptOptions(nodes: DepartmentNode[], allowed: ReadonlySet<string>): DeptOption[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: !allowed.has(n.id),
    children: deptOptions(n.children, allowed),
  }));
}

/**
 * Quantified performance (周报量化为绩效): everyone's points for a period, ranked, with charts of the
 * departments and of the distribution, the breakdown of each person's weeks and, for assessors, the
 * snapshots (frozen assessments) and the rules. `?from=&to=&dept=` keep the choice.
 */
export default function AssessmentPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const current = useCurrentWeek();
  const departments = useDepartments();
  const [search, setSearch] = useSearchParams();
  const [open, setOpen] = useState<TScoreRow | null>(null);
  const phone = Grid.useBreakpoint().md === false;

  const tree = departments.data?.tree;
  const allowed = useMemo(
    () =>
      new Set(
        tree
          ? departmentChoices(user, tree)
              .filter((c) => c.manageable)
              .map((c) => c.id)
          : [],
      ),
    [user, tree],
  );
  const treeData = useMemo(() => (tree ? deptOptions(tree, allowed) : []), [tree, allowed]);

  const currentWeek = current.data?.week;
  const period = currentWeek ? periodFrom(search, currentWeek) : undefined;
  const requestedDept = search.get('dept');
  const departmentId = requestedDept && allowed.has(requestedDept) ? requestedDept : undefined;
  const filter = period && { ...period, departmentId };
  const scores = useScores(filter);
  const rows = scores.data?.items ?? [];

  const update = (changes: Record<string, string | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );

  const departmentName = useCallback(
    (id: string | null) => (id ? (departments.data?.byId.get(id)?.name ?? '') : '—'),
    [departments.data],
  );
  const canEditRules = hasRole(user, 'assessor', 'admin');
  const List = phone ? ScoresCards : ScoresTable;

  return (
    <>
      <PageHeader
        title={t('assessment.title')}
        description={t('assessment.description')}
        extra={
          filter && (
            <Button icon={<DownloadOutlined />} href={scoresExportUrl(filter)} download data-testid="scores-export">
              {t('assessment.export')}
            </Button>
          )
        }
      />
      <Card style={{ marginBottom: 16 }}>
        <Row gutter={[12, 12]} align="middle">
          <Col xs={24} md={14}>
            {period && currentWeek ? (
              <PeriodFilter from={period.from} to={period.to} currentWeek={currentWeek} onChange={(p) => update(p)} />
            ) : (
              <Skeleton.Input active block />
            )}
          </Col>
          <Col xs={24} md={10}>
            <TreeSelect<string>
              allowClear
              treeData={treeData}
              value={departmentId}
              onChange={(id) => update({ dept: id })}
              loading={departments.isPending}
              showSearch={{ treeNodeFilterProp: 'title' }}
              treeDefaultExpandAll
              popupMatchSelectWidth={false}
              placeholder={t('assessment.allDepartments')}
              aria-label={t('assessment.department')}
              style={{ width: '100%' }}
              data-testid="scores-department"
            />
          </Col>
        </Row>
      </Card>
      {!(current.isError || scores.isError) && (
        <ScoreCharts rows={rows} loading={!filter || scores.isPending} departmentName={departmentName} />
      )}
      {canUseSnapshots(user) && <SnapshotsCard from={period?.from} to={period?.to} />}
      <Card
        styles={{ body: { padding: 0 } }}
        style={{ marginBottom: 16 }}
        title={t('assessment.ranking')}
        extra={
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('assessment.people', { n: rows.length })}
          </Typography.Text>
        }
      >
        {current.isError || scores.isError ? (
          <LoadErrorResult
            message={errorText(current.error ?? scores.error)}
            onRetry={() => void (current.isError ? current.refetch() : scores.refetch())}
          />
        ) : (
          <List rows={rows} loading={!filter || scores.isPending} departmentName={departmentName} onOpen={setOpen} />
        )}
      </Card>
      {canEditRules && (
        <Card title={t('assessment.rules.title')} data-testid="rules-card">
          <RulesCard editable={canEditRules} />
        </Card>
      )}
      {period && <BreakdownDrawer row={open} from={period.from} to={period.to} onClose={() => setOpen(null)} />}
    </>
  );
}
