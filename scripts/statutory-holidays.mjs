// Writes server/src/features/weeks/statutory-holidays.json: the statutory public holidays of each
// year by the 全国年节及纪念日放假办法 (as revised in 2024, in force from 2025) — 元旦 1 Jan,
// 春节 除夕 to 正月初三, 清明 on the 清明 solar term, 劳动节 1–2 May, 端午 5/5 and 中秋 8/15 of the
// lunar calendar, 国庆节 1–3 October — without the yearly make-up arrangements (调休), which only
// the State Council's notice fixes. Used for years the bundled official calendar does not cover yet.
//
// chinese-days' lunar functions read dates in the process's local time zone, so this runs in UTC.
// Usage: node scripts/statutory-holidays.mjs [--check]  (--check compares with the committed file)
process.env.TZ = 'UTC';

import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const days = require('chinese-days');
const FIRST = 2025;
const LAST = 2060;
const out = new URL('../server/src/features/weeks/statutory-holidays.json', import.meta.url);

const iso = (ms) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

function yearHolidays(year) {
  const list = [];
  const add = (date, name) => list.push([date, name]);
  add(`${year}-01-01`, '元旦');
  // The lunar year's first day falls in January or February of the same Gregorian year.
  const lunar = days.getLunarDatesInRange(`${year}-01-01`, `${year}-12-31`);
  const first = lunar.find((d) => d.lunarMon === 1 && d.lunarDay === 1 && !d.isLeap);
  const newYear = Date.parse(`${first.date}T00:00:00Z`);
  for (let i = -1; i <= 2; i++) add(iso(newYear + i * DAY), '春节');
  const qingming = days.getSolarTerms(`${year}-04-01`, `${year}-04-10`).find((t) => t.term === 'pure_brightness');
  add(qingming.date, '清明节');
  add(`${year}-05-01`, '劳动节');
  add(`${year}-05-02`, '劳动节');
  add(lunar.find((d) => d.lunarMon === 5 && d.lunarDay === 5 && !d.isLeap).date, '端午节');
  add(lunar.find((d) => d.lunarMon === 8 && d.lunarDay === 15 && !d.isLeap).date, '中秋节');
  for (const d of ['01', '02', '03']) add(`${year}-10-${d}`, '国庆节');
  return list.sort(([a], [b]) => (a < b ? -1 : 1));
}

const table = {};
for (let year = FIRST; year <= LAST; year++) table[year] = yearHolidays(year);
const text = `${JSON.stringify(table, null, 0).replace(/\],"/g, '],\n"')}\n`;
if (process.argv.includes('--check')) {
  // Compared as data: the formatter may lay the committed file out differently.
  const same = JSON.stringify(JSON.parse(readFileSync(out, 'utf8'))) === JSON.stringify(table);
  console.log(same ? 'statutory-holidays.json is up to date' : 'statutory-holidays.json differs from a fresh computation');
  process.exit(same ? 0 : 1);
}
writeFileSync(out, text);
console.log(`wrote ${Object.keys(table).length} years to ${out.pathname}`);
