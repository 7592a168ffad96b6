import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';

interface Listed {
  id: string;
  username: string;
  email: string | null;
}

for (const dialect of DIALECTS) {
  describe(`GET /api/v1/users on ${dialect}`, () => {
    let t: TestApp;
    let city: string;
    let office: string;
    let secretary: string;
    let county: string;
    let admin: Session;
    let member: Session;
    beforeAll(async () => {
      t = await createTestApp(dialect);
      city = await t.department('市局');
      office = await t.department('办公室', city);
      secretary = await t.department('文秘科', office);
      county = await t.department('县局');
      await t.user({ username: 'admin', roles: ['admin'], departmentId: city, sortOrder: 0 });
      await t.user({ username: 'zhang_san', displayName: '张三', departmentId: office, sortOrder: 1 });
      await t.user({ username: 'li_si', displayName: '李四', departmentId: secretary, sortOrder: 2 });
      await t.user({ username: 'lisa', displayName: 'Lisa Wang', departmentId: county, sortOrder: 3 });
      await t.user({ username: 'wang.wu', displayName: '王五', departmentId: county, sortOrder: 4 });
      await t.user({ username: 'zhang.sanfeng', displayName: '张三丰', departmentId: county, sortOrder: 5 });
      await t.database.db.updateTable('users').set({ email: 'li@example.cn' }).where('username', '=', 'li_si').execute();
      admin = await t.login('admin');
      member = await t.login('wang.wu');
    });
    afterAll(() => t.close());

    const list = async (query: string, as: Session = member) => {
      const res = await t.request({ method: 'GET', url: `/api/v1/users?${query}`, as });
      expect(res.statusCode).toBe(200);
      return res.json() as { items: Listed[]; nextCursor: string | null };
    };
    const names = (page: { items: Listed[] }) => page.items.map((u) => u.username);

    it('lists every active user in order, with no next page when it fits', async () => {
      const page = await list('');
      expect(names(page)).toEqual(['admin', 'zhang_san', 'li_si', 'lisa', 'wang.wu', 'zhang.sanfeng']);
      expect(page.nextCursor).toBeNull();
    });

    it('filters by department, and by its subtree with includeSubdepartments=true', async () => {
      expect(names(await list(`departmentId=${city}`))).toEqual(['admin']);
      expect(names(await list(`departmentId=${office}&includeSubdepartments=true`))).toEqual(['zhang_san', 'li_si']);
      expect(names(await list(`departmentId=${city}&includeSubdepartments=true`))).toEqual(['admin', 'zhang_san', 'li_si']);
      expect(names(await list(`departmentId=${office}&includeSubdepartments=false`))).toEqual(['zhang_san']);
      expect(names(await list('departmentId=no-such-dept&includeSubdepartments=true'))).toEqual([]);
    });

    it('searches a Chinese display name by part', async () => {
      expect(names(await list(`q=${encodeURIComponent('张三')}`))).toEqual(['zhang_san', 'zhang.sanfeng']);
      expect(names(await list(`q=${encodeURIComponent('三丰')}`))).toEqual(['zhang.sanfeng']);
      expect(names(await list(`q=${encodeURIComponent('李')}&departmentId=${county}`))).toEqual([]);
    });

    it('searches a username and a Latin display name case-insensitively', async () => {
      expect(names(await list('q=WANG'))).toEqual(['lisa', 'wang.wu']);
      expect(names(await list('q=sanfeng'))).toEqual(['zhang.sanfeng']);
    });

    it('matches _ and % in a search literally, not as wildcards', async () => {
      expect(names(await list('q=li_si'))).toEqual(['li_si']);
      expect(names(await list('q=g_s'))).toEqual(['zhang_san']);
      expect(names(await list('q=%25'))).toEqual([]);
      expect(names(await list('q=li%25a'))).toEqual([]);
    });

    it('pages with limit and nextCursor until the list ends, without repeats', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...names(page));
        cursor = page.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(seen).toEqual(['admin', 'zhang_san', 'li_si', 'lisa', 'wang.wu', 'zhang.sanfeng']);
    });

    it('refuses a bad cursor or limit with 400', async () => {
      const cursor = await t.request({ method: 'GET', url: '/api/v1/users?cursor=abc', as: member });
      expect(cursor.statusCode).toBe(400);
      expect(cursor.json().error).toMatchObject({ code: 'invalid_input', details: [{ path: 'cursor' }] });
      const limit = await t.request({ method: 'GET', url: '/api/v1/users?limit=0', as: member });
      expect(limit.statusCode).toBe(400);
      expect(limit.json().error.details[0].path).toBe('querystring.limit');
    });

    it('shows email addresses to admins only (and each user their own)', async () => {
      const asMember = await list('q=li_si');
      expect(asMember.items[0]?.email).toBeNull();
      const asAdmin = await list('q=li_si', admin);
      expect(asAdmin.items[0]?.email).toBe('li@example.cn');
      const self = await t.login('li_si');
      expect((await list('q=li_si', self)).items[0]?.email).toBe('li@example.cn');
    });

    it('lists disabled users only to admins asking for them', async () => {
      const id = await t.user({ username: 'retired', departmentId: county, sortOrder: 9 });
      await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', id).execute();
      expect(names(await list('q=retired'))).toEqual([]);
      expect(names(await list('q=retired&includeInactive=true'))).toEqual([]);
      expect(names(await list('q=retired&includeInactive=true', admin))).toEqual(['retired']);
      expect(names(await list('q=retired', admin))).toEqual([]);
    });

    it('needs a signed-in user (401)', async () => {
      const res = await t.request({ method: 'GET', url: '/api/v1/users' });
      expect(res.statusCode).toBe(401);
    });
  });
}
