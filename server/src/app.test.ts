import Fastify from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../test/helpers';
import { multipartBody } from '../test/multipart';
import { errorHandler } from './lib/error-handler';
import { AppError } from './lib/errors';

/** Words of SQLite and PostgreSQL error messages that must never reach a client. */
const DB_WORDS = /constraint|duplicate key|sqlite|relation|no such table|violates|username_key|sibling_name|select |insert /i;

for (const dialect of DIALECTS) {
  describe(`the API on ${dialect}`, () => {
    let t: TestApp;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect, { bodyLimit: 2048, importLimit: 4096 });
      await t.user({ username: 'admin', roles: ['admin'] });
      admin = await t.login('admin');
    });
    afterAll(() => t.close());

    const post = (url: string, payload: string | object | Buffer, headers: Record<string, string> = {}) =>
      t.request({ method: 'POST', url, as: admin, headers: { 'content-type': 'application/json', ...headers }, payload });

    describe('bad input', () => {
      it('answers broken JSON with 400 invalid_input', async () => {
        const res = await post('/api/v1/departments', '{"name": "办公室"');
        expect(res.statusCode).toBe(400);
        expect(res.json()).toEqual({ error: { code: 'invalid_input', message: 'The body is not valid JSON' } });
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
      });

      it('answers an empty JSON body, a JSON array and JSON null with 400 invalid_input', async () => {
        for (const payload of ['', '[]', 'null', '"text"']) {
          const res = await post('/api/v1/departments', payload);
          expect(res.statusCode).toBe(400);
          expect(res.json()).toMatchObject({ error: { code: 'invalid_input' } });
        }
      });

      it('refuses a __proto__ key with 400 rather than merging it', async () => {
        const res = await post('/api/v1/departments', '{"name":"原型科","__proto__":{"admin":true}}');
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('invalid_input');
      });

      it('answers JSON with wrong types with 400 and details naming every field', async () => {
        const res = await post('/api/v1/departments', { name: 5, parentId: 7, sortOrder: 'first' });
        expect(res.statusCode).toBe(400);
        const { error } = res.json();
        expect(error).toMatchObject({ code: 'invalid_input', message: expect.any(String) });
        expect(error.details.map((d: { path: string }) => d.path).sort()).toEqual([
          'body.name',
          'body.parentId',
          'body.sortOrder',
        ]);
        for (const d of error.details) expect(d.message).toEqual(expect.any(String));
      });

      it('answers an unsupported content type with 415', async () => {
        const res = await post('/api/v1/departments', 'name=x', { 'content-type': 'application/x-www-form-urlencoded' });
        expect(res.statusCode).toBe(415);
        expect(res.json()).toEqual({ error: { code: 'unsupported_media_type', message: expect.any(String) } });
      });
    });

    describe('body limits', () => {
      it('answers a JSON body over the limit with 413 too_large and writes nothing', async () => {
        const res = await post('/api/v1/departments', { name: '大'.repeat(1000) });
        expect(res.statusCode).toBe(413);
        expect(res.json()).toEqual({ error: { code: 'too_large', message: expect.any(String) } });
        expect(await t.database.db.selectFrom('departments').select('id').execute()).toEqual([]);
      });

      it('allows imports up to the import limit, and answers 413 above it, raw or uploaded', async () => {
        const header = 'username,displayName,department\n';
        const ok = await post('/api/v1/users/import', `${header}${'x,'.repeat(1200)}`, { 'content-type': 'text/csv' });
        expect(ok.statusCode).toBe(200);
        const big = await post('/api/v1/users/import', `${header}${'x'.repeat(5000)}`, { 'content-type': 'text/csv' });
        expect(big.statusCode).toBe(413);
        expect(big.json().error.code).toBe('too_large');
        const file = {
          field: 'file',
          filename: 'users.csv',
          contentType: 'text/csv',
          data: Buffer.from(`${header}${'x'.repeat(5000)}`),
        };
        const { payload, contentType } = multipartBody([file]);
        const up = await post('/api/v1/users/import', payload, { 'content-type': contentType });
        expect(up.statusCode).toBe(413);
        expect(up.json().error.code).toBe('too_large');
      });
    });

    describe('not found', () => {
      it('answers an unknown API route with 404 not_found, with or without a session', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/no-such-thing?x=1', as: admin });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: 'No route for GET /api/v1/no-such-thing' } });
        const del = await t.request({ method: 'DELETE', url: '/api/v1/users', as: admin });
        expect(del.statusCode).toBe(404);
        expect((await t.request({ method: 'GET', url: '/api/v1/no-such-thing' })).statusCode).toBe(404);
        // A known route still asks for a session first.
        expect((await t.request({ method: 'GET', url: '/api/v1/users' })).statusCode).toBe(401);
      });

      it('answers an unknown user id with 404 not_found', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/users/0000000000000000', as: admin });
        expect(res.statusCode).toBe(404);
        expect(res.json()).toEqual({ error: { code: 'not_found', message: 'User not found' } });
      });
    });

    describe('database errors', () => {
      it('turns a unique violation from racing requests into 409 conflict without the database message', async () => {
        const results = await Promise.all(Array.from({ length: 8 }, () => post('/api/v1/departments', { name: '并发科' })));
        const statuses = results.map((r) => r.statusCode).sort();
        expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
        for (const r of results.filter((x) => x.statusCode === 409)) {
          expect(r.json()).toMatchObject({ error: { code: 'conflict' } });
          expect(r.body).not.toMatch(DB_WORDS);
        }
        const rows = await t.database.db.selectFrom('departments').select('id').where('name', '=', '并发科').execute();
        expect(rows).toHaveLength(1);
      });

      it('answers a failing query with 500 and a generic message only', async () => {
        const broken = await createTestApp(dialect);
        try {
          await broken.user({ username: 'root', roles: ['admin'] });
          const s = await broken.login('root');
          await sql`alter table departments rename to departments_moved`.execute(broken.database.db);
          const res = await broken.request({ method: 'GET', url: '/api/v1/departments', as: s });
          expect(res.statusCode).toBe(500);
          expect(res.json()).toEqual({
            error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' },
          });
          expect(res.body).not.toMatch(DB_WORDS);
          expect(res.headers['x-request-id']).toEqual(expect.any(String));
        } finally {
          await broken.close();
        }
      });
    });

    describe('headers', () => {
      it('sends security headers with a strict script policy', async () => {
        for (const url of ['/api/v1/health', '/api/v1/no-such-thing']) {
          const res = await t.request({ method: 'GET', url });
          const csp = String(res.headers['content-security-policy']);
          expect(csp).toContain("script-src 'self'");
          expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
          expect(csp).toContain("frame-ancestors 'none'");
          expect(res.headers['x-content-type-options']).toBe('nosniff');
          expect(res.headers['x-frame-options']).toMatch(/^(DENY|SAMEORIGIN)$/);
          expect(res.headers['referrer-policy']).toBe('no-referrer');
        }
      });

      it('gives every response an x-request-id, success or error, and never caches API answers', async () => {
        const responses = await Promise.all([
          t.request({ method: 'GET', url: '/api/v1/health' }),
          t.request({ method: 'GET', url: '/api/v1/me' }),
          t.request({ method: 'GET', url: '/api/v1/no-such-thing', as: admin }),
          post('/api/v1/departments', '{'),
          t.request({ method: 'GET', url: '/elsewhere' }),
        ]);
        expect(responses.map((r) => r.statusCode)).toEqual([200, 401, 404, 400, 404]);
        const ids = responses.map((r) => r.headers['x-request-id']);
        for (const id of ids) expect(id).toMatch(/^[0-9a-f]{32}$/);
        expect(new Set(ids).size).toBe(ids.length);
        for (const r of responses.slice(0, 4)) expect(r.headers['cache-control']).toBe('no-store');
      });
    });

    describe('OpenAPI and docs', () => {
      it('serves an OpenAPI 3 document without sign-in, listing the routes', async () => {
        const res = await t.request({ method: 'GET', url: '/api/v1/openapi.json' });
        expect(res.statusCode).toBe(200);
        const doc = res.json();
        expect(doc.openapi).toMatch(/^3\./);
        expect(Object.keys(doc.paths)).toEqual(
          expect.arrayContaining(['/api/v1/auth/login', '/api/v1/users/import', '/api/v1/departments/{id}', '/api/v1/audit']),
        );
        expect(Object.keys(doc.paths['/api/v1/departments/{id}'])).toEqual(expect.arrayContaining(['patch', 'delete']));
        expect(doc.paths['/api/v1/auth/login'].post.requestBody).toBeDefined();
      });

      it('serves the Swagger UI page without sign-in', async () => {
        let res = await t.request({ method: 'GET', url: '/api/v1/docs' });
        for (let hops = 0; hops < 3 && res.statusCode >= 300 && res.statusCode < 400; hops++) {
          res = await t.request({ method: 'GET', url: String(res.headers.location) });
        }
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toMatch(/^text\/html/);
        expect(res.body).toContain('Swagger UI');
      });
    });
  });
}

