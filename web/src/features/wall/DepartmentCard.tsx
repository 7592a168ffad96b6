import { CheckCircleFilled } from '@ant-design/icons';
import type { TWallDepartment } from '@zhoubao/contracts';
import { Card, Flex, Progress, Tag, Typography, theme } from 'antd';
import { type ReactElement, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** One department on the wall: its submission progress this week and whether its bulletin is out. */
export function DepartmentCard({
  department: d,
  selected,
  onSelect,
}: {
  department: TWallDepartment;
  selected: boolean;
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const percent = d.members > 0 ? Math.round((d.submitted / d.members) * 100) : 0;
  return (
    <Card
      size="small"
      hoverable
      onClick={onSelect}
      data-testid="wall-dept-card"
      data-dept-id={d.id}
      data-dept-name={d.name}
      data-published={String(d.published)}
      aria-pressed={selected}
      style={{
        height: '100%',
        cursor: 'pointer',
        borderColor: selected ? token.colorPrimary : undefined,
        boxShadow: selected ? `0 0 0 1px ${token.colorPrimary}` : undefined,
      }}
    >
      <Flex justify="space-between" align="center" gap={6}>
        <Typography.Text strong ellipsis title={d.name}>
          {d.name}
        </Typography.Text>
        {d.published ? (
          <Tag color="success" icon={<CheckCircleFilled />} style={{ marginInlineEnd: 0, flex: 'none' }}>
            {t('wall.published')}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0, flex: 'none' }}>{t('wall.unpublished')}</Tag>
        )}
      </Flex>
      <Progress
        percent={percent}
        size="small"
        strokeColor={d.late > 0 ? { from: token.colorPrimary, to: token.colorWarning } : undefined}
        format={() => `${d.submitted}/${d.members}`}
        style={{ margin: '6px 0 2px' }}
        aria-label={t('wall.progress', { submitted: d.submitted, members: d.members })}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('wall.figures', { members: d.members, submitted: d.submitted, late: d.late })}
      </Typography.Text>
    </Card>
  );
}

/** The department cards on a phone: one row that scrolls sideways, the selected card kept in sight. */
export function DepartmentStrip({ selectedId, children }: { selectedId: string | undefined; children: ReactElement[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const strip = ref.current;
    const card = selectedId ? strip?.querySelector<HTMLElement>(`[data-dept-id="${CSS.escape(selectedId)}"]`) : null;
    if (strip && card?.parentElement) strip.scrollLeft = card.parentElement.offsetLeft - 12;
  }, [selectedId]);
  return (
    <Flex
      ref={ref}
      gap={8}
      data-testid="wall-dept-strip"
      style={{
        position: 'relative',
        overflowX: 'auto',
        margin: '0 -12px 12px',
        padding: '2px 12px 6px',
        scrollPaddingInline: 12,
        scrollSnapType: 'x proximity',
      }}
    >
      {children.map((card) => (
        <div key={card.key} style={{ flex: '0 0 200px', scrollSnapAlign: 'start' }}>
          {card}
        </div>
      ))}
    </Flex>
  );
}
