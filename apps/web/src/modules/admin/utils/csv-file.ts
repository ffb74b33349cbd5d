export interface CsvFile {
  name: string;
  size: number;
  text: string;
  /** Data rows, header excluded. */
  rowCount: number;
}

export type CsvFileProblem = 'tooLarge' | 'empty' | 'unreadable';

export const MAX_CSV_BYTES = 5 * 1024 * 1024;

/** Reads a picked file as UTF-8 text, without the byte-order mark some spreadsheets add. */
export async function readCsvFile(file: File): Promise<CsvFile | { problem: CsvFileProblem }> {
  if (file.size > MAX_CSV_BYTES) return { problem: 'tooLarge' };
  let text: string;
  try {
    text = (await file.text()).replace(/^\uFEFF/, '');
  } catch {
    return { problem: 'unreadable' };
  }
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  if (lines.length < 2) return { problem: 'empty' };
  return { name: file.name, size: file.size, text, rowCount: lines.length - 1 };
}

/** Rows the API reported no error for. */
export function validRowCount(totalRows: number, errors: readonly { line: number }[]): number {
  return Math.max(0, totalRows - new Set(errors.map((error) => error.line)).size);
}

function csvCell(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The error report as a CSV file the person can open next to their own. */
export function errorReportCsv(
  headers: [string, string, string],
  errors: readonly { line: number; field: string | null; message: string }[],
): string {
  const rows = errors.map((error) => [error.line, error.field, error.message].map(csvCell).join(','));
  return [headers.map(csvCell).join(','), ...rows].join('\r\n') + '\r\n';
}
