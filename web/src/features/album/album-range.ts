import { ALBUM_MAX_WEEKS, isoWeeksInYear, isValidWeekId } from '@zhoubao/contracts';
import { compareWeekIds, mondayOf, shiftWeek, weekOfDate } from '../wall/week-id';

/** A period of the album by ISO weeks, both ends included; undefined ends take the server's defaults. */
export interface AlbumRange {
  from?: string;
  to?: string;
}

const DAY = 86_400_000;

/** The month (`2026-03`) a week belongs to in the album: the month of its Thursday. */
export function monthOfWeek(week: string): string {
  return new Date(mondayOf(week).getTime() + 3 * DAY).toISOString().slice(0, 7);
}

/** The first week whose Thursday falls in a month (`2026-03` → `2026-W10`). */
export function firstWeekOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1, 1));
  const weekday = (first.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return weekOfDate(new Date(first.getTime() + ((3 - weekday + 7) % 7) * DAY));
}

/** The last week whose Thursday falls in a month (`2026-03` → `2026-W13`). */
export function lastWeekOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0));
  const weekday = (last.getUTCDay() + 6) % 7;
  return weekOfDate(new Date(last.getTime() - ((weekday - 3 + 7) % 7) * DAY));
}

/** The range of the address's `from` and `to`, each kept only when it is a real ISO week. */
export function rangeFromSearch(search: URLSearchParams): AlbumRange {
  const pick = (key: string) => {
    const v = search.get(key);
    return v && isValidWeekId(v) ? v : undefined;
  };
  return { from: pick('from'), to: pick('to') };
}

/** The range the server applies: `to` defaults to the current week, `from` to the first week of `to`'s year. */
export function effectiveRange(range: AlbumRange, currentWeek: string): { from: string; to: string } {
  const to = range.to ?? currentWeek;
  return { from: range.from ?? `${to.slice(0, 4)}-W01`, to };
}

export type AlbumPreset = 'thisYear' | 'lastYear' | 'last12Months';

/** The weeks of a preset period, seen from the current week. */
export function presetRange(preset: AlbumPreset, currentWeek: string): { from: string; to: string } {
  const year = Number(currentWeek.slice(0, 4));
  if (preset === 'lastYear') {
    const last = year - 1;
    return { from: `${last}-W01`, to: `${last}-W${String(isoWeeksInYear(last)).padStart(2, '0')}` };
  }
  if (preset === 'last12Months') return { from: shiftWeek(currentWeek, -51), to: currentWeek };
  return { from: `${year}-W01`, to: currentWeek };
}

/** How many weeks a range holds, both ends included. */
export const weekCount = (from: string, to: string): number =>
  Math.round((mondayOf(to).getTime() - mondayOf(from).getTime()) / (7 * DAY)) + 1;

/** Whether the server accepts a range: in order, and at most three years of weeks. */
export const isAcceptedRange = (from: string, to: string): boolean =>
  compareWeekIds(from, to) <= 0 && weekCount(from, to) <= ALBUM_MAX_WEEKS;
