import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, PASSWORD, type TestApp } from '../../../test/helpers';
import { THROTTLE } from './auth.service';

for (const dialect of DIALECTS) {
  describe(`auth on ${dialect}`, () => {
    let t: TestApp;
    let deptId: string;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      deptId = await t.department('市局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: deptId });
      await t.user({ username: 'zhang', departmentId: deptId, displayName: '张三' });
    });
    afterAll(() => t.close());

    describe('GET /api/v1/health', () => {
      it('answers without auth and names the database', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/health' });
        expect(res.statusCode).toBe(200);
        expect(res.json()).toMatchObject({ status: 'ok', database: dialect });
      });
    });

    describe('POST /api/v1/auth/login', () => {
      it('signs in with a session cookie that is HttpOnly and SameSite=Lax, and stores only a hash', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'ZHANG', password: PASSWORD },
        });
        expect(res.statusCode).toBe(200);
        const body = res.json();
        expect(body.user).toMatchObject({ username: 'zhang', displayName: '张三', roles: ['member'], departmentId: deptId });
        expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
        const cookie = res.cookies.find((c) => c.name === 'zb_session');
        expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
        expect(cookie?.secure).toBeFalsy();
        const stored = await t.database.db.selectFrom('sessions').select('id_hash').execute();
        expect(stored.map((s) => s.id_hash)).not.toContain(cookie?.value);
        expect(stored.length).toBeGreaterThan(0);
      });

      it('sets a Secure cookie when served over HTTPS behind a trusted proxy', async () => {
        const proxied = await createTestApp(dialect, { trustProxy: true });
        try {
          await proxied.user({ username: 'https-user' });
          const res = await proxied.request({
            method: 'POST',
            url: '/api/v1/auth/login',
            headers: { 'x-forwarded-proto': 'https' },
            payload: { username: 'https-user', password: PASSWORD },
          });
          expect(res.statusCode).toBe(200);
          expect(res.cookies.find((c) => c.name === 'zb_session')?.secure).toBe(true);
        } finally {
          await proxied.close();
        }
      });

      it('refuses wrong credentials with 401 and audits the failure', async () => {
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'zhang', password: 'wrong-password' },
        });
        expect(res.statusCode).toBe(401);
        expect(res.json()).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
        const failures = await t.database.db
          .selectFrom('audit_log')
          .selectAll()
          .where('action', '=', 'auth.login_failed')
          .execute();
        expect(failures.some((f) => JSON.parse(f.data ?? '{}').reason === 'wrong_password')).toBe(true);
      });

      it('throttles an account after repeated failures with 429 and Retry-After, even for the right password', async () => {
        await t.user({ username: 'li' });
        for (let i = 0; i < THROTTLE.perAccount; i++) {
          const res = await t.request({
            method: 'POST',
            url: '/api/v1/auth/login',
            payload: { username: 'li', password: 'nope-nope' },
          });
          expect(res.statusCode).toBe(401);
        }
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'li', password: PASSWORD },
        });
        expect(res.statusCode).toBe(429);
        expect(res.json().error.code).toBe('rate_limited');
        const retryAfter = Number(res.headers['retry-after']);
        expect(retryAfter).toBeGreaterThan(0);
        expect(retryAfter).toBeLessThanOrEqual(THROTTLE.windowMs / 1000);
        // Another account from another address is not affected.
        const other = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.9.9.9',
          payload: { username: 'zhang', password: PASSWORD },
        });
        expect(other.statusCode).toBe(200);
      });

      it('throttles an address that tries many accounts', async () => {
        for (let i = 0; i < THROTTLE.perAddress; i++) {
          await t.request({
            method: 'POST',
            url: '/api/v1/auth/login',
            remoteAddress: '10.1.1.1',
            payload: { username: `ghost${i}`, password: 'whatever1' },
          });
        }
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress: '10.1.1.1',
          payload: { username: 'zhang', password: PASSWORD },
        });
        expect(res.statusCode).toBe(429);
        expect(res.headers['retry-after']).toBeDefined();
      });

      it('answers bad input with 400 invalid_input and field details', async () => {
        const res = await t.request({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 42 } });
        expect(res.statusCode).toBe(400);
        const { error } = res.json();
        expect(error.code).toBe('invalid_input');
        expect(error.details.map((d: { path: string }) => d.path)).toEqual(
          expect.arrayContaining(['body.username', 'body.password']),
        );
      });
    });

    describe('sessions, /me and CSRF', () => {
      it('returns the user and CSRF token for the session, and 401 without one', async () => {
        const s = await t.login('zhang');
        const me = await t.request({ method: 'GET', url: '/api/v1/me', as: s });
        expect(me.statusCode).toBe(200);
        expect(me.json()).toMatchObject({ user: { username: 'zhang', supervises: [] }, csrfToken: s.csrfToken });
        const anonymous = await t.request({ method: 'GET', url: '/api/v1/me' });
        expect(anonymous.statusCode).toBe(401);
        expect(anonymous.json().error.code).toBe('unauthenticated');
      });

      it('refuses an unsafe cookie request without the CSRF token (403 csrf_failed) and changes nothing', async () => {
        const s = await t.login('zhang');
        const res = await t.request({ method: 'PATCH', url: '/api/v1/me', as: s, csrf: false, payload: { locale: 'en' } });
        expect(res.statusCode).toBe(403);
        expect(res.json().error.code).toBe('csrf_failed');
        const wrong = await t.request({
          method: 'PATCH',
          url: '/api/v1/me',
          as: { ...s, csrfToken: 'x'.repeat(43) },
          payload: { locale: 'en' },
        });
        expect(wrong.json().error.code).toBe('csrf_failed');
        const row = await t.database.db.selectFrom('users').select('locale').where('id', '=', s.userId).executeTakeFirstOrThrow();
        expect(row.locale).toBeNull();
        const ok = await t.request({ method: 'PATCH', url: '/api/v1/me', as: s, payload: { locale: 'en' } });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().user.locale).toBe('en');
      });

      it('ends a session on logout', async () => {
        const s = await t.login('zhang');
        const out = await t.request({ method: 'POST', url: '/api/v1/auth/logout', as: s });
        expect(out.statusCode).toBe(204);
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: s })).statusCode).toBe(401);
        const audit = await t.database.db.selectFrom('audit_log').select('action').where('actor_id', '=', s.userId).execute();
        expect(audit.map((a) => a.action)).toContain('auth.logout');
      });

      it('expires a session after the idle timeout and after the absolute timeout', async () => {
        const idle = await t.login('zhang');
        const old = new Date(Date.now() - (t.config.sessionIdleMinutes + 1) * 60_000).toISOString();
        await t.database.db.updateTable('sessions').set({ last_seen_at: old }).where('user_id', '=', idle.userId).execute();
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: idle })).statusCode).toBe(401);

        const absolute = await t.login('zhang');
        await t.database.db
          .updateTable('sessions')
          .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
          .where('user_id', '=', absolute.userId)
          .execute();
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: absolute })).statusCode).toBe(401);
      });
    });

    describe('POST /api/v1/me/password', () => {
      it('changes the password, signs out other sessions and keeps this one', async () => {
        await t.user({ username: 'wang' });
        const here = await t.login('wang');
        const elsewhere = await t.login('wang');
        const wrong = await t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          as: here,
          payload: { currentPassword: 'not-it-at-all', newPassword: 'new password 2' },
        });
        expect(wrong.statusCode).toBe(400);
        expect(wrong.json().error.details[0].path).toBe('currentPassword');
        const short = await t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          as: here,
          payload: { currentPassword: PASSWORD, newPassword: 'short' },
        });
        expect(short.statusCode).toBe(400);
        const res = await t.request({
          method: 'POST',
          url: '/api/v1/me/password',
          as: here,
          payload: { currentPassword: PASSWORD, newPassword: 'new password 2' },
        });
        expect(res.statusCode).toBe(204);
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: here })).statusCode).toBe(200);
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: elsewhere })).statusCode).toBe(401);
        await expect(t.login('wang')).rejects.toThrow(/401/);
        await t.login('wang', 'new password 2');
      });
    });

    describe('API tokens', () => {
      it('creates a token shown once, stores only its hash, authenticates without CSRF, and revokes', async () => {
        const s = await t.login('zhang');
        const created = await t.request({ method: 'POST', url: '/api/v1/api-tokens', as: s, payload: { name: 'script' } });
        expect(created.statusCode).toBe(201);
        const { id, token, name } = created.json();
        expect(name).toBe('script');
        const rows = await t.database.db.selectFrom('api_tokens').select('token_hash').where('id', '=', id).execute();
        expect(rows[0]?.token_hash).not.toBe(token);
        const bearer = { authorization: `Bearer ${token}` };
        const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer });
        expect(me.json().user.username).toBe('zhang');
        const patch = await t.request({ method: 'PATCH', url: '/api/v1/me', headers: bearer, payload: { locale: 'zh-CN' } });
        expect(patch.statusCode).toBe(200);
        const list = await t.request({ method: 'GET', url: '/api/v1/api-tokens', as: s });
        expect(list.json().items).toEqual([expect.objectContaining({ id, name: 'script' })]);
        expect(JSON.stringify(list.json())).not.toContain(token);
        const del = await t.request({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, as: s });
        expect(del.statusCode).toBe(204);
        expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: bearer })).statusCode).toBe(401);
        expect((await t.request({ method: 'DELETE', url: `/api/v1/api-tokens/${id}`, as: s })).statusCode).toBe(404);
      });

      it('refuses an unknown token', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Bearer zb_unknown' } });
        expect(res.statusCode).toBe(401);
      });
    });

    describe('disabling a user', () => {
      it('revokes their sessions and tokens at once', async () => {
        const userId = await t.user({ username: 'zhao', departmentId: deptId });
        const s = await t.login('zhao');
        const { token } = (await t.request({ method: 'POST', url: '/api/v1/api-tokens', as: s, payload: { name: 'x' } })).json();
        const admin = await t.login('admin');
        const res = await t.request({ method: 'PATCH', url: `/api/v1/users/${userId}`, as: admin, payload: { active: false } });
        expect(res.statusCode).toBe(200);
        expect(res.json().active).toBe(false);
        expect((await t.request({ method: 'GET', url: '/api/v1/me', as: s })).statusCode).toBe(401);
        expect(
          (await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } })).statusCode,
        ).toBe(401);
        await expect(t.login('zhao')).rejects.toThrow(/401/);
      });
    });
  });
}
