import type { TObjection } from '@zhoubao/contracts';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';

/** The objection's state: waiting for an answer, upheld, or rejected. */
export function ObjectionTag({ objection }: { objection: TObjection }) {
  const { t } = useTranslation();
  const state = objection.status === 'open' ? 'open' : (objection.outcome ?? 'open');
  const color = state === 'open' ? 'orange' : state === 'upheld' ? 'green' : 'default';
  return (
    <Tag color={color} style={{ marginInlineEnd: 0 }} data-testid="objection-status" data-status={state}>
      {t(`objections.state.${state}`)}
    </Tag>
  );
}

/** The week's points when the objection was raised and now, when they differ (rules or data changed since). */
export function PointsThenAndNow({ objection }: { objection: TObjection }) {
  const { t } = useTranslation();
  const then = objection.scoreAtRaise.points;
  const now = objection.scoreNow?.points;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="objection-points">
      {now === undefined || now === then ? t('objections.pointsThen', { then }) : t('objections.pointsThenNow', { then, now })}
    </Typography.Text>
  );
}

/** The reason, and once answered the answer with who gave it and when. */
export function ObjectionTexts({ objection }: { objection: TObjection }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={6}>
      <div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('objections.reasonBy', { at: formatDateTime(objection.createdAt) })}
        </Typography.Text>
        <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }} data-testid="objection-reason-text">
          {objection.reason}
        </Typography.Paragraph>
      </div>
      {objection.answer !== null && (
        <div
          style={{ background: 'rgba(0, 0, 0, 0.02)', borderInlineStart: '3px solid #1677ff', padding: '6px 10px' }}
          data-testid="objection-answer-text"
        >
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('objections.answerBy', { name: objection.answeredByName ?? '—', at: formatDateTime(objection.answeredAt) })}
          </Typography.Text>
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{objection.answer}</Typography.Paragraph>
        </div>
      )}
    </Flex>
  );
}
