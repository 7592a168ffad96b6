import { PlusOutlined } from '@ant-design/icons';
import { MAX_ABSENCE_DAYS } from '@zhoubao/contracts';
import { App, Button, DatePicker, Flex, Form, Grid, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useRecordAbsence } from './absences.api';

export const DATE_FORMAT = 'YYYY-MM-DD';

type Range = [Dayjs | null, Dayjs | null];

interface FormValues {
  range: Range | null;
  reason?: string;
}

/** Calendar days from the first to the last date, both included. */
export const spanDays = (from: Dayjs, to: Dayjs): number => to.startOf('day').diff(from.startOf('day'), 'day') + 1;

/**
 * A date range control: one RangePicker on wide screens; two single pickers on phones, where the range
 * picker's two calendars do not fit. Both carry the `absence-range` test id.
 */
function LeaveRange({ value, onChange }: { value?: Range | null; onChange?: (range: Range | null) => void }) {
  const { t } = useTranslation();
  const isPhone = Grid.useBreakpoint().md === false;
  const [from, to] = value ?? [null, null];

  if (!isPhone) {
    // The test id sits on a wrapper: on the picker itself it would land on both of its inputs.
    return (
      <div data-testid="absence-range">
        <DatePicker.RangePicker
          style={{ width: '100%' }}
          value={value ?? null}
          onChange={(v) => onChange?.(v ? [v[0], v[1]] : null)}
          placeholder={[t('absences.from'), t('absences.to')]}
        />
      </div>
    );
  }
  const set = (next: Range) => onChange?.(next[0] || next[1] ? next : null);
  return (
    <Flex gap={8} data-testid="absence-range">
      <DatePicker
        style={{ flex: 1 }}
        value={from}
        placeholder={t('absences.from')}
        disabledDate={(d) => (to ? d.isAfter(to, 'day') : false)}
        onChange={(d) => set([d, to ?? d])}
        inputReadOnly
      />
      <DatePicker
        style={{ flex: 1 }}
        value={to}
        placeholder={t('absences.to')}
        disabledDate={(d) => (from ? d.isBefore(from, 'day') : false)}
        onChange={(d) => set([from, d])}
        inputReadOnly
      />
    </Flex>
  );
}

/** Records leave for one person: a date range (both days included) and an optional reason. */
export function AbsenceForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const record = useRecordAbsence(userId);
  const range = Form.useWatch('range', form);
  const days = range?.[0] && range[1] ? spanDays(range[0], range[1]) : null;

  const onFinish = ({ range: picked, reason }: FormValues) => {
    const [from, to] = picked ?? [null, null];
    if (!from || !to) return;
    record.mutate(
      { from: from.format(DATE_FORMAT), to: to.format(DATE_FORMAT), reason: reason?.trim() || null },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t('absences.recorded'));
        },
        onError: (e) => {
          // The server names the dates `from` and `to`; both belong to the one range field here.
          const onDates = isApiError(e) && e.fieldIssues.some((i) => /(^|\.)(from|to)$/.test(i.path));
          if (onDates) form.setFields([{ name: 'range', errors: [t('absences.rangeInvalid')] }]);
          else if (!applyFieldErrors(form, e)) notifyError(e);
        },
      },
    );
  };

  const rangeRule = {
    validator: (_: unknown, value: Range | null) => {
      if (!value?.[0] || !value[1]) return Promise.reject(new Error(t('absences.rangeRequired')));
      if (spanDays(value[0], value[1]) > MAX_ABSENCE_DAYS) {
        return Promise.reject(new Error(t('absences.rangeTooLong', { max: MAX_ABSENCE_DAYS })));
      }
      return Promise.resolve();
    },
  };

  return (
    <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} data-testid="absence-form">
      <Form.Item
        name="range"
        label={t('absences.range')}
        rules={[rangeRule]}
        extra={days !== null ? t('absences.days', { n: days }) : t('absences.rangeHelp')}
      >
        <LeaveRange />
      </Form.Item>
      <Form.Item name="reason" label={t('absences.reason')} rules={[{ max: 200 }]}>
        <Input maxLength={200} placeholder={t('absences.reasonPlaceholder')} data-testid="absence-reason" />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" icon={<PlusOutlined />} loading={record.isPending} {...testId('absence-add')}>
          {t('absences.add')}
        </Button>
      </Flex>
    </Form>
  );
}
