import { IMPORT_COLUMNS } from '@zhoubao/contracts';

/** Quotes a CSV field when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The header line of an import file: the documented columns plus the optional password. */
export const TEMPLATE_COLUMNS = [...IMPORT_COLUMNS, 'password'] as const;

/**
 * Builds the CSV template: the header and the example rows, with a UTF-8 byte-order mark so that
 * Excel opens the Chinese text correctly (the server and FileReader both ignore it).
 */
export function buildTemplateCsv(exampleRows: string[][]): string {
  const lines = [TEMPLATE_COLUMNS.join(','), ...exampleRows.map((row) => row.map(csvField).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Starts a browser download of `text` as a file. */
export function downloadText(filename: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Reads a text file as UTF-8 (a leading byte-order mark is dropped by the decoder). */
export function readFileAsText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(typeof reader.result === 'string' ? reader.result : '');
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

export type ImportKind = 'csv' | 'xlsx';

/** The kind of an import file by its name, or null when it is neither CSV nor Excel. */
export function importKind(file: File): ImportKind | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}
