import { BellOutlined } from '@ant-design/icons';
import type { TNotification } from '@zhoubao/contracts';
import { Badge, Button, Drawer, Empty, Flex, Grid, Popover, Skeleton, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';
import { notificationDetail, notificationLink, notificationTitle } from './notification-text';
import { useMarkRead, useNotifications } from './notifications.api';

function NotificationRow({ n, onOpen }: { n: TNotification; onOpen: (n: TNotification) => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const weekLabel = useWeekLabel();
  const unread = n.readAt === null;
  const detail = notificationDetail(n, weekLabel);
  return (
    <button
      type="button"
      onClick={() => onOpen(n)}
      data-testid="notification-item"
      data-type={n.type}
      data-read={String(!unread)}
      style={{
        display: 'flex',
        gap: 10,
        width: '100%',
        textAlign: 'start',
        padding: '10px 12px',
        border: 0,
        borderBottom: `1px solid ${token.colorSplit}`,
        background: unread ? token.colorPrimaryBg : 'transparent',
        cursor: 'pointer',
        font: 'inherit',
        lineHeight: 1.5,
      }}
    >
      <Badge dot={unread} style={{ marginTop: 6 }}>
        <span style={{ display: 'inline-block', width: 0 }} />
      </Badge>
      <span style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={unread} style={{ display: 'block' }}>
          {notificationTitle(t, n)}
        </Typography.Text>
        {detail && (
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
            {detail}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(n.createdAt)}
        </Typography.Text>
      </span>
    </button>
  );
}

/** The bell in the app header: the unread count, and the newest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const isPhone = Grid.useBreakpoint().md === false;
  const [open, setOpen] = useState(false);
  const inbox = useNotifications();
  const markRead = useMarkRead();
  const unread = inbox.data?.unread ?? 0;
  const items = inbox.data?.items ?? [];

  const openOne = (n: TNotification) => {
    if (n.readAt === null) markRead.mutate({ ids: [n.id] }, { onError: notifyError });
    const link = notificationLink(n);
    setOpen(false);
    if (link) void navigate(link);
  };

  let list: React.ReactNode;
  if (inbox.isPending) list = <Skeleton active paragraph={{ rows: 3 }} style={{ padding: 12 }} />;
  else if (inbox.isError)
    list = (
      <Typography.Text type="danger" style={{ display: 'block', padding: 12 }}>
        {errorText(inbox.error)}
      </Typography.Text>
    );
  else if (items.length === 0)
    list = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('notifications.empty')} style={{ margin: 16 }} />;
  else list = items.map((n) => <NotificationRow key={n.id} n={n} onOpen={openOne} />);

  const readAll = (
    <Button
      type="link"
      size="small"
      disabled={unread === 0}
      loading={markRead.isPending}
      onClick={() => markRead.mutate({ all: true }, { onError: notifyError })}
      {...testId('notifications-read-all')}
    >
      {t('notifications.readAll')}
    </Button>
  );

  const content = (
    <div style={{ width: 360 }} data-testid="notifications-panel">
      <Flex justify="space-between" align="center" style={{ padding: '8px 12px', borderBottom: `1px solid ${token.colorSplit}` }}>
        <Typography.Text strong>{t('notifications.title')}</Typography.Text>
        {readAll}
      </Flex>
      <div style={{ maxHeight: 'min(480px, 70vh)', overflowY: 'auto' }}>{list}</div>
    </div>
  );

  const bell = (
    <Button
      type="text"
      onClick={() => isPhone && setOpen(true)}
      aria-label={t('notifications.bellLabel', { n: unread })}
      style={{ height: 40, width: 40, paddingInline: 0 }}
      {...testId('notification-bell', { unread: String(unread) })}
    >
      <Badge
        count={
          unread > 0 ? (
            <span
              data-testid="notification-count"
              style={{
                minWidth: 18,
                height: 18,
                paddingInline: 5,
                borderRadius: 9,
                background: token.colorError,
                color: token.colorWhite,
                fontSize: 11,
                lineHeight: '18px',
                textAlign: 'center',
                boxShadow: `0 0 0 1px ${token.colorBgContainer}`,
                transform: 'translate(50%, -50%)',
                position: 'absolute',
                top: 0,
                insetInlineEnd: 0,
              }}
            >
              {unread > 99 ? '99+' : unread}
            </span>
          ) : (
            0
          )
        }
      >
        <BellOutlined style={{ fontSize: 18 }} />
      </Badge>
    </Button>
  );

  if (isPhone) {
    return (
      <>
        {bell}
        <Drawer
          open={open}
          onClose={() => setOpen(false)}
          placement="right"
          size="100%"
          title={t('notifications.title')}
          extra={readAll}
          styles={{ body: { padding: 0 } }}
          data-testid="notifications-panel"
        >
          {list}
        </Drawer>
      </>
    );
  }

  return (
    <Popover
      content={content}
      trigger="click"
      placement="bottomRight"
      arrow={false}
      open={open}
      onOpenChange={setOpen}
      styles={{ container: { padding: 0 } }}
    >
      {bell}
    </Popover>
  );
}
