import { AppstoreOutlined, EyeOutlined, SendOutlined } from '@ant-design/icons';
import type { TBulletin } from '@zhoubao/contracts';
import { Badge, Button, Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../lib/format';
import { BulletinExportButton } from '../album/WordExportButton';

/** The bulletin's state for the week — published version and time, live figures — with preview and publish. */
export function PublishBar({
  departmentId,
  week,
  published,
  preview,
  canManage,
  busy,
  onPreview,
  onPublish,
}: {
  departmentId: string;
  week: string;
  published: TBulletin | null | undefined;
  preview: TBulletin | undefined;
  canManage: boolean;
  busy: boolean;
  onPreview: () => void;
  onPublish: () => void;
}) {
  const { t } = useTranslation();
  const stats = preview?.stats ?? published?.stats;
  return (
    <Card size="small">
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Flex vertical gap={2} style={{ minWidth: 0 }}>
          <span data-testid="published-version" data-version={published?.version ?? ''}>
            {published?.version ? (
              <Badge
                status="success"
                text={t('department.publishedVersion', {
                  version: published.version,
                  time: formatDateTime(published.publishedAt),
                })}
              />
            ) : (
              <Badge status="default" text={t('department.notPublished')} />
            )}
          </span>
          {stats && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('wall.figures', stats)}
            </Typography.Text>
          )}
        </Flex>
        <Flex gap={8} wrap>
          {published?.version && (
            <Link
              to={`/wall/${week}?dept=${encodeURIComponent(departmentId)}`}
              data-testid="department-view-on-wall"
              style={{ alignSelf: 'center', paddingInline: 4 }}
            >
              <AppstoreOutlined /> {t('department.viewOnWall')}
            </Link>
          )}
          {published?.version && <BulletinExportButton departmentId={departmentId} week={week} version={published.version} />}
          {canManage && (
            <>
              <Button icon={<EyeOutlined />} onClick={onPreview} disabled={busy} data-testid="bulletin-preview">
                {t('department.preview')}
              </Button>
              <Button type="primary" icon={<SendOutlined />} onClick={onPublish} loading={busy} data-testid="bulletin-publish">
                {published?.version ? t('department.republish') : t('department.publish')}
              </Button>
            </>
          )}
        </Flex>
      </Flex>
    </Card>
  );
}
