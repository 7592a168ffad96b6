import { DEFAULT_SCHEDULE_SETTINGS } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { NO_OVERRIDES } from '../weeks/calendar';
import { formatInZone } from '../weeks/iso-week';
import {
  autoPublishRun,
  type CalendarView,
  digestRun,
  isDue,
  missingListRun,
  morningReminderRun,
  type PlannedRun,
  plannedRuns,
  reminderRun,
} from './schedule-times';

const TZ = 'Asia/Shanghai';
const cal = (weekday = 5, time = '17:00', overrides = NO_OVERRIDES): CalendarView => ({
  settings: { timezone: TZ, deadline: { weekday, time } },
  overrides,
});
/** A run's time as the organisation reads it, `2026-09-30T13:00`. */
const local = (run: PlannedRun | null) => (run ? formatInZone(run.at, TZ).slice(0, 16) : null);

describe('reminderRun across the 2026 calendar', () => {
  it('sends nothing in the Spring Festival week, which is not due (2026-W08)', () => {
    expect(reminderRun('2026-W08', cal(), 240)).toBeNull();
    expect(
      plannedRuns('2026-W08', cal(), { ...DEFAULT_SCHEDULE_SETTINGS, autoPublish: { enabled: true, delayMinutes: 60 } }),
    ).toEqual([]);
  });

  it('reminds on Wed 30 Sep in the National Day week (deadline moved to Wednesday), not on Fri 2 Oct', () => {
    const run = reminderRun('2026-W40', cal(), 240);
    expect(local(run)).toBe('2026-09-30T13:00');
    expect(run?.moved).toBe(false);
    expect(formatInZone(run?.until as number, TZ)).toBe('2026-09-30T17:00:00+08:00');
    expect(isDue(run as PlannedRun, Date.parse('2026-10-02T05:00:00Z'), cal())).toBe(false);
  });

  it('reminds on a make-up Saturday or Sunday when the deadline falls on it', () => {
    // 2026-10-10 (Saturday) and 2026-01-04 (Sunday) are make-up working days.
    expect(local(reminderRun('2026-W41', cal(6, '12:00'), 240))).toBe('2026-10-10T08:00');
    expect(local(reminderRun('2026-W01', cal(7, '12:00'), 240))).toBe('2026-01-04T08:00');
    // An ordinary Saturday is a day off: the deadline, and the reminder, fall on Friday.
    expect(local(reminderRun('2026-W42', cal(6, '12:00'), 240))).toBe('2026-10-16T08:00');
  });

  it('moves a reminder that falls on a day off to the same time on the previous working day of the week', () => {
    const thursdayOff = new Map([['2026-10-22', false]]);
    const run = reminderRun('2026-W43', cal(5, '17:00', thursdayOff), 24 * 60);
    expect(local(run)).toBe('2026-10-21T17:00');
    expect(run?.moved).toBe(true);
    // Without the override Thursday is a working day.
    expect(local(reminderRun('2026-W43', cal(), 24 * 60))).toBe('2026-10-22T17:00');
  });

  it('never reminds before the week: with no earlier working day it moves to the next one, before the deadline', () => {
    // W41: Mon 5 – Wed 7 Oct are holidays; 3 days before Fri 9 17:00 is Tue 6, so Thu 8.
    const run = reminderRun('2026-W41', cal(), 3 * 24 * 60);
    expect(local(run)).toBe('2026-10-08T17:00');
    expect(run?.moved).toBe(true);
    // W40: 3 days before Wed 30 Sep is Sun 27 Sep (last week): Mon 28 Sep at the same time.
    expect(local(reminderRun('2026-W40', cal(), 3 * 24 * 60))).toBe('2026-09-28T17:00');
  });

  it('skips the reminder when no working day of the week is left before the deadline', () => {
    // W41 with a Thursday 09:00 deadline: 2 days before is a holiday, and Thursday 09:00 is the deadline itself.
    expect(reminderRun('2026-W41', cal(4, '09:00'), 2 * 24 * 60)).toBeNull();
  });
});

describe('the other runs', () => {
  it('puts the morning reminder on the deadline day, only before the deadline and not at the first reminder', () => {
    expect(local(morningReminderRun('2026-W40', cal(), '09:00', null))).toBe('2026-09-30T09:00');
    expect(morningReminderRun('2026-W40', cal(), '18:00', null)).toBeNull();
    const first = reminderRun('2026-W40', cal(), 8 * 60);
    expect(morningReminderRun('2026-W40', cal(), '09:00', first?.at ?? null)).toBeNull();
    expect(morningReminderRun('2026-W08', cal(), '09:00', null)).toBeNull();
  });

  it('sends the missing list after the deadline, moved past days off', () => {
    expect(local(missingListRun('2026-W40', cal(), 30))).toBe('2026-09-30T17:30');
    // A 23:00 deadline on Wed 30 Sep plus 2 hours is 1 Oct (holiday): 8 Oct, the next working day.
    const moved = missingListRun('2026-W40', cal(5, '23:00'), 120);
    expect(local(moved)).toBe('2026-10-08T01:00');
    expect(moved?.moved).toBe(true);
    expect(missingListRun('2026-W08', cal(), 30)).toBeNull();
  });

  it('sends the digest of a week on the next week’s configured day, or the next working day after it', () => {
    expect(local(digestRun('2026-W42', cal(), 1, '09:00'))).toBe('2026-10-19T09:00');
    // W40's digest: Monday 5 Oct is a holiday, so Thursday 8 Oct.
    expect(local(digestRun('2026-W40', cal(), 1, '09:00'))).toBe('2026-10-08T09:00');
    // W07's digest: Monday 16 Feb is in the Spring Festival, and so is the 23rd: Tuesday 24 Feb.
    expect(local(digestRun('2026-W07', cal(), 1, '09:00'))).toBe('2026-02-24T09:00');
    expect(digestRun('2026-W08', cal(), 1, '09:00')).toBeNull();
  });

  it('publishes automatically after the deadline; a missed run is made up for 5 working days, never on a day off', () => {
    const run = autoPublishRun('2026-W40', cal(), 120) as PlannedRun;
    expect(local(run)).toBe('2026-09-30T19:00');
    expect(isDue(run, run.at - 1, cal())).toBe(false);
    expect(isDue(run, run.at, cal())).toBe(true);
    // 1–7 Oct are the National Day holiday: nothing runs; from Thursday 8 Oct it is made up.
    expect(isDue(run, Date.parse('2026-10-03T02:00:00Z'), cal())).toBe(false);
    expect(isDue(run, Date.parse('2026-10-08T02:00:00Z'), cal())).toBe(true);
    // Five working days after 30 Sep: 8, 9, 10 (make-up Saturday), 12 and 13 Oct.
    expect(isDue(run, Date.parse('2026-10-13T15:59:59Z'), cal())).toBe(true);
    expect(isDue(run, Date.parse('2026-10-13T16:00:00Z'), cal())).toBe(false);
  });

  it('plans only the enabled jobs', () => {
    const jobs = (s = DEFAULT_SCHEDULE_SETTINGS) => plannedRuns('2026-W40', cal(), s).map((r) => r.job);
    expect(jobs()).toEqual(['reminder', 'missing_list', 'digest']);
    expect(
      jobs({
        ...DEFAULT_SCHEDULE_SETTINGS,
        reminder: { enabled: false, leadMinutes: 60 },
        morningReminder: { enabled: true, time: '09:00' },
        autoPublish: { enabled: true, delayMinutes: 0 },
      }),
    ).toEqual(['morning_reminder', 'missing_list', 'digest', 'auto_publish']);
  });
});
