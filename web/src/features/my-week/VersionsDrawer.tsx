import { LockOutlined } from '@ant-design/icons';
import { ITEM_KINDS, type TPresentedItem, type TReportVersion } from '@zhoubao/contracts';
import { Collapse, Drawer, Empty, Flex, Skeleton, Tag, Typography, theme } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { isReadableItem } from './draft';
import { KIND_COLORS } from './ItemCard';
import { useReportVersions } from './my-week.api';

/** A report's text, read-only: the summary, then the items grouped by kind. */
export function ReadOnlyReport({ summary, items }: { summary: string; items: readonly TPresentedItem[] }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex vertical gap={12}>
      {summary && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{summary}</Typography.Paragraph>}
      {ITEM_KINDS.map((kind) => {
        const group = items.filter((i) => i.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind}>
            <Typography.Text strong style={{ color: KIND_COLORS[kind] }}>
              {t(`myWeek.kind.${kind}`)}
            </Typography.Text>
            <ol style={{ margin: '6px 0 0', paddingInlineStart: 22, display: 'flex', flexDirection: 'column', gap: 6 }}>
              {group.map((item) => (
                <li key={item.id} style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                  {isReadableItem(item) ? (
                    <>
                      {item.category && <Tag color="blue">{item.category}</Tag>}
                      {item.visibility === 'restricted' && (
                        <Tag color="gold" icon={<LockOutlined />}>
                          {t('myWeek.item.restricted')}
                        </Tag>
                      )}
                      {item.content}
                      {item.outcome && (
                        <div style={{ color: token.colorSuccessText, marginTop: 2 }}>
                          {t('myWeek.item.outcome')}
                          {t('myWeek.colon')}
                          {item.outcome}
                        </div>
                      )}
                      {item.tags.length > 0 && (
                        <div style={{ color: token.colorTextTertiary }}>{item.tags.map((tag) => `#${tag}`).join(' ')}</div>
                      )}
                    </>
                  ) : (
                    <Typography.Text type="secondary">
                      <LockOutlined /> {t('myWeek.item.restricted')}
                    </Typography.Text>
                  )}
                </li>
              ))}
            </ol>
          </section>
        );
      })}
    </Flex>
  );
}

// `TFunction`, not `ReturnType<typeof useTranslation>['t']`: the latter makes TypeScript expand every
// catalogue key and gives up (TS2589) once the catalogue is large enough.
const versionLabel = (t: TFunction, v: TReportVersion, latest: boolean) => (
  <Flex justify="space-between" align="center" gap={8} wrap>
    <span>
      <Typography.Text strong>{t('myWeek.versions.version', { n: v.version })}</Typography.Text>{' '}
      {latest && <Tag color="green">{t('myWeek.versions.latest')}</Tag>}
    </span>
    <Typography.Text type="secondary">{formatDateTime(v.savedAt)}</Typography.Text>
  </Flex>
);

/** Every saved version of a submitted report, newest first, each shown read-only. */
export function VersionsDrawer({
  reportId,
  title,
  open,
  phone,
  onClose,
}: {
  reportId: string | null;
  title: string;
  open: boolean;
  phone: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const versions = useReportVersions(open ? reportId : null);
  const items = [...(versions.data?.items ?? [])].reverse();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('myWeek.versions.title', { week: title })}
      size={phone ? '100%' : 560}
      destroyOnHidden
      data-testid="versions-drawer"
    >
      <Typography.Paragraph type="secondary">{t('myWeek.versions.help')}</Typography.Paragraph>
      {versions.isPending && <Skeleton active />}
      {versions.isError && <LoadErrorResult message={errorText(versions.error)} onRetry={() => void versions.refetch()} />}
      {versions.isSuccess && items.length === 0 && <Empty description={t('myWeek.versions.empty')} />}
      {items.length > 0 && (
        <Collapse
          defaultActiveKey={[String(items[0]?.version)]}
          items={items.map((v, i) => ({
            key: String(v.version),
            label: versionLabel(t, v, i === 0),
            children: <ReadOnlyReport summary={v.summary} items={v.items} />,
          }))}
          data-testid="versions-list"
        />
      )}
    </Drawer>
  );
}
