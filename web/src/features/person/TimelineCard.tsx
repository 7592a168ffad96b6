import { RightOutlined, StarFilled } from '@ant-design/icons';
import type { TTimelineWeek } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { testId } from '../../lib/test-id';
import { GRADE_COLORS } from '../report/grade-style';
import { useWeekLabel } from '../wall/WeekPicker';
import { WeekStatusTag } from './WeekStatus';

/** Weeks shown before "show all". */
const FIRST = 12;

/** The weeks newest first: status, items, grade, peer rating and a link to the report. */
export function TimelineCard({ timeline }: { timeline: readonly TTimelineWeek[] }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  const [all, setAll] = useState(false);
  const weeks = [...timeline].reverse();
  const shown = all ? weeks : weeks.slice(0, FIRST);
  return (
    <Card title={t('person.timeline.title')} size="small" data-testid="profile-timeline">
      {weeks.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          dataSource={shown}
          rowKey="week"
          renderItem={(w) => (
            <List.Item {...testId('timeline-week', { week: w.week, status: w.status })} style={{ paddingInline: 4 }}>
              <Flex align="center" justify="space-between" gap={8} style={{ width: '100%' }}>
                <Flex align="center" gap="4px 8px" wrap style={{ minWidth: 0, flex: 1 }}>
                  <Typography.Text style={{ minWidth: 112 }}>{weekLabel(w.week)}</Typography.Text>
                  <WeekStatusTag week={w} />
                  {w.items > 0 && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('person.timeline.items', { n: w.items })}
                    </Typography.Text>
                  )}
                  {w.grade && (
                    <Tag color={GRADE_COLORS[w.grade]} style={{ marginInlineEnd: 0 }} data-testid="timeline-grade">
                      {w.grade}
                    </Tag>
                  )}
                  {w.peerRating !== null && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <StarFilled style={{ color: '#fadb14' }} /> {w.peerRating}
                    </Typography.Text>
                  )}
                </Flex>
                {w.reportId && (
                  <Link
                    to={`/reports/${encodeURIComponent(w.reportId)}`}
                    style={{ flex: 'none', whiteSpace: 'nowrap' }}
                    data-testid="timeline-open"
                  >
                    {t('person.timeline.open')} <RightOutlined />
                  </Link>
                )}
              </Flex>
            </List.Item>
          )}
        />
      )}
      {weeks.length > FIRST && (
        <Button type="link" block onClick={() => setAll((v) => !v)} data-testid="timeline-toggle">
          {all ? t('person.timeline.fewer') : t('person.timeline.all', { n: weeks.length })}
        </Button>
      )}
    </Card>
  );
}
