import { isValidWeekId } from '@zhoubao/contracts';
import { compareWeekIds, shiftWeek, weekParts } from '../wall/week-id';

/** The default period: the current week's year from its first week up to the current week. */
export function defaultPeriod(currentWeek: string): { from: string; to: string } {
  return { from: `${weekParts(currentWeek).year}-W01`, to: currentWeek };
}

/** The weeks a period picker offers, newest first: from week 1 `yearsBack` years ago up to the current week. */
export function weekOptions(currentWeek: string, yearsBack = 2): string[] {
  const first = `${weekParts(currentWeek).year - yearsBack}-W01`;
  const weeks: string[] = [];
  for (let w = currentWeek; compareWeekIds(w, first) >= 0 && weeks.length < 400; w = shiftWeek(w, -1)) weeks.push(w);
  return weeks;
}

/** The period of the address (`?from=&to=`) when valid and ordered, else the default. */
export function periodFrom(search: URLSearchParams, currentWeek: string): { from: string; to: string } {
  const fallback = defaultPeriod(currentWeek);
  const from = search.get('from');
  const to = search.get('to');
  const f = from && isValidWeekId(from) ? from : fallback.from;
  const t = to && isValidWeekId(to) ? to : fallback.to;
  return compareWeekIds(f, t) <= 0 ? { from: f, to: t } : fallback;
}
