import { FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PeriodFilter } from '../assessment/PeriodFilter';
import { defaultPeriod } from '../assessment/period';
import { albumDocxUrl, albumPrintPath } from './person.api';

/**
 * The growth album (成长相册): a period (this year by default) and two ways out — a Word document
 * built by the server, and a print view in the browser.
 */
export function AlbumCard({ userId, currentWeek }: { userId: string; currentWeek: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [period, setPeriod] = useState(() => defaultPeriod(currentWeek));
  return (
    <Card title={t('person.album.title')} size="small" data-testid="profile-album">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        {t('person.album.description')}
      </Typography.Paragraph>
      <PeriodFilter from={period.from} to={period.to} currentWeek={currentWeek} onChange={setPeriod} />
      <Flex gap={8} wrap style={{ marginTop: 12 }}>
        <Button
          type="primary"
          icon={<FileWordOutlined />}
          href={albumDocxUrl(userId, period.from, period.to)}
          data-testid="album-download"
        >
          {t('person.album.download')}
        </Button>
        <Button
          icon={<PrinterOutlined />}
          href={albumPrintPath(userId, period.from, period.to)}
          onClick={(e) => {
            // A plain click stays in the app; a middle or modified click opens a tab as links do.
            if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
            e.preventDefault();
            void navigate(albumPrintPath(userId, period.from, period.to));
          }}
          data-testid="album-print"
        >
          {t('person.album.print')}
        </Button>
      </Flex>
    </Card>
  );
}
