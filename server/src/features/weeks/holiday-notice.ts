import { isoWeekday, isValidIsoDate } from './iso-week';

// Reads the State Council's yearly notice on public holidays (国务院办公厅关于20XX年部分节假日安排的通知)
// as an admin pastes it: numbered items such as
//   一、元旦：1月1日（周五）至3日（周日）放假调休，共3天。1月4日（周日）上班。
//   二、春节：1月28日（农历除夕、周二）至2月4日（农历正月初七、周二）放假调休，共8天。1月26日（周日）、2月8日（周六）上班。
//   一、元旦：1月1日放假，1月2日（星期一）补休。
//   四、劳动节：5月1日放假，与周末连休。
// Days off are the dates of a clause with 放假 or 补休; make-up working days those of a clause with
// 上班; any other sentence (鼓励…休息, the closing lines) is not a rule and is left out.

/** A problem found in a notice; `code` is stable, the web translates it. */
export interface NoticeProblem {
  code: 'year_missing' | 'no_items' | 'invalid_date' | 'weekday_mismatch' | 'day_count_mismatch' | 'overlap';
  /** The item (its holiday name) or date the problem is about, when there is one. */
  subject: string | null;
}

export interface NoticeHoliday {
  /** The holiday's name as the notice writes it (`春节`, `国庆节、中秋节`). */
  name: string;
  /** Every day off, in order. */
  dates: string[];
}

export interface NoticeWorkday {
  name: string;
  date: string;
}

export interface ParsedNotice {
  year: number | null;
  holidays: NoticeHoliday[];
  workdays: NoticeWorkday[];
  problems: NoticeProblem[];
}

const CN_WEEKDAY: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };

/** Full-width digits and punctuation to their ASCII forms, so one set of patterns reads both. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/：/g, ':')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/，/g, ',')
    .replace(/；/g, ';')
    .replace(/。/g, '.')
    .replace(/\u3000/g, ' ');
}

/** The year the notice is about: `关于2027年部分节假日` or `将2027年元旦…`, else the first `20XX年`. */
function detectYear(text: string): number | null {
  const m = /(20\d{2})年(?:部分节假日|元旦)/.exec(text) ?? /(20\d{2})年/.exec(text);
  return m ? Number(m[1]) : null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const DATE = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日(\([^)]*\))?(?:至(?:(?:(\d{4})年)?(\d{1,2})月)?(\d{1,2})日(\([^)]*\))?)?/g;

interface Clause {
  dates: string[];
  kind: 'off' | 'work' | null;
}

/** The dates a clause names (ranges expanded), with weekday annotations checked against `year`. */
function clauseDates(clause: string, year: number, problems: NoticeProblem[]): string[] {
  const out: string[] = [];
  for (const m of clause.matchAll(DATE)) {
    const [, y1, m1, d1, note1, y2, m2, d2, note2] = m;
    const startYear = y1 ? Number(y1) : year;
    const start = `${startYear}-${pad(Number(m1))}-${pad(Number(d1))}`;
    if (!isValidIsoDate(start)) {
      problems.push({ code: 'invalid_date', subject: m[0] });
      continue;
    }
    checkWeekday(start, note1, problems);
    if (!d2) {
      out.push(start);
      continue;
    }
    const endMonth = m2 ? Number(m2) : Number(m1);
    // A range into a month before its start crosses into the next year (12月31日至1月2日).
    const endYear = y2 ? Number(y2) : endMonth < Number(m1) ? startYear + 1 : startYear;
    const end = `${endYear}-${pad(endMonth)}-${pad(Number(d2))}`;
    if (!isValidIsoDate(end) || end < start || Date.parse(end) - Date.parse(start) > 40 * 86_400_000) {
      problems.push({ code: 'invalid_date', subject: m[0] });
      continue;
    }
    checkWeekday(end, note2, problems);
    for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += 86_400_000) {
      out.push(new Date(t).toISOString().slice(0, 10));
    }
  }
  return out;
}

/** A `(周四)` or `(星期日)` annotation must name the date's weekday: a mismatch means a wrong year. */
function checkWeekday(date: string, note: string | undefined, problems: NoticeProblem[]): void {
  const m = note ? /(?:周|星期)([一二三四五六日天])/.exec(note) : null;
  if (m && CN_WEEKDAY[m[1] as string] !== isoWeekday(date)) problems.push({ code: 'weekday_mismatch', subject: date });
}

function classify(text: string): Clause['kind'] {
  if (/上班/.test(text)) return 'work';
  if (/放假|补休/.test(text)) return 'off';
  return null;
}

/** Reads one numbered item (`春节:…`) into days off and make-up working days. */
function readItem(name: string, body: string, year: number, parsed: ParsedNotice): void {
  const off: string[] = [];
  for (const sentence of body.split('.')) {
    // Dates in a clause without a verb belong to the next clause that has one (`2月4日、2月18日` … `上班`).
    let pending: string[] = [];
    for (const part of sentence.split(/[,;]/)) {
      const clause: Clause = { dates: clauseDates(part, year, parsed.problems), kind: classify(part) };
      if (clause.kind === null) {
        pending.push(...clause.dates);
        continue;
      }
      const dates = [...pending, ...clause.dates];
      pending = [];
      if (clause.kind === 'off') off.push(...dates);
      else for (const date of dates) parsed.workdays.push({ name, date });
    }
  }
  if (off.length) parsed.holidays.push({ name, dates: [...new Set(off)].sort() });
  const total = /共(\d+)天/.exec(body);
  if (total && Number(total[1]) !== new Set(off).size) parsed.problems.push({ code: 'day_count_mismatch', subject: name });
}

/**
 * Parses a State Council holiday notice into days off and make-up working days of its year.
 * `year` overrides the year found in the text. Problems are reported, never thrown.
 */
export function parseHolidayNotice(text: string, year?: number): ParsedNotice {
  const plain = normalise(text);
  const parsed: ParsedNotice = { year: year ?? detectYear(plain), holidays: [], workdays: [], problems: [] };
  if (parsed.year === null) {
    parsed.problems.push({ code: 'year_missing', subject: null });
    return parsed;
  }
  // Items start with a holiday name and a colon, usually after an ordinal (一、 … 七、); an item runs
  // to the next one, so a notice pasted as one line reads the same.
  const headers = [...plain.matchAll(/([\u4e00-\u9fa5][\u4e00-\u9fa5、]{1,15}):/g)];
  headers.forEach((m, i) => {
    const name = (m[1] as string).replace(/^.*[一二三四五六七八九十]、/, '');
    const end = headers[i + 1]?.index ?? plain.length;
    const body = plain.slice((m.index ?? 0) + m[0].length, end);
    if (!/\d{1,2}月\d{1,2}日/.test(body)) return; // a heading such as "各省、自治区…:" names no date
    readItem(name, body, parsed.year as number, parsed);
  });
  if (parsed.holidays.length === 0 && parsed.workdays.length === 0) parsed.problems.push({ code: 'no_items', subject: null });
  const off = new Set(parsed.holidays.flatMap((h) => h.dates));
  for (const w of parsed.workdays) if (off.has(w.date)) parsed.problems.push({ code: 'overlap', subject: w.date });
  return parsed;
}
