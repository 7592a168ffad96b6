import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { parseHolidayNotice } from './holiday-notice';

const official = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
};
const notice = (year: number) => readFileSync(new URL(`./notices/${year}.txt`, import.meta.url), 'utf8');
const ofYear = (map: Record<string, string>, year: number) =>
  Object.keys(map)
    .filter((d) => d.startsWith(`${year}-`))
    .sort();

describe('parseHolidayNotice', () => {
  // The notices as the State Council published them, against the official calendar data of the same years.
  for (const year of [2024, 2025, 2026, 2017]) {
    it(`reads the ${year} notice into exactly the official days off and make-up working days`, () => {
      const parsed = parseHolidayNotice(notice(year));
      expect(parsed.year).toBe(year);
      expect(parsed.problems).toEqual([]);
      expect(parsed.holidays.flatMap((h) => h.dates).sort()).toEqual(ofYear(official.holidays, year));
      expect(parsed.workdays.map((w) => w.date).sort()).toEqual(ofYear(official.workdays, year));
    });
  }

  it('names each holiday and its make-up days as the notice does', () => {
    const parsed = parseHolidayNotice(notice(2025));
    expect(parsed.holidays.map((h) => [h.name, h.dates[0], h.dates.at(-1), h.dates.length])).toEqual([
      ['元旦', '2025-01-01', '2025-01-01', 1],
      ['春节', '2025-01-28', '2025-02-04', 8],
      ['清明节', '2025-04-04', '2025-04-06', 3],
      ['劳动节', '2025-05-01', '2025-05-05', 5],
      ['端午节', '2025-05-31', '2025-06-02', 3],
      ['国庆节、中秋节', '2025-10-01', '2025-10-08', 8],
    ]);
    expect(parsed.workdays).toEqual([
      { name: '春节', date: '2025-01-26' },
      { name: '春节', date: '2025-02-08' },
      { name: '劳动节', date: '2025-04-27' },
      { name: '国庆节、中秋节', date: '2025-09-28' },
      { name: '国庆节、中秋节', date: '2025-10-11' },
    ]);
  });

  it('reads a notice pasted as one line with ASCII punctuation the same way', () => {
    const oneLine = notice(2026)
      .replace(/\n/g, '')
      .replace(/：/g, ':')
      .replace(/，/g, ',')
      .replace(/（/g, '(')
      .replace(/）/g, ')');
    const a = parseHolidayNotice(oneLine);
    const b = parseHolidayNotice(notice(2026));
    expect(a.problems).toEqual([]);
    expect(a.holidays).toEqual(b.holidays);
    expect(a.workdays).toEqual(b.workdays);
  });

  it('leaves out dates that are not rules: the encouragement to rest on 除夕 and the date of signing', () => {
    const parsed = parseHolidayNotice(notice(2024));
    const all = [...parsed.holidays.flatMap((h) => h.dates), ...parsed.workdays.map((w) => w.date)];
    expect(all).not.toContain('2024-02-09');
    expect(all).not.toContain('2023-10-25');
  });

  it('reports weekday annotations that do not fit the year, as when the wrong year is given', () => {
    const parsed = parseHolidayNotice(notice(2026), 2027);
    expect(parsed.year).toBe(2027);
    expect(parsed.problems.filter((p) => p.code === 'weekday_mismatch').length).toBeGreaterThan(5);
  });

  it('reports a day count that does not match the range, a missing year and text without any rule', () => {
    expect(parseHolidayNotice('2027年 一、春节：2月5日至11日放假调休，共8天。').problems).toEqual([
      { code: 'day_count_mismatch', subject: '春节' },
    ]);
    expect(parseHolidayNotice('一、元旦：1月1日放假。').problems).toEqual([{ code: 'year_missing', subject: null }]);
    expect(parseHolidayNotice('2027年放假通知').problems).toEqual([{ code: 'no_items', subject: null }]);
    expect(parseHolidayNotice('2027年 一、元旦：2月30日放假。').problems).toEqual([
      { code: 'invalid_date', subject: '2月30日' },
      { code: 'no_items', subject: null },
    ]);
  });

  it('crosses into the next year for a range that runs past December and reports a day that is both off and worked', () => {
    const crossing = parseHolidayNotice('2027年 一、元旦：12月31日至1月2日放假调休，共3天。');
    expect(crossing.holidays[0]?.dates).toEqual(['2027-12-31', '2028-01-01', '2028-01-02']);
    expect(crossing.problems).toEqual([]);
    const both = parseHolidayNotice('2027年 一、劳动节：5月1日至5日放假调休，共5天。5月5日上班。');
    expect(both.problems).toEqual([{ code: 'overlap', subject: '2027-05-05' }]);
  });
});
