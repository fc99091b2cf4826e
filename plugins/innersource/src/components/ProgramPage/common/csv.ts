/**
 * One column of a CSV export: its header and how a row gives its value.
 *
 * @internal
 */
export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** Characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. Text that a
 * spreadsheet would run as a formula is prefixed with `'`; numbers are written as they are.
 */
export function csvCell(
  value: string | number | boolean | null | undefined,
): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    return Number.isFinite(value) ? String(value) : '';
  }
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Rows as CSV text with a header line, lines ending in CRLF as RFC 4180 asks.
 *
 * @internal
 */
export function toCsv<T>(columns: CsvColumn<T>[], rows: T[]): string {
  const lines = [
    columns.map(column => csvCell(column.header)).join(','),
    ...rows.map(row =>
      columns.map(column => csvCell(column.value(row))).join(','),
    ),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * Lets the browser save CSV text as a file.
 *
 * @internal
 */
export function downloadCsv(filename: string, csv: string): void {
  // a byte order mark so that spreadsheet programs read the file as UTF-8
  const blob = new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}
