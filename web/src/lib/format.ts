import dayjs from 'dayjs';

/** A date-time for tables: `2021-01-22 16:00` in the viewer's time zone; empty for null. */
export function formatDateTime(value: string | null | undefined, withSeconds = false): string {
  if (!value) return '';
  const d = dayjs(value);
  return d.isValid() ? d.format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : value;
}
