import { LikeFilled, LikeOutlined, StarOutlined } from '@ant-design/icons';
import type { TEvaluation } from '@zhoubao/contracts';
import { Button, Card, Divider, Flex, Rate, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useEvaluation, useRate, useToggleLike } from './evaluation.api';
import { GRADE_COLORS } from './grade-style';

/** The average and how many rated, e.g. `4.5 分 · 3 人评分`. */
function RatingAverage({ evaluation }: { evaluation: TEvaluation }) {
  const { t } = useTranslation();
  return (
    <Typography.Text type="secondary" data-testid="rating-average" data-average={evaluation.ratingAverage ?? ''}>
      {evaluation.ratingAverage === null
        ? t('evaluation.noRatings')
        : t('evaluation.ratingAverage', { average: evaluation.ratingAverage.toFixed(1), n: evaluation.ratingCount })}
    </Typography.Text>
  );
}

/** The latest grade, for the author and those who oversee the report. */
function CurrentGrade({ evaluation }: { evaluation: TEvaluation }) {
  const { t } = useTranslation();
  const grade = evaluation.grade;
  if (grade === undefined) return null;
  return (
    <>
      <Divider style={{ margin: '12px 0' }} />
      <Flex vertical gap={4} data-testid="grade-current" data-grade={grade?.grade ?? ''}>
        <Flex align="center" gap={8}>
          <Typography.Text strong>{t('evaluation.grade')}</Typography.Text>
          {grade ? (
            <Tag color={GRADE_COLORS[grade.grade]} style={{ fontSize: 14, paddingInline: 10, marginInlineEnd: 0 }}>
              {grade.grade}
            </Tag>
          ) : (
            <Typography.Text type="secondary">{t('evaluation.notGraded')}</Typography.Text>
          )}
        </Flex>
        {grade && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('evaluation.gradedBy', { name: grade.byName, time: formatDateTime(grade.at) })}
          </Typography.Text>
        )}
        {grade?.note && (
          <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            {grade.note}
          </Typography.Paragraph>
        )}
      </Flex>
    </>
  );
}

/** Likes and peer ratings (no stars on one's own report: the author sees the average, and raters when told). */
export function EvaluationCard({ reportId, own }: { reportId: string; own: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const evaluation = useEvaluation(reportId);
  const like = useToggleLike(reportId);
  const rate = useRate(reportId);

  let body: React.ReactNode;
  if (evaluation.isPending) body = <Skeleton active paragraph={{ rows: 2 }} />;
  else if (evaluation.isError) body = <Typography.Text type="danger">{errorText(evaluation.error)}</Typography.Text>;
  else {
    const e = evaluation.data;
    body = (
      <>
        <Flex align="center" justify="space-between" gap={8} wrap>
          <Button
            type={e.likedByMe ? 'primary' : 'default'}
            ghost={e.likedByMe}
            icon={e.likedByMe ? <LikeFilled /> : <LikeOutlined />}
            aria-pressed={e.likedByMe}
            onClick={() => like.mutate(!e.likedByMe, { onError: notifyError })}
            {...testId('like-toggle', { liked: String(e.likedByMe) })}
          >
            {e.likedByMe ? t('evaluation.liked') : t('evaluation.like')}
            <span data-testid="like-count" style={{ marginInlineStart: 4 }}>
              {e.likes}
            </span>
          </Button>
          <RatingAverage evaluation={e} />
        </Flex>
        {!own && (
          <Flex vertical gap={4} style={{ marginTop: 12 }}>
            <Typography.Text>{e.myRating ? t('evaluation.yourRating') : t('evaluation.rateIt')}</Typography.Text>
            <Rate
              value={e.myRating?.score ?? 0}
              allowClear={false}
              disabled={rate.isPending}
              onChange={(score) => rate.mutate({ score }, { onError: notifyError })}
              data-testid="rating"
              data-score={e.myRating?.score ?? 0}
              aria-label={t('evaluation.rateIt')}
            />
          </Flex>
        )}
        {e.raters && e.raters.length > 0 && (
          <Flex vertical gap={4} style={{ marginTop: 12 }} data-testid="raters">
            <Typography.Text strong>{t('evaluation.raters')}</Typography.Text>
            {e.raters.map((r) => (
              <Flex key={r.userId} align="baseline" gap={8} wrap data-testid="rater">
                <Typography.Text style={{ minWidth: 56 }}>{r.displayName}</Typography.Text>
                <Rate disabled value={r.score} style={{ fontSize: 12 }} />
                {r.reason && (
                  <Typography.Text type="secondary" style={{ fontSize: 12, wordBreak: 'break-word' }}>
                    {r.reason}
                  </Typography.Text>
                )}
              </Flex>
            ))}
          </Flex>
        )}
        <CurrentGrade evaluation={e} />
      </>
    );
  }

  return (
    <Card
      size="small"
      title={
        <span>
          <StarOutlined style={{ marginInlineEnd: 6 }} />
          {t('evaluation.title')}
        </span>
      }
      data-testid="evaluation-card"
    >
      {body}
    </Card>
  );
}
