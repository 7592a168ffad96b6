import type { TScoreRow } from '@zhoubao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport } from '../../../test/report-factories';

const W1 = '2025-W10';
const W2 = '2025-W11';
const RANGE = `from=${W1}&to=${W2}`;
const EVIL = '=HYPERLINK("x")';

async function readSheet(body: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs types expect its own Buffer alias.
  await workbook.xlsx.load(body as any);
  const rows: unknown[][] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    rows.push((row.values as unknown[]).slice(1));
  });
  return rows;
}

for (const dialect of DIALECTS) {
  describe(`GET /scores/export (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await t.database.db.updateTable('users').set({ display_name: EVIL }).where('id', '=', org.colleague.userId).execute();
      await submitReport(t, org.author, W1, [item('起草年度总结', { tags: ['省级采用'] })]);
      await submitReport(t, org.colleague, W2, [item('学习新税法')]);
    });

    afterAll(async () => {
      await t.close();
    });

    const exportAs = (as = org.assessor, query = RANGE) =>
      t.request({ method: 'GET', url: `/api/v1/scores/export?${query}`, as });

    it('returns the rows of GET /scores as an .xlsx attachment, Chinese headers by default, text escaped', async () => {
      const res = await exportAs();
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="scores-${W1}-${W2}.xlsx"`);
      const sheet = await readSheet(res.rawPayload);
      expect(sheet[0]?.slice(0, 3)).toEqual(['排名', '姓名', '部门']);
      const api = (await t.request({ method: 'GET', url: `/api/v1/scores?${RANGE}`, as: org.assessor })).json()
        .items as TScoreRow[];
      expect(sheet.length).toBe(api.length + 1);
      api.forEach((row, i) => {
        const cells = sheet[i + 1] as unknown[];
        expect(cells[0]).toBe(row.rank);
        expect(cells[1]).toBe(row.displayName === EVIL ? `'${EVIL}` : row.displayName);
        expect(cells[5]).toBe(row.total);
        expect(cells[10]).toBe(row.missing);
      });
      expect(sheet.some((cells) => cells[1] === `'${EVIL}`)).toBe(true);
      const author = sheet.find((cells) => cells[1] === '王五');
      expect(author?.[2]).toBe('办公室');
    });

    it('uses English headers for an English-speaking caller', async () => {
      await t.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', org.assessor.userId).execute();
      const res = await exportAs();
      expect(res.statusCode).toBe(200);
      expect((await readSheet(res.rawPayload))[0]?.slice(0, 3)).toEqual(['Rank', 'Name', 'Department']);
      await t.database.db.updateTable('users').set({ locale: null }).where('id', '=', org.assessor.userId).execute();
    });

    it('shows a member only their own row, and validates the period', async () => {
      const sheet = await readSheet((await exportAs(org.author)).rawPayload);
      expect(sheet.map((cells) => cells[1])).toEqual(['姓名', '王五']);
      expect((await exportAs(org.assessor, `from=${W2}&to=${W1}`)).statusCode).toBe(400);
    });
  });
}
