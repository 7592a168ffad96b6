import { describe, expect, it } from 'vitest';
import {
  addDays,
  addWeeks,
  compareWeeks,
  formatInZone,
  isoWeekday,
  isoWeeksInYear,
  localDate,
  MAX_WEEKS_IN_RANGE,
  nextWeek,
  offsetMinutes,
  parseWeekId,
  previousWeek,
  weekDates,
  weekEnd,
  weekOfDate,
  weekOfInstant,
  weekStart,
  weeksBetween,
  zonedInstant,
} from './iso-week';

describe('parseWeekId', () => {
  it('reads a valid week id', () => {
    expect(parseWeekId('2021-W03')).toEqual({ year: 2021, week: 3 });
    expect(parseWeekId('2020-W53')).toEqual({ year: 2020, week: 53 });
    expect(parseWeekId('2026-W53')).toEqual({ year: 2026, week: 53 });
  });

  it.each([
    '2021-W54',
    '2021-W00',
    '2021-W53',
    '2025-W53',
    '2021-W3',
    '2021W03',
    '2021-w03',
    '21-W03',
    ' 2021-W03',
    '2021-W03x',
    '',
    '3000-W01',
    '1899-W52',
  ])('rejects %j', (id) => {
    expect(parseWeekId(id)).toBeNull();
  });

  it('knows which years have 53 weeks', () => {
    const long = [2004, 2009, 2015, 2020, 2026, 2032];
    for (let y = 2000; y <= 2035; y++) expect(isoWeeksInYear(y)).toBe(long.includes(y) ? 53 : 52);
  });
});

describe('week of a date', () => {
  it('follows ISO 8601 across year boundaries', () => {
    expect(weekOfDate('2021-01-22')).toBe('2021-W03');
    expect(weekOfDate('2021-01-03')).toBe('2020-W53');
    expect(weekOfDate('2021-01-04')).toBe('2021-W01');
    expect(weekOfDate('2027-01-01')).toBe('2026-W53');
    expect(weekOfDate('2027-01-04')).toBe('2027-W01');
    expect(weekOfDate('2024-12-30')).toBe('2025-W01');
    expect(weekOfDate('2026-02-16')).toBe('2026-W08');
    expect(weekOfDate('2026-09-30')).toBe('2026-W40');
  });

  it('names the weekday, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-09-14')).toBe(1);
    expect(isoWeekday('2026-09-20')).toBe(7);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2027-01-01', -5)).toBe('2026-12-27');
  });
});

describe('dates of a week', () => {
  it('lists Monday to Sunday, also for week 53', () => {
    expect(weekDates('2020-W53')).toEqual([
      '2020-12-28',
      '2020-12-29',
      '2020-12-30',
      '2020-12-31',
      '2021-01-01',
      '2021-01-02',
      '2021-01-03',
    ]);
    expect([weekStart('2026-W53'), weekEnd('2026-W53')]).toEqual(['2026-12-28', '2027-01-03']);
    expect([weekStart('2026-W01'), weekEnd('2026-W01')]).toEqual(['2025-12-29', '2026-01-04']);
    expect([weekStart('2021-W03'), weekEnd('2021-W03')]).toEqual(['2021-01-18', '2021-01-24']);
  });

  it('round-trips every week of a decade through its dates', () => {
    for (let y = 2018; y <= 2030; y++) {
      for (let w = 1; w <= isoWeeksInYear(y); w++) {
        const id = `${y}-W${String(w).padStart(2, '0')}`;
        for (const d of weekDates(id)) expect(weekOfDate(d)).toBe(id);
      }
    }
  });
});

describe('moving between weeks', () => {
  it('steps over year ends and week 53', () => {
    expect(nextWeek('2020-W53')).toBe('2021-W01');
    expect(previousWeek('2021-W01')).toBe('2020-W53');
    expect(nextWeek('2021-W52')).toBe('2022-W01');
    expect(previousWeek('2027-W01')).toBe('2026-W53');
    expect(addWeeks('2026-W01', 52)).toBe('2026-W53');
    expect(addWeeks('2026-W10', -10)).toBe('2025-W52');
  });

  it('compares weeks', () => {
    expect(compareWeeks('2020-W53', '2021-W01')).toBeLessThan(0);
    expect(compareWeeks('2021-W10', '2021-W09')).toBeGreaterThan(0);
    expect(compareWeeks('2021-W10', '2021-W10')).toBe(0);
    expect(() => compareWeeks('2021-W53', '2021-W01')).toThrow(RangeError);
  });

  it('lists the weeks of a range, both ends included', () => {
    expect(weeksBetween('2020-W52', '2021-W02')).toEqual(['2020-W52', '2020-W53', '2021-W01', '2021-W02']);
    expect(weeksBetween('2021-W05', '2021-W05')).toEqual(['2021-W05']);
    expect(weeksBetween('2021-W05', '2021-W04')).toEqual([]);
    expect(weeksBetween('2021-W01', '2021-W52')).toHaveLength(52);
    expect(() => weeksBetween('2000-W01', '2030-W01')).toThrow(RangeError);
    expect(MAX_WEEKS_IN_RANGE).toBeGreaterThan(53 * 20);
  });
});

describe('time zones', () => {
  it('finds the local date and week of an instant', () => {
    // 2026-12-31T16:30Z is already 1 January 2027 in Shanghai (still week 2026-W53) but not in London.
    const instant = new Date('2026-12-31T16:30:00Z');
    expect(localDate(instant, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(localDate(instant, 'Europe/London')).toBe('2026-12-31');
    // Sunday 2021-01-03 late evening in New York is Monday 2021-01-04 in UTC: different weeks.
    const sundayNight = new Date('2021-01-04T03:00:00Z');
    expect(weekOfInstant(sundayNight, 'America/New_York')).toBe('2020-W53');
    expect(weekOfInstant(sundayNight, 'UTC')).toBe('2021-W01');
  });

  it('writes a wall-clock time with the zone offset', () => {
    expect(formatInZone(zonedInstant('2026-09-30', '17:00', 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-09-30T17:00:00+08:00');
    expect(new Date(zonedInstant('2026-09-30', '17:00', 'Asia/Shanghai')).toISOString()).toBe('2026-09-30T09:00:00.000Z');
    expect(formatInZone(zonedInstant('2026-07-03', '17:00', 'UTC'), 'UTC')).toBe('2026-07-03T17:00:00+00:00');
    expect(formatInZone(zonedInstant('2026-07-03', '09:30', 'Asia/Kolkata'), 'Asia/Kolkata')).toBe('2026-07-03T09:30:00+05:30');
    expect(offsetMinutes(Date.parse('2026-01-15T00:00:00Z'), 'America/New_York')).toBe(-300);
  });

  it('handles daylight-saving changes', () => {
    expect(formatInZone(zonedInstant('2026-07-03', '17:00', 'America/New_York'), 'America/New_York')).toBe(
      '2026-07-03T17:00:00-04:00',
    );
    expect(formatInZone(zonedInstant('2026-01-09', '17:00', 'America/New_York'), 'America/New_York')).toBe(
      '2026-01-09T17:00:00-05:00',
    );
    // 02:30 does not exist on 8 March 2026 in New York: it resolves to the hour after the gap.
    expect(formatInZone(zonedInstant('2026-03-08', '02:30', 'America/New_York'), 'America/New_York')).toBe(
      '2026-03-08T03:30:00-04:00',
    );
    expect(formatInZone(zonedInstant('2026-03-29', '17:00', 'Europe/Berlin'), 'Europe/Berlin')).toBe('2026-03-29T17:00:00+02:00');
  });
});
