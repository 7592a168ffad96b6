import { FileTextOutlined } from '@ant-design/icons';
import type { THolidayNoticePreview } from '@zhoubao/contracts';
import { Alert, App, Button, Card, Flex, Input, InputNumber, List, Modal, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useApplyHolidayNotice, useCalendarStatus, usePreviewHolidayNotice } from './admin-settings.api';
import { isoWeekday } from './week-calendar';

/** The years the organisation is likely to plan for: this one and, from November, the next. */
function yearsInView(): number[] {
  const now = dayjs();
  return now.month() >= 10 ? [now.year(), now.year() + 1] : [now.year()];
}

/** What the parsed notice says and what it would change, before anything is saved. */
function NoticePreview({ preview }: { preview: THolidayNoticePreview }) {
  const { t } = useTranslation();
  const weekday = (date: string) => t(`calendar.weekday.${isoWeekday(date) as 1 | 2 | 3 | 4 | 5 | 6 | 7}`);
  const applied = preview.changes.filter((c) => !c.kept);
  const kept = preview.changes.filter((c) => c.kept);
  if (preview.problems.length > 0) {
    return (
      <Alert
        type="error"
        showIcon
        message={t('holidayNotice.problemsTitle')}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }} {...testId('notice-problems')}>
            {preview.problems.map((p) => (
              <li key={`${p.code}-${p.subject}`}>{t(`holidayNotice.problem.${p.code}`, { subject: p.subject ?? '' })}</li>
            ))}
          </ul>
        }
      />
    );
  }
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} {...testId('notice-preview')}>
      <Typography.Text strong>{t('holidayNotice.parsedTitle', { year: preview.year })}</Typography.Text>
      <List
        size="small"
        bordered
        dataSource={preview.holidays}
        renderItem={(h) => (
          <List.Item>
            <Flex wrap gap={8} style={{ width: '100%' }} justify="space-between">
              <Typography.Text strong>{h.name}</Typography.Text>
              <Typography.Text style={{ fontVariantNumeric: 'tabular-nums' }}>
                {h.from === h.to ? h.from : `${h.from} – ${h.to}`} · {t('holidayNotice.days', { n: h.days })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {preview.workdays.length > 0 && (
        <div>
          <Typography.Text type="secondary">{t('holidayNotice.makeupDays')}</Typography.Text>{' '}
          {preview.workdays.map((w) => (
            <Tag key={w.date} color="green" style={{ marginBlock: 2 }}>
              {w.date} {weekday(w.date)}
            </Tag>
          ))}
        </div>
      )}
      {preview.official && applied.length === 0 ? (
        <Alert type="info" showIcon message={t('holidayNotice.alreadyBuiltIn')} />
      ) : (
        <Alert
          type={applied.length ? 'warning' : 'success'}
          showIcon
          message={t('holidayNotice.changes', { n: applied.length })}
          description={
            <>
              {applied.length > 0 && (
                <Flex wrap gap={4} {...testId('notice-changes')}>
                  {applied.map((c) => (
                    <Tag key={c.date} color={c.workday ? 'green' : 'orange'}>
                      {c.date} {weekday(c.date)} {c.workday ? t('calendar.workday') : t('calendar.dayOff')}
                    </Tag>
                  ))}
                </Flex>
              )}
              {kept.length > 0 && (
                <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
                  {t('holidayNotice.kept', { n: kept.length, dates: kept.map((c) => c.date).join('、') })}
                </Typography.Paragraph>
              )}
            </>
          }
        />
      )}
    </Space>
  );
}

/**
 * Admin: the built-in calendar's coverage, and the import of a year's State Council holiday notice
 * (pasted text → preview → saved as calendar overrides) for years the built-in data does not cover yet.
 */
export function HolidayNoticeCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const status = useCalendarStatus();
  const previewer = usePreviewHolidayNotice();
  const applier = useApplyHolidayNotice();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [year, setYear] = useState<number | null>(null);
  const preview = previewer.data;

  const known = new Set(status.data?.notices.map((n) => n.year));
  const missing = status.data ? yearsInView().filter((y) => y > (status.data?.officialLastYear ?? y) && !known.has(y)) : [];
  const body = () => ({ text, ...(year ? { year } : {}) });
  const close = () => {
    setOpen(false);
    previewer.reset();
  };
  const save = () =>
    applier.mutate(body(), {
      onSuccess: (r) => {
        void message.success(t('holidayNotice.saved', { year: r.year, n: r.applied }));
        setText('');
        setYear(null);
        close();
      },
      onError: notifyError,
    });

  return (
    <Card title={t('holidayNotice.title')} {...testId('holiday-notice')}>
      {status.data && (
        <Typography.Paragraph type="secondary">
          {t('holidayNotice.coverage', { first: status.data.officialFirstYear, last: status.data.officialLastYear })}
          {status.data.notices.length > 0 &&
            ` ${t('holidayNotice.imported', { years: status.data.notices.map((n) => n.year).join('、') })}`}
        </Typography.Paragraph>
      )}
      {missing.map((y) => (
        <Alert
          key={y}
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('holidayNotice.missing', { year: y })}
          {...testId('notice-missing', { year: String(y) })}
        />
      ))}
      <Button icon={<FileTextOutlined />} onClick={() => setOpen(true)} {...testId('notice-open')}>
        {t('holidayNotice.open')}
      </Button>
      <Modal
        open={open}
        title={t('holidayNotice.modalTitle')}
        onCancel={close}
        width={720}
        footer={[
          <Button key="cancel" onClick={close}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="preview"
            onClick={() => previewer.mutate(body(), { onError: notifyError })}
            loading={previewer.isPending}
            disabled={!text.trim()}
            {...testId('notice-preview-button')}
          >
            {t('holidayNotice.preview')}
          </Button>,
          <Button
            key="save"
            type="primary"
            onClick={save}
            loading={applier.isPending}
            disabled={!preview || preview.problems.length > 0 || preview.changes.every((c) => c.kept)}
            {...testId('notice-save')}
          >
            {t('holidayNotice.save')}
          </Button>,
        ]}
      >
        <Typography.Paragraph type="secondary">{t('holidayNotice.help')}</Typography.Paragraph>
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            previewer.reset();
          }}
          autoSize={{ minRows: 6, maxRows: 14 }}
          maxLength={20_000}
          showCount
          placeholder={t('holidayNotice.placeholder')}
          {...testId('notice-text')}
        />
        <Flex align="center" gap={8} style={{ margin: '12px 0' }} wrap>
          <Typography.Text>{t('holidayNotice.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2100}
            value={year}
            onChange={(v) => {
              setYear(v);
              previewer.reset();
            }}
            placeholder={t('holidayNotice.yearAuto')}
            style={{ width: 140 }}
          />
        </Flex>
        {preview && <NoticePreview preview={preview} />}
      </Modal>
    </Card>
  );
}
