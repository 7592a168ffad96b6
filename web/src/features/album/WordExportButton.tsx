import { FileWordOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/test-id';
import { bulletinDocxUrl, wallDocxUrl } from './album.api';

/** A download button for a Word export; disabled while there is nothing published to export. */
function ExportButton({ href, tooltip, id }: { href: string | null; tooltip: string; id: string }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={tooltip}>
      {href ? (
        <Button icon={<FileWordOutlined />} href={href} download {...testId(id)}>
          {t('wordExport.button')}
        </Button>
      ) : (
        <Button icon={<FileWordOutlined />} disabled {...testId(id)}>
          {t('wordExport.button')}
        </Button>
      )}
    </Tooltip>
  );
}

/** "Export Word" on the wall: every published bulletin of the week, as one office circular. */
export function WallExportButton({ week, published }: { week: string; published: boolean }) {
  const { t } = useTranslation();
  return <ExportButton href={published ? wallDocxUrl(week) : null} tooltip={t('wordExport.wallTooltip')} id="wall-export-docx" />;
}

/** "Export Word" on a department's published bulletin (the version shown). */
export function BulletinExportButton({
  departmentId,
  week,
  version,
}: {
  departmentId: string;
  week: string;
  version: number | null | undefined;
}) {
  const { t } = useTranslation();
  return (
    <ExportButton
      href={version ? bulletinDocxUrl(departmentId, week, version) : null}
      tooltip={t('wordExport.bulletinTooltip')}
      id="bulletin-export-docx"
    />
  );
}
