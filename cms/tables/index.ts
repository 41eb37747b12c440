import writeXlsxFile from 'write-excel-file/node'

/**
 * A table a person downloads (statistics, exports, registration lists): one header row and typed cells.
 * The same table is written as CSV for Italian Excel and as XLSX; neither ever carries a formula.
 */
export type TableColumn = { label: string; type: 'text' | 'number' }
export type TableCell = string | number | null | undefined
export type Table = { title: string; columns: TableColumn[]; rows: TableCell[][] }

// A spreadsheet runs a cell that starts with one of these as a formula (also their full-width forms).
const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/

/**
 * One CSV cell that a spreadsheet shows as text: a value that would start a formula gets a leading `'`
 * (OWASP "CSV injection"), and a value with the separator, quotes or line breaks is quoted. Numbers are
 * written as they are: a negative number is a number, not a formula.
 */
export const csvCell = (value: unknown): string => {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value).replace('.', ',') : ''
  let text = value == null ? '' : String(value)
  if (FORMULA.test(text)) text = `'${text}`
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** UTF-8 with a byte-order mark, `;` between cells, CRLF between rows: what Italian Excel opens as is. */
export const tableCsv = (table: Table): string =>
  `\uFEFF${[table.columns.map((c) => c.label), ...table.rows]
    .map((row) => row.map((cell) => csvCell(cell)).join(';'))
    .join('\r\n')}\r\n`

/**
 * The table as an XLSX workbook of one sheet. Every text is a string cell (an XLSX string is never run as a
 * formula, whatever it starts with); numbers are number cells so that totals can be summed.
 */
export const tableXlsx = async (table: Table): Promise<Buffer> => {
  const header = table.columns.map((c) => ({ value: c.label, type: String, fontWeight: 'bold' as const }))
  const body = table.rows.map((row) =>
    table.columns.map((column, i) => {
      const value = row[i]
      if (value == null || value === '') return null
      return column.type === 'number' && typeof value === 'number'
        ? { value, type: Number }
        : { value: String(value), type: String }
    }),
  )
  return writeXlsxFile([header, ...body], {
    sheet: table.title.replace(/[[\]*?/\\:]/g, ' ').slice(0, 31) || 'Foglio1',
    stickyRowsCount: 1,
  }).toBuffer()
}

/** A file name safe in every browser and file system: lowercase words joined by dashes. */
export const tableFileName = (title: string, extension: 'csv' | 'xlsx') =>
  `${
    title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'tabella'
  }.${extension}`
