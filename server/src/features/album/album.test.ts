import type { TAlbum } from '@zhoubao/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, currentWeek, item, type ReportOrg, saveReport, submitReport } from '../../../test/report-factories';
import { dispositionFilename, readDocx } from './docx-text';

const W10 = '2025-W10'; // 3–9 March 2025
const W11 = '2025-W11'; // 10–16 March
const W12 = '2025-W12'; // a draft only
const W14 = '2025-W14'; // 31 March – 6 April: its Thursday is in April
const RANGE = `from=${W10}&to=${W14}`;
const SECRET = '内部稽查线索SECRET';
const DRAFT = '尚未提交的草稿DRAFT';

for (const dialect of DIALECTS) {
  describe(`GET /users/:id/album (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let taxMember: Session;
    let authorId: string;

    const album = (as: Session | null, query = RANGE, id = authorId) =>
      t.request({ method: 'GET', url: `/api/v1/users/${id}/album?${query}`, as });
    const albumJson = async (as: Session, query = RANGE): Promise<TAlbum> => {
      const res = await album(as, query);
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const albumDocx = async (as: Session, query = RANGE) => {
      const res = await album(as, `${query}&format=docx`);
      expect(res.statusCode, res.body).toBe(200);
      return { res, doc: await readDocx(res.rawPayload) };
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      authorId = org.author.userId;
      await t.user({ username: 'taxmember', departmentId: org.tax, displayName: '郑税政' });
      await t.database.db.updateTable('users').set({ created_at: '2020-01-01T00:00:00.000Z' }).execute();
      taxMember = await t.login('taxmember');
      await t.database.db.updateTable('users').set({ title: '一级主任科员' }).where('id', '=', authorId).execute();
      const s = await t.request({
        method: 'PATCH',
        url: '/api/v1/settings',
        as: org.admin,
        payload: { orgName: '达州市税务局' },
      });
      expect(s.statusCode, s.body).toBe(200);

      const w10 = await submitReport(
        t,
        org.author,
        W10,
        [
          item('办理跨区迁移业务', { category: '纳税服务', outcome: '群众满意', tags: ['跨区办税', '省级采用'] }),
          item(SECRET, { visibility: 'restricted', category: '税务稽查' }),
          item('学习新修订的发票管理办法', { kind: 'study' }),
          item('筹备季度申报辅导', { kind: 'plan' }),
        ],
        '本周小结：窗口业务平稳',
      );
      await submitReport(t, org.author, W11, [item('整理档案资料')]);
      await submitReport(t, org.author, W14, [item('四月首周接待纳税人')]);
      expect((await saveReport(t, org.author, W12, [item(DRAFT)])).statusCode).toBe(200);
      // Past weeks are all submitted after their deadlines; make one on time.
      await t.database.db.updateTable('reports').set({ late: 0 }).where('id', '=', w10.id).execute();

      const comment = (as: Session, body: string) =>
        t.request({ method: 'POST', url: `/api/v1/reports/${w10.id}/comments`, as, payload: { body } });
      expect((await comment(org.head, '主任反馈：继续保持服务质量')).statusCode).toBe(201);
      expect((await comment(org.colleague, '同事评论：学习了')).statusCode).toBe(201);
      const g = await t.request({
        method: 'PUT',
        url: `/api/v1/reports/${w10.id}/grade`,
        as: org.head,
        payload: { grade: 'A', note: '工作扎实' },
      });
      expect(g.statusCode, g.body).toBe(204);
    });

    afterAll(async () => {
      await t.close();
    });

    it('gives the submitted weeks of the period by month, drafts left out, restricted items for the person', async () => {
      const a = await albumJson(org.author);
      expect(a.orgName).toBe('达州市税务局');
      expect(a.person).toMatchObject({ id: authorId, displayName: '王五', departmentName: '办公室', title: '一级主任科员' });
      expect([a.from, a.to]).toEqual([W10, W14]);
      expect(a.months.map((m) => [m.month, m.weeks.map((w) => w.week)])).toEqual([
        ['2025-03', [W10, W11]],
        ['2025-04', [W14]],
      ]);
      const w10 = a.months[0]?.weeks[0];
      expect(w10).toMatchObject({ start: '2025-03-03', end: '2025-03-09', status: 'on_time', summary: '本周小结：窗口业务平稳' });
      expect(w10?.items.map((i) => i.content)).toContain(SECRET);
      expect(w10?.items[0]).toMatchObject({ category: '纳税服务', outcome: '群众满意', tags: ['跨区办税', '省级采用'] });
      expect(w10?.feedback.map((f) => [f.authorName, f.kind, f.body])).toEqual([
        ['赵主任', 'feedback', '主任反馈：继续保持服务质量'],
        ['李四', 'comment', '同事评论：学习了'],
      ]);
      expect(w10?.grade).toMatchObject({ grade: 'A', note: '工作扎实', byName: '赵主任' });
      expect(a.months[0]?.weeks[1]?.status).toBe('late');
      expect(a.stats).toEqual({ weeks: 3, onTime: 1, late: 2, items: 6, feedback: 2 });
      expect(JSON.stringify(a)).not.toContain(DRAFT);
    });

    it('leaves out restricted items and grades for a colleague of another department, without a trace', async () => {
      const a = await albumJson(taxMember);
      const w10 = a.months[0]?.weeks[0];
      expect(w10?.items.map((i) => i.content)).toEqual(['办理跨区迁移业务', '学习新修订的发票管理办法', '筹备季度申报辅导']);
      expect(w10 && 'grade' in w10).toBe(false);
      expect(a.stats.items).toBe(5);
      const body = JSON.stringify(a);
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain('税务稽查');
      expect(body).not.toContain('redacted');
    });

    it('writes the Word document: cover, contents by month, weeks with items, feedback and grade', async () => {
      const { res, doc } = await albumDocx(org.head);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(res.headers['content-disposition']).toMatch(
        /^attachment; filename="album-2025-W10-2025-W14\.docx"; filename\*=UTF-8''/,
      );
      expect(dispositionFilename(res.headers['content-disposition'] as string)).toBe(`成长清单-王五-${W10}至${W14}.docx`);
      const p = doc.paragraphs;
      // The cover: organisation, title, person, department, job title and period.
      expect(p).toContain('达州市税务局');
      expect(p).toContain('成长清单');
      expect(p).toContain('姓名：王五');
      expect(p).toContain('部门：办公室');
      expect(p).toContain('职务：一级主任科员');
      expect(p).toContain('时段：2025年第10周至2025年第14周（2025年3月3日至2025年4月6日）');
      expect(p.some((l) => l.startsWith('生成日期：'))).toBe(true);
      // The contents list: each month with its week count, linked to the month's heading.
      expect(p).toContain('2025年3月\t2周');
      expect(p).toContain('2025年4月\t1周');
      const xml = await doc.xml('word/document.xml');
      expect(xml).toContain('w:anchor="m202503"');
      expect(xml).toContain('w:name="m202503"');
      expect(xml).toContain('<w:tab/>');
      // The weeks, their items by kind and what they received.
      expect(p).toContain('2025年第10周（3月3日—3月9日）');
      expect(p).toContain('2025年第14周（3月31日—4月6日）');
      expect(p.filter((l) => l === '2025年3月' || l === '2025年4月')).toHaveLength(2);
      expect(p.some((l) => l.startsWith('按时提交  提交时间 20'))).toBe(true);
      expect(p.some((l) => l.startsWith('迟交'))).toBe(true);
      expect(p).toEqual(expect.arrayContaining(['本周工作', '学习提升', '下周计划', '收到的评论与反馈']));
      expect(p).toContain('1. 【纳税服务】办理跨区迁移业务');
      expect(p).toContain('成果：群众满意');
      expect(p).toContain('标签：#跨区办税  #省级采用');
      expect(p).toContain(`2. 【税务稽查】${SECRET}（内部）`);
      expect(p).toContain('本周小结：本周小结：窗口业务平稳');
      // Feedback is dated when it was written (today), in the organisation's time zone.
      expect(p.some((l) => /^赵主任 · 领导反馈 · \d{4}年\d{1,2}月\d{1,2}日$/.test(l))).toBe(true);
      expect(p.some((l) => l.startsWith('李四 · 评论 · '))).toBe(true);
      expect(p).toContain('主任反馈：继续保持服务质量');
      expect(p).toContain('同事评论：学习了');
      expect(p).toContain('领导评等：A（赵主任），评语：工作扎实');
      expect(p).toContain('1. 四月首周接待纳税人');
      expect(doc.text).not.toContain(DRAFT);
      // Circular fonts are declared with their alternatives.
      expect(await doc.xml('word/fontTable.xml')).toContain('<w:altName w:val="宋体"/>');
    });

    it('leaves restricted text and grades out of the Word document for a colleague of another department', async () => {
      const { doc } = await albumDocx(taxMember);
      expect(doc.text).toContain('1. 【纳税服务】办理跨区迁移业务');
      expect(doc.text).toContain('主任反馈：继续保持服务质量');
      expect(doc.text).not.toContain(SECRET);
      expect(doc.text).not.toContain('税务稽查');
      expect(doc.text).not.toContain('（内部）');
      expect(doc.text).not.toContain('领导评等');
      for (const file of doc.files.filter((f) => f.endsWith('.xml'))) expect(await doc.xml(file)).not.toContain(SECRET);
    });

    it("writes the document in the requester's language", async () => {
      await t.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', org.leader.userId).execute();
      const { res, doc } = await albumDocx(org.leader);
      expect(dispositionFilename(res.headers['content-disposition'] as string)).toBe(`Growth-album-王五-${W10}-to-${W14}.docx`);
      expect(doc.paragraphs).toEqual(
        expect.arrayContaining(['Growth album', 'Name: 王五', 'March 2025\t2 weeks', 'April 2025\t1 week']),
      );
      expect(doc.paragraphs).toContain('Week 10, 2025 (3 Mar – 9 Mar)');
      expect(doc.paragraphs).toContain('Grade: A (赵主任), note: 工作扎实');
      expect(doc.paragraphs).toContain(`2. [税务稽查] ${SECRET} (internal)`);
      expect(doc.paragraphs).toContain('Outcome: 群众满意');
      expect(doc.text).toContain(SECRET); // a leader supervising 市局 oversees 办公室
      expect((await albumJson(org.leader)).locale).toBe('en');
    });

    it('writes an album without weeks as a document that says so', async () => {
      const { doc } = await albumDocx(org.author, 'from=2024-W01&to=2024-W10');
      expect(doc.paragraphs.filter((l) => l === '本时段内没有已提交的周报。').length).toBeGreaterThan(0);
    });

    it('defaults to the current year so far and validates the period', async () => {
      const now = currentWeek();
      const a = await albumJson(org.author, '');
      expect([a.from, a.to]).toEqual([`${now.slice(0, 4)}-W01`, now]);
      expect((await albumJson(org.author, `to=${W11}`)).from).toBe('2025-W01');

      const reversed = await album(org.author, `from=${W14}&to=${W10}`);
      expect(reversed.statusCode).toBe(400);
      expect(reversed.json().error.code).toBe('invalid_input');
      const long = await album(org.author, 'from=2021-W01&to=2024-W02');
      expect(long.statusCode).toBe(400);
      expect(long.json().error.message).toContain('at most 3 years');
      expect((await album(org.author, 'from=2022-W01&to=2024-W52')).statusCode).toBe(200);
      expect((await album(org.author, 'from=2021-W53')).statusCode).toBe(400);
      expect((await album(org.author, `${RANGE}&format=pdf`)).statusCode).toBe(400);
    });

    it('answers 401 without a session and 404 for an unknown or (to colleagues) disabled person', async () => {
      expect((await album(null)).statusCode).toBe(401);
      expect((await album(org.author, RANGE, 'no-such-user')).statusCode).toBe(404);
      await t.database.db.updateTable('users').set({ active: 0 }).where('id', '=', authorId).execute();
      try {
        expect((await album(taxMember)).statusCode).toBe(404);
        expect((await album(taxMember, `${RANGE}&format=docx`)).statusCode).toBe(404);
        expect((await album(org.head)).statusCode).toBe(200);
        expect((await album(org.admin)).statusCode).toBe(200);
      } finally {
        await t.database.db.updateTable('users').set({ active: 1 }).where('id', '=', authorId).execute();
      }
    });
  });
}
