import { DEFAULT_SCORING_RULES, type TAssessment } from '@zhoubao/contracts';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, DIALECTS, type Session, type TestApp } from '../../../test/helpers';
import { buildReportOrg, item, type ReportOrg, submitReport } from '../../../test/report-factories';
import { exportDisposition } from './assessments.export';

const W1 = '2025-W10';
const W2 = '2025-W11';
const EVIL = '=HYPERLINK("http://evil.example/x","点我")';
const EVIL_NOTE = '+cmd|" /C calc"!A0';

interface Sheet {
  name: string;
  rows: unknown[][];
  /** Every cell's type, row by row (exceljs `ValueType`). */
  types: number[][];
}

async function readWorkbook(body: Buffer): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  // biome-ignore lint/suspicious/noExplicitAny: exceljs types expect its own Buffer alias.
  await workbook.xlsx.load(body as any);
  return workbook.worksheets.map((ws) => {
    const rows: unknown[][] = [];
    const types: number[][] = [];
    ws.eachRow({ includeEmpty: true }, (row) => {
      rows.push((row.values as unknown[]).slice(1));
      const t: number[] = [];
      row.eachCell((cell) => {
        t.push(cell.type);
      });
      types.push(t);
    });
    return { name: ws.name, rows, types };
  });
}

