import { SendOutlined } from '@ant-design/icons';
import { EVALUATION_LIMITS } from '@zhoubao/contracts';
import { Button, Flex, Mentions } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useCreateComment, useMentionUsers } from './evaluation.api';

/** The ids of the people picked while typing whose `@name` is still in the text. */
function mentionedIds(body: string, picked: Map<string, string>): string[] {
  const ids = new Set<string>();
  for (const [name, id] of picked) if (body.includes(`@${name}`)) ids.add(id);
  return [...ids].slice(0, EVALUATION_LIMITS.mentions);
}

/**
 * The word being typed after the last `@`, if any. The box follows it from the text too, since an
 * input method may insert characters without the key events Mentions listens to.
 */
function typedMention(text: string): string | null {
  const at = text.lastIndexOf('@');
  if (at < 0) return null;
  const word = text.slice(at + 1);
  return /^\S{0,20}$/.test(word) ? word : null;
}

/** The new-comment box: @ opens a people search (GET /users?q=); the people kept in the text are sent as mentions. */
export function CommentBox({ reportId }: { reportId: string }) {
  const { t } = useTranslation();
  const notifyError = useNotifyError();
  const [body, setBody] = useState('');
  const [search, setSearch] = useState('');
  const picked = useRef(new Map<string, string>());
  const users = useMentionUsers(search);
  const create = useCreateComment(reportId);

  const submit = () => {
    const text = body.trim();
    if (!text) return;
    create.mutate(
      { body: text, mentions: mentionedIds(text, picked.current) },
      {
        onSuccess: () => {
          setBody('');
          picked.current.clear();
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Flex vertical gap={8}>
      <Mentions
        value={body}
        onChange={(text) => {
          setBody(text);
          const word = typedMention(text);
          if (word !== null) setSearch(word);
        }}
        onSearch={setSearch}
        onSelect={(option) => {
          const user = users.data?.items.find((u) => u.displayName === option.value);
          if (user) picked.current.set(user.displayName, user.id);
        }}
        filterOption={false}
        options={(users.data?.items ?? []).map((u) => ({ key: u.id, value: u.displayName, label: u.displayName }))}
        notFoundContent={search ? t('evaluation.noPeople') : t('evaluation.typeToSearch')}
        placeholder={t('evaluation.commentPlaceholder')}
        autoSize={{ minRows: 2, maxRows: 8 }}
        maxLength={EVALUATION_LIMITS.comment}
        aria-label={t('evaluation.commentPlaceholder')}
        data-testid="comment-input"
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) submit();
        }}
      />
      <Flex justify="flex-end">
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={create.isPending}
          disabled={!body.trim()}
          onClick={submit}
          {...testId('comment-submit')}
        >
          {t('evaluation.send')}
        </Button>
      </Flex>
    </Flex>
  );
}
