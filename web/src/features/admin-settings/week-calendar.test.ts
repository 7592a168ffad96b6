import { describe, expect, it } from 'vitest';
import { deadlineParts, followingWeeks, isoWeekday, previewWeek, shortDate, weekOfDate } from './week-calendar';

describe('week-calendar', () => {
  it('names the ISO week of a date across year ends', () => {
    expect(weekOfDate('2021-01-22')).toBe('2021-W03');
    expect(weekOfDate('2027-01-01')).toBe('2026-W53');
    expect(weekOfDate('2024-12-30')).toBe('2025-W01');
  });

  it('lists the weeks following a Monday', () => {
    expect(followingWeeks('2026-12-21', 3)).toEqual(['2026-W53', '2027-W01', '2027-W02']);
  });

  it('reads a deadline as written in the organisation offset', () => {
    expect(deadlineParts('2026-09-30T17:00:00+08:00')).toEqual({ date: '2026-09-30', time: '17:00', weekday: 3 });
    expect(deadlineParts('not a time')).toBeNull();
  });

  it('flags a deadline moved off the configured weekday by a holiday', () => {
    const week = {
      week: '2026-W40',
      start: '2026-09-28',
      end: '2026-10-04',
      deadline: '2026-09-30T17:00:00+08:00',
      due: true,
      workdays: ['2026-09-28', '2026-09-29', '2026-09-30'],
    };
    expect(previewWeek(week, 5)).toMatchObject({ moved: true, workdays: [1, 2, 3] });
    expect(previewWeek(week, 3).moved).toBe(false);
    expect(previewWeek({ ...week, due: false, deadline: null, workdays: [] }, 5)).toMatchObject({ deadline: null, moved: false });
  });

  it('formats weekdays and short dates', () => {
    expect(isoWeekday('2026-10-04')).toBe(7);
    expect(shortDate('2026-09-30', 'zh-CN')).toBe('9月30日');
    expect(shortDate('2026-09-30', 'en')).toBe('Sep 30');
  });
});
