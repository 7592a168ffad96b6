import { ExclamationCircleOutlined } from '@ant-design/icons';
import type { TObjection, TWeekScore } from '@zhoubao/contracts';
import { Button, Card, Col, Empty, Flex, Row, Skeleton, Statistic } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { PeriodFilter } from '../assessment/PeriodFilter';
import { periodFrom } from '../assessment/period';
import { ScoreBreakdown } from '../assessment/ScoreBreakdown';
import { formatRating } from '../assessment/score-columns';
import { useScores, useUserScores } from '../assessment/scoring.api';
import { useCurrentUser } from '../auth/auth.api';
import { ObjectionTag, ObjectionTexts, PointsThenAndNow } from '../objections/ObjectionParts';
import { useMyObjections } from '../objections/objections.api';
import { RaiseObjectionModal } from '../objections/RaiseObjectionModal';
import { useCurrentWeek } from '../wall/wall.api';

/** The objections of one week, newest first, and the way to raise one when none is waiting for an answer. */
function WeekObjections({
  week,
  objections,
  onRaise,
}: {
  week: string;
  objections: readonly TObjection[];
  onRaise: (week: string) => void;
}) {
  const { t } = useTranslation();
  const open = objections.some((o) => o.status === 'open');
  return (
    <Flex vertical gap={8} style={{ padding: '8px 12px 0' }} data-testid="week-objections" data-week={week}>
      {objections.map((o) => (
        <Card key={o.id} size="small" data-testid="my-objection" data-status={o.status}>
          <Flex justify="space-between" align="center" gap={8} wrap style={{ marginBottom: 6 }}>
            <ObjectionTag objection={o} />
            <PointsThenAndNow objection={o} />
          </Flex>
          <ObjectionTexts objection={o} />
        </Card>
      ))}
      {!open && (
        <Flex justify="flex-end">
          <Button
            size="small"
            icon={<ExclamationCircleOutlined />}
            onClick={() => onRaise(week)}
            data-testid="objection-raise"
            data-week={week}
          >
            {t(objections.length > 0 ? 'objections.raiseAgain' : 'objections.raise')}
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

/** Every week of the period, newest first: its breakdown, then its objections and the raise action. */
function WeeksWithObjections({ weeks, objections }: { weeks: TWeekScore[]; objections: readonly TObjection[] }) {
  const { t } = useTranslation();
  const [raising, setRaising] = useState<string | null>(null);
  const byWeek = useMemo(() => {
    const map = new Map<string, TObjection[]>();
    for (const o of objections) map.set(o.week, [...(map.get(o.week) ?? []), o]);
    return map;
  }, [objections]);
  // A week under objection stays listed even when nothing counts in it any more.
  const listed = new Set(weeks.map((w) => w.week));
  const extra = [...byWeek.keys()]
    .filter((week) => !listed.has(week))
    .map((week) => ({ week, points: byWeek.get(week)?.[0]?.scoreNow?.points ?? 0, breakdown: [] }));
  const ordered = [...weeks, ...extra].sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0));
  if (ordered.length === 0) return <Empty description={t('assessment.noWeeks')} />;
  return (
    <Flex vertical gap={16}>
      {ordered.map((w) => (
        <div key={w.week} data-testid="my-score-week" data-week={w.week}>
          <ScoreBreakdown weeks={[w]} />
          <WeekObjections week={w.week} objections={byWeek.get(w.week) ?? []} onRaise={setRaising} />
        </div>
      ))}
      <RaiseObjectionModal week={raising} onClose={() => setRaising(null)} />
    </Flex>
  );
}

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
  const objections = useMyObjections(period?.from, period?.to);

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
          <WeeksWithObjections weeks={scores.data.weeks} objections={objections.data?.items ?? []} />
        </>
      )}
    </>
  );
}
