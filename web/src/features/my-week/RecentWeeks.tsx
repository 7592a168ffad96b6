import { RightOutlined } from '@ant-design/icons';
import type { TReport } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useReportHistory } from './my-week.api';
import { weekLabel, weekRange } from './WeekHeader';

interface Entry {
  week: string;
  report: TReport;
}

/** The user's recent weeks: submitted reports (GET /reports?userId=) plus the open week's draft. */
export function RecentWeeks({
  userId,
  week,
  openReport,
  onGo,
}: {
  userId: string;
  week: string;
  /** The report of the week open in the editor (it may be a draft, which the list does not hold). */
  openReport: TReport | null | undefined;
  onGo: (week: string) => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const history = useReportHistory(userId);
  const submitted = history.data?.pages.flatMap((p) => p.items) ?? [];
  const entries: Entry[] = submitted.map((report) => ({
    week: report.week,
    report: openReport && openReport.week === report.week ? openReport : report,
  }));
  if (openReport && !entries.some((e) => e.week === openReport.week)) {
    entries.push({ week: openReport.week, report: openReport });
    entries.sort((a, b) => (a.week < b.week ? 1 : a.week > b.week ? -1 : 0));
  }

  const statusTag = (r: TReport) =>
    r.status === 'draft' ? (
      <Tag color="processing">{t('myWeek.status.draft')}</Tag>
    ) : r.late ? (
      <Tag color="warning">{t('myWeek.status.late')}</Tag>
    ) : (
      <Tag color="success">{t('myWeek.status.onTime')}</Tag>
    );

  return (
    <Card size="small" title={t('myWeek.history.title')} data-testid="history" styles={{ body: { padding: 8 } }}>
      {history.isPending && <Skeleton active style={{ padding: 8 }} />}
      {history.isError && (
        <Typography.Text type="danger" style={{ display: 'block', padding: 8 }}>
          {errorText(history.error)}
        </Typography.Text>
      )}
      {history.isSuccess && entries.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('myWeek.history.empty')} />
      )}
      <Flex vertical gap={2}>
        {entries.map(({ week: w, report }) => {
          const selected = w === week;
          return (
            <Button
              key={w}
              type="text"
              block
              onClick={() => onGo(w)}
              data-testid="history-week"
              data-week={w}
              data-status={report.status}
              style={{
                height: 'auto',
                padding: '8px 10px',
                textAlign: 'start',
                background: selected ? token.controlItemBgActive : undefined,
              }}
            >
              <Flex align="center" gap={8} style={{ width: '100%', minWidth: 0 }}>
                <Flex vertical style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong={selected} ellipsis>
                    {weekLabel(t, w, false)}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
                    {weekRange(t, w)} · {t('myWeek.history.items', { n: report.items.length })}
                    {report.status === 'submitted' && report.version > 1
                      ? ` · ${t('myWeek.versions.version', { n: report.version })}`
                      : ''}
                  </Typography.Text>
                </Flex>
                {statusTag(report)}
                <RightOutlined style={{ color: token.colorTextQuaternary, fontSize: 12 }} />
              </Flex>
            </Button>
          );
        })}
      </Flex>
      {history.hasNextPage && (
        <Button block type="link" onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          {t('common.loadMore')}
        </Button>
      )}
    </Card>
  );
}
