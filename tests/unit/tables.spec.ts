import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { readSheet } from 'read-excel-file/node'
import { describe, expect, it } from 'vitest'
import { type Table, tableCsv, tableFileName, tableXlsx } from '../../cms/tables'

const table: Table = {
  title: 'Presenze: 2026 / Valle Seriana',
  columns: [
    { label: 'Evento', type: 'text' },
    { label: 'Comune', type: 'text' },
    { label: 'Presenze', type: 'number' },
  ],
  rows: [
    ['=HYPERLINK("http://x.example","clic")', 'Albino', 12],
    ['Letture; "ad alta voce"\nper tutti', '+39 035', 0],
    ['@SUM(A1)', null, -3],
    ['Ora del racconto', 'Nembro', 7.5],
  ],
}

/** The CSV read back by Python's csv module (a real parser, not ours), as Italian Excel would split it. */
const parseCsv = (csv: string): string[][] => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tables-'))
  try {
    const file = path.join(dir, 't.csv')
    writeFileSync(file, csv)
    const out = execFileSync('/usr/bin/python3', [
      '-c',
      'import csv,json,sys; print(json.dumps(list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))))',
      file,
    ])
    return JSON.parse(out.toString())
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

describe('downloaded tables', () => {
  it('a CSV cell that would start a formula is shown as text; separators, quotes and line breaks stay in their cell', () => {
    const csv = tableCsv(table)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    const rows = parseCsv(csv)
    expect(rows[0]).toEqual(['Evento', 'Comune', 'Presenze'])
    expect(rows[1]).toEqual([`'=HYPERLINK("http://x.example","clic")`, 'Albino', '12'])
    expect(rows[2]).toEqual(['Letture; "ad alta voce"\nper tutti', "'+39 035", '0'])
    // A negative count is a number, not a formula; an empty cell is empty; decimals use the Italian comma.
    expect(rows[3]).toEqual(["'@SUM(A1)", '', '-3'])
    expect(rows[4]).toEqual(['Ora del racconto', 'Nembro', '7,5'])
    expect(rows).toHaveLength(5)
  })

  it('an XLSX keeps texts as text cells (never a formula) and counts as numbers', async () => {
    const file = await tableXlsx(table)
    const sheet = await readSheet(file)
    expect(sheet[0]).toEqual(['Evento', 'Comune', 'Presenze'])
    expect(sheet[1]).toEqual(['=HYPERLINK("http://x.example","clic")', 'Albino', 12])
    expect(sheet[2]).toEqual(['Letture; "ad alta voce"\nper tutti', '+39 035', 0])
    expect(sheet[3]).toEqual(['@SUM(A1)', null, -3])
    expect(sheet[4]).toEqual(['Ora del racconto', 'Nembro', 7.5])
    // No cell of the workbook carries a formula element.
    const dir = mkdtempSync(path.join(tmpdir(), 'tables-'))
    try {
      writeFileSync(path.join(dir, 't.xlsx'), file)
      const xml = execFileSync('/usr/bin/python3', [
        '-c',
        'import zipfile,sys; z=zipfile.ZipFile(sys.argv[1]); print("".join(z.read(n).decode() for n in z.namelist() if n.startswith("xl/worksheets/")))',
        path.join(dir, 't.xlsx'),
      ]).toString()
      expect(xml).toContain('<sheetData>')
      expect(xml).not.toMatch(/<f[ >]/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('a file name is lowercase words joined by dashes, without accents', () => {
    expect(tableFileName('Presenze: 2026 / Città di Bergamo', 'csv')).toBe('presenze-2026-citta-di-bergamo.csv')
    expect(tableFileName('***', 'xlsx')).toBe('tabella.xlsx')
  })
})
