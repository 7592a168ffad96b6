import { Card, Col, Grid, Row, Skeleton } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { FullPageSpin } from '../../components/FullPageSpin';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { useCurrentUser } from '../auth/auth.api';
import { useSettings } from '../settings/settings.api';
import { useCurrentWeek, useOwnReport, useWeekInfo } from './my-week.api';
import { RecentWeeks } from './RecentWeeks';
import { ReportEditor } from './ReportEditor';
import { VersionsDrawer } from './VersionsDrawer';
import { WeekHeader, weekLabel } from './WeekHeader';
import { compareWeeks, isValidWeekId } from './week-id';

/** One week: navigation, deadline and status, then the editor once the server's report is in. */
function WeekView({ week, currentWeek, phone }: { week: string; currentWeek: string; phone: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const info = useWeekInfo(week);
  const own = useOwnReport(week);
  const settings = useSettings();
  const [versionsOpen, setVersionsOpen] = useState(false);
  const go = (w: string) => void navigate(w === currentWeek ? '/my-week' : `/my-week/${w}`);
  // The editor opens on the server's text as it is now, never on a cached copy.
  const ready = own.isSuccess && own.isFetchedAfterMount;
  const report = ready ? own.data : undefined;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={16} xxl={17}>
        <WeekHeader
          week={week}
          currentWeek={currentWeek}
          info={info.data}
          report={report}
          phone={phone}
          onGo={go}
          onOpenVersions={() => setVersionsOpen(true)}
        />
        {own.isError ? (
          <Card>
            <LoadErrorResult message={errorText(own.error)} onRetry={() => void own.refetch()} />
          </Card>
        ) : ready ? (
          <ReportEditor
            userId={user.id}
            week={week}
            info={info.data}
            server={own.data}
            categories={settings.data?.categories ?? []}
            phone={phone}
          />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </Col>
      <Col xs={24} lg={8} xxl={7}>
        <RecentWeeks userId={user.id} week={week} openReport={report} onGo={go} />
      </Col>
      <VersionsDrawer
        reportId={report?.status === 'submitted' ? report.id : null}
        title={weekLabel(t, week, false)}
        open={versionsOpen}
        phone={phone}
        onClose={() => setVersionsOpen(false)}
      />
    </Row>
  );
}

/** My week (`/my-week`, `/my-week/:week`): write, autosave and submit one's weekly report. */
export default function MyWeekPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const params = useParams();
  const current = useCurrentWeek();
  const phone = Grid.useBreakpoint().md === false;

  if (current.isPending) return <FullPageSpin />;
  if (current.isError) return <LoadErrorResult message={errorText(current.error)} onRetry={() => void current.refetch()} />;
  const currentWeek = current.data.week;
  const week = params.week ?? currentWeek;
  // The server refuses reports for weeks after the current one: such links lead to this week.
  if (!isValidWeekId(week) || compareWeeks(week, currentWeek) > 0) {
    return <Navigate to="/my-week" replace />;
  }
  return (
    <>
      <PageHeader title={t('myWeek.title')} description={phone ? undefined : t('myWeek.description')} />
      <WeekView key={week} week={week} currentWeek={currentWeek} phone={phone} />
    </>
  );
}
