import { Card, Col, Flex, Grid, Row, Skeleton } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { PeriodFilter } from '../assessment/PeriodFilter';
import { useCurrentUser } from '../auth/auth.api';
import { useCurrentWeek } from '../wall/wall.api';
import { AchievementsCard } from './AchievementsCard';
import { AlbumCard } from './AlbumCard';
import { FeedbackCard } from './FeedbackCard';
import { GoalsCard } from './GoalsCard';
import { CategoriesCard, HeatmapCard, QualityCard, ScoreTrendCard } from './ProfileCharts';
import { ProfileHeader } from './ProfileHeader';
import { useProfile } from './person.api';
import { profilePeriodFrom } from './person-period';
import { TimelineCard } from './TimelineCard';

/**
 * A person's living file (数字人事活档案, `/people/:id`; `/people/me` is one's own): who they are,
 * the period's figures beside the department median, the year by week, points, work by category,
 * grades and ratings, the timeline, goals, achievements, feedback received, and the growth album.
 */
export default function PersonPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const me = useCurrentUser();
  const param = useParams().id;
  const userId = !param || param === 'me' ? me.id : param;
  const own = userId === me.id;
  const wide = Grid.useBreakpoint().lg === true;
  const current = useCurrentWeek();
  const [search, setSearch] = useSearchParams();
  const currentWeek = current.data?.week;
  const period = currentWeek ? profilePeriodFrom(search, currentWeek) : undefined;
  const profile = useProfile(userId, period?.from, period?.to);

  const header = (
    <PageHeader
      title={own ? t('person.myTitle') : t('person.title', { name: profile.data?.user.displayName ?? '' })}
      description={t('person.description')}
    />
  );
  const periodCard = (
    <Card size="small" style={{ marginBottom: 16 }} data-testid="profile-period">
      <Row>
        <Col xs={24} md={14} xl={10}>
          {period && currentWeek ? (
            <PeriodFilter
              from={period.from}
              to={period.to}
              currentWeek={currentWeek}
              onChange={(p) => setSearch(new URLSearchParams(p), { replace: true })}
            />
          ) : (
            <Skeleton.Input active block />
          )}
        </Col>
      </Row>
    </Card>
  );

  const error = current.error ?? profile.error;
  if (error) {
    if (isApiError(error) && error.status === 404) return <NotFoundResult />;
    return (
      <>
        {header}
        <LoadErrorResult
          message={errorText(error)}
          onRetry={() => void (current.isError ? current.refetch() : profile.refetch())}
        />
      </>
    );
  }
  if (!profile.data || !currentWeek) {
    return (
      <>
        {header}
        {periodCard}
        <Card>
          <Skeleton active avatar paragraph={{ rows: 10 }} />
        </Card>
      </>
    );
  }
  const p = profile.data;
  const gutter: [number, number] = [16, 16];
  const goals = <GoalsCard goals={p.goals} own={own} />;
  const album = <AlbumCard userId={userId} currentWeek={currentWeek} />;
  return (
    <div data-testid="person-page" data-user-id={userId} data-own={String(own)}>
      {header}
      {periodCard}
      <ProfileHeader profile={p} own={own} />
      <Row gutter={gutter}>
        <Col xs={24} lg={p.scoreTrend ? 14 : 24}>
          <HeatmapCard profile={p} />
        </Col>
        {p.scoreTrend && (
          <Col xs={24} lg={10}>
            <ScoreTrendCard profile={p} />
          </Col>
        )}
        <Col xs={24} lg={12}>
          <CategoriesCard profile={p} />
        </Col>
        <Col xs={24} lg={12}>
          <QualityCard profile={p} />
        </Col>
        <Col xs={24} lg={14}>
          {wide ? (
            <TimelineCard timeline={p.timeline} />
          ) : (
            // On a phone the goals and the album come before the long list of weeks.
            <Flex vertical gap={16}>
              {goals}
              {album}
              <TimelineCard timeline={p.timeline} />
            </Flex>
          )}
        </Col>
        {wide && (
          <Col lg={10}>
            <Flex vertical gap={16}>
              {goals}
              {album}
            </Flex>
          </Col>
        )}
        <Col xs={24} lg={12}>
          <AchievementsCard achievements={p.achievements} />
        </Col>
        <Col xs={24} lg={12}>
          <FeedbackCard profile={p} />
        </Col>
      </Row>
    </div>
  );
}
