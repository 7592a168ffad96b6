import { ClockCircleOutlined, CoffeeOutlined, FieldTimeOutlined } from '@ant-design/icons';
import type { TReport, TWeekInfo } from '@zhoubao/contracts';
import { Skeleton, Typography, theme } from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The current time, refreshed every `everyMs`. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/** A span of time in the largest two units that matter: "2 days 5 h", "3 h 12 min", "8 min". */
export function formatSpan(t: TFunction, ms: number): string {
  const minutes = Math.max(1, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  if (days > 0) return t('myWeek.span.daysHours', { days, hours });
  if (hours > 0) return t('myWeek.span.hoursMinutes', { hours, minutes: minutes % 60 });
  return t('myWeek.span.minutes', { minutes });
}

/** Time left to the week's deadline, or how long ago it passed (in the late colour unless submitted). */
export function DeadlineCountdown({ info, report }: { info: TWeekInfo | undefined; report: TReport | null | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const now = useNow();
  if (!info) return <Skeleton.Input active size="small" style={{ width: 180 }} />;
  if (!info.due || !info.deadline) {
    return (
      <Typography.Text type="secondary" data-testid="deadline-countdown" data-due="false" data-late="false">
        <CoffeeOutlined /> {t('myWeek.deadline.notDue')}
      </Typography.Text>
    );
  }
  const left = Date.parse(info.deadline) - now;
  const late = left <= 0;
  const submitted = report?.status === 'submitted';
  // The deadline's wall-clock time in the organisation's time zone (the offset the server wrote).
  const at = dayjs(info.deadline.slice(0, 19)).format(t('myWeek.format.deadline'));
  const color = late
    ? submitted
      ? token.colorTextSecondary
      : token.colorError
    : left < 86_400_000 && !submitted
      ? token.colorWarning
      : token.colorTextSecondary;
  return (
    <Typography.Text data-testid="deadline-countdown" data-due="true" data-late={String(late)} style={{ color }}>
      {late ? <FieldTimeOutlined /> : <ClockCircleOutlined />}{' '}
      <strong>
        {late
          ? t('myWeek.deadline.passed', { span: formatSpan(t, -left) })
          : t('myWeek.deadline.left', { span: formatSpan(t, left) })}
      </strong>
      <span style={{ color: token.colorTextTertiary }}> · {t('myWeek.deadline.at', { time: at })}</span>
    </Typography.Text>
  );
}
