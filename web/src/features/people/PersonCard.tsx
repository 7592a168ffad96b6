import { MailOutlined } from '@ant-design/icons';
import type { TUser } from '@zhoubao/contracts';
import { Avatar, Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

const AVATAR_COLORS = ['#1677ff', '#13c2c2', '#52c41a', '#fa8c16', '#722ed1', '#eb2f96', '#2f54eb'];

/** A stable colour per person, so the same colleague always looks the same. */
function avatarColor(id: string): string {
  let hash = 0;
  for (const ch of id) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return AVATAR_COLORS[hash % AVATAR_COLORS.length] ?? '#1677ff';
}

/** One colleague in the people directory; `actions` (if any) sit at the card's end. */
export function PersonCard({ user, departmentPath, actions }: { user: TUser; departmentPath: string; actions?: ReactNode }) {
  return (
    <Card size="small" data-testid="person-card" data-username={user.username} style={{ height: '100%' }}>
      <Flex gap={12} align="center">
        <Avatar size={44} style={{ backgroundColor: avatarColor(user.id), flex: 'none', fontSize: 18 }}>
          {Array.from(user.displayName)[0] ?? '?'}
        </Avatar>
        <div style={{ minWidth: 0, flex: 1 }}>
          <Flex gap={8} align="baseline" style={{ minWidth: 0 }}>
            {/* The name opens the person's living file. */}
            <Link to={`/people/${encodeURIComponent(user.id)}`} style={{ minWidth: 0 }} data-testid="person-card-link">
              <Typography.Text strong ellipsis style={{ color: 'inherit' }}>
                {user.displayName}
              </Typography.Text>
            </Link>
            {user.title && (
              <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
                {user.title}
              </Typography.Text>
            )}
          </Flex>
          <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 13 }}>
            {departmentPath || '—'}
          </Typography.Text>
          {user.email && (
            <Typography.Link href={`mailto:${user.email}`} ellipsis style={{ display: 'block', fontSize: 12 }}>
              <MailOutlined style={{ marginInlineEnd: 4 }} />
              {user.email}
            </Typography.Link>
          )}
        </div>
        {actions && <div style={{ flex: 'none', alignSelf: 'flex-start' }}>{actions}</div>}
      </Flex>
    </Card>
  );
}
