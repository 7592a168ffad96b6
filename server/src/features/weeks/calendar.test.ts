import { afterEach, describe, expect, it } from 'vitest';
import {
  allCovered,
  type DeadlineSettings,
  deadlineOf,
  isWorkingDay,
  OFFICIAL_CALENDAR_YEARS,
  officialDay,
  weekInfo,
  workingDaysOf,
} from './calendar';

const SHANGHAI: DeadlineSettings = { timezone: 'Asia/Shanghai', deadline: { weekday: 5, time: '17:00' } };
const overrides = (entries: Record<string, boolean>) => new Map(Object.entries(entries));

describe('the official calendar (chinese-days)', () => {
  it('covers 2004 to at least 2026', () => {
    expect(OFFICIAL_CALENDAR_YEARS.first).toBe(2004);
    expect(OFFICIAL_CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2026);
  });

  it('knows the 2026 holidays and make-up working days', () => {
    expect(officialDay('2026-02-14')).toEqual({
      date: '2026-02-14',
      workday: true,
      kind: 'makeup_workday',
      holiday: 'Spring Festival',
    });
    expect(officialDay('2026-02-16')).toMatchObject({ workday: false, kind: 'holiday', holiday: 'Spring Festival' });
    expect(officialDay('2026-09-19')).toMatchObject({ workday: false, kind: 'weekend', holiday: null });
    expect(officialDay('2026-09-20')).toMatchObject({ workday: true, kind: 'makeup_workday', holiday: 'National Day' });
    expect(officialDay('2026-09-25')).toMatchObject({ workday: false, kind: 'holiday', holiday: 'Mid-autumn Festival' });
    expect(officialDay('2026-10-10')).toMatchObject({ workday: true, kind: 'makeup_workday' });
    expect(officialDay('2026-09-30')).toMatchObject({ workday: true, kind: 'workday' });
  });

  describe('whatever the process time zone', () => {
    const saved = process.env.TZ;
    afterEach(() => {
      process.env.TZ = saved;
    });
    it('reads the same day west of UTC', () => {
      process.env.TZ = 'America/Los_Angeles';
      expect(officialDay('2026-09-20').workday).toBe(true);
      expect(officialDay('2026-09-19').workday).toBe(false);
      expect(workingDaysOf('2026-W40')).toEqual(['2026-09-28', '2026-09-29', '2026-09-30']);
    });
  });
});

describe('working days with overrides', () => {
  it('lets an override win over the official calendar', () => {
    expect(isWorkingDay('2026-09-19')).toBe(false);
    expect(isWorkingDay('2026-09-19', overrides({ '2026-09-19': true }))).toBe(true);
    expect(isWorkingDay('2026-09-20', overrides({ '2026-09-20': false }))).toBe(false);
  });

  it('lists the working days of a week', () => {
    expect(workingDaysOf('2026-W08')).toEqual([]);
    expect(workingDaysOf('2026-W38')).toEqual([
      '2026-09-14',
      '2026-09-15',
      '2026-09-16',
      '2026-09-17',
      '2026-09-18',
      '2026-09-20',
    ]);
  });
});

