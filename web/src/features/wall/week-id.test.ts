import { describe, expect, it } from 'vitest';
import { compareWeekIds, mondayOf, shiftWeek, weekOfDate, weekRange } from './week-id';

describe('ISO week helpers', () => {
  it('finds the Monday of a week, across a year boundary', () => {
    expect(mondayOf('2021-W03').toISOString().slice(0, 10)).toBe('2021-01-18');
    expect(mondayOf('2021-W01').toISOString().slice(0, 10)).toBe('2021-01-04');
    expect(mondayOf('2020-W53').toISOString().slice(0, 10)).toBe('2020-12-28');
    expect(mondayOf('2025-W01').toISOString().slice(0, 10)).toBe('2024-12-30');
  });

  it('names the week of a date by its Thursday', () => {
    expect(weekOfDate(new Date(Date.UTC(2021, 0, 1)))).toBe('2020-W53');
    expect(weekOfDate(new Date(Date.UTC(2024, 11, 30)))).toBe('2025-W01');
    expect(weekOfDate(new Date(Date.UTC(2026, 10, 24)))).toBe('2026-W48');
  });

  it('moves by whole weeks through 53-week years', () => {
    expect(shiftWeek('2020-W52', 1)).toBe('2020-W53');
    expect(shiftWeek('2020-W53', 1)).toBe('2021-W01');
    expect(shiftWeek('2021-W01', -1)).toBe('2020-W53');
    expect(shiftWeek('2026-W01', -1)).toBe('2025-W52');
    expect(shiftWeek('2026-W48', 0)).toBe('2026-W48');
  });

  it('orders week ids and gives their dates', () => {
    expect(compareWeekIds('2025-W52', '2026-W01')).toBeLessThan(0);
    expect(compareWeekIds('2026-W10', '2026-W09')).toBeGreaterThan(0);
    expect(weekRange('2021-W03')).toEqual({ start: '2021-01-18', end: '2021-01-24' });
  });
});