for (const dialect of DIALECTS) {
  describe(`GET /assessments/:id/export (${dialect})`, () => {
    let t: TestApp;
    let org: ReportOrg;
    let snapshot: TAssessment;

    beforeAll(async () => {
      t = await createTestApp(dialect);
      org = await buildReportOrg(t);
      await t.database.db.updateTable('users').set({ display_name: EVIL }).where('id', '=', org.colleague.userId).execute();
      await submitReport(t, org.author, W1, [item('起草年度总结', { tags: ['省级采用'] })]);
      await submitReport(t, org.colleague, W1, [item('学习新税法')]);
      await submitReport(t, org.colleague, W2, [item('撰写调研信息')]);
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/assessments',
        as: org.assessor,
        payload: { name: '2025 一季度评先 (试行)', from: W1, to: W2 },
      });
      expect(res.statusCode, res.body).toBe(201);
      snapshot = res.json();
      for (const [userId, note] of [
        [org.colleague.userId, EVIL_NOTE],
        [org.author.userId, '成果突出'],
      ] as const) {
        const mark = await t.request({
          method: 'PUT',
          url: `/api/v1/assessments/${snapshot.id}/candidates/${userId}`,
          as: org.assessor,
          payload: { note },
        });
        expect(mark.statusCode, mark.body).toBe(200);
      }
    });

    afterAll(async () => {
      await t.close();
    });

    const exportAs = (as: Session, id = snapshot.id) => t.request({ method: 'GET', url: `/api/v1/assessments/${id}/export`, as });

    let firstExport: Sheet[];

    it('returns the frozen snapshot as .xlsx: a header block with the rules version, then ranked rows', async () => {
      const res = await exportAs(org.assessor);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml.sheet');
      expect(res.headers['content-disposition']).toBe(
        `attachment; filename="assessment-${W1}-${W2}.xlsx"; filename*=UTF-8''${encodeURIComponent('2025 一季度评先 ')}%28${encodeURIComponent('试行')}%29.xlsx`,
      );
      firstExport = await readWorkbook(res.rawPayload);
      const [scores, candidates] = firstExport;
      expect(firstExport.map((s) => s.name)).toEqual(['得分', '候选人']);
      expect(scores?.rows.slice(0, 5)).toEqual([
        ['评先评优', '2025 一季度评先 (试行)'],
        ['期间', `${W1} – ${W2}`],
        ['计分规则版本', '0（默认规则）'],
        ['快照时间', snapshot.createdAt],
        ['锁定时间', '未锁定'],
      ]);
      const header = scores?.rows[6] as unknown[];
      expect(header).toEqual([
        '排名',
        '姓名',
        '部门',
        '部门排名',
        '部门百分位',
        '总分',
        '应交周数',
        '已交',
        '按时',
        '迟交',
        '缺交',
        '同事评分',
        '领导评等',
        '成果分',
        '候选人',
      ]);
      const body = scores?.rows.slice(7) ?? [];
      expect(body).toHaveLength(snapshot.items.length);
      snapshot.items.forEach((row, i) => {
        const cells = body[i] as unknown[];
        expect(cells[0]).toBe(row.rank);
        expect(cells[1]).toBe(row.displayName === EVIL ? `'${EVIL}` : row.displayName);
        expect(cells[3]).toBe(row.departmentRank);
        expect(cells[4]).toBe(row.departmentPercentile);
        expect(cells[5]).toBe(row.total);
        expect(cells[10]).toBe(row.missing);
        const marked = row.userId === org.author.userId || row.userId === org.colleague.userId;
        expect(cells[14] ?? '').toBe(marked ? '是' : '');
      });
      const author = body.find((cells) => cells[1] === '王五');
      expect(author?.[2]).toBe('办公室');

      // The hostile name and note come back as text, never as a formula.
      const evilRow = scores?.rows.findIndex((cells) => cells[1] === `'${EVIL}`) ?? -1;
      expect(evilRow).toBeGreaterThan(6);
      expect(scores?.types[evilRow]?.every((type) => type !== ExcelJS.ValueType.Formula)).toBe(true);
      expect(scores?.types[evilRow]?.[1]).toBe(ExcelJS.ValueType.String);

      expect(candidates?.rows[0]).toEqual(['排名', '姓名', '部门', '部门排名', '总分', '备注', '标记人', '标记时间']);
      const byName = new Map(candidates?.rows.slice(1).map((cells) => [cells[1], cells]));
      expect(candidates?.rows).toHaveLength(3);
      expect(byName.get('王五')?.slice(5, 7)).toEqual(['成果突出', '吴考核']);
      expect(byName.get(`'${EVIL}`)?.slice(5, 7)).toEqual([`'${EVIL_NOTE}`, '吴考核']);
      for (const types of candidates?.types ?? []) expect(types).not.toContain(ExcelJS.ValueType.Formula);
    });

    it('lets only assessors export, and answers 404 for an unknown assessment', async () => {
      for (const as of [org.author, org.head, org.leader, org.admin]) expect((await exportAs(as)).statusCode).toBe(403);
      expect((await exportAs(org.assessor, 'nope')).statusCode).toBe(404);
    });

    it('exports the same snapshot after the rules change; a new snapshot shows the new version', async () => {
      const put = await t.request({
        method: 'PUT',
        url: '/api/v1/scoring/rules',
        as: org.assessor,
        payload: { ...DEFAULT_SCORING_RULES, points: { onTime: 30, late: 20, missing: -20 } },
      });
      expect(put.statusCode, put.body).toBe(200);
      const again = await readWorkbook((await exportAs(org.assessor)).rawPayload);
      expect(again).toEqual(firstExport);

      const later = await t.request({
        method: 'POST',
        url: '/api/v1/assessments',
        as: org.assessor,
        payload: { name: '重新计分', from: W1, to: W2 },
      });
      const fresh = await readWorkbook((await exportAs(org.assessor, later.json().id)).rawPayload);
      expect(fresh[0]?.rows[2]).toEqual(['计分规则版本', 1]);
      const totals = (sheet: Sheet) => sheet.rows.slice(7).map((cells) => cells[5]);
      expect(totals(fresh[0] as Sheet)).not.toEqual(totals(firstExport[0] as Sheet));
      expect(fresh[1]?.rows).toHaveLength(1);
    });

    it('uses English headers for an English-speaking assessor', async () => {
      await t.database.db.updateTable('users').set({ locale: 'en' }).where('id', '=', org.assessor.userId).execute();
      const sheets = await readWorkbook((await exportAs(org.assessor)).rawPayload);
      await t.database.db.updateTable('users').set({ locale: null }).where('id', '=', org.assessor.userId).execute();
      expect(sheets.map((s) => s.name)).toEqual(['Scores', 'Candidates']);
      expect(sheets[0]?.rows[2]).toEqual(['Rules version', '0 (defaults)']);
      expect(sheets[0]?.rows[6]?.slice(0, 3)).toEqual(['Rank', 'Name', 'Department']);
      expect(sheets[1]?.rows[0]?.slice(5)).toEqual(['Note', 'Marked by', 'Marked at']);
    });
  });
}

describe('exportDisposition', () => {
  it('keeps the ASCII file name plain and encodes the name for filename*', () => {
    expect(exportDisposition({ name: "a'b*", from: '2025-W01', to: '2025-W02' })).toBe(
      `attachment; filename="assessment-2025-W01-2025-W02.xlsx"; filename*=UTF-8''a%27b%2A.xlsx`,
    );
  });
});
