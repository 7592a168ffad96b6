import {
  CheckOutlined,
  EditOutlined,
  FlagOutlined,
  LockOutlined,
  PlusOutlined,
  StopOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import type { TGoal, TGoalStatus } from '@zhoubao/contracts';
import { App, Button, Card, Collapse, Empty, Flex, Progress, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';
import { GoalFormModal } from './GoalFormModal';
import { useSaveGoal } from './person.api';

const STATUS_COLORS: Record<TGoalStatus, string> = { active: 'processing', done: 'success', dropped: 'default' };

/** The owner's buttons on a goal: edit, complete, drop, or reopen. */
function GoalActions({ goal, onEdit }: { goal: TGoal; onEdit: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const save = useSaveGoal();
  const set = (status: TGoalStatus) =>
    save.mutate(
      { id: goal.id, body: { status } },
      { onSuccess: () => void message.success(t(`person.goals.set.${status}`)), onError: notifyError },
    );
  const button = (key: string, icon: React.ReactNode, label: string, onClick: () => void) => (
    <Tooltip title={label}>
      <Button
        size="small"
        type="text"
        icon={icon}
        aria-label={label}
        onClick={onClick}
        loading={save.isPending}
        {...testId(key)}
      />
    </Tooltip>
  );
  return (
    <Flex gap={2} onClick={(e) => e.stopPropagation()}>
      {button('goal-edit', <EditOutlined />, t('common.edit'), onEdit)}
      {goal.status === 'active' && button('goal-done', <CheckOutlined />, t('person.goals.complete'), () => set('done'))}
      {goal.status === 'active' && button('goal-drop', <StopOutlined />, t('person.goals.drop'), () => set('dropped'))}
      {goal.status !== 'active' && button('goal-reopen', <UndoOutlined />, t('person.goals.reopen'), () => set('active'))}
    </Flex>
  );
}

/** A goal's linked items (its progress): week, then the content — or a lock for a restricted item one may not read. */
function LinkedItems({ goal }: { goal: TGoal }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  return (
    <Flex vertical gap={6}>
      {goal.description && (
        <Typography.Paragraph type="secondary" style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          {goal.description}
        </Typography.Paragraph>
      )}
      {goal.linkedItems.length === 0 && <Typography.Text type="secondary">{t('person.goals.noProgress')}</Typography.Text>}
      {goal.linkedItems.map((l) => (
        <Flex key={l.itemId} gap={8} align="baseline" {...testId('goal-linked-item', { redacted: String(l.redacted) })}>
          <Link to={`/reports/${encodeURIComponent(l.reportId)}`} style={{ flex: 'none' }}>
            {weekLabel(l.week)}
          </Link>
          {l.redacted ? (
            <Typography.Text type="secondary">
              <LockOutlined /> {t('report.redacted')}
            </Typography.Text>
          ) : (
            <Typography.Text style={{ wordBreak: 'break-word' }}>{l.content}</Typography.Text>
          )}
        </Flex>
      ))}
      {goal.linkedCount > goal.linkedItems.length && (
        <Typography.Text type="secondary">
          {t('person.goals.more', { n: goal.linkedCount - goal.linkedItems.length })}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** The goals (职业规划) with their progress; on one's own file, set, edit, complete and drop them. */
export function GoalsCard({ goals, own }: { goals: readonly TGoal[]; own: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<TGoal | null>(null);
  const [open, setOpen] = useState(false);
  const active = goals.filter((g) => g.status === 'active').length;
  const done = goals.filter((g) => g.status === 'done').length;
  const edit = (goal: TGoal | null) => {
    setEditing(goal);
    setOpen(true);
  };
  return (
    <Card
      title={
        <span>
          <FlagOutlined /> {t('person.goals.title')}
        </span>
      }
      extra={
        own && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => edit(null)} data-testid="goal-new">
            {t('person.goals.new')}
          </Button>
        )
      }
      size="small"
      data-testid="profile-goals"
    >
      {goals.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t(own ? 'person.goals.emptyOwn' : 'person.goals.empty')} />
      ) : (
        <>
          <Flex align="center" gap={12} style={{ marginBottom: 8 }}>
            <Progress
              percent={Math.round((100 * done) / Math.max(1, active + done))}
              size="small"
              style={{ flex: 1, margin: 0 }}
              aria-label={t('person.goals.progress', { done, total: active + done })}
            />
            <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
              {t('person.goals.progress', { done, total: active + done })}
            </Typography.Text>
          </Flex>
          <Collapse
            size="small"
            items={goals.map((g) => ({
              key: g.id,
              label: (
                <Flex
                  gap={6}
                  align="center"
                  wrap
                  style={{ minWidth: 0 }}
                  {...testId('goal', { status: g.status, 'goal-id': g.id })}
                >
                  <Typography.Text
                    strong
                    delete={g.status === 'dropped'}
                    style={{ wordBreak: 'break-word' }}
                    data-testid="goal-title-text"
                  >
                    {g.title}
                  </Typography.Text>
                  <Tag color={STATUS_COLORS[g.status]} style={{ marginInlineEnd: 0 }}>
                    {t(`person.goals.status.${g.status}`)}
                  </Tag>
                  {g.due && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('person.goals.due', { date: g.due })}
                    </Typography.Text>
                  )}
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="goal-linked-count">
                    {t('person.goals.linked', { n: g.linkedCount })}
                  </Typography.Text>
                </Flex>
              ),
              extra: own ? <GoalActions goal={g} onEdit={() => edit(g)} /> : undefined,
              children: <LinkedItems goal={g} />,
            }))}
          />
        </>
      )}
      {own && <GoalFormModal open={open} goal={editing} onClose={() => setOpen(false)} />}
    </Card>
  );
}
