import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { dispositionFilename, readDocx } from '../album/docx-text';

const WEEK = '2025-W20'; // 12–18 May 2025
const EMPTY_WEEK = '2025-W21';
const SECRET = '涉密稽查线索SECRET';
const SUMMARY_SECRET = '内部人事安排SUMMARYSECRET';

for (const dialect of DIALECTS) {
  describe(`Word exports of bulletins and the wall (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let taxMember: Session;

    const exportBulletin = (as: Session | null, dept: string, query = 'format=docx', week = WEEK) =>
      t.request({ method: 'GET', url: `/api/v1/departments/${dept}/bulletins/${week}/export?${query}`, as });
    const exportWall = (as: Session | null, week = WEEK, query = 'format=docx') =>
      t.request({ method: 'GET', url: `/api/v1/wall/${week}/export?${query}`, as });
    const read = async (res: Awaited<ReturnType<typeof exportWall>>) => {
      expect(res.statusCode, res.body).toBe(200);
      return readDocx(res.rawPayload);
    };
    const put = (as: Session, url: string, payload: Record<string, unknown>) =>
      t.request({ method: 'PUT', url: `/api/v1${url}`, as, payload });
    const publish = async (as: Session, dept: string) => {
      const res = await t.request({ method: 'POST', url: `/api/v1/departments/${dept}/summaries/${WEEK}/publish`, as });
      expect(res.statusCode, res.body).toBe(200);
    };

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await t.user({ username: 'taxmember', departmentId: org.tax, displayName: '郑税政' });
      await t.database.db.updateTable('users').set({ created_at: '2020-01-01T00:00:00.000Z' }).execute();
      taxMember = await t.login('taxmember');
      await t.request({ method: 'PATCH', url: '/api/v1/settings', as: org.admin, payload: { orgName: '达州市税务局' } });

      await submitReport(t, org.author, WEEK, [
        item('受理个税汇算咨询', { category: '纳税服务', outcome: '解答120人次' }),
        item(SECRET, { visibility: 'restricted' }),
        item('学习征管法', { kind: 'study' }),
      ]);
      await submitReport(t, org.colleague, WEEK, [item('整理会议纪要')]);
      const s = await put(org.head, `/departments/${org.office}/summaries/${WEEK}`, {
        summary: '办公室本周运转有序',
        items: [item('完成公文审核40件'), item(SUMMARY_SECRET, { visibility: 'restricted' })],
      });
      expect(s.statusCode, s.body).toBe(200);
      await publish(org.head, org.office);

      await submitReport(t, taxMember, WEEK, [item('开展政策宣讲', { category: '税收宣传' })]);
      await put(org.otherHead, `/departments/${org.tax}/summaries/${WEEK}`, { summary: '税政科完成政策梳理', items: [] });
      await publish(org.otherHead, org.tax);
    });

    afterAll(async () => {
      await t.close();
    });

    it("exports a department's bulletin as a circular: masthead, issuer, date, title, numbered sections", async () => {
      const res = await exportBulletin(org.head, org.office);
      expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      expect(dispositionFilename(res.headers['content-disposition'] as string)).toBe(`办公室工作周报-${WEEK}.docx`);
      const doc = await read(res);
      const p = doc.paragraphs;
      expect(p.slice(0, 2)).toEqual(['工作周报', '2025年第20周']);
      expect(p[2]).toMatch(/^达州市税务局编\t\d{4}年\d{1,2}月\d{1,2}日$/);
      expect(p).toContain('办公室2025年第20周工作周报');
      const sections = ['一、部门小结', '二、成员周报', '三、提交情况'].map((h) => p.indexOf(h));
      expect(sections.every((i, n) => i > 0 && (n === 0 || i > (sections[n - 1] as number)))).toBe(true);
      expect(p).toContain('办公室本周运转有序');
      expect(p).toContain('1. 完成公文审核40件');
      expect(p).toContain(`2. ${SUMMARY_SECRET}`);
      // Members in department order (王五 sorts before 李四), their items by kind.
      expect(p.indexOf('（一）王五（迟交）')).toBeLessThan(p.indexOf('（二）李四（迟交）'));
      expect(p).toContain('1. 【纳税服务】受理个税汇算咨询  成果：解答120人次');
      expect(p).toContain(`2. ${SECRET}`);
      expect(p).toContain('学习提升：');
      expect(p).toContain('应交3人，已交2人，其中迟交2人。');
      expect(p).toContain('未交：赵主任。');
      // 公文 type: 方正小标宋简体 title, 仿宋 三号 body at 1.5 lines, GB/T 9704 margins, page numbers.
      const xml = await doc.xml('word/document.xml');
      expect(xml).toContain('w:eastAsia="方正小标宋简体"');
      expect(xml).toContain('w:eastAsia="FangSong"');
      expect(xml).toContain('w:eastAsia="SimHei"');
      expect(xml).toContain('<w:sz w:val="32"/>');
      expect(xml).toContain('w:line="360"');
      expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588"/);
      expect(await doc.xml('word/footer1.xml')).toContain('PAGE');
    });

    it('leaves restricted items out for a viewer who may not see them, with no placeholder', async () => {
      const doc = await read(await exportBulletin(org.otherHead, org.office));
      expect(doc.text).toContain('1. 【纳税服务】受理个税汇算咨询  成果：解答120人次');
      expect(doc.text).toContain('1. 完成公文审核40件');
      expect(doc.text).not.toContain(SECRET);
      expect(doc.text).not.toContain(SUMMARY_SECRET);
      expect(doc.paragraphs).not.toContain('2. ');
      for (const file of doc.files.filter((f) => f.endsWith('.xml'))) {
        const xml = await doc.xml(file);
        expect(xml).not.toContain('SECRET');
      }
    });

    it('exports an earlier version on request, and marks a later one', async () => {
      await submitReport(t, org.author, WEEK, [item('修订后的内容REVISED')]);
      await publish(org.head, org.office);
      const latest = await read(await exportBulletin(org.head, org.office));
      expect(latest.paragraphs[1]).toBe('2025年第20周（第2版）');
      expect(latest.text).toContain('1. 修订后的内容REVISED');
      const first = await read(await exportBulletin(org.head, org.office, 'format=docx&version=1'));
      expect(first.paragraphs[1]).toBe('2025年第20周');
      expect(first.text).not.toContain('REVISED');
      expect(first.text).toContain('受理个税汇算咨询');
    });

    it("exports the wall: every department's summary and members, a section each", async () => {
      const res = await exportWall(org.head);
      expect(dispositionFilename(res.headers['content-disposition'] as string)).toBe(`工作周报汇编-${WEEK}.docx`);
      expect(res.headers['content-disposition']).toContain(`filename="bulletins-${WEEK}.docx"`);
      const p = (await read(res)).paragraphs;
      expect(p).toContain('2025年第20周工作周报汇编');
      const office = p.indexOf('一、办公室');
      const tax = p.indexOf('二、税政科');
      expect(office).toBeGreaterThan(0);
      expect(tax).toBeGreaterThan(office);
      expect(p.slice(office, tax)).toEqual(
        expect.arrayContaining([
          '（一）部门小结',
          '办公室本周运转有序',
          '1. 完成公文审核40件',
          '（二）成员周报',
          '1. 王五（迟交）',
          '2. 李四（迟交）',
          '（1）整理会议纪要',
        ]),
      );
      expect(p.slice(tax)).toEqual(
        expect.arrayContaining([
          '（一）部门小结',
          '税政科完成政策梳理',
          '1. 郑税政（迟交）',
          '（1）【税收宣传】开展政策宣讲',
          '（三）提交情况',
        ]),
      );
      expect(p.slice(tax)).toContain('未交：钱科长。');
    });

    it('keeps restricted items out of the wall for a colleague, and writes English for an English reader', async () => {
      const colleague = await read(await exportWall(org.colleague));
      expect(colleague.text).toContain('整理会议纪要');
      expect(colleague.text).not.toContain(SUMMARY_SECRET);
      expect((await read(await exportWall(org.head))).text).toContain(SUMMARY_SECRET);

      await t.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', taxMember.userId).execute();
      const res = await exportWall(taxMember);
      expect(dispositionFilename(res.headers['content-disposition'] as string)).toBe(`Bulletins-${WEEK}.docx`);
      const p = (await read(res)).paragraphs;
      expect(p.slice(0, 2)).toEqual(['Weekly Bulletin', 'Week 20, 2025']);
      expect(p).toEqual(expect.arrayContaining(['I. 办公室', 'II. 税政科', '(a) Department summary', "(b) Members' reports"]));
      expect(p.join('\n')).not.toContain('SECRET');
    });

    it('answers 404 for what was not published, 400 for a bad query and 401 without a session', async () => {
      expect((await exportBulletin(org.head, org.secretary)).statusCode).toBe(404);
      expect((await exportBulletin(org.head, 'no-such-department')).statusCode).toBe(404);
      expect((await exportBulletin(org.head, org.office, 'format=docx&version=9')).statusCode).toBe(404);
      expect((await exportWall(org.head, EMPTY_WEEK)).statusCode).toBe(404);
      expect((await exportBulletin(org.head, org.office, 'format=pdf')).statusCode).toBe(400);
      expect((await exportWall(org.head, '2025-W99')).statusCode).toBe(400);
      expect((await exportWall(null)).statusCode).toBe(401);
      expect((await exportBulletin(null, org.office)).statusCode).toBe(401);
      // Without `format` the export is Word too.
      expect((await exportWall(org.head, WEEK, '')).headers['content-type']).toContain('wordprocessingml');
    });
  });
}
