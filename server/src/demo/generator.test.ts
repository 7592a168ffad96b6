import type { TWall } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, createTestDatabase, DIALECTS, PASSWORD, type TestApp } from '../../test/helpers';
import type { Db } from '../db/database';
import type { DB } from '../db/schema';
import { owedWeeks } from '../features/absences/absences.service';
import { compileBulletin } from '../features/bulletins/bulletins.compile';
import { reportText, similarity } from '../features/reports/similarity';
import { weekInfos } from '../features/weeks/weeks.service';
import { hashPassword } from '../lib/secrets';
import { type GenerateOptions, type GenerationSummary, generateOrganisation } from './generator';
import { TABLE_ORDER } from './insert';

// Saturday 27 June 2026, noon in Shanghai: 2026-W26 is the current week. The weeks generated,
// W23 to W26, include W25, whose deadline moves to Thursday for the Dragon Boat Festival.
const NOW = new Date('2026-06-27T04:00:00Z');
const SIZE = { seed: 7, departments: 3, peoplePerDepartment: 5, weeks: 4, now: NOW } as const;

/** Every row of every table the generator writes, in a stable order. */
async function dump(db: Db): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const table of TABLE_ORDER) {
    const rows = await db.selectFrom(table).selectAll().execute();
    out[table] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}