describe('errorHandler', () => {
  /** Answers a request whose handler throws the given error, through the app's error handler. */
  async function answer(err: unknown) {
    const app = Fastify({ logger: false });
    app.setErrorHandler(errorHandler);
    app.get('/boom', async () => {
      throw err;
    });
    try {
      return await app.inject({ method: 'GET', url: '/boom' });
    } finally {
      await app.close();
    }
  }
  const dbError = (code: string, message: string) => Object.assign(new Error(message), { code });

  it('answers a unique violation on either dialect with 409 conflict and none of the database message', async () => {
    for (const err of [
      dbError('SQLITE_CONSTRAINT_UNIQUE', 'UNIQUE constraint failed: users.username_key'),
      dbError('SQLITE_CONSTRAINT_PRIMARYKEY', 'UNIQUE constraint failed: users.id'),
      dbError('23505', 'duplicate key value violates unique constraint "users_username_key_key"'),
    ]) {
      const res = await answer(err);
      expect(res.statusCode).toBe(409);
      expect(res.json()).toEqual({ error: { code: 'conflict', message: 'A record with these values already exists' } });
      expect(res.body).not.toMatch(DB_WORDS);
    }
  });

  it('answers a foreign key violation with 409 conflict and none of the database message', async () => {
    for (const code of ['SQLITE_CONSTRAINT_FOREIGNKEY', '23503']) {
      const res = await answer(
        dbError(code, 'insert or update on table "users" violates foreign key constraint "users_department_id_fkey"'),
      );
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('conflict');
      expect(res.body).not.toMatch(DB_WORDS);
    }
  });

  it('answers any other error with 500 and a generic message', async () => {
    for (const err of [
      new Error('connect ECONNREFUSED postgres://zb:secret@db:5432'),
      dbError('42P01', 'relation "departments" does not exist'),
      Object.assign(new Error('upstream said no: secret'), { statusCode: 502 }),
      'a thrown string',
    ]) {
      const res = await answer(err);
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({
        error: { code: 'internal', message: 'Something went wrong on the server; it has been logged' },
      });
      expect(res.body).not.toMatch(/secret|relation|ECONNREFUSED|thrown/);
    }
  });

  it('passes an AppError through with its code, details and headers, and hides a library 4xx message', async () => {
    const app = await answer(new AppError('rate_limited', 'Slow down', { retry: 3 }, { 'retry-after': '3' }));
    expect(app.statusCode).toBe(429);
    expect(app.headers['retry-after']).toBe('3');
    expect(app.json()).toEqual({ error: { code: 'rate_limited', message: 'Slow down', details: { retry: 3 } } });
    const lib = await answer(Object.assign(new Error('internal parser state 0x1f'), { statusCode: 400 }));
    expect(lib.statusCode).toBe(400);
    expect(lib.json()).toEqual({ error: { code: 'invalid_input', message: 'Bad request' } });
  });
});
