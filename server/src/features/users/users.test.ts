import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';

for (const dialect of DIALECTS) {
  describe(`users on ${dialect}`, () => {
    let t: TestApp;
    let deptId: string;
    let otherDeptId: string;
    let admin: Session;
    let member: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      deptId = await t.department('市局');
      otherDeptId = await t.department('县局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: deptId });
      await t.user({ username: 'member', departmentId: deptId });
      admin = await t.login('admin');
      member = await t.login('member');
    });
    afterAll(() => t.close());

    const create = (payload: Record<string, unknown>, as: Session = admin) =>
      t.request({ method: 'POST', url: '/api/v1/users', as, payload });
    const patch = (id: string, payload: Record<string, unknown>, as: Session = admin) =>
      t.request({ method: 'PATCH', url: `/api/v1/users/${id}`, as, payload });
    const userRow = (username: string) =>
      t.database.db.selectFrom('users').selectAll().where('username_key', '=', username.toLowerCase()).executeTakeFirst();
    const auditOf = (targetId: string, action: string) =>
      t.database.db.selectFrom('audit_log').selectAll().where('target_id', '=', targetId).where('action', '=', action).execute();
    const base = (username: string) => ({ username, displayName: username, password: 'a good password', departmentId: deptId });

    describe('POST /api/v1/users', () => {
      it('creates a user (201) with member among the roles, never returning the password', async () => {
        const res = await create({
          ...base('Liu.Yang'),
          displayName: '刘洋',
          title: '科员',
          email: 'liu@example.cn',
          roles: ['leader'],
          supervises: [otherDeptId],
        });
        expect(res.statusCode).toBe(201);
        const body = res.json();
        expect(body).toMatchObject({
          username: 'Liu.Yang',
          displayName: '刘洋',
          departmentId: deptId,
          title: '科员',
          email: 'liu@example.cn',
          roles: ['member', 'leader'],
          supervises: [otherDeptId],
          active: true,
          hasPassword: true,
        });
        expect(res.body).not.toContain('a good password');
        expect(Object.keys(body)).not.toContain('password');
        expect(Object.keys(body)).not.toContain('passwordHash');
        const stored = await userRow('liu.yang');
        expect(stored?.password_hash).toMatch(/^scrypt\$/);
        const created = await auditOf(body.id, 'user.created');
        expect(created).toHaveLength(1);
        expect(created[0]?.data).not.toContain('a good password');
        await t.login('liu.yang', 'a good password');
      });

      it('refuses a username taken in another case with 409', async () => {
        expect((await create(base('wu'))).statusCode).toBe(201);
        const res = await create({ ...base('WU'), displayName: '另一个吴' });
        expect(res.statusCode).toBe(409);
        expect(res.json()).toEqual({
          error: { code: 'conflict', message: expect.any(String), details: [{ path: 'username', message: 'taken' }] },
        });
        const rows = await t.database.db.selectFrom('users').select('display_name').where('username_key', '=', 'wu').execute();
        expect(rows).toEqual([{ display_name: 'wu' }]);
      });

      it('refuses an unknown department or supervised department with 400 naming the field', async () => {
        const res = await create({ ...base('nodept'), departmentId: 'no-such-dept' });
        expect(res.statusCode).toBe(400);
        expect(res.json().error).toEqual({
          code: 'invalid_input',
          message: expect.any(String),
          details: [{ path: 'departmentId', message: 'unknown department' }],
        });
        const sup = await create({ ...base('nosup'), supervises: ['ghost'] });
        expect(sup.statusCode).toBe(400);
        expect(sup.json().error.details[0].path).toBe('supervises');
        expect(await userRow('nodept')).toBeUndefined();
        expect(await userRow('nosup')).toBeUndefined();
      });

      it('refuses an invalid email, an empty displayName, a short password and a bad role with 400 field details', async () => {
        const res = await create({
          ...base('badinput'),
          email: 'not-an-email',
          displayName: '  ',
          password: 'short',
          roles: ['boss'],
        });
        expect(res.statusCode).toBe(400);
        const paths = res.json().error.details.map((d: { path: string }) => d.path);
        expect(paths).toEqual(expect.arrayContaining(['body.email', 'body.displayName', 'body.password', 'body.roles.0']));
        expect(await userRow('badinput')).toBeUndefined();
      });

      it('refuses wrong types with 400 listing each field', async () => {
        const res = await create({ username: 12, displayName: ['x'], password: true, departmentId: null, sortOrder: 'first' });
        expect(res.statusCode).toBe(400);
        const paths = res.json().error.details.map((d: { path: string }) => d.path);
        expect(paths).toEqual(
          expect.arrayContaining(['body.username', 'body.displayName', 'body.password', 'body.departmentId', 'body.sortOrder']),
        );
      });

      it('is refused to a non-admin with 403, writing nothing', async () => {
        const res = await create(base('sneaky'), member);
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('forbidden');
        expect(await userRow('sneaky')).toBeUndefined();
      });
    });

    describe('PATCH /api/v1/users/:id', () => {
      it('changes roles and supervision and audits user.roles_changed with before and after', async () => {
        const id = (await create({ ...base('zhou'), roles: ['head'] })).json().id;
        const res = await patch(id, { roles: ['leader', 'member'], supervises: [otherDeptId, deptId] });
        expect(res.statusCode).toBe(200);
        expect(res.json().roles).toEqual(['member', 'leader']);
        expect([...res.json().supervises].sort()).toEqual([deptId, otherDeptId].sort());
        const roles = await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute();
        expect(roles.map((r) => r.role)).toEqual(['leader']);
        const [entry] = await auditOf(id, 'user.roles_changed');
        const data = JSON.parse(entry?.data ?? '{}');
        expect(data.before).toEqual({ roles: ['member', 'head'], supervises: [] });
        expect(data.after.roles).toEqual(['member', 'leader']);
        expect([...data.after.supervises].sort()).toEqual([deptId, otherDeptId].sort());
        expect(entry?.actor_id).toBe(admin.userId);
      });

      it('disables and re-enables a user; the user can sign in again', async () => {
        const id = (await create(base('sun'))).json().id;
        expect((await patch(id, { active: false })).json().active).toBe(false);
        await expect(t.login('sun', 'a good password')).rejects.toThrow(/401/);
        const res = await patch(id, { active: true });
        expect(res.statusCode).toBe(200);
        expect(res.json().active).toBe(true);
        expect((await userRow('sun'))?.active).toBe(1);
        expect((await auditOf(id, 'user.disabled')).length).toBe(1);
        expect((await auditOf(id, 'user.enabled')).length).toBe(1);
        await t.login('sun', 'a good password');
      });

      it('refuses to disable or de-admin the last active admin (409) and changes nothing', async () => {
        const lone = await createTestApp(dialect);
        try {
          const id = await lone.user({ username: 'only-admin', roles: ['admin'] });
          const s = await lone.login('only-admin');
          for (const payload of [{ active: false }, { roles: ['member'] }]) {
            const res = await lone.request({ method: 'PATCH', url: `/api/v1/users/${id}`, as: s, payload });
            expect(res.statusCode).toBe(409);
            expect(res.json().error.code).toBe('conflict');
          }
          const row = await lone.database.db.selectFrom('users').select('active').where('id', '=', id).executeTakeFirst();
          expect(row?.active).toBe(1);
          const roles = await lone.database.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute();
          expect(roles).toEqual([{ role: 'admin' }]);
          // With a second admin the first may step down.
          await lone.user({ username: 'second-admin', roles: ['admin'] });
          const ok = await lone.request({ method: 'PATCH', url: `/api/v1/users/${id}`, as: s, payload: { roles: [] } });
          expect(ok.statusCode).toBe(200);
          expect(ok.json().roles).toEqual(['member']);
        } finally {
          await lone.close();
        }
      });

      it('keeps one active admin when two admins are demoted at the same moment', async () => {
        for (let round = 0; round < 3; round++) {
          const race = await createTestApp(dialect);
          try {
            const a = await race.user({ username: 'admin-a', roles: ['admin'] });
            const b = await race.user({ username: 'admin-b', roles: ['admin'] });
            const [sa, sb] = [await race.login('admin-a'), await race.login('admin-b')];
            const results = await Promise.all([
              race.request({ method: 'PATCH', url: `/api/v1/users/${b}`, as: sa, payload: { active: false } }),
              race.request({ method: 'PATCH', url: `/api/v1/users/${a}`, as: sb, payload: { roles: [] } }),
            ]);
            expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
            const admins = await race.database.db
              .selectFrom('user_roles as r')
              .innerJoin('users as u', 'u.id', 'r.user_id')
              .select('u.id')
              .where('r.role', '=', 'admin')
              .where('u.active', '=', 1)
              .execute();
            expect(admins).toHaveLength(1);
          } finally {
            await race.close();
          }
        }
      });

      it('refuses a username taken by another user (409), an unknown id (404) and a non-admin (403)', async () => {
        const id = (await create(base('qian'))).json().id;
        expect((await patch(id, { username: 'MEMBER' })).statusCode).toBe(409);
        expect((await patch(id, { username: 'QIAN' })).statusCode).toBe(200);
        const missing = await patch('no-such-user', { displayName: 'x' });
        expect(missing.statusCode).toBe(404);
        expect(missing.json().error.code).toBe('not_found');
        expect((await patch(id, { displayName: '钱' }, member)).statusCode).toBe(403);
        expect((await userRow('qian'))?.display_name).toBe('qian');
      });
    });

    describe('GET /api/v1/users/:id', () => {
      it('shows the email only to admins and the user themself', async () => {
        const id = (await create({ ...base('mail'), email: 'mail@example.cn' })).json().id;
        await t.user({ username: 'peer', departmentId: deptId });
        const asAdmin = await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: admin });
        expect(asAdmin.json().email).toBe('mail@example.cn');
        const self = await t.login('mail', 'a good password');
        expect((await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: self })).json().email).toBe('mail@example.cn');
        const peer = await t.login('peer');
        const asPeer = await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: peer });
        expect(asPeer.statusCode).toBe(200);
        expect(asPeer.json().email).toBeNull();
        expect(asPeer.body).not.toContain('mail@example.cn');
      });

      it('answers an unknown id with 404, and a disabled user with 404 to non-admins', async () => {
        const missing = await t.request({ method: 'GET', url: '/api/v1/users/no-such-user', as: member });
        expect(missing.statusCode).toBe(404);
        expect(missing.json()).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
        const id = (await create(base('gone'))).json().id;
        await patch(id, { active: false });
        expect((await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: member })).statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url: `/api/v1/users/${id}`, as: admin })).json().active).toBe(false);
      });
    });
  });
}
