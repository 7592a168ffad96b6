import { describe, expect, it } from 'vitest';
import { median, medianStats, type PersonFacts, periodStats, streakOf, type WeekFacts } from './profile.compute';

const weeks = (...spec: [string, boolean, boolean][]): WeekFacts[] => spec.map(([week, due, passed]) => ({ week, due, passed }));

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([])).toBe(0);
    expect(median([7])).toBe(7);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is taken figure by figure over a department', () => {
    const s = (missing: number, streak: number) => ({
      weeksExpected: 4,
      submitted: 4 - missing,
      onTime: 4 - missing,
      late: 0,
      missing,
      streak,
    });
    expect(medianStats([s(0, 4), s(1, 2), s(3, 0), s(4, 0)])).toEqual({
      members: 4,
      weeksExpected: 4,
      submitted: 2,
      onTime: 2,
      late: 0,
      missing: 2,
      streak: 1,
    });
  });
});

describe('periodStats and streakOf', () => {
  // W1 on time, W2 late, W3 on leave, W4 on time, W5 not due, W6 on time, W7 deadline ahead.
  const period = weeks(
    ['2026-W01', true, true],
    ['2026-W02', true, true],
    ['2026-W03', true, true],
    ['2026-W04', true, true],
    ['2026-W05', false, false],
    ['2026-W06', true, true],
    ['2026-W07', true, false],
  );
  const person: PersonFacts = {
    joined: '2026-W01',
    owed: new Set(['2026-W01', '2026-W02', '2026-W04', '2026-W06', '2026-W07']),
    submitted: new Map([
      ['2026-W01', false],
      ['2026-W02', true],
      ['2026-W04', false],
      ['2026-W06', false],
    ]),
  };

  it('steps over leave, weeks not due and an open week; a late week ends the run', () => {
    expect(streakOf(period, person)).toBe(2);
    expect(periodStats(period, person)).toEqual({ weeksExpected: 4, submitted: 4, onTime: 3, late: 1, missing: 0, streak: 2 });
  });

  it('counts a week whose deadline is ahead as expected once a report is in', () => {
    const early = { ...person, submitted: new Map([...person.submitted, ['2026-W07', false]]) };
    expect(periodStats(period, early)).toMatchObject({ weeksExpected: 5, submitted: 5, streak: 3 });
  });

  it('ends the run at a missing week', () => {
    const gap = {
      ...person,
      submitted: new Map([
        ['2026-W01', false],
        ['2026-W06', false],
      ]),
    };
    expect(periodStats(period, gap)).toEqual({ weeksExpected: 4, submitted: 2, onTime: 2, late: 0, missing: 2, streak: 1 });
  });
});
