import { Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useWeekLabel } from '../wall/WeekPicker';
import { compareWeekIds } from '../wall/week-id';
import { weekOptions } from './period';

/** Two week pickers, from and to; a "from" after "to" moves the other end along. */
export function PeriodFilter({
  from,
  to,
  currentWeek,
  onChange,
}: {
  from: string;
  to: string;
  currentWeek: string;
  onChange: (period: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const options = weekOptions(currentWeek).map((w) => ({ value: w, label: label(w) }));
  const select = (value: string, which: 'from' | 'to') => (
    <Select
      showSearch={{ optionFilterProp: 'label' }}
      value={value}
      options={options}
      aria-label={t(which === 'from' ? 'assessment.from' : 'assessment.to')}
      onChange={(w: string) => {
        if (which === 'from') onChange({ from: w, to: compareWeekIds(w, to) > 0 ? w : to });
        else onChange({ from: compareWeekIds(from, w) > 0 ? w : from, to: w });
      }}
      popupMatchSelectWidth={false}
      style={{ minWidth: 130, flex: 1 }}
      data-testid={`period-${which}`}
    />
  );
  return (
    <Flex align="center" gap={8} style={{ width: '100%' }}>
      {select(from, 'from')}
      <Typography.Text type="secondary">{t('assessment.until')}</Typography.Text>
      {select(to, 'to')}
    </Flex>
  );
}
