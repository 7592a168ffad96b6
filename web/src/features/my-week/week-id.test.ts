import { describe, expect, it } from 'vitest';
import { compareWeeks, shiftWeek, weekEnd, weekOfDate, weekStart } from './week-id';

describe('week ids', () => {
  it('names the ISO week of a date, across year ends', () => {
    expect(weekOfDate('2021-01-22')).toBe('2021-W03');
    expect(weekOfDate('2027-01-01')).toBe('2026-W53');
    expect(weekOfDate('2024-12-30')).toBe('2025-W01');
    expect(weekOfDate('2026-11-25')).toBe('2026-W48');
  });

  it('gives the Monday and Sunday of a week', () => {
    expect(weekStart('2021-W03')).toBe('2021-01-18');
    expect(weekEnd('2021-W03')).toBe('2021-01-24');
    expect(weekStart('2026-W53')).toBe('2026-12-28');
    expect(weekStart('2025-W01')).toBe('2024-12-30');
  });

  it('moves by weeks over year boundaries, and compares', () => {
    expect(shiftWeek('2026-W53', 1)).toBe('2027-W01');
    expect(shiftWeek('2027-W01', -1)).toBe('2026-W53');
    expect(shiftWeek('2025-W01', -1)).toBe('2024-W52');
    expect(compareWeeks('2026-W53', '2027-W01')).toBeLessThan(0);
    expect(compareWeeks('2026-W09', '2026-W10')).toBeLessThan(0);
    expect(compareWeeks('2026-W10', '2026-W10')).toBe(0);
  });

  it('refuses weeks that do not exist', () => {
    expect(() => weekStart('2021-W53')).toThrow(RangeError);
  });
});
