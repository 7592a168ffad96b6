import { Collapse, Drawer, Empty, Flex, Grid, Skeleton, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { ItemList } from './ItemList';
import { useReportVersions } from './report.api';

/** Every saved version of a report, newest first, the newest one unfolded. */
export function VersionsDrawer({
  reportId,
  currentVersion,
  open,
  onClose,
}: {
  reportId: string;
  currentVersion: number;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const isPhone = Grid.useBreakpoint().md === false;
  const versions = useReportVersions(reportId, open);
  const items = [...(versions.data?.items ?? [])].reverse();

  let body: React.ReactNode;
  if (versions.isPending) body = <Skeleton active paragraph={{ rows: 6 }} />;
  else if (versions.isError)
    body = <LoadErrorResult message={errorText(versions.error)} onRetry={() => void versions.refetch()} />;
  else if (items.length === 0) body = <Empty description={t('report.noVersions')} />;
  else {
    body = (
      <Collapse
        defaultActiveKey={items[0] ? [String(items[0].version)] : []}
        items={items.map((v) => ({
          key: String(v.version),
          label: (
            <Flex justify="space-between" wrap gap={8} data-testid="report-version" data-version={v.version}>
              <span>
                {t('report.version', { version: v.version })}
                {v.version === currentVersion && (
                  <Tag color="blue" style={{ marginInlineStart: 8 }}>
                    {t('report.currentVersion')}
                  </Tag>
                )}
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('report.savedAt', { time: formatDateTime(v.savedAt) })}
              </Typography.Text>
            </Flex>
          ),
          children: (
            <>
              {v.summary && <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.summary}</Typography.Paragraph>}
              <ItemList items={v.items} />
            </>
          ),
        }))}
      />
    );
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('report.versions')}
      size={isPhone ? '100%' : 640}
      data-testid="report-versions-drawer"
    >
      {body}
    </Drawer>
  );
}
