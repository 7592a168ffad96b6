import { CalendarOutlined } from '@ant-design/icons';
import type { TAbsence } from '@zhoubao/contracts';
import { App, Button, Empty, Flex, Popconfirm, Skeleton, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { DATE_FORMAT, spanDays } from './AbsenceForm';
import { useAbsences, useWithdrawAbsence } from './absences.api';

/** How many absences show before "show all". */
const FIRST_PAGE = 8;

type Phase = 'past' | 'ongoing' | 'upcoming';

function phaseOf(a: TAbsence, today: string): Phase {
  if (a.to < today) return 'past';
  return a.from > today ? 'upcoming' : 'ongoing';
}

/** One absence: its dates and length, reason, when it was recorded, and withdraw. */
function AbsenceRow({ absence, today, canWithdraw }: { absence: TAbsence; today: string; canWithdraw: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const withdraw = useWithdrawAbsence(absence.userId);
  const phase = phaseOf(absence, today);
  const days = spanDays(dayjs(absence.from), dayjs(absence.to));

  return (
    <Flex
      align="flex-start"
      gap={12}
      style={{ padding: '10px 0', borderTop: '1px solid #f0f0f0', opacity: phase === 'past' ? 0.65 : 1 }}
      {...testId('absence-row', { id: absence.id, from: absence.from, to: absence.to })}
    >
      <CalendarOutlined style={{ color: '#1677ff', marginTop: 4 }} />
      <div style={{ flex: 1, minWidth: 0 }}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong style={{ fontVariantNumeric: 'tabular-nums' }}>
            {absence.from === absence.to ? absence.from : `${absence.from} – ${absence.to}`}
          </Typography.Text>
          <Typography.Text type="secondary">{t('absences.days', { n: days })}</Typography.Text>
          {phase !== 'past' && (
            <Tag color={phase === 'ongoing' ? 'green' : 'blue'} style={{ margin: 0 }}>
              {t(`absences.${phase}`)}
            </Tag>
          )}
        </Flex>
        {absence.reason && (
          <Typography.Paragraph style={{ margin: '2px 0 0', wordBreak: 'break-word' }}>{absence.reason}</Typography.Paragraph>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('absences.recordedAt', { time: formatDateTime(absence.createdAt) })}
        </Typography.Text>
      </div>
      {canWithdraw && (
        <Popconfirm
          title={t('absences.withdrawConfirm')}
          description={t('absences.withdrawHelp')}
          okText={t('absences.withdraw')}
          okButtonProps={{ danger: true }}
          onConfirm={() =>
            withdraw.mutateAsync(absence.id).then(() => void message.success(t('absences.withdrawn')), notifyError)
          }
        >
          <Button type="link" danger size="small" {...testId('absence-withdraw')}>
            {t('absences.withdraw')}
          </Button>
        </Popconfirm>
      )}
    </Flex>
  );
}

/** A person's absences, latest first; the first few, then all on request. */
export function AbsenceList({ userId, canWithdraw }: { userId: string; canWithdraw: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const absences = useAbsences(userId);
  const [showAll, setShowAll] = useState(false);
  const today = dayjs().format(DATE_FORMAT);

  if (absences.isError) return <Typography.Text type="danger">{errorText(absences.error)}</Typography.Text>;
  if (absences.isPending) return <Skeleton active paragraph={{ rows: 2 }} />;
  const items = absences.data.items;
  if (items.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('absences.empty')} style={{ margin: '8px 0' }} />;
  }
  const shown = showAll ? items : items.slice(0, FIRST_PAGE);
  return (
    <div data-testid="absence-list">
      {shown.map((a) => (
        <AbsenceRow key={a.id} absence={a} today={today} canWithdraw={canWithdraw} />
      ))}
      {items.length > shown.length && (
        <Button type="link" onClick={() => setShowAll(true)} style={{ paddingInline: 0 }}>
          {t('absences.showAll', { n: items.length })}
        </Button>
      )}
    </div>
  );
}
