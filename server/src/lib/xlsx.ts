import ExcelJS from 'exceljs';

/** The MIME type of an .xlsx workbook. */
export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * Escapes a text cell against formula injection: a value starting with `=`, `+`, `-`, `@`, a tab or a
 * carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it.
 */
export function escapeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export type SheetValue = string | number | null;

/** Builds a one-sheet workbook: a bold header row, then the rows; every text cell is escaped. */
export async function buildXlsx(sheetName: string, header: string[], rows: SheetValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(header.map(escapeCell)).font = { bold: true };
  for (const row of rows) sheet.addRow(row.map((v) => (typeof v === 'string' ? escapeCell(v) : v)));
  sheet.columns.forEach((column) => {
    column.width = 14;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
