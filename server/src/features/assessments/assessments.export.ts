import type { TAssessment, TScoreRow } from '@zhoubao/contracts';
import ExcelJS from 'exceljs';
import { escapeCell, type SheetValue } from '../../lib/xlsx';
import type { DepartmentTree } from '../departments/department-tree';
import { EXPORT_COLUMNS } from '../scoring/scoring.service';

/** What the workbook needs besides the frozen snapshot: names of departments and of who marked candidates. */
export interface AssessmentExportNames {
  tree: DepartmentTree;
  /** Display names by user id (the assessors who marked candidates). */
  users: ReadonlyMap<string, string>;
  en: boolean;
}

const L = {
  scores: { zh: '得分', en: 'Scores' },
  candidates: { zh: '候选人', en: 'Candidates' },
  assessment: { zh: '评先评优', en: 'Assessment' },
  period: { zh: '期间', en: 'Period' },
  rulesVersion: { zh: '计分规则版本', en: 'Rules version' },
  defaults: { zh: '（默认规则）', en: ' (defaults)' },
  createdAt: { zh: '快照时间', en: 'Taken at' },
  lockedAt: { zh: '锁定时间', en: 'Locked at' },
  notLocked: { zh: '未锁定', en: 'Not locked' },
  candidate: { zh: '候选人', en: 'Candidate' },
  yes: { zh: '是', en: 'Yes' },
  note: { zh: '备注', en: 'Note' },
  markedBy: { zh: '标记人', en: 'Marked by' },
  markedAt: { zh: '标记时间', en: 'Marked at' },
} as const;

/** Adds a row with every text cell escaped against formula injection (`lib/xlsx` `escapeCell`). */
function addRow(sheet: ExcelJS.Worksheet, values: SheetValue[]): ExcelJS.Row {
  return sheet.addRow(values.map((v) => (typeof v === 'string' ? escapeCell(v) : v)));
}

function scoreCells(row: TScoreRow, tree: DepartmentTree): SheetValue[] {
  return EXPORT_COLUMNS.map(({ key }) => {
    if (key === 'departmentId') return row.departmentId ? (tree.get(row.departmentId)?.name ?? row.departmentId) : '';
    const value = row[key];
    return value === null ? '' : value;
  });
}

/**
 * The frozen snapshot of an assessment as an .xlsx workbook. Sheet 1: a header block naming the
 * assessment, its period and the rules version, then the score rows with ranks and department
 * percentiles; sheet 2: the marked candidates with their notes and who marked them. Nothing is
 * recomputed: the rows are the snapshot's, so later rule changes never show here.
 */
export async function assessmentWorkbook(a: TAssessment, names: AssessmentExportNames): Promise<Buffer> {
  const lang = names.en ? 'en' : 'zh';
  const t = (key: keyof typeof L) => L[key][lang];
  const workbook = new ExcelJS.Workbook();
  const scores = workbook.addWorksheet(t('scores'));
  addRow(scores, [t('assessment'), a.name]).font = { bold: true };
  addRow(scores, [t('period'), `${a.from} – ${a.to}`]);
  addRow(scores, [t('rulesVersion'), a.rulesVersion === 0 ? `0${t('defaults')}` : a.rulesVersion]);
  addRow(scores, [t('createdAt'), a.createdAt]);
  addRow(scores, [t('lockedAt'), a.lockedAt ?? t('notLocked')]);
  addRow(scores, []);
  addRow(scores, [...EXPORT_COLUMNS.map((c) => c[lang]), t('candidate')]).font = { bold: true };
  const marked = new Set(a.candidates.map((c) => c.userId));
  for (const row of a.items) addRow(scores, [...scoreCells(row, names.tree), marked.has(row.userId) ? t('yes') : '']);
  scores.columns.forEach((column) => {
    column.width = 14;
  });

  const candidates = workbook.addWorksheet(t('candidates'));
  const cols = EXPORT_COLUMNS.filter((c) => ['rank', 'displayName', 'departmentId', 'departmentRank', 'total'].includes(c.key));
  addRow(candidates, [...cols.map((c) => c[lang]), t('note'), t('markedBy'), t('markedAt')]).font = { bold: true };
  const rowOf = new Map(a.items.map((r) => [r.userId, r]));
  for (const c of a.candidates) {
    const row = rowOf.get(c.userId);
    const cells = row ? scoreCells(row, names.tree) : [];
    const pick = cols.map((col) => cells[EXPORT_COLUMNS.indexOf(col)] ?? '');
    const by = c.markedBy ? (names.users.get(c.markedBy) ?? c.markedBy) : '';
    addRow(candidates, [...pick, c.note ?? '', by, c.markedAt]);
  }
  candidates.columns.forEach((column) => {
    column.width = 16;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** `attachment` with an ASCII file name and the assessment's own name for browsers that read `filename*`. */
export function exportDisposition(a: { name: string; from: string; to: string }): string {
  const ascii = `assessment-${a.from}-${a.to}.xlsx`;
  // RFC 5987: encodeURIComponent leaves ' ( ) * as they are, which `filename*` does not allow.
  const utf8 = encodeURIComponent(`${a.name}.xlsx`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`;
}
