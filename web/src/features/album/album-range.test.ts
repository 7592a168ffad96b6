import { describe, expect, it } from 'vitest';
import {
  effectiveRange,
  firstWeekOfMonth,
  isAcceptedRange,
  lastWeekOfMonth,
  monthOfWeek,
  presetRange,
  rangeFromSearch,
} from './album-range';

describe('album range helpers', () => {
  it('maps months to the weeks whose Thursday falls in them, and back', () => {
    expect(firstWeekOfMonth('2026-03')).toBe('2026-W10'); // Thursday 5 March
    expect(lastWeekOfMonth('2026-03')).toBe('2026-W13'); // Thursday 26 March
    expect(firstWeekOfMonth('2026-01')).toBe('2026-W01'); // Thursday 1 January
    expect(lastWeekOfMonth('2026-12')).toBe('2026-W53'); // Thursday 31 December
    expect(firstWeekOfMonth('2025-04')).toBe('2025-W14'); // Thursday 3 April
    for (const w of ['2026-W10', '2026-W13', '2025-W14', '2026-W53']) {
      const m = monthOfWeek(w);
      expect(firstWeekOfMonth(m) <= w && w <= lastWeekOfMonth(m)).toBe(true);
    }
  });

  it('reads valid weeks from the address and applies the server defaults', () => {
    expect(rangeFromSearch(new URLSearchParams('from=2026-W03&to=2021-W53'))).toEqual({ from: '2026-W03', to: undefined });
    expect(effectiveRange({}, '2026-W48')).toEqual({ from: '2026-W01', to: '2026-W48' });
    expect(effectiveRange({ to: '2025-W10' }, '2026-W48')).toEqual({ from: '2025-W01', to: '2025-W10' });
  });

  it('gives preset periods and checks the three-year limit', () => {
    expect(presetRange('thisYear', '2026-W48')).toEqual({ from: '2026-W01', to: '2026-W48' });
    expect(presetRange('lastYear', '2027-W02')).toEqual({ from: '2026-W01', to: '2026-W53' });
    expect(presetRange('last12Months', '2026-W48')).toEqual({ from: '2025-W49', to: '2026-W48' });
    expect(isAcceptedRange('2020-W01', '2022-W52')).toBe(true);
    expect(isAcceptedRange('2020-W01', '2023-W01')).toBe(false);
    expect(isAcceptedRange('2026-W10', '2026-W09')).toBe(false);
  });
});
