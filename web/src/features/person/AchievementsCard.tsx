import { LockOutlined, TrophyOutlined } from '@ant-design/icons';
import type { TAchievement } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, List, Tag, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';

const FIRST = 8;

/** Items with an outcome, newest first; restricted ones reach only those who may read them. */
export function AchievementsCard({ achievements }: { achievements: readonly TAchievement[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const weekLabel = useWeekLabel();
  const [all, setAll] = useState(false);
  const shown = all ? achievements : achievements.slice(0, FIRST);
  return (
    <Card
      title={
        <span>
          <TrophyOutlined style={{ color: token.colorSuccess }} /> {t('person.achievements.title')}
        </span>
      }
      extra={<Typography.Text type="secondary">{t('person.count', { n: achievements.length })}</Typography.Text>}
      size="small"
      data-testid="profile-achievements"
      style={{ height: '100%' }}
    >
      {achievements.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.achievements.empty')} />
      ) : (
        <List
          size="small"
          dataSource={shown}
          rowKey="id"
          renderItem={(a) => (
            <List.Item {...testId('achievement', { visibility: a.visibility })} style={{ paddingInline: 4, display: 'block' }}>
              <Flex gap={6} align="center" wrap style={{ marginBottom: 4 }}>
                <Link to={`/reports/${encodeURIComponent(a.reportId)}`}>{weekLabel(a.week)}</Link>
                {a.category && (
                  <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                    {a.category}
                  </Tag>
                )}
                {a.visibility === 'restricted' && (
                  <Tag color="gold" icon={<LockOutlined />} style={{ marginInlineEnd: 0 }}>
                    {t('report.restricted')}
                  </Tag>
                )}
              </Flex>
              <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-word' }} ellipsis={{ rows: 2, expandable: true }}>
                {a.content}
              </Typography.Paragraph>
              <div
                style={{
                  marginTop: 4,
                  padding: '2px 8px',
                  background: token.colorSuccessBg,
                  borderInlineStart: `3px solid ${token.colorSuccess}`,
                  borderRadius: token.borderRadiusSM,
                  wordBreak: 'break-word',
                  whiteSpace: 'pre-wrap',
                }}
              >
                {a.outcome}
              </div>
            </List.Item>
          )}
        />
      )}
      {achievements.length > FIRST && (
        <Button type="link" block onClick={() => setAll((v) => !v)}>
          {all ? t('person.timeline.fewer') : t('person.showAll', { n: achievements.length })}
        </Button>
      )}
    </Card>
  );
}
