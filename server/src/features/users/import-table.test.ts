import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseXlsx } from './import-table';

describe('parseCsv', () => {
  it('splits records and cells, numbering lines from 1 (the header)', () => {
    expect(parseCsv('username,displayName\nzhang,张三\nli,李四')).toEqual([
      { line: 1, cells: ['username', 'displayName'] },
      { line: 2, cells: ['zhang', '张三'] },
      { line: 3, cells: ['li', '李四'] },
    ]);
  });

  it('keeps commas inside quotes and unescapes doubled quotes', () => {
    expect(parseCsv('a,"b,c","say ""hi""",""')).toEqual([{ line: 1, cells: ['a', 'b,c', 'say "hi"', ''] }]);
  });

  it('accepts CRLF and lone CR line endings', () => {
    expect(parseCsv('h1,h2\r\nx,y\r\nz,w\r\n')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['x', 'y'] },
      { line: 3, cells: ['z', 'w'] },
    ]);
    expect(parseCsv('h\rx\ry').map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('drops a UTF-8 byte order mark', () => {
    const rows = parseCsv('\ufeff用户名,姓名\nzhang,张三');
    expect(rows[0]?.cells).toEqual(['用户名', '姓名']);
  });

  it('gives a multi-line quoted field the line it starts on, and counts its lines for what follows', () => {
    const rows = parseCsv('h1,h2\nzhang,"第一行\n第二行\r\n第三行"\nli,x');
    expect(rows).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['zhang', '第一行\n第二行\r\n第三行'] },
      { line: 5, cells: ['li', 'x'] },
    ]);
  });

  it('skips blank lines but still counts them', () => {
    const rows = parseCsv('h\n\nzhang\n   \r\n\nli\n\n');
    expect(rows).toEqual([
      { line: 1, cells: ['h'] },
      { line: 3, cells: ['zhang'] },
      { line: 6, cells: ['li'] },
    ]);
  });

  it('keeps a line of empty cells as a record (the importer decides what it means)', () => {
    expect(parseCsv('h1,h2\n,\n""')).toEqual([
      { line: 1, cells: ['h1', 'h2'] },
      { line: 2, cells: ['', ''] },
      { line: 3, cells: [''] },
    ]);
  });

  it('returns no rows for an empty text', () => {
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('\ufeff')).toEqual([]);
  });
});

async function workbook(build: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('用户'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('parseXlsx', () => {
  it('reads the first sheet with row numbers as line numbers, skipping empty rows', async () => {
    const data = await workbook((s) => {
      s.getCell('A1').value = 'username';
      s.getCell('B1').value = 'displayName';
      s.getCell('A2').value = 'zhang';
      s.getCell('B2').value = '张三';
      s.getCell('A4').value = 'li';
      s.getCell('B4').value = '李四';
    });
    expect(await parseXlsx(data)).toEqual([
      { line: 1, cells: ['username', 'displayName'] },
      { line: 2, cells: ['zhang', '张三'] },
      { line: 4, cells: ['li', '李四'] },
    ]);
  });

  it('turns numbers, rich text, hyperlinks, formulas and dates into plain text', async () => {
    const data = await workbook((s) => {
      s.getCell('A1').value = 1001;
      s.getCell('B1').value = { richText: [{ text: '张' }, { text: '三', font: { bold: true } }] };
      s.getCell('C1').value = { text: 'zhang@example.cn', hyperlink: 'mailto:zhang@example.cn' };
      s.getCell('D1').value = { formula: 'LOWER("LI")', result: 'li' };
      s.getCell('E1').value = new Date(Date.UTC(2021, 0, 22));
      s.getCell('F1').value = { formula: 'DATE(2021,1,22)', result: new Date(Date.UTC(2021, 0, 22)) };
    });
    expect(await parseXlsx(data)).toEqual([
      { line: 1, cells: ['1001', '张三', 'zhang@example.cn', 'li', '2021-01-22', '2021-01-22'] },
    ]);
  });

  it('reads a hyperlink whose text is formatted (rich text)', async () => {
    const data = await workbook((s) => {
      s.getCell('A1').value = {
        text: { richText: [{ text: 'li@' }, { text: 'example.cn', font: { bold: true } }] },
        hyperlink: 'mailto:li@example.cn',
      } as unknown as ExcelJS.CellHyperlinkValue;
    });
    expect(await parseXlsx(data)).toEqual([{ line: 1, cells: ['li@example.cn'] }]);
  });

  it('throws on a file that is not a workbook', async () => {
    await expect(parseXlsx(Buffer.from('username,displayName\nzhang,张三'))).rejects.toThrow();
    await expect(parseXlsx(Buffer.from('PK\u0003\u0004 broken zip'))).rejects.toThrow();
  });
});
