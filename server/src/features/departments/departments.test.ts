import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';

for (const dialect of DIALECTS) {
  describe(`departments on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    let member: Session;
    let auditor: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      await t.user({ username: 'admin', roles: ['admin'] });
      await t.user({ username: 'member' });
      await t.user({ username: 'auditor', roles: ['auditor'] });
      admin = await t.login('admin');
      member = await t.login('member');
      auditor = await t.login('auditor');
    });
    afterAll(() => t.close());

    const create = (payload: Record<string, unknown>, as: Session = admin) =>
      t.request({ method: 'POST', url: '/api/v1/departments', as, payload });
    const patch = (id: string, payload: Record<string, unknown>, as: Session = admin) =>
      t.request({ method: 'PATCH', url: `/api/v1/departments/${id}`, as, payload });
    const row = (id: string) => t.database.db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
    const auditFor = (id: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', id).orderBy('at').orderBy('id').execute();

    describe('POST /api/v1/departments', () => {
      it('creates a root and a child (201), stores them and audits department.created', async () => {
        const root = await create({ name: '创建局' });
        expect(root.statusCode).toBe(201);
        expect(root.json()).toEqual({ id: expect.any(String), name: '创建局', parentId: null, sortOrder: expect.any(Number) });
        const child = await create({ name: '办公室', parentId: root.json().id, sortOrder: 7 });
        expect(child.statusCode).toBe(201);
        expect(child.json()).toMatchObject({ name: '办公室', parentId: root.json().id, sortOrder: 7 });
        expect(await row(child.json().id)).toMatchObject({ name: '办公室', parent_id: root.json().id, sort_order: 7 });
        const [entry] = await auditFor(child.json().id);
        expect(entry).toMatchObject({ action: 'department.created', actor_id: admin.userId, target_type: 'department' });
        expect(JSON.parse(entry?.data ?? '{}')).toEqual({ name: '办公室', parentId: root.json().id });
      });

      it('places a new department after its last sibling when no sortOrder is given', async () => {
        const root = (await create({ name: '排序局' })).json();
        const first = (await create({ name: '甲', parentId: root.id, sortOrder: 30 })).json();
        const second = (await create({ name: '乙', parentId: root.id })).json();
        expect(second.sortOrder).toBeGreaterThan(first.sortOrder);
      });

      it('refuses a duplicate name under the same parent with 409 and writes nothing', async () => {
        const root = (await create({ name: '重名局' })).json();
        expect((await create({ name: '办公室', parentId: root.id })).statusCode).toBe(201);
        const res = await create({ name: ' 办公室 ', parentId: root.id });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toEqual({
          error: { code: 'conflict', message: expect.any(String), details: [{ path: 'name', message: 'duplicate' }] },
        });
        const rows = await t.database.db.selectFrom('departments').select('id').where('parent_id', '=', root.id).execute();
        expect(rows).toHaveLength(1);
        expect((await create({ name: '重名局' })).statusCode).toBe(409);
      });

      it('refuses an unknown parent with 400 naming parentId', async () => {
        const res = await create({ name: '孤儿科', parentId: 'no-such-department' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toEqual({
          code: 'invalid_input',
          message: expect.any(String),
          details: [{ path: 'parentId', message: 'unknown department' }],
        });
        expect(await t.database.db.selectFrom('departments').select('id').where('name', '=', '孤儿科').execute()).toEqual([]);
      });

      it('refuses an empty name with 400 and field details', async () => {
        const res = await create({ name: '   ' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
        expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain('body.name');
      });

      it('is refused to a member and an auditor with 403, writing nothing', async () => {
        for (const as of [member, auditor]) {
          const res = await create({ name: '越权科' }, as);
          expect(res.statusCode).toBe(403);
          expect(res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
        }
        expect(await t.database.db.selectFrom('departments').select('id').where('name', '=', '越权科').execute()).toEqual([]);
      });
    });

    describe('GET /api/v1/departments', () => {
      it('lists every department in tree order, to members and auditors too', async () => {
        const root = (await create({ name: '树局', sortOrder: 0 })).json();
        const b = (await create({ name: '乙科', parentId: root.id, sortOrder: 20 })).json();
        const a = (await create({ name: '甲科', parentId: root.id, sortOrder: 10 })).json();
        const a1 = (await create({ name: '甲一股', parentId: a.id })).json();
        for (const as of [member, auditor, admin]) {
          const res = await t.request({ method: 'GET', url: '/api/v1/departments', as });
          expect(res.statusCode).toBe(200);
          const ids: string[] = res.json().items.map((d: { id: string }) => d.id);
          const mine = ids.filter((id) => [root.id, a.id, a1.id, b.id].includes(id));
          expect(mine).toEqual([root.id, a.id, a1.id, b.id]);
          expect(res.json().items.find((d: { id: string }) => d.id === a1.id)).toEqual({
            id: a1.id,
            name: '甲一股',
            parentId: a.id,
            sortOrder: 0,
          });
        }
      });

      it('needs a signed-in user (401)', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/departments' });
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      });
    });

    describe('PATCH /api/v1/departments/:id', () => {
      it('renames, and audits department.updated with before and after', async () => {
        const d = (await create({ name: '旧名科' })).json();
        const res = await patch(d.id, { name: '新名科' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ ...d, name: '新名科' });
        expect((await row(d.id))?.name).toBe('新名科');
        const updated = (await auditFor(d.id)).find((a) => a.action === 'department.updated');
        expect(JSON.parse(updated?.data ?? '{}')).toMatchObject({
          before: { name: '旧名科', parentId: null },
          after: { name: '新名科', parentId: null },
        });
      });

      it('moves a department under another parent and back to the root', async () => {
        const from = (await create({ name: '迁出局' })).json();
        const to = (await create({ name: '迁入局' })).json();
        const d = (await create({ name: '流动科', parentId: from.id })).json();
        const moved = await patch(d.id, { parentId: to.id });
        expect(moved.statusCode).toBe(200);
        expect(moved.json().parentId).toBe(to.id);
        expect((await row(d.id))?.parent_id).toBe(to.id);
        const toRoot = await patch(d.id, { parentId: null });
        expect(toRoot.json().parentId).toBeNull();
        expect((await row(d.id))?.parent_id).toBeNull();
      });

      it('refuses a move under itself or a descendant with 409 and changes nothing', async () => {
        const top = (await create({ name: '环局' })).json();
        const mid = (await create({ name: '环科', parentId: top.id })).json();
        const leaf = (await create({ name: '环股', parentId: mid.id })).json();
        for (const parentId of [top.id, mid.id, leaf.id]) {
          const res = await patch(top.id, { parentId, name: '改了名' });
          expect(res.statusCode).toBe(409);
          expect(res.json().error).toMatchObject({ code: 'conflict', details: [{ path: 'parentId', message: 'cycle' }] });
        }
        expect(await row(top.id)).toMatchObject({ name: '环局', parent_id: null });
        expect((await auditFor(top.id)).map((a) => a.action)).toEqual(['department.created']);
      });

      it('reorders siblings through sortOrder', async () => {
        const root = (await create({ name: '重排局' })).json();
        const a = (await create({ name: '甲', parentId: root.id, sortOrder: 1 })).json();
        const b = (await create({ name: '乙', parentId: root.id, sortOrder: 2 })).json();
        expect((await patch(a.id, { sortOrder: 3 })).json().sortOrder).toBe(3);
        const list = (await t.request({ method: 'GET', url: '/api/v1/departments', as: member })).json().items;
        const order = list.filter((d: { parentId: string }) => d.parentId === root.id).map((d: { id: string }) => d.id);
        expect(order).toEqual([b.id, a.id]);
      });

      it('refuses a rename or a move onto a sibling name with 409', async () => {
        const p = (await create({ name: '同名局' })).json();
        const q = (await create({ name: '同名局二' })).json();
        await create({ name: '办公室', parentId: p.id });
        const other = (await create({ name: '综合科', parentId: p.id })).json();
        const clash = (await create({ name: '办公室', parentId: q.id })).json();
        expect((await patch(other.id, { name: '办公室' })).statusCode).toBe(409);
        expect((await patch(clash.id, { parentId: p.id })).statusCode).toBe(409);
        expect(await row(other.id)).toMatchObject({ name: '综合科', parent_id: p.id });
        expect(await row(clash.id)).toMatchObject({ name: '办公室', parent_id: q.id });
      });

      it('answers an unknown parent with 400, an unknown id with 404 and an empty body with 400', async () => {
        const d = (await create({ name: '校验科' })).json();
        expect((await patch(d.id, { parentId: 'nope' })).json().error.details).toEqual([
          { path: 'parentId', message: 'unknown department' },
        ]);
        const missing = await patch('no-such-id', { name: '随便' });
        expect(missing.statusCode).toBe(404);
        expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        expect((await patch(d.id, {})).statusCode).toBe(400);
      });

      it('is refused to a member with 403', async () => {
        const d = (await create({ name: '只读科' })).json();
        const res = await patch(d.id, { name: '被改' }, member);
        expect(res.statusCode).toBe(403);
        expect((await row(d.id))?.name).toBe('只读科');
      });
    });

    describe('DELETE /api/v1/departments/:id', () => {
      const del = (id: string, as: Session = admin) => t.request({ method: 'DELETE', url: `/api/v1/departments/${id}`, as });

      it('refuses a department with users or children (409) and keeps it', async () => {
        const parent = (await create({ name: '有人局' })).json();
        const child = (await create({ name: '有人科', parentId: parent.id })).json();
        await t.user({ username: 'resident', departmentId: child.id });
        const withChild = await del(parent.id);
        expect(withChild.statusCode).toBe(409);
        expect(withChild.json().error).toMatchObject({ code: 'conflict', details: { users: 0, children: 1 } });
        const withUser = await del(child.id);
        expect(withUser.statusCode).toBe(409);
        expect(withUser.json().error.details).toEqual({ users: 1, children: 0 });
        expect(await row(parent.id)).toBeDefined();
        expect(await row(child.id)).toBeDefined();
      });

      it('deletes an empty department (204), drops supervision links and audits department.deleted', async () => {
        const d = (await create({ name: '空科' })).json();
        const leader = await t.user({ username: 'leader-of-empty', roles: ['leader'], supervises: [d.id] });
        expect((await del(d.id, member)).statusCode).toBe(403);
        const res = await del(d.id);
        expect(res.statusCode).toBe(204);
        expect(res.body).toBe('');
        expect(await row(d.id)).toBeUndefined();
        const links = await t.database.db.selectFrom('user_supervises').selectAll().where('user_id', '=', leader).execute();
        expect(links).toEqual([]);
        const deleted = (await auditFor(d.id)).find((a) => a.action === 'department.deleted');
        expect(deleted).toMatchObject({ actor_id: admin.userId });
        expect(JSON.parse(deleted?.data ?? '{}')).toEqual({ name: '空科' });
      });

      it('answers an unknown id with 404', async () => {
        const res = await del('no-such-id');
        expect(res.statusCode).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      });
    });
  });
}
