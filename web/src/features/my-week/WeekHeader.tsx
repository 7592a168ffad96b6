import { HistoryOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TReport, TWeekInfo } from '@zhoubao/contracts';
import { Button, Card, DatePicker, Flex, Tag, Tooltip, Typography } from 'antd';
import enGB from 'antd/es/date-picker/locale/en_GB';
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/en-gb';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { DeadlineCountdown } from './DeadlineCountdown';
import { compareWeeks, shiftWeek, weekEnd, weekOfDate, weekParts, weekStart } from './week-id';

/** "11月23日–11月29日": the Monday to Sunday of a week. */
export function weekRange(t: TFunction, week: string): string {
  const fmt = t('myWeek.format.day');
  return `${dayjs(weekStart(week)).format(fmt)}–${dayjs(weekEnd(week)).format(fmt)}`;
}

/** "2026年第48周 · 11月23日–11月29日" in the UI language (without the dates when asked). */
export function weekLabel(t: TFunction, week: string, withDates = true): string {
  const { year, n } = weekParts(week);
  const name = t('myWeek.week.name', { year, n });
  return withDates ? `${name} · ${weekRange(t, week)}` : name;
}

/** The report's state: not started, draft, submitted on time or late (`report-status`). */
export function ReportStatus({ report }: { report: TReport | null | undefined }) {
  const { t } = useTranslation();
  const status = report?.status ?? 'draft';
  const [color, text] = !report
    ? ['default', t('myWeek.status.none')]
    : report.status === 'draft'
      ? ['processing', t('myWeek.status.draft')]
      : report.late
        ? ['warning', t('myWeek.status.late')]
        : ['success', t('myWeek.status.onTime')];
  const tag = (
    <Tag
      color={color}
      style={{ marginInlineEnd: 0 }}
      data-testid="report-status"
      data-status={status}
      data-late={String(!!report?.late)}
    >
      {text}
    </Tag>
  );
  return report?.submittedAt ? (
    <Tooltip title={t('myWeek.status.submittedAt', { time: formatDateTime(report.submittedAt) })}>{tag}</Tooltip>
  ) : (
    tag
  );
}

interface Props {
  week: string;
  currentWeek: string;
  info: TWeekInfo | undefined;
  report: TReport | null | undefined;
  phone: boolean;
  onGo: (week: string) => void;
  onOpenVersions: () => void;
}

/** Week navigation (previous, picker, next; never after the current week), deadline and status. */
export function WeekHeader({ week, currentWeek, info, report, phone, onGo, onOpenVersions }: Props) {
  const { t, i18n } = useTranslation();
  const weekOf = (d: Dayjs) => weekOfDate(d.format('YYYY-MM-DD'));
  const isCurrent = week === currentWeek;
  const size = phone ? 'large' : 'middle';
  return (
    <Card size="small" style={{ marginBottom: 12 }} styles={{ body: { padding: phone ? 12 : 16 } }}>
      <Flex vertical gap={10}>
        <Flex align="center" gap={8}>
          <Button
            size={size}
            icon={<LeftOutlined />}
            aria-label={t('myWeek.week.previous')}
            onClick={() => onGo(shiftWeek(week, -1))}
            {...testId('week-prev')}
          />
          <div style={{ flex: 1, minWidth: 0 }} data-testid="week-current" data-week={week}>
            <DatePicker
              picker="week"
              size={size}
              value={dayjs(weekStart(week))}
              // Weeks start on Monday in both languages, as ISO weeks do.
              locale={i18n.language === 'en' ? enGB : undefined}
              format={(d) => weekLabel(t, weekOf(d), !phone)}
              allowClear={false}
              inputReadOnly
              disabledDate={(d) => compareWeeks(weekOf(d), currentWeek) > 0}
              onChange={(d) => d && onGo(weekOf(d))}
              style={{ width: '100%' }}
              aria-label={t('myWeek.week.pick')}
            />
          </div>
          <Button
            size={size}
            icon={<RightOutlined />}
            aria-label={t('myWeek.week.next')}
            disabled={compareWeeks(week, currentWeek) >= 0}
            onClick={() => onGo(shiftWeek(week, 1))}
            {...testId('week-next')}
          />
        </Flex>
        <Flex align="center" justify="space-between" wrap gap={8}>
          <Flex align="center" wrap gap={8} style={{ minWidth: 0 }}>
            {isCurrent ? (
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {t('myWeek.week.thisWeek')}
              </Tag>
            ) : (
              <Button size="small" onClick={() => onGo(currentWeek)} data-testid="week-back-current">
                {t('myWeek.week.backToCurrent')}
              </Button>
            )}
            {phone && (
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                {weekRange(t, week)}
              </Typography.Text>
            )}
            <ReportStatus report={report} />
            <DeadlineCountdown info={info} report={report} />
          </Flex>
          {report?.status === 'submitted' && (
            <Button size="small" icon={<HistoryOutlined />} onClick={onOpenVersions} {...testId('versions-open')}>
              {t('myWeek.versions.open', { n: report.version })}
            </Button>
          )}
        </Flex>
        {!isCurrent && (
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>
            {t('myWeek.week.pastHint')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
}
