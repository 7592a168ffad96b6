import { ClockCircleOutlined } from '@ant-design/icons';
import type { TCalendarOverride, TSettings } from '@zhoubao/contracts';
import { Alert, Card, Flex, Skeleton, Tag, Tooltip, Typography, theme } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useCalendarOverrides, useCurrentWeekInfo, useWeekInfos } from './admin-settings.api';
import { addDays, followingWeeks, previewWeek, shortDate, type WeekPreview } from './week-calendar';

/** How many weeks after the current one the preview shows. */
const WEEKS_AHEAD = 6;
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

type Weekday = (typeof WEEKDAYS)[number];
const asWeekday = (n: number): Weekday => (WEEKDAYS.includes(n as Weekday) ? (n as Weekday) : 1);

/** The seven days of a week, working days filled, the deadline day marked. */
function DayStrip({ week }: { week: WeekPreview }) {
  const { t, i18n } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex gap={3} aria-hidden>
      {WEEKDAYS.map((d) => {
        const working = week.workdays.includes(d);
        const isDeadline = week.deadline?.weekday === d;
        return (
          <Tooltip
            key={d}
            title={`${t(`calendar.weekday.${d}`)} ${shortDate(addDays(week.start, d - 1), i18n.language)} · ${
              working ? t('calendar.workday') : t('calendar.dayOff')
            }`}
          >
            <span
              style={{
                width: 22,
                height: 22,
                lineHeight: '20px',
                textAlign: 'center',
                fontSize: 12,
                borderRadius: 4,
                border: `1px solid ${isDeadline ? token.colorWarning : working ? token.colorPrimaryBorder : token.colorBorderSecondary}`,
                background: isDeadline ? token.colorWarning : working ? token.colorPrimaryBg : token.colorFillQuaternary,
                color: isDeadline ? '#fff' : working ? token.colorPrimary : token.colorTextQuaternary,
              }}
            >
              {t(`calendar.weekdayShort.${d}`)}
            </span>
          </Tooltip>
        );
      })}
    </Flex>
  );
}

/** "周三 9月30日 17:00", or "no report owed" for a week without working days. */
function DeadlineText({ week, configuredWeekday, note }: { week: WeekPreview; configuredWeekday: number; note?: string }) {
  const { t, i18n } = useTranslation();
  if (!week.deadline) return <Tag variant="filled">{t('settings.previewNotDue')}</Tag>;
  const { date, time, weekday } = week.deadline;
  return (
    <Flex gap={6} align="center" justify="flex-end" wrap style={{ minWidth: 0 }}>
      <Typography.Text strong={week.moved}>
        {t('settings.previewDeadline', {
          weekday: t(`calendar.weekday.${asWeekday(weekday)}`),
          date: shortDate(date, i18n.language),
          time,
        })}
      </Typography.Text>
      {week.moved && (
        <Tag color="orange" style={{ margin: 0 }}>
          {note
            ? t('settings.previewMovedNote', { weekday: t(`calendar.weekday.${asWeekday(configuredWeekday)}`), note })
            : t('settings.previewMoved', { weekday: t(`calendar.weekday.${asWeekday(configuredWeekday)}`) })}
        </Tag>
      )}
    </Flex>
  );
}

/** One week: its number and dates, the deadline (and why it moved), and the working days. */
function PreviewRow({
  week,
  current,
  configuredWeekday,
  note,
}: {
  week: WeekPreview;
  current: boolean;
  configuredWeekday: number;
  note?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <div
      style={{ padding: '8px 0', borderTop: '1px solid #f0f0f0' }}
      {...testId('deadline-preview', { week: week.week, due: String(week.deadline !== null), moved: String(week.moved) })}
    >
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text style={{ flex: 'none' }}>
          {t('calendar.weekLabel', { n: Number(week.week.slice(-2)) })}
          {current && (
            <Tag color="blue" style={{ marginInlineStart: 6 }}>
              {t('settings.previewCurrent')}
            </Tag>
          )}
        </Typography.Text>
        <DeadlineText week={week} configuredWeekday={configuredWeekday} note={note} />
      </Flex>
      <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 4 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {shortDate(week.start, i18n.language)} – {shortDate(week.end, i18n.language)}
        </Typography.Text>
        <DayStrip week={week} />
      </Flex>
    </div>
  );
}

/** The notes of the organisation's overrides in a week, joined, for explaining a moved deadline. */
function notesIn(week: WeekPreview, overrides: TCalendarOverride[] | undefined): string | undefined {
  const notes = (overrides ?? []).filter((o) => o.date >= week.start && o.date <= week.end && o.note).map((o) => o.note);
  return notes.length ? [...new Set(notes)].join(' / ') : undefined;
}

/**
 * This week's deadline and the next six weeks', as the server computes them from the saved settings,
 * the official holiday calendar and the organisation's overrides, so an admin sees holiday effects.
 */
export function DeadlinePreview({ settings }: { settings: TSettings | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useCurrentWeekInfo();
  const start = current.data?.start;
  const nextIds = useMemo(() => (start ? followingWeeks(start, WEEKS_AHEAD) : []), [start]);
  const next = useWeekInfos(nextIds);
  const range = start ? { from: start, to: addDays(start, 7 * (WEEKS_AHEAD + 1) - 1) } : {};
  const overrides = useCalendarOverrides(range).data?.items;

  const configured = settings?.deadline.weekday ?? 5;
  const weeks = [current.data, ...next.map((q) => q.data)].filter((w) => w !== undefined).map((w) => previewWeek(w, configured));
  const loading = current.isPending || next.some((q) => q.isPending) || !settings;
  const error = current.error ?? next.find((q) => q.error)?.error;
  const thisWeek = weeks[0];

  return (
    <Card title={t('settings.previewTitle')} data-testid="deadline-preview-card">
      {error ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : loading || !thisWeek ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : (
        <>
          <Flex
            gap={8}
            align="center"
            wrap
            style={{ fontSize: 15, marginBottom: 4 }}
            {...testId('deadline-preview-current', { week: thisWeek.week })}
          >
            <ClockCircleOutlined style={{ color: '#fa8c16' }} />
            <Typography.Text strong>{t('settings.previewThisWeek')}</Typography.Text>
            <DeadlineText week={thisWeek} configuredWeekday={configured} note={notesIn(thisWeek, overrides)} />
          </Flex>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('settings.previewHelp', { timezone: settings?.timezone ?? '' })}
          </Typography.Paragraph>
          <Flex vertical>
            {weeks.map((week, i) => (
              <PreviewRow
                key={week.week}
                week={week}
                current={i === 0}
                configuredWeekday={configured}
                note={notesIn(week, overrides)}
              />
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
