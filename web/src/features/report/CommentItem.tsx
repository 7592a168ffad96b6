import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { EVALUATION_LIMITS, type TComment } from '@zhoubao/contracts';
import { Button, Flex, Input, Popconfirm, Tag, Typography, theme } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useDeleteComment, useUpdateComment } from './evaluation.api';
import { PersonAvatar } from './ReportCard';

/** The comment's text with each `@name` of its mentions highlighted. */
function BodyText({ comment }: { comment: TComment }) {
  const { token } = theme.useToken();
  const names = comment.mentions.map((m) => `@${m.displayName}`).filter(Boolean);
  if (names.length === 0) return <>{comment.body}</>;
  const escaped = names.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = comment.body.split(new RegExp(`(${escaped.join('|')})`, 'g'));
  const out: ReactNode[] = parts.map((part, i) =>
    names.includes(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one string never reorder
      <span key={i} style={{ color: token.colorPrimary }}>
        {part}
      </span>
    ) : (
      part
    ),
  );
  return <>{out}</>;
}

/** One comment, or a leader's feedback (coloured left border and tag); its author may edit or delete it. */
export function CommentItem({ reportId, comment, mine }: { reportId: string; comment: TComment; mine: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const notifyError = useNotifyError();
  const update = useUpdateComment(reportId);
  const remove = useDeleteComment(reportId);
  const [draft, setDraft] = useState<string | null>(null);
  const feedback = comment.kind === 'feedback';

  const save = () => {
    const body = draft?.trim();
    if (!body) return;
    update.mutate({ commentId: comment.id, body }, { onSuccess: () => setDraft(null), onError: notifyError });
  };

  return (
    <Flex
      gap={10}
      data-testid="comment"
      data-kind={comment.kind}
      data-comment-id={comment.id}
      style={{
        padding: '8px 10px',
        borderRadius: token.borderRadius,
        borderInlineStart: `3px solid ${feedback ? token.colorWarning : 'transparent'}`,
        background: feedback ? token.colorWarningBg : undefined,
      }}
    >
      <PersonAvatar id={comment.authorId} name={comment.authorName} size={28} />
      <div style={{ minWidth: 0, flex: 1 }}>
        <Flex align="center" gap={6} wrap>
          <Typography.Text strong>{comment.authorName}</Typography.Text>
          {feedback && (
            <Tag color="orange" style={{ marginInlineEnd: 0 }} data-testid="comment-feedback-tag">
              {t('evaluation.feedbackTag')}
            </Tag>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(comment.createdAt)}
            {comment.editedAt && ` · ${t('evaluation.edited')}`}
          </Typography.Text>
        </Flex>
        {draft === null ? (
          <Typography.Paragraph style={{ margin: '2px 0 0', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
            <BodyText comment={comment} />
          </Typography.Paragraph>
        ) : (
          <Flex vertical gap={6} style={{ marginTop: 4 }}>
            <Input.TextArea
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              autoSize={{ minRows: 2, maxRows: 8 }}
              maxLength={EVALUATION_LIMITS.comment}
              aria-label={t('common.edit')}
              data-testid="comment-edit-input"
            />
            <Flex gap={8} justify="flex-end">
              <Button size="small" onClick={() => setDraft(null)}>
                {t('common.cancel')}
              </Button>
              <Button
                size="small"
                type="primary"
                loading={update.isPending}
                disabled={!draft.trim()}
                onClick={save}
                {...testId('comment-edit-save')}
              >
                {t('common.save')}
              </Button>
            </Flex>
          </Flex>
        )}
        {mine && draft === null && (
          <Flex gap={4} style={{ marginTop: 2, marginInlineStart: -8 }}>
            <Button
              type="link"
              size="small"
              icon={<EditOutlined />}
              onClick={() => setDraft(comment.body)}
              {...testId('comment-edit')}
            >
              {t('common.edit')}
            </Button>
            <Popconfirm
              title={t('evaluation.deleteConfirm')}
              okText={t('common.delete')}
              cancelText={t('common.cancel')}
              okButtonProps={{ danger: true, loading: remove.isPending, ...testId('comment-delete-confirm') }}
              onConfirm={() => remove.mutateAsync(comment.id).catch(notifyError)}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />} {...testId('comment-delete')}>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          </Flex>
        )}
      </div>
    </Flex>
  );
}
