import type {
  KyselyPlugin,
  PluginTransformQueryArgs,
  PluginTransformResultArgs,
  QueryResult,
  RootOperationNode,
  UnknownRow,
} from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { actorOf, weeksAgo } from '../../../test/report-factories';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { newId } from '../../lib/ids';
import { getBulletin, getWall, publishBulletin } from './bulletins.service';

/** Counts the queries built through a Kysely instance (a subquery built from it counts once more). */
class QueryCounter implements KyselyPlugin {
  count = 0;
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.count++;
    return args.node;
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

const DEPARTMENTS = 12;
const PEOPLE = 150;

async function insertInChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200));
}

for (const dialect of DIALECTS) {
  describe(`the wall at ${DEPARTMENTS} departments × ${PEOPLE} people on ${dialect}`, () => {
    let t: TestApp;
    let assessor: Actor;
    const departmentIds: string[] = [];
    const week = weeksAgo(1);
    const counted = (): { ctx: AppContext; counter: QueryCounter } => {
      const counter = new QueryCounter();
      return { ctx: { ...t.ctx, db: t.database.db.withPlugin(counter) }, counter };
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      const root = await t.department('市局');
      assessor = await actorOf(t, await t.user({ username: 'assessor', departmentId: root, roles: ['assessor'] }));
      const db = t.database.db;
      const now = new Date().toISOString();
      const users = [];
      for (let d = 0; d < DEPARTMENTS; d++) {
        const id = await t.department(`科室${String(d).padStart(2, '0')}`, root);
        departmentIds.push(id);
        for (let p = 0; p < PEOPLE; p++) {
          const uid = newId();
          users.push({
            id: uid,
            username: `u${d}_${p}`,
            username_key: `u${d}_${p}`,
            display_name: `成员${d}-${p}`,
            department_id: id,
            title: null,
            email: null,
            password_hash: null,
            active: 1,
            sort_order: p,
            locale: null,
            created_at: '2020-01-01T00:00:00.000Z',
            updated_at: now,
          });
        }
      }
      await insertInChunks(users, (c) => db.insertInto('users').values(c).execute());
      // Everyone but every tenth person submitted; each report has one public and one restricted item.
      const reports = users.filter((_, i) => i % 10 !== 0).map((u) => ({ user: u, id: newId() }));
      await insertInChunks(reports, (c) =>
        db
          .insertInto('reports')
          .values(
            c.map(({ user, id }, i) => ({
              id,
              user_id: user.id,
              week,
              department_id: user.department_id,
              status: 'submitted',
              summary: '',
              version: 1,
              submitted_at: now,
              late: i % 3 === 0 ? 1 : 0,
              similar_to_previous: null,
              created_at: now,
              updated_at: now,
              deleted_at: null,
            })),
          )
          .execute(),
      );
      const items = reports.flatMap(({ id }) => [
        {
          id: newId(),
          report_id: id,
          position: 0,
          kind: 'work',
          category: null,
          content: '公开工作',
          outcome: null,
          visibility: 'public',
          tags: '[]',
          goal_id: null,
        },
        {
          id: newId(),
          report_id: id,
          position: 1,
          kind: 'work',
          category: null,
          content: '保密工作',
          outcome: null,
          visibility: 'restricted',
          tags: '[]',
          goal_id: null,
        },
      ]);
      await insertInChunks(items, (c) => db.insertInto('report_items').values(c).execute());
      await insertInChunks(reports, (c) =>
        db
          .insertInto('report_versions')
          .values(
            c.map(({ id }) => ({
              report_id: id,
              version: 1,
              saved_at: now,
              saved_by: null,
              summary: '',
              items: JSON.stringify(
                items
                  .filter((i) => i.report_id === id)
                  .map((i) => ({
                    id: i.id,
                    kind: i.kind,
                    category: null,
                    content: i.content,
                    outcome: null,
                    visibility: i.visibility,
                    tags: [],
                    goalId: null,
                  })),
              ),
              similar_to_previous: null,
            })),
          )
          .execute(),
      );
    }, 120_000);
    afterAll(() => t.close());

    it('publishes a department of 150 in a fixed handful of queries', async () => {
      const { ctx, counter } = counted();
      const bulletin = await publishBulletin(ctx, assessor, departmentIds[0] as string, week);
      expect(bulletin.reports).toHaveLength(PEOPLE - PEOPLE / 10);
      expect(bulletin.missing).toHaveLength(PEOPLE / 10);
      expect(counter.count).toBeLessThanOrEqual(20);
      for (const id of departmentIds.slice(1)) await publishBulletin(t.ctx, assessor, id, week);
    });

    it('reads one bulletin and the whole wall in a handful of queries, whatever the size', async () => {
      const one = counted();
      const bulletin = await getBulletin(one.ctx, assessor, departmentIds[3] as string, week, {});
      expect(bulletin.reports).toHaveLength(135);
      expect(one.counter.count).toBeLessThanOrEqual(4);
      const wall = counted();
      const started = performance.now();
      const result = await getWall(wall.ctx, assessor, week);
      const ms = performance.now() - started;
      // The root holds the assessor: a department with members too, listed first in tree order.
      expect(result.departments).toHaveLength(DEPARTMENTS + 1);
      expect(result.bulletins).toHaveLength(DEPARTMENTS);
      expect(result.bulletins.reduce((n, b) => n + b.reports.length, 0)).toBe(DEPARTMENTS * 135);
      expect(result.departments[0]).toMatchObject({ members: 1, submitted: 0, published: false });
      expect(result.departments[1]).toMatchObject({ members: PEOPLE, submitted: 135, published: true });
      // Six statements: tree, member counts, submission counts, latest bulletins (its subquery counted too), reports, versions.
      expect(wall.counter.count).toBeLessThanOrEqual(7);
      expect(ms).toBeLessThan(5_000);
    });
  });
}
