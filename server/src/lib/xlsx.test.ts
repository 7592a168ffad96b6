import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildXlsx, escapeCell } from './xlsx';

describe('escapeCell', () => {
  it('prefixes an apostrophe to values a spreadsheet would run as a formula', () => {
    for (const v of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("x")']) expect(escapeCell(v)).toBe(`'${v}`);
  });

  it('leaves other values alone', () => {
    for (const v of ['', '王五', 'a=b', ' =1', "'quoted", '1-2']) expect(escapeCell(v)).toBe(v);
  });
});

describe('buildXlsx', () => {
  it('writes a header and rows that read back, with text escaped and numbers kept', async () => {
    const data = await buildXlsx(
      'S',
      ['name', 'n'],
      [
        ['=cmd', 3],
        ['ok', null],
      ],
    );
    const workbook = new ExcelJS.Workbook();
    // biome-ignore lint/suspicious/noExplicitAny: exceljs types expect its own Buffer alias.
    await workbook.xlsx.load(data as any);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'name', 'n']);
    expect(sheet?.getRow(2).values).toEqual([undefined, "'=cmd", 3]);
    expect(sheet?.getRow(3).getCell(1).value).toBe('ok');
  });
});
