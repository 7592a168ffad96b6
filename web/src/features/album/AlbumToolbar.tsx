import { ArrowLeftOutlined, FileWordOutlined, PrinterOutlined } from '@ant-design/icons';
import { ALBUM_MAX_WEEKS } from '@zhoubao/contracts';
import { Button, DatePicker, Flex, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { testId } from '../../lib/test-id';
import { type AlbumPreset, firstWeekOfMonth, lastWeekOfMonth, monthOfWeek, presetRange } from './album-range';

const PRESETS: AlbumPreset[] = ['thisYear', 'lastYear', 'last12Months'];

/** Longest span of months the pickers offer (three years). */
const MAX_MONTHS = Math.floor((ALBUM_MAX_WEEKS * 7) / 30.5) - 1;

/**
 * The screen-only bar above the album (hidden in print): back to the person's file, the period
 * (presets, or from and to months — a month holds the weeks whose Thursday falls in it), print and
 * download the Word document.
 */
export function AlbumToolbar({
  userId,
  title,
  from,
  to,
  currentWeek,
  docxUrl,
  onRange,
}: {
  userId: string;
  title: string;
  from: string;
  to: string;
  currentWeek: string | undefined;
  docxUrl: string;
  onRange: (range: { from: string; to: string }) => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const preset = currentWeek
    ? PRESETS.find((p) => {
        const r = presetRange(p, currentWeek);
        return r.from === from && r.to === to;
      })
    : undefined;
  const fromMonth = dayjs(`${monthOfWeek(from)}-01`);
  const toMonth = dayjs(`${monthOfWeek(to)}-01`);
  const thisMonth = currentWeek ? dayjs(`${monthOfWeek(currentWeek)}-01`) : dayjs();

  const pickFrom = (m: Dayjs | null) => {
    if (!m) return;
    const start = m.startOf('month');
    // Keep the period in order and within three years by moving the other end when needed.
    const end = toMonth.isBefore(start)
      ? start
      : toMonth.diff(start, 'month') > MAX_MONTHS
        ? start.add(MAX_MONTHS, 'month')
        : toMonth;
    onRange({ from: firstWeekOfMonth(start.format('YYYY-MM')), to: lastWeekOfMonth(end.format('YYYY-MM')) });
  };
  const pickTo = (m: Dayjs | null) => {
    if (!m) return;
    const end = m.startOf('month');
    const start = fromMonth.isAfter(end)
      ? end
      : end.diff(fromMonth, 'month') > MAX_MONTHS
        ? end.subtract(MAX_MONTHS, 'month')
        : fromMonth;
    onRange({ from: firstWeekOfMonth(start.format('YYYY-MM')), to: lastWeekOfMonth(end.format('YYYY-MM')) });
  };

  return (
    <div className="album-toolbar" data-testid="album-toolbar">
      <Flex align="center" justify="space-between" gap={8} wrap>
        <Flex align="center" gap={8} style={{ minWidth: 0 }}>
          <Button
            icon={<ArrowLeftOutlined />}
            type="text"
            onClick={() => navigate(`/people/${encodeURIComponent(userId)}`)}
            {...testId('album-back')}
          >
            {t('album.back')}
          </Button>
          <Typography.Text strong ellipsis style={{ minWidth: 0 }}>
            {title}
          </Typography.Text>
        </Flex>
        <Flex align="center" gap={8} wrap>
          <Select<AlbumPreset | 'custom'>
            value={preset ?? 'custom'}
            onChange={(p) => currentWeek && p !== 'custom' && onRange(presetRange(p, currentWeek))}
            options={[
              ...PRESETS.map((p) => ({ value: p, label: t(`album.presets.${p}`) })),
              { value: 'custom' as const, label: t('album.presets.custom'), disabled: true },
            ]}
            aria-label={t('album.presets.label')}
            style={{ width: 104 }}
            popupMatchSelectWidth={false}
            data-testid="album-preset"
          />
          <Flex align="center" gap={4}>
            <DatePicker
              picker="month"
              value={fromMonth}
              onChange={pickFrom}
              allowClear={false}
              disabledDate={(d) => d.isAfter(thisMonth, 'month')}
              placeholder={t('album.from')}
              aria-label={t('album.from')}
              style={{ width: 112 }}
              data-testid="album-from"
            />
            <span aria-hidden>—</span>
            <DatePicker
              picker="month"
              value={toMonth}
              onChange={pickTo}
              allowClear={false}
              disabledDate={(d) => d.isAfter(thisMonth, 'month')}
              placeholder={t('album.to')}
              aria-label={t('album.to')}
              style={{ width: 112 }}
              data-testid="album-to"
            />
          </Flex>
          <Button icon={<PrinterOutlined />} onClick={() => window.print()} {...testId('album-print')}>
            {t('album.print')}
          </Button>
          <Button type="primary" icon={<FileWordOutlined />} href={docxUrl} download {...testId('album-download-docx')}>
            {t('album.download')}
          </Button>
          <LanguageSwitch compact />
        </Flex>
      </Flex>
    </div>
  );
}
