import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { multipartBody } from '../../../test/multipart';
import { XLSX_TYPE } from './users.routes';

const LONG = '长'.repeat(101);

async function xlsx(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('用户');
  for (const r of rows) sheet.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

for (const dialect of DIALECTS) {
  describe(`POST /api/v1/users/import on ${dialect}`, () => {
    let t: TestApp;
    let cityId: string;
    let admin: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      cityId = await t.department('市局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: cityId });
      await t.user({ username: 'member', departmentId: cityId });
      admin = await t.login('admin');
    });
    afterAll(() => t.close());

    const importCsv = (csv: string, as: Session = admin) =>
      t.request({ method: 'POST', url: '/api/v1/users/import', as, headers: { 'content-type': 'text/csv' }, payload: csv });
    const user = (username: string) =>
      t.database.db.selectFrom('users').selectAll().where('username_key', '=', username.toLowerCase()).executeTakeFirst();
    const rolesOf = async (id: string) =>
      (await t.database.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute()).map((r) => r.role).sort();
    const departmentsNamed = (name: string) =>
      t.database.db.selectFrom('departments').selectAll().where('name', '=', name).execute();

    it('writes every good line and reports each bad one by its file line, leaving nothing behind for it', async () => {
      const csv = [
        'username,displayName,department,title,email,roles',
        'zhang,张三,市局/办公室,科员,zhang@example.cn,',
        'li,李四,市局/办公室,,,head|分管领导',
        'badrole,坏角色,市局/坏角色科,,,boss',
        'nodisplay,,市局/无名科,,,',
        'bademail,邮箱错,市局/邮箱科,,not-an-email,',
        'ZHANG,张三又来,市局/重复科,,,',
        `toolong,太长,市局/${LONG},,,`,
        '',
        '"wang","王""五""",市局/税政科,"科长,副",,',
      ].join('\n');
      const res = await importCsv(csv);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ created: 3, updated: 0 });
      expect(body.errors.map((e: { line: number }) => e.line)).toEqual([4, 5, 6, 7, 8]);
      const message = (line: number) => body.errors.find((e: { line: number }) => e.line === line)?.message;
      expect(message(4)).toMatch(/roles/);
      expect(message(5)).toMatch(/displayName/);
      expect(message(6)).toMatch(/email/);
      expect(message(7)).toMatch(/line 2/);
      expect(message(8)).toMatch(/department/);

      const zhang = await user('zhang');
      expect(zhang).toMatchObject({ display_name: '张三', title: '科员', email: 'zhang@example.cn', password_hash: null });
      const [office] = await departmentsNamed('办公室');
      expect(office?.parent_id).toBe(cityId);
      expect(zhang?.department_id).toBe(office?.id);
      expect(await rolesOf((await user('li'))?.id as string)).toEqual(['head', 'leader']);
      expect(await user('wang')).toMatchObject({ display_name: '王"五"', title: '科长,副' });
      for (const name of ['badrole', 'nodisplay', 'bademail', 'toolong']) expect(await user(name)).toBeUndefined();
      for (const name of ['坏角色科', '无名科', '邮箱科', '重复科', LONG]) expect(await departmentsNamed(name)).toEqual([]);
      expect(await departmentsNamed('市局')).toHaveLength(1);
    });

    it('updates users already there on a re-import and reuses departments by path', async () => {
      const csv =
        'username,displayName,department,title,email,roles\nzhang,张三,市局/办公室,副科长,,leader\nzhao,赵六,市局/办公室,,,';
      const res = await importCsv(csv);
      expect(res.json()).toEqual({ created: 1, updated: 1, errors: [] });
      const zhang = await user('zhang');
      expect(zhang).toMatchObject({ title: '副科长', email: null });
      expect(await rolesOf(zhang?.id as string)).toEqual(['leader']);
      expect(await departmentsNamed('办公室')).toHaveLength(1);
      expect((await user('zhao'))?.department_id).toBe(zhang?.department_id);
    });

    it('accepts Chinese headers and role names, a BOM and CRLF line ends', async () => {
      const csv = '\ufeff用户名,姓名,部门,职务,邮箱,角色\r\nchen,陈七,县局/征管科,科员,chen@example.cn,科室负责人|审计员\r\n';
      const res = await importCsv(csv);
      expect(res.json()).toEqual({ created: 1, updated: 0, errors: [] });
      const chen = await user('chen');
      expect(chen).toMatchObject({ display_name: '陈七', email: 'chen@example.cn' });
      expect(await rolesOf(chen?.id as string)).toEqual(['auditor', 'head']);
      const [county] = await departmentsNamed('县局');
      expect(county?.parent_id).toBeNull();
      expect((await departmentsNamed('征管科'))[0]?.parent_id).toBe(county?.id);
    });

    it('skips lines of empty cells that spreadsheets export, counting them for line numbers', async () => {
      const res = await importCsv('username,displayName,department\n,,\nsong,宋八,市局\n,,\nbad user,坏,市局');
      expect(res.json()).toEqual({ created: 1, updated: 0, errors: [{ line: 5, message: expect.stringMatching(/username/) }] });
    });

    it('sets an initial password from the password column', async () => {
      const res = await importCsv('username,displayName,department,password\nfeng,冯九,市局,initial pass 1\nhan,韩十,市局,short');
      expect(res.json()).toMatchObject({ created: 1, errors: [{ line: 3 }] });
      await t.login('feng', 'initial pass 1');
      expect(await user('han')).toBeUndefined();
    });

    it('imports an .xlsx workbook sent as a multipart upload in the field "file"', async () => {
      const data = await xlsx([
        ['用户名', '姓名', '部门', '职务', '邮箱', '角色'],
        ['xl1', '表一', '市局/表格科', '', '', 'assessor'],
        ['xl2', '表二', '市局/表格科', '', 'broken-email', ''],
        [1001, '数字账号', '市局/表格科', '', '', ''],
      ]);
      const { payload, contentType } = multipartBody([{ field: 'file', filename: '用户.xlsx', contentType: XLSX_TYPE, data }]);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users/import',
        as: admin,
        headers: { 'content-type': contentType },
        payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ created: 2, updated: 0, errors: [{ line: 3, message: expect.stringMatching(/email/) }] });
      expect(await rolesOf((await user('xl1'))?.id as string)).toEqual(['assessor']);
      expect((await user('1001'))?.display_name).toBe('数字账号');
      expect(await user('xl2')).toBeUndefined();
    });

    it('imports an .xlsx workbook sent as the raw body', async () => {
      const data = await xlsx([
        ['username', 'displayName', 'department'],
        ['rawxl', '原始', '市局/表格科'],
      ]);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users/import',
        as: admin,
        headers: { 'content-type': XLSX_TYPE },
        payload: data,
      });
      expect(res.json()).toEqual({ created: 1, updated: 0, errors: [] });
      expect(await departmentsNamed('表格科')).toHaveLength(1);
    });

    it('imports a CSV file sent as a multipart upload', async () => {
      const data = Buffer.from('username,displayName,department\ncsvup,上传,市局');
      const { payload, contentType } = multipartBody([{ field: 'file', filename: 'users.csv', contentType: 'text/csv', data }]);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/users/import',
        as: admin,
        headers: { 'content-type': contentType },
        payload,
      });
      expect(res.json()).toEqual({ created: 1, updated: 0, errors: [] });
    });

    it('refuses a corrupt .xlsx with 400, raw or uploaded', async () => {
      const junk = Buffer.from('PK\u0003\u0004 this is not a workbook');
      const raw = await t.request({
        method: 'POST',
        url: '/api/v1/users/import',
        as: admin,
        headers: { 'content-type': XLSX_TYPE },
        payload: junk,
      });
      expect(raw.statusCode).toBe(400);
      expect(raw.json()).toEqual({ error: { code: 'invalid_input', message: expect.any(String) } });
      const { payload, contentType } = multipartBody([{ field: 'file', filename: 'x.xlsx', contentType: XLSX_TYPE, data: junk }]);
      const up = await t.request({
        method: 'POST',
        url: '/api/v1/users/import',
        as: admin,
        headers: { 'content-type': contentType },
        payload,
      });
      expect(up.statusCode).toBe(400);
      expect(up.json().error.code).toBe('invalid_input');
    });

    it('refuses a file without a required header column with 400, writing nothing', async () => {
      const res = await importCsv('username,title\nnodept,科员');
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({
        code: 'invalid_input',
        details: [{ path: 'header', line: 1, message: expect.stringMatching(/displayName, department/) }],
      });
      expect(await user('nodept')).toBeUndefined();
      expect((await importCsv('')).statusCode).toBe(400);
    });

    it('refuses a body that is neither CSV nor a workbook with 415', async () => {
      const res = await t.request({ method: 'POST', url: '/api/v1/users/import', as: admin, payload: { username: 'json' } });
      expect(res.statusCode).toBe(415);
      expect(res.json().error.code).toBe('unsupported_media_type');
    });

    it('is refused to a non-admin with 403 and the file is not processed', async () => {
      const member = await t.login('member');
      const res = await importCsv('username,displayName,department\nintruder,入侵者,市局/入侵科', member);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
      expect(await user('intruder')).toBeUndefined();
      expect(await departmentsNamed('入侵科')).toEqual([]);
      const audits = await t.database.db.selectFrom('audit_log').select('action').where('actor_id', '=', member.userId).execute();
      expect(audits.map((a) => a.action)).toEqual(['auth.login']);
    });

    it('never takes admin away from the last active admin', async () => {
      const lone = await createTestApp(dialect);
      try {
        const id = await lone.user({ username: 'boss', roles: ['admin'], departmentId: await lone.department('市局') });
        const s = await lone.login('boss');
        const res = await lone.request({
          method: 'POST',
          url: '/api/v1/users/import',
          as: s,
          headers: { 'content-type': 'text/csv' },
          payload: 'username,displayName,department,roles\nboss,老板,市局,member\nok,好,市局,',
        });
        expect(res.json()).toMatchObject({ created: 1, updated: 0, errors: [{ line: 2 }] });
        const roles = await lone.database.db.selectFrom('user_roles').select('role').where('user_id', '=', id).execute();
        expect(roles).toEqual([{ role: 'admin' }]);
      } finally {
        await lone.close();
      }
    });

    it('audits each import as users.imported with its counts', async () => {
      const res = await importCsv('username,displayName,department\naudited,审计过,市局\n,缺用户名,市局');
      expect(res.json()).toMatchObject({ created: 1, updated: 0 });
      const rows = await t.database.db
        .selectFrom('audit_log')
        .selectAll()
        .where('action', '=', 'users.imported')
        .orderBy('at', 'desc')
        .orderBy('id', 'desc')
        .execute();
      expect(rows[0]?.actor_id).toBe(admin.userId);
      expect(JSON.parse(rows[0]?.data ?? '{}')).toEqual({ created: 1, updated: 0, errors: 1 });
      const created = await t.database.db.selectFrom('audit_log').select('data').where('action', '=', 'user.created').execute();
      expect(created.some((c) => JSON.parse(c.data ?? '{}').username === 'audited')).toBe(true);
    });
  });
}
