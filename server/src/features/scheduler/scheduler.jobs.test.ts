import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { actorOf, item } from '../../../test/report-factories';
import type { DomainEvents } from '../../lib/events';
import { saveOwnReport, submitOwnReport } from '../reports/reports.service';
import { writeSettings } from '../settings/settings.repository';
import { setOverride } from '../weeks/weeks.service';
import type { JobOutcome } from './job-runner';
import { runDueJobs } from './scheduler.jobs';
import { getSchedules, putSchedules } from './scheduler.service';
import { SYSTEM_ACTOR_ID } from './system-actor';

/** An instant given as the organisation's wall-clock time (Asia/Shanghai, UTC+8). */
const cst = (local: string) => new Date(`${local}:00+08:00`);

interface Org {
  city: string;
  office: string;
  tax: string;
  ids: Record<string, string>;
}

/** 市局 ─┬─ 办公室 (head 赵主任 + 7 members, one inactive), └─ 税政科 (head + 1); a leader, an assessor and an admin. */
async function buildOrg(t: TestApp): Promise<Org> {
  const city = await t.department('市局');
  const office = await t.department('办公室', city);
  const tax = await t.department('税政科', city);
  const people: [string, string | null, Parameters<TestApp['user']>[0]['roles'], string[]?][] = [
    ['head', office, ['head']],
    ['alice', office, []],
    ['bob', office, []],
    ['carol', office, []],
    ['dave', office, []],
    ['erin', office, []],
    ['gina', office, []],
    ['gone', office, []],
    ['taxhead', tax, ['head']],
    ['frank', tax, []],
    ['leader', city, ['leader'], [city]],
    ['assessor', city, ['assessor']],
    ['admin', null, ['admin']],
  ];
  const ids: Record<string, string> = {};
  for (const [username, departmentId, roles, supervises] of people) {
    ids[username] = await t.user({ username, departmentId, roles, supervises, displayName: `${username}名` });
  }
  const db = t.database.db;
  await db.updateTable('users').set({ created_at: '2020-01-01T00:00:00.000Z' }).execute();
  for (const [username, id] of Object.entries(ids)) {
    // bob has no e-mail address.
    if (username !== 'bob')
      await db
        .updateTable('users')
        .set({ email: `${username}@example.org` })
        .where('id', '=', id)
        .execute();
  }
  await db
    .updateTable('users')
    .set({ active: 0 })
    .where('id', '=', ids.gone as string)
    .execute();
  // carol is on leave for every working day of the National Day week (28–30 Sep).
  await db
    .insertInto('absences')
    .values({
      id: 'absence-carol',
      user_id: ids.carol as string,
      from_date: '2026-09-28',
      to_date: '2026-09-30',
      reason: '年假',
      created_by: ids.carol as string,
      created_at: '2026-09-01T00:00:00.000Z',
      deleted_at: null,
    })
    .execute();
  return { city, office, tax, ids };
}

