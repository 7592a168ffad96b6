import { AppstoreOutlined, HistoryOutlined } from '@ant-design/icons';
import { Button, Col, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useDepartments } from '../admin-departments/departments.api';
import { useWeekLabel } from '../wall/WeekPicker';
import { ReadersCard } from './ReadersCard';
import { ReportCard } from './ReportCard';
import { useReport } from './report.api';
import { VersionsDrawer } from './VersionsDrawer';

/** One report in full, as the caller may see it, with its versions and (for those allowed) its readers. */
export default function ReportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const id = useParams().id ?? '';
  const report = useReport(id);
  const departmentName = useDepartments().data?.byId.get(report.data?.departmentId ?? '')?.name;
  const weekLabel = useWeekLabel();
  const [versionsOpen, setVersionsOpen] = useState(false);

  if (report.isPending) return <Skeleton active avatar paragraph={{ rows: 8 }} />;
  if (report.isError) {
    if (isApiError(report.error) && report.error.status === 404) return <NotFoundResult />;
    return <LoadErrorResult message={errorText(report.error)} onRetry={() => void report.refetch()} />;
  }
  const r = report.data;
  const wallLink = `/wall/${r.week}${r.departmentId ? `?dept=${encodeURIComponent(r.departmentId)}` : ''}`;

  return (
    <>
      <PageHeader
        title={t('report.title', { name: r.displayName })}
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
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16} data-testid="report-view" data-report-id={r.id}>
          <ReportCard report={r} />
        </Col>
        <Col xs={24} lg={8}>
          <ReadersCard reportId={r.id} />
        </Col>
      </Row>
      <VersionsDrawer reportId={r.id} currentVersion={r.version} open={versionsOpen} onClose={() => setVersionsOpen(false)} />
    </>
  );
}
