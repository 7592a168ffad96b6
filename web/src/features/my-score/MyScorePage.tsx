import { Card, Col, Row, Skeleton, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { PeriodFilter } from '../assessment/PeriodFilter';
import { periodFrom } from '../assessment/period';
import { ScoreBreakdown } from '../assessment/ScoreBreakdown';
import { formatRating } from '../assessment/ScoresList';
import { useScores, useUserScores } from '../assessment/scoring.api';
import { useCurrentUser } from '../auth/auth.api';
import { useCurrentWeek } from '../wall/wall.api';

/** The signed-in person's own points for a period, with every week's breakdown ("你若不服，看看周报"). */
export default function MyScorePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const current = useCurrentWeek();
  const [search, setSearch] = useSearchParams();
  const currentWeek = current.data?.week;
  const period = currentWeek ? periodFrom(search, currentWeek) : undefined;
  const scores = useUserScores(user.id, period?.from, period?.to);
  // The member's own row (ranks and the department-normalised figure): a member sees only themselves.
  const rows = useScores(period);
  const mine = rows.data?.items.find((r) => r.userId === user.id);

  const error = current.error ?? scores.error;
  return (
    <>
      <PageHeader title={t('myScore.title')} description={t('myScore.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Row>
          <Col xs={24} md={14}>
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
      {error ? (
        <LoadErrorResult
          message={errorText(error)}
          onRetry={() => void (current.isError ? current.refetch() : scores.refetch())}
        />
      ) : !scores.data ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <div data-testid="my-score-total" data-total={scores.data.total}>
                  <Statistic title={t('myScore.total')} value={scores.data.total} />
                </div>
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('assessment.col.departmentRank')} value={mine?.departmentRank ?? '—'} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic title={t('assessment.col.percentile')} value={mine ? Math.round(mine.departmentPercentile) : '—'} />
              </Col>
              <Col xs={12} md={6}>
                <Statistic
                  title={t('myScore.weeks')}
                  value={mine ? t('myScore.weeksValue', { onTime: mine.onTime, late: mine.late, missing: mine.missing }) : '—'}
                  valueStyle={{ fontSize: 16 }}
                />
              </Col>
              {mine && (
                <Col xs={24}>
                  {t('myScore.quality', {
                    rating: formatRating(mine.peerRating),
                    grade: mine.grade ?? '—',
                    outcome: mine.outcomePoints,
                  })}
                </Col>
              )}
            </Row>
          </Card>
          <ScoreBreakdown weeks={scores.data.weeks} />
        </>
      )}
    </>
  );
}