for (const dialect of DIALECTS) {
  describe(`the demo generator on ${dialect}`, () => {
    let t: TestApp;
    let db: Db;
    let options: GenerateOptions;
    let summary: GenerationSummary;
    let ms: number;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      db = t.database.db;
      options = { ...SIZE, passwordHash: await hashPassword(PASSWORD, t.config.passwordCost) };
      const started = performance.now();
      summary = await generateOrganisation(db, options);
      ms = performance.now() - started;
    });
    afterAll(async () => {
      await t?.close();
    });

    it('runs fast at a small size', () => {
      expect(ms).toBeLessThan(5000);
    });

    it('gives identical data for the same seed, and other data for another seed', async () => {
      const again = await createTestDatabase(dialect);
      const other = await createTestDatabase(dialect);
      try {
        await generateOrganisation(again.db, options);
        await generateOrganisation(other.db, { ...options, seed: 8 });
        const first = await dump(db);
        expect(await dump(again.db)).toEqual(first);
        expect((await dump(other.db)).reports).not.toEqual(first.reports);
      } finally {
        await again.destroy();
        await other.destroy();
      }
    });

    it('refuses a database that already has users', async () => {
      await expect(generateOrganisation(db, options)).rejects.toThrow(/without users/);
    });

    it('makes the departments, people and roles requested', async () => {
      const departments = await db.selectFrom('departments').selectAll().execute();
      const users = await db.selectFrom('users').selectAll().execute();
      const roles = await db.selectFrom('user_roles').selectAll().execute();
      const supervises = await db.selectFrom('user_supervises').selectAll().execute();
      // The bureau, its leadership group and 3 departments; 3 × 5 people and 2 leaders.
      expect(departments).toHaveLength(5);
      expect(summary.departments).toBe(5);
      expect(users).toHaveLength(17);
      expect(summary.users).toBe(17);
      expect(summary.weeks).toEqual(['2026-W23', '2026-W24', '2026-W25', '2026-W26']);
      const holders = (role: string) => roles.filter((r) => r.role === role).map((r) => r.user_id);
      expect(holders('head')).toHaveLength(4);
      expect(holders('leader')).toHaveLength(2);
      for (const role of ['admin', 'assessor', 'auditor']) expect(holders(role)).toHaveLength(1);
      expect(new Set(supervises.map((s) => s.department_id)).size).toBe(3);
      for (const u of users) expect(u.username).toMatch(/^(admin|[a-z]+\d{2,})$/);
      expect(users.every((u) => u.password_hash === options.passwordHash)).toBe(true);
      const byName = new Map(users.map((u) => [u.username, u]));
      for (const username of Object.values(summary.signIns)) expect(byName.has(username)).toBe(true);
      expect(summary.signIns.admin).toBe('admin');
    });

    it('returns counts that match the tables', async () => {
      const count = async (table: keyof DB) => (await db.selectFrom(table).selectAll().execute()).length;
      const reports = await db.selectFrom('reports').selectAll().execute();
      expect(summary.reports).toBe(reports.length);
      expect(summary.submitted).toBe(reports.filter((r) => r.status === 'submitted').length);
      expect(summary.drafts).toBe(reports.filter((r) => r.status === 'draft').length);
      expect(summary.late).toBe(reports.filter((r) => r.late === 1).length);
      expect(summary.items).toBe(await count('report_items'));
      expect(summary.versions).toBe(await count('report_versions'));
      expect(summary.reads).toBe(await count('report_reads'));
      expect(summary.absences).toBe(await count('absences'));
      expect(summary.summaries).toBe(await count('department_summaries'));
      expect(summary.bulletins).toBe(await count('bulletin_versions'));
      expect(summary.submitted).toBeGreaterThan(50);
      expect(summary.late).toBeGreaterThan(0);
      expect(summary.reads).toBeGreaterThan(0);
    });

    it('gives every submitted report its items and a version row per version', async () => {
      const reports = await db.selectFrom('reports').selectAll().where('status', '=', 'submitted').execute();
      const items = await db.selectFrom('report_items').selectAll().orderBy('position').execute();
      const versions = await db.selectFrom('report_versions').selectAll().execute();
      for (const r of reports) {
        const own = items.filter((i) => i.report_id === r.id);
        expect(own.length).toBeGreaterThan(0);
        const saved = versions.filter((v) => v.report_id === r.id).sort((a, b) => a.version - b.version);
        expect(saved.map((v) => v.version)).toEqual(Array.from({ length: r.version }, (_, i) => i + 1));
        const latest = saved.at(-1);
        expect(latest?.saved_at).toBe(r.updated_at);
        expect(latest?.similar_to_previous).toBe(r.similar_to_previous);
        expect(JSON.parse(latest?.items ?? '[]').map((i: { id: string }) => i.id)).toEqual(own.map((i) => i.id));
        expect(saved[0]?.saved_at).toBe(r.submitted_at);
      }
      const drafts = await db.selectFrom('reports').select('id').where('status', '=', 'draft').execute();
      expect(versions.filter((v) => drafts.some((d) => d.id === v.report_id))).toEqual([]);
    });

    it('flags exactly the reports submitted after their week’s deadline as late', async () => {
      const infos = await weekInfos(t.ctx, summary.weeks);
      expect(infos.get('2026-W25')?.deadline).toBe('2026-06-18T17:00:00+08:00');
      const reports = await db.selectFrom('reports').selectAll().where('status', '=', 'submitted').execute();
      for (const r of reports) {
        const deadline = Date.parse(infos.get(r.week)?.deadline as string);
        expect(r.late).toBe(Date.parse(r.submitted_at as string) > deadline ? 1 : 0);
        expect(Date.parse(r.submitted_at as string)).toBeLessThanOrEqual(NOW.getTime());
      }
    });

    it('writes no report for a week its author’s absences cover', async () => {
      const users = await db.selectFrom('users').select('id').execute();
      const owed = await owedWeeks(
        t.ctx,
        users.map((u) => u.id),
        summary.weeks,
      );
      const reports = await db.selectFrom('reports').select(['user_id', 'week']).execute();
      let covered = 0;
      for (const [userId, weeks] of owed) {
        for (const week of summary.weeks.filter((w) => !weeks.includes(w))) {
          covered++;
          expect(reports.filter((r) => r.user_id === userId && r.week === week)).toEqual([]);
        }
      }
      expect(covered).toBeGreaterThan(0);
    });

    it('stores the similarity to the previous report the service would compute', async () => {
      const reports = await db.selectFrom('reports').selectAll().where('status', '=', 'submitted').orderBy('week').execute();
      const items = await db.selectFrom('report_items').selectAll().orderBy('position').execute();
      const text = (id: string) => reportText(items.filter((i) => i.report_id === id));
      let compared = 0;
      for (const r of reports) {
        const previous = reports.filter((p) => p.user_id === r.user_id && p.week < r.week).at(-1);
        if (!previous) {
          expect(r.similar_to_previous).toBeNull();
          continue;
        }
        // Compare only where the previous report was already final when this one was last saved.
        if (previous.version !== 1 || (previous.submitted_at as string) >= (r.submitted_at as string) || r.version !== 1)
          continue;
        expect(r.similar_to_previous).toBe(similarity(text(r.id), text(previous.id)));
        compared++;
      }
      expect(compared).toBeGreaterThan(20);
    });

    it('publishes bulletins that match what the bulletins service compiles', async () => {
      const bulletins = await db.selectFrom('bulletin_versions').selectAll().execute();
      const departments = await db.selectFrom('departments').selectAll().execute();
      expect(bulletins.length).toBeGreaterThan(0);
      expect(bulletins.every((b) => b.week < '2026-W26')).toBe(true);
      for (const b of bulletins) {
        const d = departments.find((x) => x.id === b.department_id);
        const { snapshot } = await compileBulletin(t.ctx, { id: b.department_id, name: d?.name ?? '' }, b.week);
        expect(JSON.parse(b.snapshot)).toEqual(snapshot);
        expect(Date.parse(b.published_at)).toBeLessThanOrEqual(NOW.getTime());
      }
      const reads = await db
        .selectFrom('report_reads as rr')
        .innerJoin('reports as r', 'r.id', 'rr.report_id')
        .select(['rr.user_id as reader', 'r.user_id as author', 'rr.first_read_at', 'rr.last_read_at', 'r.submitted_at'])
        .execute();
      for (const read of reads) {
        expect(read.reader).not.toBe(read.author);
        expect(read.first_read_at >= (read.submitted_at as string)).toBe(true);
        expect(read.last_read_at >= read.first_read_at).toBe(true);
        expect(Date.parse(read.last_read_at)).toBeLessThanOrEqual(NOW.getTime());
      }
    });

    it('shows a living wall to a signed-in member', async () => {
      const member = await t.login(summary.signIns.member);
      const past = await t.request({ method: 'GET', url: '/api/v1/wall/2026-W24', as: member });
      expect(past.statusCode).toBe(200);
      const wall = past.json() as TWall;
      expect(wall.departments.map((d) => d.name)).toEqual(['局领导', '办公室', '法制科', '税政科']);
      expect(wall.departments.map((d) => d.members)).toEqual([2, 5, 5, 5]);
      expect(wall.departments.reduce((n, d) => n + d.submitted, 0)).toBeGreaterThan(12);
      const published = wall.departments.filter((d) => d.published);
      expect(published.length).toBeGreaterThan(0);
      expect(wall.bulletins).toHaveLength(published.length);
      expect(wall.bulletins[0]?.reports.length).toBeGreaterThan(0);
      const current = (await t.request({ method: 'GET', url: '/api/v1/wall/2026-W26', as: member })).json() as TWall;
      expect(current.departments.reduce((n, d) => n + d.submitted, 0)).toBeGreaterThan(0);
      expect(current.bulletins).toEqual([]);
    });
  });
}
