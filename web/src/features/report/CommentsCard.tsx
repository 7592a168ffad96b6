import { MessageOutlined } from '@ant-design/icons';
import { Card, Divider, Empty, Flex, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../lib/errors';
import { useCurrentUser } from '../auth/auth.api';
import { CommentBox } from './CommentBox';
import { CommentItem } from './CommentItem';
import { useComments } from './evaluation.api';

/** The thread of comments and leaders' feedback on a submitted report, with the box to add one. */
export function CommentsCard({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const comments = useComments(reportId);
  const items = comments.data?.items ?? [];

  let body: React.ReactNode;
  if (comments.isPending) body = <Skeleton active avatar paragraph={{ rows: 2 }} />;
  else if (comments.isError) body = <Typography.Text type="danger">{errorText(comments.error)}</Typography.Text>;
  else if (items.length === 0)
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('evaluation.noComments')} style={{ margin: 8 }} />;
  else
    body = (
      <Flex vertical gap={8} data-testid="comments-list">
        {items.map((c) => (
          <CommentItem key={c.id} reportId={reportId} comment={c} mine={c.authorId === user.id} />
        ))}
      </Flex>
    );

  return (
    <Card
      size="small"
      title={
        <span>
          <MessageOutlined style={{ marginInlineEnd: 6 }} />
          {t('evaluation.comments')}
        </span>
      }
      extra={
        comments.data && (
          <Typography.Text type="secondary" data-testid="comments-count">
            {t('evaluation.commentsCount', { n: items.length })}
          </Typography.Text>
        )
      }
      data-testid="comments-card"
    >
      {body}
      <Divider style={{ margin: '12px 0' }} />
      <CommentBox reportId={reportId} />
    </Card>
  );
}