describe('deadlineOf', () => {
  it('is not due in the Spring Festival week of 16–22 Feb 2026', () => {
    expect(deadlineOf('2026-W08', SHANGHAI)).toEqual({ due: false, date: null, deadline: null });
    expect(weekInfo('2026-W08', SHANGHAI)).toEqual({
      week: '2026-W08',
      start: '2026-02-16',
      end: '2026-02-22',
      deadline: null,
      due: false,
      workdays: [],
    });
  });

  it('keeps Friday around the Spring Festival when Friday is a working day', () => {
    // 2026-W07: Saturday 14 Feb is a make-up working day; Friday 13 Feb still comes first.
    expect(deadlineOf('2026-W07', SHANGHAI).deadline).toBe('2026-02-13T17:00:00+08:00');
    // 2026-W09: Monday 23 Feb is a holiday, Saturday 28 Feb a make-up day.
    expect(deadlineOf('2026-W09', SHANGHAI).deadline).toBe('2026-02-27T17:00:00+08:00');
  });

  it('stays on Friday 18 Sep 2026 although Sunday 20 Sep is a make-up working day', () => {
    const info = weekInfo('2026-W38', SHANGHAI);
    expect(info).toMatchObject({ start: '2026-09-14', end: '2026-09-20', due: true, deadline: '2026-09-18T17:00:00+08:00' });
    expect(info.workdays).toContain('2026-09-20');
  });

  it('moves to Thursday 24 Sep 2026 when Friday is the Mid-autumn Festival', () => {
    expect(deadlineOf('2026-W39', SHANGHAI).deadline).toBe('2026-09-24T17:00:00+08:00');
  });

  it('moves to Wednesday 30 Sep 2026 before National Day', () => {
    expect(deadlineOf('2026-W40', SHANGHAI)).toEqual({ due: true, date: '2026-09-30', deadline: '2026-09-30T17:00:00+08:00' });
  });

  it('moves to the last working day of the week when none comes before the configured day', () => {
    // 2026-W41: Monday 5 to Wednesday 7 Oct are holidays, Saturday 10 Oct a make-up working day.
    const monday = { ...SHANGHAI, deadline: { weekday: 1, time: '09:00' } };
    expect(deadlineOf('2026-W41', monday).deadline).toBe('2026-10-10T09:00:00+08:00');
    expect(deadlineOf('2026-W41', SHANGHAI).deadline).toBe('2026-10-09T17:00:00+08:00');
  });

  it('follows the configured weekday and time', () => {
    const wednesday = { timezone: 'Asia/Shanghai', deadline: { weekday: 3, time: '12:30' } };
    expect(deadlineOf('2026-W38', wednesday).deadline).toBe('2026-09-16T12:30:00+08:00');
    const sunday = { timezone: 'Asia/Shanghai', deadline: { weekday: 7, time: '20:00' } };
    expect(deadlineOf('2026-W38', sunday).deadline).toBe('2026-09-20T20:00:00+08:00');
    expect(deadlineOf('2026-W37', sunday).deadline).toBe('2026-09-11T20:00:00+08:00');
  });

  it('is computed in the organisation time zone', () => {
    const utc = { timezone: 'UTC', deadline: { weekday: 5, time: '17:00' } };
    expect(deadlineOf('2026-W40', utc).deadline).toBe('2026-09-30T17:00:00+00:00');
    const ny = { timezone: 'America/New_York', deadline: { weekday: 5, time: '17:00' } };
    expect(deadlineOf('2026-W38', ny).deadline).toBe('2026-09-18T17:00:00-04:00');
  });

  it('changes with the organisation overrides', () => {
    // A Friday made a day off moves the deadline back a day.
    expect(deadlineOf('2026-W38', SHANGHAI, overrides({ '2026-09-18': false })).deadline).toBe('2026-09-17T17:00:00+08:00');
    // National Day made a working day (an office on duty) becomes the deadline.
    expect(deadlineOf('2026-W40', SHANGHAI, overrides({ '2026-10-01': true })).deadline).toBe('2026-10-01T17:00:00+08:00');
    // One duty day in the Spring Festival week makes that week due.
    expect(deadlineOf('2026-W08', SHANGHAI, overrides({ '2026-02-20': true }))).toEqual({
      due: true,
      date: '2026-02-20',
      deadline: '2026-02-20T17:00:00+08:00',
    });
    // Every working day taken off: not due.
    const off = overrides(Object.fromEntries(workingDaysOf('2026-W38').map((d) => [d, false])));
    expect(deadlineOf('2026-W38', SHANGHAI, off).due).toBe(false);
  });

  it('handles the weeks that span a new year', () => {
    // 2020-W53 runs 28 Dec 2020 to 3 Jan 2021; New Year's Day 2021 is a holiday.
    expect(weekInfo('2020-W53', SHANGHAI)).toMatchObject({
      start: '2020-12-28',
      end: '2021-01-03',
      due: true,
      deadline: '2020-12-31T17:00:00+08:00',
    });
    // 2026-W53 runs 28 Dec 2026 to 3 Jan 2027 (the week of 1 Jan 2027).
    const w53 = weekInfo('2026-W53', SHANGHAI);
    expect([w53.start, w53.end, w53.due]).toEqual(['2026-12-28', '2027-01-03', true]);
    // Friday 1 Jan 2027 is New Year's Day: by law when chinese-days has no 2027 data yet, by the data after.
    expect(w53.deadline).toBe('2026-12-31T17:00:00+08:00');
    // An organisation that decides to work on it moves the deadline back to Friday.
    expect(deadlineOf('2026-W53', SHANGHAI, overrides({ '2027-01-01': true })).deadline).toBe('2027-01-01T17:00:00+08:00');
    expect(deadlineOf('2026-W53', SHANGHAI, overrides({ '2027-01-01': false })).deadline).toBe('2026-12-31T17:00:00+08:00');
  });
});

describe('allCovered', () => {
  const days = ['2026-09-14', '2026-09-15', '2026-09-18'];
  it('needs every day inside some range', () => {
    expect(allCovered(days, [{ from: '2026-09-10', to: '2026-09-20' }])).toBe(true);
    expect(
      allCovered(days, [
        { from: '2026-09-14', to: '2026-09-15' },
        { from: '2026-09-18', to: '2026-09-18' },
      ]),
    ).toBe(true);
    expect(allCovered(days, [{ from: '2026-09-14', to: '2026-09-17' }])).toBe(false);
    expect(allCovered(days, [])).toBe(false);
    expect(allCovered([], [])).toBe(true);
  });
});