for (const dialect of DIALECTS) {
  describe(`scheduled jobs on ${dialect}`, () => {
    let t: TestApp;
    let org: Org;
    const missingEvents: DomainEvents['reminder.missing'][] = [];
    const id = (name: string) => org.ids[name] as string;

    /** Runs the due jobs at a wall-clock time and waits for the listeners. */
    const runAt = async (local: string): Promise<JobOutcome[]> => {
      const outcomes = await runDueJobs(t.ctx, cst(local));
      await t.ctx.events.idle();
      return outcomes;
    };
    const ran = (outcomes: JobOutcome[]) => outcomes.filter((o) => o.status === 'succeeded').map((o) => `${o.job}:${o.runKey}`);
    /** Who has in-app notifications of a type (about a week), by username, one entry per notification. */
    const inbox = async (type: string, week?: string): Promise<string[]> => {
      const rows = await t.database.db.selectFrom('notifications').select(['user_id', 'data']).where('type', '=', type).execute();
      const names = new Map(Object.entries(org.ids).map(([n, i]) => [i, n]));
      return rows
        .filter((r) => !week || (JSON.parse(r.data) as { week?: string }).week === week)
        .map((r) => names.get(r.user_id) ?? r.user_id)
        .sort();
    };
    /** E-mail deliveries whose dedupe key starts with a prefix: to whom, one entry per row. */
    const mails = async (prefix: string): Promise<string[]> => {
      const rows = await t.database.db
        .selectFrom('deliveries')
        .select(['recipient', 'dedupe_key'])
        .where('channel', '=', 'email')
        .where('dedupe_key', 'like', `${prefix}%`)
        .execute();
      return rows.map((r) => (r.recipient as string).split('@')[0] as string).sort();
    };
    /** The data of a person's one notification of a type about a week. */
    const noteData = async (type: string, username: string, week: string) => {
      const rows = await t.database.db
        .selectFrom('notifications')
        .select('data')
        .where('type', '=', type)
        .where('user_id', '=', id(username))
        .execute();
      const found = rows.map((r) => JSON.parse(r.data)).filter((d) => d.week === week);
      expect(found).toHaveLength(1);
      return found[0];
    };
    const submit = async (username: string, week: string, local: string) => {
      const actor = await actorOf(t, id(username));
      await saveOwnReport(t.ctx, actor, week, { items: [item(`${username} 的工作`)] }, cst(local));
      await submitOwnReport(t.ctx, actor, week, cst(local));
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildOrg(t);
      t.ctx.events.on('reminder.missing', (e) => {
        missingEvents.push(e);
      });
      // erin wants reminders in the app only; gina by e-mail only.
      const prefs = async (username: string, items: Record<string, unknown>[]) => {
        const res = await t.request({
          method: 'PUT',
          url: '/api/v1/me/notification-preferences',
          as: await t.login(username),
          payload: { items },
        });
        expect(res.statusCode).toBe(200);
      };
      await prefs('erin', [{ type: 'reminder', inApp: true, email: false }]);
      await prefs('gina', [{ type: 'reminder', inApp: false, email: true }]);
      const admin = await actorOf(t, org.ids.admin as string);
      const state = await getSchedules(t.ctx, admin, cst('2026-09-01T09:00'));
      await putSchedules(t.ctx, admin, { ...state.settings, autoPublish: { enabled: true, delayMinutes: 120 } });
      // The head and dave submit on time.
      await submit('head', '2026-W40', '2026-09-29T10:00');
      await submit('dave', '2026-W40', '2026-09-29T11:00');
    });
    afterAll(() => t.close());

    it('sends no reminder in the Spring Festival week (2026-W08 is not due)', async () => {
      const outcomes = await runAt('2026-02-20T13:00');
      expect(outcomes.filter((o) => o.runKey === '2026-W08')).toEqual([]);
      expect(await inbox('reminder', '2026-W08')).toEqual([]);
      expect(await mails('reminder:2026-W08')).toEqual([]);
    });

    it('reminds on Wed 30 Sep at 13:00, 4 hours before the moved deadline: only who still owes the week', async () => {
      expect(ran(await runAt('2026-09-30T12:59'))).not.toContain('reminder:2026-W40');
      expect(await inbox('reminder', '2026-W40')).toEqual([]);

      expect(ran(await runAt('2026-09-30T13:00'))).toContain('reminder:2026-W40');
      // Not carol (on leave), dave or the head (submitted), gone (inactive), admin (no department); gina chose e-mail only.
      expect(await inbox('reminder', '2026-W40')).toEqual(['alice', 'assessor', 'bob', 'erin', 'frank', 'leader', 'taxhead']);
      // E-mail only to those with an address who want it: not bob (no address), not erin (turned it off).
      expect(await mails('reminder:2026-W40:')).toEqual(['alice', 'assessor', 'frank', 'gina', 'leader', 'taxhead']);
      const row = await t.database.db
        .selectFrom('deliveries')
        .select(['dedupe_key', 'payload', 'user_id'])
        .where('dedupe_key', '=', `reminder:2026-W40:${id('alice')}`)
        .executeTakeFirstOrThrow();
      expect(row.user_id).toBe(id('alice'));
      expect(row.payload).toContain('9月30日（周三）17:00');
    });

    it('sends nothing new when run again at the same moment', async () => {
      const outcomes = await runAt('2026-09-30T13:00');
      expect(ran(outcomes)).toEqual([]);
      expect(outcomes.find((o) => o.job === 'reminder')?.status).toBe('not_claimed');
      expect(await inbox('reminder', '2026-W40')).toHaveLength(7);
      expect(await mails('reminder:2026-W40:')).toHaveLength(6);
      const run = await t.database.db
        .selectFrom('job_runs')
        .selectAll()
        .where('job', '=', 'reminder')
        .where('run_key', '=', '2026-W40')
        .executeTakeFirstOrThrow();
      expect(run).toMatchObject({ status: 'succeeded', attempts: 1, error: null });
      expect(JSON.parse(run.result as string)).toEqual({ people: 8, inApp: 7, emails: 6 });
    });

    it('gives each head their missing people once after the deadline, and announces reminder.missing once per department', async () => {
      await submit('alice', '2026-W40', '2026-09-30T17:10'); // late, but submitted
      expect(ran(await runAt('2026-09-30T17:29'))).toEqual([]);
      expect(ran(await runAt('2026-09-30T17:30'))).toEqual(['missing_list:2026-W40']);
      await runAt('2026-09-30T17:45');
      expect(await inbox('reminder.missing', '2026-W40')).toEqual(['head', 'taxhead']);
      const data = await noteData('reminder.missing', 'head', '2026-W40');
      expect(data).toMatchObject({ week: '2026-W40', departmentId: org.office, departmentName: '办公室', count: 3 });
      expect(data.missing.map((p: { displayName: string }) => p.displayName).sort()).toEqual(['bob名', 'erin名', 'gina名']);
      expect(await mails('missing:2026-W40:')).toEqual(['head', 'taxhead']);
      const w40 = missingEvents.filter((e) => e.week === '2026-W40');
      expect(w40.map((e) => e.departmentId).sort()).toEqual([org.city, org.office, org.tax].sort());
      expect(
        w40
          .find((e) => e.departmentId === org.tax)
          ?.missing.map((m) => m.displayName)
          .sort(),
      ).toEqual(['frank名', 'taxhead名']);
      expect(w40.every((e) => e.deadline === '2026-09-30T17:00:00+08:00')).toBe(true);
    });

    it('publishes the bulletins not yet published two hours after the deadline, once, as the system', async () => {
      const outcomes = await runAt('2026-09-30T19:00');
      expect(outcomes.find((o) => o.job === 'auto_publish' && o.runKey === '2026-W40')).toMatchObject({
        status: 'succeeded',
        result: { published: 1, alreadyPublished: 0, empty: 2, failed: 0 },
      });
      await runAt('2026-09-30T19:30');
      const versions = await t.database.db.selectFrom('bulletin_versions').selectAll().where('week', '=', '2026-W40').execute();
      expect(versions.map((v) => [v.department_id, v.version, v.published_by])).toEqual([[org.office, 1, SYSTEM_ACTOR_ID]]);
      const audit = await t.database.db.selectFrom('audit_log').selectAll().where('action', '=', 'bulletin.published').execute();
      expect(audit.map((a) => a.actor_id)).toEqual([SYSTEM_ACTOR_ID]);
      // Every active member hears of it (the publisher is no member).
      expect(await inbox('bulletin.published', '2026-W40')).toEqual(['alice', 'bob', 'carol', 'dave', 'erin', 'gina', 'head']);
    });

    it('sends no reminder on Fri 2 Oct (a holiday, after the deadline) and nothing at all on days off', async () => {
      expect(ran(await runAt('2026-10-02T13:00'))).toEqual([]);
      expect(ran(await runAt('2026-10-05T09:00'))).toEqual([]);
      expect(await inbox('reminder', '2026-W40')).toHaveLength(7);
    });

    it('sends the digest of the National Day week on Thu 8 Oct (Monday 5 Oct is a holiday), once', async () => {
      expect(ran(await runAt('2026-10-08T08:59'))).toEqual([]);
      expect(ran(await runAt('2026-10-08T09:00'))).toEqual(['digest:2026-W40']);
      expect(ran(await runAt('2026-10-08T09:00'))).toEqual([]);
      expect(await inbox('digest', '2026-W40')).toEqual(['assessor', 'leader']);
      expect(await mails('digest:2026-W40:')).toEqual(['assessor', 'leader']);
      const data = await noteData('digest', 'leader', '2026-W40');
      expect(data.totals).toEqual({ members: 11, submitted: 3, late: 1, missing: 7 });
      expect(data.publishedCount).toBe(1);
      expect(data.departments).toEqual([
        { id: org.city, name: '市局', members: 2, submitted: 0, late: 0, missing: 2, published: false },
        { id: org.office, name: '办公室', members: 7, submitted: 3, late: 1, missing: 3, published: true },
        { id: org.tax, name: '税政科', members: 2, submitted: 0, late: 0, missing: 2, published: false },
      ]);
    });

    it('reminds on the make-up Saturday 10 Oct when the deadline is set on Saturdays', async () => {
      await writeSettings(t.database.db, { deadline: { weekday: 6, time: '12:00' } }, new Date().toISOString());
      try {
        expect(ran(await runAt('2026-10-10T07:59'))).toEqual([]);
        expect(ran(await runAt('2026-10-10T08:00'))).toEqual(['reminder:2026-W41']);
        // carol's leave covered only the week before.
        expect(await inbox('reminder', '2026-W41')).toContain('carol');
      } finally {
        await writeSettings(t.database.db, { deadline: { weekday: 5, time: '17:00' } }, new Date().toISOString());
      }
    });

    it('moves a reminder off a day off (an override) to the previous working day, and never sends on the day off', async () => {
      const admin = await actorOf(t, id('admin'));
      await setOverride(t.ctx, admin, '2026-10-22', { workday: false, note: '调休' });
      const state = await getSchedules(t.ctx, admin, cst('2026-10-20T09:00'));
      await putSchedules(t.ctx, admin, { ...state.settings, reminder: { enabled: true, leadMinutes: 24 * 60 } });
      const next = (await getSchedules(t.ctx, admin, cst('2026-10-20T09:00'))).nextRuns.find((r) => r.job === 'reminder');
      expect(next).toEqual({ job: 'reminder', week: '2026-W43', at: '2026-10-21T17:00:00+08:00', moved: true });
      // (Runs of the week before that are still being made up go out at the same time.)
      expect(ran(await runAt('2026-10-21T16:59'))).not.toContain('reminder:2026-W43');
      // No process ran at 17:00 on Wednesday; Thursday is the day off: still nothing.
      expect(ran(await runAt('2026-10-22T17:00'))).toEqual([]);
      expect(await inbox('reminder', '2026-W43')).toEqual([]);
      // Friday morning, before the deadline, the missed reminder goes out.
      expect(ran(await runAt('2026-10-23T09:00'))).toContain('reminder:2026-W43');
      expect(await inbox('reminder', '2026-W43')).toHaveLength(10);
    });
  });
}
