import { isValidWeekId, PROFILE_DEFAULT_WEEKS, PROFILE_MAX_WEEKS } from '@zhoubao/contracts';
import { compareWeekIds, shiftWeek } from '../wall/week-id';

/** The living file's default period: the 52 weeks up to the current one (as the server's default). */
export function defaultProfilePeriod(currentWeek: string): { from: string; to: string } {
  return { from: shiftWeek(currentWeek, -(PROFILE_DEFAULT_WEEKS - 1)), to: currentWeek };
}

/**
 * The period of the address (`?from=&to=`) when both ends are valid weeks in order and at most
 * PROFILE_MAX_WEEKS apart, else the default.
 */
export function profilePeriodFrom(search: URLSearchParams, currentWeek: string): { from: string; to: string } {
  const fallback = defaultProfilePeriod(currentWeek);
  const from = search.get('from');
  const to = search.get('to');
  const f = from && isValidWeekId(from) ? from : fallback.from;
  const t = to && isValidWeekId(to) ? to : fallback.to;
  if (compareWeekIds(f, t) > 0 || compareWeekIds(t, shiftWeek(f, PROFILE_MAX_WEEKS - 1)) > 0) return fallback;
  return { from: f, to: t };
}
