import type { TFeedbackEntry, TProfile } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { PersonAvatar } from '../report/ReportCard';
import { useWeekLabel } from '../wall/WeekPicker';

const FIRST = 6;

function Entry({ f }: { f: TFeedbackEntry }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  return (
    <List.Item {...testId('feedback-entry', { kind: f.kind })} style={{ paddingInline: 4, display: 'block' }}>
      <Flex gap={8} align="flex-start">
        <PersonAvatar id={f.authorId} name={f.authorName} size={28} />
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong>{f.authorName}</Typography.Text>
            <Tag color={f.kind === 'feedback' ? 'magenta' : 'default'} style={{ marginInlineEnd: 0 }}>
              {t(`person.feedback.kind.${f.kind}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              <Link to={`/reports/${encodeURIComponent(f.reportId)}`}>{weekLabel(f.week)}</Link> · {formatDateTime(f.createdAt)}
            </Typography.Text>
          </Flex>
          <Typography.Paragraph
            style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}
            ellipsis={{ rows: 3, expandable: true }}
          >
            {f.body}
          </Typography.Paragraph>
        </div>
      </Flex>
    </List.Item>
  );
}

/** Feedback from the person's head, leaders and assessors first, then colleagues' comments. */
export function FeedbackCard({ profile }: { profile: TProfile }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const { feedback, feedbackCounts } = profile;
  const shown = all ? feedback : feedback.slice(0, FIRST);
  return (
    <Card
      title={t('person.feedback.title')}
      extra={
        <Typography.Text type="secondary">
          {t('person.feedback.counts', { feedback: feedbackCounts.feedback, comment: feedbackCounts.comment })}
        </Typography.Text>
      }
      size="small"
      data-testid="profile-feedback"
      style={{ height: '100%' }}
    >
      {feedback.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('person.feedback.empty')} />
      ) : (
        <List size="small" dataSource={shown} rowKey="id" renderItem={(f) => <Entry f={f} />} />
      )}
      {feedback.length > FIRST && (
        <Button type="link" block onClick={() => setAll((v) => !v)}>
          {all ? t('person.timeline.fewer') : t('person.showAll', { n: feedback.length })}
        </Button>
      )}
    </Card>
  );
}
