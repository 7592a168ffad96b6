import { DatePicker, Flex, Grid } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';

export type DateRange = [Dayjs | null, Dayjs | null] | null;

/**
 * A date range: one RangePicker on wide screens; two single pickers on phones, where the range
 * picker's two calendars do not fit.
 */
export function AuditDateFilter({ value, onChange }: { value: DateRange; onChange: (range: DateRange) => void }) {
  const { t } = useTranslation();
  const isPhone = Grid.useBreakpoint().md === false;
  const [from, to] = value ?? [null, null];

  if (!isPhone) {
    return (
      <DatePicker.RangePicker style={{ width: '100%' }} value={value} onChange={(v) => onChange(v)} allowEmpty={[true, true]} />
    );
  }
  const set = (next: [Dayjs | null, Dayjs | null]) => onChange(next[0] || next[1] ? next : null);
  return (
    <Flex gap={8}>
      <DatePicker
        style={{ flex: 1 }}
        value={from}
        placeholder={t('audit.from')}
        disabledDate={(d) => (to ? d.isAfter(to, 'day') : false)}
        onChange={(d) => set([d, to])}
        inputReadOnly
      />
      <DatePicker
        style={{ flex: 1 }}
        value={to}
        placeholder={t('audit.to')}
        disabledDate={(d) => (from ? d.isBefore(from, 'day') : false)}
        onChange={(d) => set([from, d])}
        inputReadOnly
      />
    </Flex>
  );
}
