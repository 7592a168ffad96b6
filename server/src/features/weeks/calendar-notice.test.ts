import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { officialDay } from './calendar';

const notice2026 = readFileSync(new URL('./notices/2026.txt', import.meta.url), 'utf8');
// A made-up notice for 2027 in the State Council's form (the real one is not out yet when this is
// written): it exercises a year the bundled official calendar does not cover.
const notice2027 = `国务院办公厅关于2027年部分节假日安排的通知
一、元旦：1月1日（周五）至3日（周日）放假，共3天。
二、春节：2月5日（农历除夕、周五）至13日（农历正月初八、周六）放假调休，共9天。2月20日（周六）上班。`;

describe('the statutory holidays table', () => {
  it('is what a fresh computation gives (in UTC, whatever the local time zone)', () => {
    const out = execFileSync(process.execPath, ['scripts/statutory-holidays.mjs', '--check'], {
      cwd: new URL('../../../../', import.meta.url),
      env: { ...process.env, TZ: 'America/Los_Angeles' },
    });
    expect(out.toString()).toContain('up to date');
  });

  it('agrees with the official calendar of 2025 and 2026: every statutory holiday is a day off', () => {
    const table = JSON.parse(readFileSync(new URL('./statutory-holidays.json', import.meta.url), 'utf8')) as Record<
      string,
      [string, string][]
    >;
    for (const year of ['2025', '2026']) {
      const notOff = (table[year] ?? []).filter(([date]) => officialDay(date).workday);
      expect(notOff).toEqual([]);
      expect(table[year]).toHaveLength(13);
    }
  });

  it('keeps 1 January 2027 and the Spring Festival off before any 2027 notice is imported', () => {
    expect(officialDay('2027-01-01')).toMatchObject({ workday: false, kind: 'holiday', holiday: "New Year's Day" });
    expect(officialDay('2027-02-05')).toMatchObject({ workday: false, holiday: 'Spring Festival' });
    expect(officialDay('2027-02-09')).toMatchObject({ workday: true, kind: 'workday' });
  });
});

for (const dialect of DIALECTS) {
  describe(`holiday notices on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    let member: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      const dept = await t.department('市局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: dept });
      await t.user({ username: 'zhang', departmentId: dept });
      admin = await t.login('admin');
      member = await t.login('zhang');
    });
    afterAll(() => t.close());

    const preview = (as: Session, payload: object) =>
      t.request({ method: 'POST', url: '/api/v1/calendar/notices/preview', as, payload });
    const apply = (as: Session, payload: object) => t.request({ method: 'POST', url: '/api/v1/calendar/notices', as, payload });
    const week = async (w: string) => (await t.request({ method: 'GET', url: `/api/v1/weeks/${w}`, as: member })).json();

    it('previews a notice of a year the official calendar covers as changing nothing', async () => {
      const res = await preview(admin, { text: notice2026 });
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ year: 2026, official: true, problems: [], changes: [] });
      expect(body.holidays).toHaveLength(7);
      expect(body.holidays[1]).toEqual({ name: '春节', from: '2026-02-15', to: '2026-02-23', days: 9 });
      expect(body.workdays).toHaveLength(6);
    });

    it('previews a 2027 notice as the changes it makes, keeping an override the organisation made, and writes nothing', async () => {
      // The organisation decided to work on Friday 12 February 2027.
      const put = await t.request({
        method: 'PUT',
        url: '/api/v1/calendar/overrides/2027-02-12',
        as: admin,
        payload: { workday: true, note: '值班' },
      });
      expect(put.statusCode).toBe(200);
      const res = await preview(admin, { text: notice2027 });
      expect(res.statusCode).toBe(200);
      const { changes, official, problems } = res.json();
      expect(official).toBe(false);
      expect(problems).toEqual([]);
      const byDate = new Map(changes.map((c: { date: string }) => [c.date, c]));
      expect(byDate.get('2027-02-09')).toEqual({ date: '2027-02-09', workday: false, note: '春节', kept: false });
      expect(byDate.get('2027-02-12')).toEqual({ date: '2027-02-12', workday: false, note: '春节', kept: true });
      expect(byDate.get('2027-02-20')).toEqual({ date: '2027-02-20', workday: true, note: '春节调休上班', kept: false });
      // The notice decides the whole year: the statutory 清明 (Monday 5 April) it does not name is a working day.
      expect(byDate.get('2027-04-05')).toEqual({ date: '2027-04-05', workday: true, note: '工作日', kept: false });
      expect(byDate.has('2027-01-01')).toBe(false); // already off by law
      expect(await t.database.db.selectFrom('calendar_notices').selectAll().execute()).toEqual([]);
      // Monday 8 February is 初三, off by law; nothing else of that week is off before the notice.
      expect((await week('2027-W06')).workdays).toEqual(['2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12']);
    });

    it('applies the notice as overrides: the Spring Festival week is not due, the make-up Saturday is a working day', async () => {
      const res = await apply(admin, { text: notice2027 });
      expect(res.statusCode).toBe(200);
      const result = res.json();
      expect(result.year).toBe(2027);
      expect(result.kept).toBe(1);
      expect(result.applied).toBeGreaterThan(5);
      // 8 Feb (Mon, 初三 by law) stays off; 9–11 Feb are off by the notice; 12 Feb the organisation works.
      expect((await week('2027-W06')).workdays).toEqual(['2027-02-12']);
      const w7 = await week('2027-W07');
      expect(w7.workdays).toEqual(['2027-02-15', '2027-02-16', '2027-02-17', '2027-02-18', '2027-02-19', '2027-02-20']);
      expect(w7.deadline).toBe('2027-02-19T17:00:00+08:00');
      const status = (await t.request({ method: 'GET', url: '/api/v1/calendar/status', as: admin })).json();
      expect(status.notices.map((n: { year: number }) => n.year)).toEqual([2027]);
      expect(status.officialLastYear).toBeGreaterThanOrEqual(2026);
      const audit = await t.database.db
        .selectFrom('audit_log')
        .select(['target_id', 'data'])
        .where('action', '=', 'calendar.notice_applied')
        .execute();
      expect(audit).toHaveLength(1);
      expect(JSON.parse(audit[0]?.data as string)).toEqual(result);
    });

    it('refuses a notice with problems, naming them by code, and writes nothing', async () => {
      const before = await t.database.db.selectFrom('calendar_overrides').select('date').execute();
      const res = await apply(admin, { text: notice2026, year: 2028 });
      expect(res.statusCode).toBe(400);
      const { error } = res.json();
      expect(error.code).toBe('invalid_input');
      expect(error.details.map((d: { code: string }) => d.code)).toContain('notice_weekday_mismatch');
      expect(await t.database.db.selectFrom('calendar_overrides').select('date').execute()).toHaveLength(before.length);
      expect((await preview(admin, { text: '没有日期' })).json().problems).toEqual([{ code: 'year_missing', subject: null }]);
      expect((await preview(admin, { text: '' })).statusCode).toBe(400);
    });

    it('is for admins only', async () => {
      expect((await preview(member, { text: notice2027 })).statusCode).toBe(403);
      expect((await apply(member, { text: notice2027 })).statusCode).toBe(403);
    });
  });
}
