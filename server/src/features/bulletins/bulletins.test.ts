import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import {
  actorOf,
  backdateUsers,
  buildReportOrg,
  currentWeek,
  item,
  type ReportOrg,
  saveReport,
  submitReport,
  weeksAgo,
} from '../../../test/report-factories';
import { newId } from '../../lib/ids';
import { submitOwnReport } from '../reports/reports.service';
import { addWeeks, weekEnd, weekStart } from '../weeks/iso-week';

for (const dialect of DIALECTS) {
  describe(`summaries, bulletins and the wall on ${dialect}`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let absentee: Session;
    let missingId: string;
    const week = weeksAgo(3);
    const summaryUrl = (dept: string, w = week) => `/api/v1/departments/${dept}/summaries/${w}`;
    const bulletinUrl = (dept: string, w = week) => `/api/v1/departments/${dept}/bulletins/${w}`;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await t.user({ username: 'absentee', departmentId: org.office, displayName: '休假人', sortOrder: 4 });
      missingId = await t.user({ username: 'missing', departmentId: org.office, displayName: '未交人', sortOrder: 5 });
      await t.user({ username: 'gone', departmentId: org.office, displayName: '已停用' });
      await t.database.db.updateTable('users').set({ active: 0 }).where('username', '=', 'gone').execute();
      await backdateUsers(t);
      absentee = await t.login('absentee');
      // Leave covering the whole week: not owed, so absent rather than missing.
      await t.database.db
        .insertInto('absences')
        .values({
          id: newId(),
          user_id: absentee.userId,
          from_date: weekStart(week),
          to_date: weekEnd(week),
          reason: '年假',
          created_by: absentee.userId,
          created_at: new Date().toISOString(),
          deleted_at: null,
        })
        .execute();
    });
    afterAll(() => t.close());

    describe('PUT /api/v1/departments/:id/summaries/:week', () => {
      it('lets the head, a leader above and an assessor write it; each save is a version and audited', async () => {
        for (const [i, s] of [org.head, org.leader, org.assessor].entries()) {
          const res = await t.request({
            method: 'PUT',
            url: summaryUrl(org.office),
            as: s,
            payload: { summary: `小结第${i + 1}稿`, items: [item('组织全科学习'), item('下周迎检', { kind: 'plan' })] },
          });
          expect(res.statusCode).toBe(200);
          expect(res.json()).toMatchObject({
            departmentId: org.office,
            week,
            summary: `小结第${i + 1}稿`,
            updatedBy: s.userId,
            items: [
              { content: '组织全科学习', kind: 'work' },
              { content: '下周迎检', kind: 'plan' },
            ],
          });
        }
        const row = await t.database.db
          .selectFrom('department_summaries')
          .selectAll()
          .where('department_id', '=', org.office)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({ version: 3, summary: '小结第3稿', updated_by: org.assessor.userId });
        const audit = await t.database.db.selectFrom('audit_log').select('data').where('action', '=', 'summary.saved').execute();
        expect(audit).toHaveLength(3);
      });

      it('refuses members, other heads, other leaders and admins with 403 and writes nothing', async () => {
        for (const s of [org.author, org.colleague, org.otherHead, org.otherLeader, org.admin]) {
          const res = await t.request({
            method: 'PUT',
            url: summaryUrl(org.office),
            as: s,
            payload: { summary: '越权', items: [] },
          });
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('forbidden');
        }
        const row = await t.database.db
          .selectFrom('department_summaries')
          .selectAll()
          .where('department_id', '=', org.office)
          .executeTakeFirstOrThrow();
        expect(row.summary).not.toBe('越权');
      });

      it('answers 404 for an unknown department and 400 for a future or malformed week or bad items', async () => {
        const body = { items: [] };
        expect((await t.request({ method: 'PUT', url: summaryUrl('nope'), as: org.assessor, payload: body })).statusCode).toBe(
          404,
        );
        const future = await t.request({
          method: 'PUT',
          url: summaryUrl(org.office, addWeeks(currentWeek(), 1)),
          as: org.head,
          payload: body,
        });
        expect(future.statusCode).toBe(400);
        expect(
          (await t.request({ method: 'PUT', url: summaryUrl(org.office, '2026-W7'), as: org.head, payload: body })).statusCode,
        ).toBe(400);
        const bad = await t.request({
          method: 'PUT',
          url: summaryUrl(org.office),
          as: org.head,
          payload: { items: [{ kind: 'x', content: '' }] },
        });
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual([
          'body.items.0.kind',
          'body.items.0.content',
        ]);
      });
    });

    describe('POST /api/v1/departments/:id/summaries/:week/publish', () => {
      it('refuses everyone but the head, its leaders and assessors (403), publishing nothing', async () => {
        for (const s of [org.author, org.otherHead, org.otherLeader, org.admin]) {
          const res = await t.request({ method: 'POST', url: `${summaryUrl(org.office)}/publish`, as: s });
          expect(res.statusCode).toBe(403);
        }
        expect(await t.database.db.selectFrom('bulletin_versions').selectAll().execute()).toEqual([]);
        expect((await t.request({ method: 'GET', url: bulletinUrl(org.office), as: org.author })).statusCode).toBe(404);
      });

      it('compiles the summary and the members’ submitted reports in department order, with missing, absent and stats', async () => {
        const a = await submitReport(t, org.author, week, [item('作者的工作')]);
        const c = await submitReport(t, org.colleague, week, [item('同事的工作')]);
        await saveReport(t, org.head, week, [item('科长的草稿')]);
        const res = await t.request({ method: 'POST', url: `${summaryUrl(org.office)}/publish`, as: org.head });
        expect(res.statusCode).toBe(200);
        const b = res.json();
        expect(b).toMatchObject({
          department: { id: org.office, name: '办公室' },
          week,
          version: 1,
          preview: false,
          summary: { summary: '小结第3稿', items: [{ content: '组织全科学习' }, { content: '下周迎检' }] },
          stats: { members: 5, submitted: 2, late: 2 },
        });
        expect(Date.parse(b.publishedAt)).toBeGreaterThan(Date.now() - 60_000);
        expect(b.reports.map((r: { id: string }) => r.id)).toEqual([a.id, c.id]);
        expect(b.missing).toEqual([
          { userId: org.head.userId, displayName: '赵主任' },
          { userId: missingId, displayName: '未交人' },
        ]);
        expect(b.absent).toEqual([{ userId: absentee.userId, displayName: '休假人' }]);
        expect(res.body).not.toContain('科长的草稿');
        expect(res.body).not.toContain('已停用');
        const rows = await t.database.db.selectFrom('bulletin_versions').selectAll().execute();
        expect(rows).toHaveLength(1);
        expect(JSON.parse(rows[0]?.snapshot ?? '{}').reports).toEqual([
          { reportId: a.id, version: 1 },
          { reportId: c.id, version: 1 },
        ]);
        const audit = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'bulletin.published')
          .execute();
        expect(audit).toHaveLength(1);
      });

      it('keeps a published bulletin as it was when a report is edited later, while the preview shows the edit', async () => {
        const mine = await t.request({ method: 'GET', url: `/api/v1/me/reports/${week}`, as: org.author });
        const revised = await saveReport(t, org.author, week, [item('作者修改后的工作', { id: mine.json().items[0].id })]);
        expect(revised.json().version).toBe(2);
        const published = await t.request({ method: 'GET', url: bulletinUrl(org.office), as: org.colleague });
        expect(published.statusCode).toBe(200);
        expect(published.json().version).toBe(1);
        expect(published.json().reports[0]).toMatchObject({ version: 1, items: [{ content: '作者的工作' }] });
        expect(published.body).not.toContain('作者修改后的工作');
        const preview = await t.request({ method: 'GET', url: `${bulletinUrl(org.office)}?preview=true`, as: org.head });
        expect(preview.statusCode).toBe(200);
        expect(preview.json()).toMatchObject({ version: null, publishedAt: null, preview: true });
        expect(preview.json().reports[0]).toMatchObject({ version: 2, items: [{ content: '作者修改后的工作' }] });
      });

      it('republishing adds version 2 and keeps version 1 readable', async () => {
        await submitReport(t, { ...org.head }, week, [item('科长补交')]);
        const res = await t.request({ method: 'POST', url: `${summaryUrl(org.office)}/publish`, as: org.leader });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ version: 2, stats: { members: 5, submitted: 3, late: 3 } });
        expect(res.json().reports.map((r: { displayName: string }) => r.displayName)).toEqual(['赵主任', '王五', '李四']);
        expect(res.json().reports[1]).toMatchObject({ version: 2, items: [{ content: '作者修改后的工作' }] });
        const latest = await t.request({ method: 'GET', url: bulletinUrl(org.office), as: org.colleague });
        expect(latest.json().version).toBe(2);
        const v1 = await t.request({ method: 'GET', url: `${bulletinUrl(org.office)}?version=1`, as: org.colleague });
        expect(v1.statusCode).toBe(200);
        expect(v1.json()).toMatchObject({ version: 1, stats: { submitted: 2 } });
        expect(v1.json().reports[0].items[0].content).toBe('作者的工作');
        expect(
          (await t.request({ method: 'GET', url: `${bulletinUrl(org.office)}?version=3`, as: org.colleague })).statusCode,
        ).toBe(404);
        expect(await t.database.db.selectFrom('bulletin_versions').selectAll().execute()).toHaveLength(2);
      });
    });

    describe('GET /api/v1/departments/:id/bulletins/:week', () => {
      it('answers 404 when nothing was published, for an unknown department, and 400 for a bad week or version', async () => {
        expect((await t.request({ method: 'GET', url: bulletinUrl(org.tax), as: org.author })).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url: bulletinUrl('nope'), as: org.author })).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url: bulletinUrl(org.office, '2026-W54'), as: org.author })).statusCode).toBe(
          400,
        );
        expect((await t.request({ method: 'GET', url: `${bulletinUrl(org.office)}?version=0`, as: org.author })).statusCode).toBe(
          400,
        );
      });

      it('gives the preview to the head, leaders and assessors only', async () => {
        for (const s of [org.head, org.leader, org.assessor]) {
          expect((await t.request({ method: 'GET', url: `${bulletinUrl(org.tax)}?preview=true`, as: s })).statusCode).toBe(
            s === org.head ? 403 : 200,
          );
        }
        for (const s of [org.author, org.otherLeader, org.admin]) {
          expect((await t.request({ method: 'GET', url: `${bulletinUrl(org.office)}?preview=true`, as: s })).statusCode).toBe(
            403,
          );
        }
        const other = await t.request({ method: 'GET', url: `${bulletinUrl(org.tax)}?preview=true`, as: org.otherHead });
        expect(other.json()).toMatchObject({
          stats: { members: 1, submitted: 0, late: 0 },
          missing: [{ displayName: '钱科长' }],
        });
      });
    });

    describe('GET /api/v1/wall/:week', () => {
      it('lists departments with members in tree order with live counts, and the published bulletins', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/wall/${week}`, as: org.colleague });
        expect(res.statusCode).toBe(200);
        const wall = res.json();
        expect(wall.week).toBe(week);
        expect(wall.departments).toEqual([
          { id: org.city, name: '市局', members: 4, submitted: 0, late: 0, published: false },
          { id: org.office, name: '办公室', members: 5, submitted: 3, late: 3, published: true },
          { id: org.tax, name: '税政科', members: 1, submitted: 0, late: 0, published: false },
        ]);
        expect(wall.bulletins).toHaveLength(1);
        expect(wall.bulletins[0]).toMatchObject({ department: { id: org.office }, version: 2 });
      });

      it('shows an empty wall for a week with nothing and refuses a malformed week', async () => {
        const res = await t.request({ method: 'GET', url: `/api/v1/wall/${weeksAgo(50)}`, as: org.colleague });
        expect(res.statusCode).toBe(200);
        expect(res.json().bulletins).toEqual([]);
        expect(
          res.json().departments.every((d: { published: boolean; submitted: number }) => !d.published && d.submitted === 0),
        ).toBe(true);
        expect((await t.request({ method: 'GET', url: '/api/v1/wall/2026W01', as: org.colleague })).statusCode).toBe(400);
        expect((await t.request({ method: 'GET', url: `/api/v1/wall/${week}` })).statusCode).toBe(401);
      });
    });

    describe('the late flag against a controlled clock', () => {
      it('is false before the deadline and true after it (2021-W03: Friday 22 January, 17:00 in Shanghai)', async () => {
        const s = await t.login('missing');
        await saveReport(t, s, '2021-W03', [item('按时')]);
        await saveReport(t, s, '2021-W04', [item('超时')]);
        const actor = await actorOf(t, s.userId);
        const onTime = await submitOwnReport(t.ctx, actor, '2021-W03', new Date('2021-01-22T08:59:00Z'));
        expect(onTime).toMatchObject({ status: 'submitted', late: false, submittedAt: '2021-01-22T08:59:00.000Z' });
        const late = await submitOwnReport(t.ctx, actor, '2021-W04', new Date('2021-01-29T09:01:00Z'));
        expect(late.late).toBe(true);
      });

      it('refuses a week after the one the clock is in', async () => {
        const actor = await actorOf(t, org.author.userId);
        await expect(submitOwnReport(t.ctx, actor, '2021-W05', new Date('2021-01-22T08:59:00Z'))).rejects.toMatchObject({
          code: 'invalid_input',
        });
      });
    });
  });
}
