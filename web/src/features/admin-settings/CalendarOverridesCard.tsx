import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TCalendarOverride } from '@zhoubao/contracts';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Form,
  Input,
  Popconfirm,
  Row,
  Segmented,
  Skeleton,
  Switch,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors, useErrorText, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useCalendarOverrides, useDeleteOverride, usePutOverride } from './admin-settings.api';
import { isoWeekday, shortDate } from './week-calendar';

const DATE_FORMAT = 'YYYY-MM-DD';

interface FormValues {
  date: Dayjs | null;
  workday: boolean;
  note?: string;
}

type Scope = 'upcoming' | 'all';

/** One override: its date and weekday, working day or day off, note, delete. */
function OverrideRow({ override }: { override: TCalendarOverride }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const remove = useDeleteOverride();
  const weekday = isoWeekday(override.date) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
  const past = override.date < dayjs().format(DATE_FORMAT);

  return (
    <Flex
      align="center"
      gap={12}
      style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0', opacity: past ? 0.6 : 1 }}
      {...testId('override-row', { date: override.date, workday: String(override.workday) })}
    >
      <div style={{ width: 112, flex: 'none' }}>
        <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
          {override.date}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
          {t(`calendar.weekday.${weekday}`)} · {shortDate(override.date, i18n.language)}
        </Typography.Text>
      </div>
      <div style={{ flex: 1, minWidth: 0 }}>
        <Tag color={override.workday ? 'green' : 'orange'} style={{ marginInlineEnd: 8 }}>
          {override.workday ? t('calendar.workday') : t('calendar.dayOff')}
        </Tag>
        {override.note && (
          <Typography.Text type="secondary" style={{ wordBreak: 'break-word' }}>
            {override.note}
          </Typography.Text>
        )}
      </div>
      <Popconfirm
        title={t('calendar.deleteConfirm', { date: override.date })}
        description={t('calendar.deleteConfirmHelp')}
        okText={t('common.delete')}
        okButtonProps={{ danger: true }}
        onConfirm={() => remove.mutateAsync(override.date).then(() => void message.success(t('common.deleted')), notifyError)}
      >
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} {...testId('override-delete')} />
      </Popconfirm>
    </Flex>
  );
}

/**
 * The organisation's own calendar exceptions (admin). The official holidays and make-up working days
 * come built in; an override makes one date a working day or a day off for this organisation only.
 */
export function CalendarOverridesCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const [scope, setScope] = useState<Scope>('upcoming');
  // "Upcoming" starts at this week's Monday, so the current week's exceptions stay in view.
  const from = dayjs()
    .subtract(isoWeekday(dayjs().format(DATE_FORMAT)) - 1, 'day')
    .format(DATE_FORMAT);
  const overrides = useCalendarOverrides(scope === 'upcoming' ? { from } : {});
  const put = usePutOverride();
  const items = overrides.data?.items ?? [];

  // Picking a date that already has an override shows it for editing; otherwise a weekend date
  // defaults to "working day" (a make-up day) and a weekday to "day off".
  const onDateChange = (date: Dayjs | null) => {
    if (!date) return;
    const existing = items.find((o) => o.date === date.format(DATE_FORMAT));
    form.setFieldsValue(
      existing ? { workday: existing.workday, note: existing.note ?? '' } : { workday: date.day() === 0 || date.day() === 6 },
    );
  };

  const onFinish = ({ date, workday, note }: FormValues) => {
    if (!date) return;
    put.mutate(
      { date: date.format(DATE_FORMAT), workday, note: note?.trim() || null },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('common.saved'));
        },
        onError: (e) => applyFieldErrors(form, e) || notifyError(e),
      },
    );
  };

  return (
    <Card title={t('calendar.title')} data-testid="calendar-overrides">
      <Typography.Paragraph type="secondary">{t('calendar.help')}</Typography.Paragraph>
      <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={{ workday: false }}>
        <Row gutter={12} align="bottom">
          <Col xs={14} sm={8}>
            <Form.Item name="date" label={t('calendar.date')} rules={[{ required: true, message: t('validation.required') }]}>
              <DatePicker style={{ width: '100%' }} onChange={onDateChange} data-testid="override-date" />
            </Form.Item>
          </Col>
          <Col xs={10} sm={5}>
            <Form.Item name="workday" label={t('calendar.kind')} valuePropName="checked">
              <Switch
                checkedChildren={t('calendar.workday')}
                unCheckedChildren={t('calendar.dayOff')}
                data-testid="override-workday"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={11}>
            <Form.Item name="note" label={t('calendar.note')} rules={[{ max: 200 }]}>
              <Input maxLength={200} placeholder={t('calendar.notePlaceholder')} data-testid="override-note" />
            </Form.Item>
          </Col>
        </Row>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={put.isPending}
          style={{ marginBottom: 16 }}
          {...testId('override-add')}
        >
          {t('calendar.add')}
        </Button>
      </Form>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{t('calendar.listTitle')}</Typography.Text>
        <Segmented<Scope>
          size="small"
          value={scope}
          onChange={setScope}
          options={[
            { value: 'upcoming', label: t('calendar.upcoming') },
            { value: 'all', label: t('calendar.all') },
          ]}
          data-testid="override-scope"
        />
      </Flex>
      {overrides.isError ? (
        <Typography.Text type="danger">{errorText(overrides.error)}</Typography.Text>
      ) : overrides.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : items.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('calendar.empty')} />
      ) : (
        <div>
          {items.map((o) => (
            <OverrideRow key={o.date} override={o} />
          ))}
        </div>
      )}
    </Card>
  );
}
