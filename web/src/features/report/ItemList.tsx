import {
  BookOutlined,
  CalendarOutlined,
  CheckSquareOutlined,
  FlagOutlined,
  LockOutlined,
  TrophyOutlined,
} from '@ant-design/icons';
import { ITEM_KINDS, type TItemKind, type TPresentedItem, type TRedactedItem, type TReportItem } from '@zhoubao/contracts';
import { Flex, Tag, Tooltip, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** True for the placeholder a viewer gets instead of a restricted item they may not read. */
export const isRedacted = (item: TPresentedItem): item is TRedactedItem => 'redacted' in item && item.redacted === true;

const KIND_ICONS: Record<TItemKind, ReactNode> = {
  work: <CheckSquareOutlined />,
  study: <BookOutlined />,
  plan: <CalendarOutlined />,
};

export const KIND_COLORS: Record<TItemKind, string> = { work: '#1677ff', study: '#13c2c2', plan: '#722ed1' };

/** The grey "internal item" stand-in: shows that something is there without showing what. */
function RedactedItem() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Tooltip title={t('report.redactedHint')}>
      <Flex
        align="center"
        gap={6}
        data-testid="item-redacted"
        style={{
          color: token.colorTextTertiary,
          background: token.colorFillTertiary,
          border: `1px dashed ${token.colorBorder}`,
          borderRadius: token.borderRadiusSM,
          padding: '2px 8px',
          width: 'fit-content',
          maxWidth: '100%',
        }}
      >
        <LockOutlined />
        <span>{t('report.redacted')}</span>
      </Flex>
    </Tooltip>
  );
}

function VisibleItem({ item, goalTitle }: { item: TReportItem; goalTitle?: string | undefined }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <div style={{ minWidth: 0 }}>
      <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
        {item.category && (
          <Tag color="blue" style={{ marginInlineEnd: 6 }}>
            {item.category}
          </Tag>
        )}
        {item.visibility === 'restricted' && (
          <Tooltip title={t('report.restrictedHint')}>
            <Tag color="gold" icon={<LockOutlined />} style={{ marginInlineEnd: 6 }} data-testid="item-restricted">
              {t('report.restricted')}
            </Tag>
          </Tooltip>
        )}
        {item.content}
      </Typography.Paragraph>
      {item.outcome && (
        <div
          data-testid="item-outcome"
          style={{
            marginTop: 4,
            padding: '2px 8px',
            background: token.colorSuccessBg,
            borderInlineStart: `3px solid ${token.colorSuccess}`,
            borderRadius: token.borderRadiusSM,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-word',
          }}
        >
          <TrophyOutlined style={{ color: token.colorSuccess, marginInlineEnd: 6 }} />
          <Typography.Text strong>{t('report.outcome')}</Typography.Text>
          {t('report.colon')}
          {item.outcome}
        </div>
      )}
      {goalTitle && (
        <Tag color="geekblue" icon={<FlagOutlined />} style={{ marginTop: 4, whiteSpace: 'normal' }} data-testid="item-goal">
          {t('person.goals.onReport', { title: goalTitle })}
        </Tag>
      )}
      {item.tags.length > 0 && (
        <Flex wrap gap={4} style={{ marginTop: 4 }}>
          {item.tags.map((tag) => (
            <Tag key={tag} variant="filled" style={{ marginInlineEnd: 0, color: token.colorTextSecondary }}>
              #{tag}
            </Tag>
          ))}
        </Flex>
      )}
    </div>
  );
}

/**
 * A report's (or a summary's) items grouped by kind — work, study, plan — each numbered within its
 * group; with `goalTitles`, an item linked to a goal names it.
 */
export function ItemList({
  items,
  goalTitles,
}: {
  items: readonly TPresentedItem[];
  goalTitles?: ReadonlyMap<string, string> | undefined;
}) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  if (items.length === 0) return <Typography.Text type="secondary">{t('report.noItems')}</Typography.Text>;
  const groups = ITEM_KINDS.map((kind) => ({ kind, items: items.filter((i) => i.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <Flex vertical gap={12}>
      {groups.map((group) => (
        <section key={group.kind} data-testid="item-group" data-kind={group.kind}>
          <Typography.Text strong style={{ color: KIND_COLORS[group.kind], display: 'block', marginBottom: 6 }}>
            {KIND_ICONS[group.kind]} {t(`report.kind.${group.kind}`)}
          </Typography.Text>
          <ol style={{ margin: 0, paddingInlineStart: 22, display: 'flex', flexDirection: 'column', gap: 8 }}>
            {group.items.map((item) => (
              <li key={item.id} style={{ color: token.colorTextSecondary }} data-testid="report-item">
                <div style={{ color: token.colorText }}>
                  {isRedacted(item) ? (
                    <RedactedItem />
                  ) : (
                    <VisibleItem item={item} goalTitle={item.goalId ? goalTitles?.get(item.goalId) : undefined} />
                  )}
                </div>
              </li>
            ))}
          </ol>
        </section>
      ))}
    </Flex>
  );
}
