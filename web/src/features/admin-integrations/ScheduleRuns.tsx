import type { TJobRun, TSchedulesState } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';
import { useJobRuns } from './schedules.api';

const RUN_KEY = /^\d{4}-W\d{2}$/;

/** `2026-09-30 13:00` and its weekday, read in the organisation's own offset as the server wrote it. */
function useOrgTime() {
  const { t } = useTranslation();
  return (iso: string) => {
    const date = iso.slice(0, 10);
    const weekday = dayjs(date).day() || 7;
    return `${date} ${t(`calendar.weekday.${weekday}`)} ${iso.slice(11, 16)}`;
  };
}

/** The next runs of the enabled jobs, computed from the calendar (holidays, make-up days, overrides). */
export function NextRunsCard({ state }: { state: TSchedulesState }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  const orgTime = useOrgTime();
  return (
    <Card
      title={t('scheduler.nextRuns')}
      extra={<Typography.Text type="secondary">{state.timezone}</Typography.Text>}
      data-testid="next-runs"
    >
      {state.nextRuns.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('scheduler.noNextRuns')} />
      ) : (
        state.nextRuns.map((r) => (
          <Flex
            key={`${r.job}-${r.week}`}
            justify="space-between"
            align="center"
            gap={12}
            style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0' }}
            {...testId('next-run', { job: r.job, week: r.week, at: r.at })}
          >
            <div style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text strong>{t(`scheduler.job.${r.job}`)}</Typography.Text>
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t('scheduler.forWeek', { week: weekLabel(r.week) })}
              </Typography.Text>
            </div>
            <div style={{ textAlign: 'end', flex: 'none' }}>
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>{orgTime(r.at)}</Typography.Text>
              {r.moved && (
                <Tag color="orange" style={{ marginInlineStart: 8, marginInlineEnd: 0 }}>
                  {t('scheduler.moved')}
                </Tag>
              )}
            </div>
          </Flex>
        ))
      )}
    </Card>
  );
}

type ResultKey =
  | 'people'
  | 'inApp'
  | 'emails'
  | 'departments'
  | 'missing'
  | 'recipients'
  | 'published'
  | 'alreadyPublished'
  | 'empty'
  | 'failed';

const STATUS_COLOR: Record<TJobRun['status'], string> = { running: 'processing', succeeded: 'success', failed: 'error' };

/** What a run did, from its recorded counts: `站内 7 · 邮件 6`. */
function useResultText() {
  const { t, i18n } = useTranslation();
  return (result: TJobRun['result']) =>
    Object.entries(result ?? {})
      .filter(([k, v]) => typeof v === 'number' && i18n.exists(`scheduler.result.${k}`))
      .map(([k, v]) => `${t(`scheduler.result.${k as ResultKey}`)} ${v}`)
      .join(' · ');
}

/** The recorded runs of the scheduled jobs, newest first, with "load more". */
export function JobRunsCard() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const weekLabel = useWeekLabel();
  const resultText = useResultText();
  const runs = useJobRuns();
  const items = runs.data?.pages.flatMap((p) => p.items) ?? [];

  const columns: TableColumnsType<TJobRun> = [
    {
      title: t('scheduler.job.title'),
      dataIndex: 'job',
      render: (job: string) => t(`scheduler.job.${job}`, { defaultValue: job }),
    },
    {
      title: t('scheduler.runKey'),
      dataIndex: 'runKey',
      render: (key: string) => (RUN_KEY.test(key) ? weekLabel(key) : key),
    },
    { title: t('scheduler.startedAt'), dataIndex: 'startedAt', responsive: ['sm'], render: (v: string) => formatDateTime(v) },
    {
      title: t('scheduler.status.title'),
      dataIndex: 'status',
      render: (status: TJobRun['status'], run) => (
        <>
          <Tag color={STATUS_COLOR[status]}>{t(`scheduler.status.${status}`)}</Tag>
          {run.attempts > 1 && <Typography.Text type="secondary">{t('scheduler.attempts', { n: run.attempts })}</Typography.Text>}
        </>
      ),
    },
    {
      title: t('scheduler.resultTitle'),
      key: 'result',
      responsive: ['md'],
      render: (_: unknown, run) =>
        run.error ? (
          <Typography.Text type="danger" style={{ wordBreak: 'break-word' }}>
            {run.error}
          </Typography.Text>
        ) : (
          resultText(run.result)
        ),
    },
    {
      title: t('scheduler.owner'),
      dataIndex: 'owner',
      responsive: ['xl'],
      render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
    },
  ];

  return (
    <Card title={t('scheduler.history')} data-testid="job-runs">
      {runs.isError ? (
        <Typography.Text type="danger">{errorText(runs.error)}</Typography.Text>
      ) : (
        <>
          <Table<TJobRun>
            rowKey={(r) => `${r.job}|${r.runKey}`}
            size="small"
            columns={columns}
            dataSource={items}
            loading={runs.isPending}
            pagination={false}
            locale={{ emptyText: t('scheduler.noRuns') }}
            onRow={(r) => ({ 'data-testid': 'job-run', 'data-job': r.job, 'data-status': r.status }) as object}
          />
          {runs.hasNextPage && (
            <Flex justify="center" style={{ marginTop: 12 }}>
              <Button onClick={() => void runs.fetchNextPage()} loading={runs.isFetchingNextPage} {...testId('job-runs-more')}>
                {t('common.loadMore')}
              </Button>
            </Flex>
          )}
        </>
      )}
    </Card>
  );
}
