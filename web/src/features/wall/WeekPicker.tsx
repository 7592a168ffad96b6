import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { compareWeekIds, shiftWeek, weekParts, weekRange } from './week-id';

/** `2026 年第 48 周` / `Week 48, 2026`. */
export function useWeekLabel(): (week: string) => string {
  const { t } = useTranslation();
  return (week: string) => t('wall.weekLabel', weekParts(week));
}

/**
 * Previous / next week buttons around the week's name and dates, plus a jump back to the current week.
 * Weeks after the current one have nothing yet: "next" stops there.
 */
export function WeekPicker({
  week,
  currentWeek,
  onChange,
  testIdPrefix,
}: {
  week: string;
  currentWeek: string | undefined;
  onChange: (week: string) => void;
  testIdPrefix: string;
}) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const { start, end } = weekRange(week);
  const atOrAfterCurrent = currentWeek !== undefined && compareWeekIds(week, currentWeek) >= 0;
  return (
    <Flex align="center" gap={8} wrap>
      <Button
        icon={<LeftOutlined />}
        aria-label={t('wall.prevWeek')}
        title={t('wall.prevWeek')}
        onClick={() => onChange(shiftWeek(week, -1))}
        data-testid={`${testIdPrefix}-prev`}
      />
      <div style={{ textAlign: 'center', minWidth: 128 }} data-testid={`${testIdPrefix}-week`} data-week={week}>
        <Typography.Text strong style={{ display: 'block', lineHeight: 1.3 }}>
          {label(week)}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('wall.weekRange', { start: start.slice(5).replace('-', '/'), end: end.slice(5).replace('-', '/') })}
        </Typography.Text>
      </div>
      <Button
        icon={<RightOutlined />}
        aria-label={t('wall.nextWeek')}
        title={t('wall.nextWeek')}
        disabled={atOrAfterCurrent}
        onClick={() => onChange(shiftWeek(week, 1))}
        data-testid={`${testIdPrefix}-next`}
      />
      {currentWeek && week !== currentWeek && (
        <Button type="link" onClick={() => onChange(currentWeek)} data-testid={`${testIdPrefix}-current`}>
          {t('wall.thisWeek')}
        </Button>
      )}
    </Flex>
  );
}
