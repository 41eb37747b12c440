// The printed programme's layouts on their own (no database): an empty programme still gives a valid, tagged file of
// the right size and page count that says so, and names outside Titillium Web's Latin set stay real text.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { type Layout, type Programme, programmePdf } from '../../cms/print'

const dir = mkdtempSync(path.join(tmpdir(), 'print-unit-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const programme = (title: string, entries: Programme['entries'] = []): Programme => ({
  title,
  query: 'sistema=valle-seriana',
  period: '',
  agendaUrl: 'http://localhost:4321/eventi?sistema=valle-seriana',
  feedUrl: 'http://localhost:4321/calendario.ics?sistema=valle-seriana',
  entries,
  more: 0,
})

const file = async (p: Programme, layout: Layout) => {
  const pdf = path.join(dir, `${layout}-${Math.random()}.pdf`)
  writeFileSync(pdf, await programmePdf(p, layout, new Date('2026-12-07T10:00:00Z')))
  return {
    info: execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }),
    text: execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' }),
  }
}

describe('programme layouts', () => {
  it.each([
    ['a4', 1, '595.28 x 841.89'],
    ['a5', 4, '419.53 x 595.28'],
    ['a3', 1, '841.89 x 1190.55'],
  ] as const)(
    'an empty %s programme is a tagged file of %i page(s) saying there is nothing',
    async (layout, pages, size) => {
      const { info, text } = await file(programme('Sistema Bibliotecario Valle Seriana'), layout)
      expect(info).toMatch(new RegExp(`Pages:\\s+${pages}\\n`))
      expect(info).toContain(`Page size:       ${size}`)
      expect(info).toMatch(/Tagged:\s+yes/)
      expect(text).toContain('Nessun evento in programma per questa ricerca.')
    },
  )

  it('a title outside the Latin set stays text (DejaVu Sans beside Titillium Web)', async () => {
    const entry = {
      id: 1,
      title: 'Λέσχη ανάγνωσης — Читаем вместе',
      url: 'http://localhost:4321/eventi/lettura',
      start: '2026-12-12T09:30:00.000Z',
      end: '2026-12-12T10:30:00.000Z',
      allDay: false,
      status: null,
      place: 'Biblioteca comunale di Albino',
      audience: 'Famiglie',
      booking: 'Ingresso libero, senza prenotazione',
      summary: '',
    }
    const { text } = await file(programme('Letture', [entry]), 'a4')
    expect(text).toContain('Λέσχη ανάγνωσης — Читаем вместе')
    expect(text).toContain('10:30–11:30')
  })
})
