/**
 * CSV as German Excel opens it by double-click: UTF-8 with a byte order mark (else umlauts turn into
 * "Ã¼"), semicolons between cells (Excel with German regional settings splits on ";", not ","), CRLF
 * between lines, RFC 4180 quoting. No library: the client has none, and these few lines are tested.
 */
export const CSV_BOM = '\uFEFF';

/**
 * One cell: quoted when it holds a separator, a quote, a line break or spaces at its ends; quotes
 * doubled. A cell starting with = + - @ (or a tab/CR) would run as a formula in Excel (CSV
 * injection, OWASP): it gets a leading apostrophe, which Excel shows as text.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[;"\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, a header line, then the rows. */
export function toCsv(header: string[], rows: (string | number | null | undefined)[][]): string {
  return CSV_BOM + [header, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n') + '\r\n';
}

/** Offers the text as a file download (a Blob link, no server round trip). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name from a title: letters (umlauts too), digits and dashes. */
export function csvFileName(title: string, date: string): string {
  const slug = title.normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'webinar';
  return `Teilnehmende-${slug}-${date}.csv`;
}

/** "07.12.2026 18:10" in German time: a form Excel reads as a date and time. */
export function csvDateTime(iso: string, timeZone = 'Europe/Berlin'): string {
  return new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone })
    .format(new Date(iso))
    .replace(', ', ' ');
}
