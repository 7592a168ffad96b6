import { AppstoreOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Col, Flex, Grid, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useDepartments } from '../admin-departments/departments.api';
import { useCurrentUser } from '../auth/auth.api';
import { useGoals } from '../person/person.api';
import { useInvalidateToReadWhen } from '../to-read/to-read.api';
import { useWeekLabel } from '../wall/WeekPicker';
import { CommentsCard } from './CommentsCard';
import { EvaluationCard } from './EvaluationCard';
import { useEvaluation } from './evaluation.api';
import { GradePanel } from './GradePanel';
import { ReadersCard } from './ReadersCard';
import { ReportCard } from './ReportCard';
import { useReport } from './report.api';
import { VersionsDrawer } from './VersionsDrawer';

/**
 * One report in full, as the caller may see it, with its versions, (for those allowed) its readers,
 * and once submitted its evaluation: likes, ratings, grades, comments and feedback.
 */
export default function ReportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const isWide = Grid.useBreakpoint().lg === true;
  const id = useParams().id ?? '';
  const report = useReport(id);
  const submitted = report.data?.status === 'submitted';
  const evaluation = useEvaluation(id, submitted);
  const departmentName = useDepartments().data?.byId.get(report.data?.departmentId ?? '')?.name;
  const weekLabel = useWeekLabel();
  const [versionsOpen, setVersionsOpen] = useState(false);
  // The author's goals name the goal an item is linked to; fetched only when an item has one.
  const linksGoals = report.data?.items.some((i) => 'goalId' in i && i.goalId !== null) === true;
  const goals = useGoals(report.data?.userId, linksGoals);
  const goalTitles = useMemo(() => new Map((goals.data?.items ?? []).map((g) => [g.id, g.title])), [goals.data]);
  useInvalidateToReadWhen(report.isSuccess);

  if (report.isPending) return <Skeleton active avatar paragraph={{ rows: 8 }} />;
  if (report.isError) {
    if (isApiError(report.error) && report.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult message={errorText(report.error)} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  const own = r.userId === user.id;
  const wallLink = `/wall/${r.week}${r.departmentId ? `?dept=${encodeURIComponent(r.departmentId)}` : ''}`;

  const reportCard = (
    <div data-testid="report-view" data-report-id={r.id}>
      <ReportCard report={r} goalTitles={goalTitles} />
    </div>
  );
  const comments = submitted && <CommentsCard reportId={r.id} />;
  const received = (
    <>
      {submitted && <EvaluationCard reportId={r.id} own={own} />}
      {/* The evaluation carries `grades` exactly for those who may grade (the server's canGrade). */}
      {submitted && evaluation.data?.grades !== undefined && <GradePanel reportId={r.id} evaluation={evaluation.data} />}
    </>
  );
  const readers = <ReadersCard reportId={r.id} />;

  return (
    <>
      <PageHeader
        title={
          // The author's name opens their living file.
          <Trans
            i18nKey="person.reportTitleLinked"
            values={{ name: r.displayName }}
            components={{ name: <Link to={`/people/${encodeURIComponent(r.userId)}`} data-testid="report-author-link" /> }}
          />
        }
        description={[departmentName, weekLabel(r.week)].filter(Boolean).join(' · ')}
        extra={
          <>
            <Button icon={<AppstoreOutlined />} onClick={() => void navigate(wallLink)} data-testid="report-back-to-wall">
              {t('report.backToWall')}
            </Button>
            {r.status === 'submitted' && (
              <Button icon={<HistoryOutlined />} onClick={() => setVersionsOpen(true)} data-testid="report-versions">
                {t('report.versions')}
              </Button>
            )}
          </>
        }
      />
      {isWide ? (
        <Row gutter={[16, 16]}>
          <Col span={16}>
            <Flex vertical gap={16}>
              {reportCard}
              {comments}
            </Flex>
          </Col>
          <Col span={8}>
            <Flex vertical gap={16}>
              {received}
              {readers}
            </Flex>
          </Col>
        </Row>
      ) : (
        // One column on narrow screens: the report, then how it was received, then the thread.
        <Flex vertical gap={12}>
          {reportCard}
          {received}
          {comments}
          {readers}
        </Flex>
      )}
      <VersionsDrawer reportId={r.id} currentVersion={r.version} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </>
  );
}
