// The printed programme (issue 17) on the demo seed: each layout is built by the job (never by the request), is a
// tagged PDF in Italian with its title, holds every event's title as real text, is not blank once printed, and its
// QR codes lead to the programme's feed and to the events' pages.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Export } from '../../cms/payload-types'
import {
  type Layout,
  PROGRAMME_PDF,
  type Programme,
  programmeFile,
  readProgramme,
  requestProgramme,
} from '../../cms/print'
import { seedNetwork } from '../../cms/seed'
import { QUEUES, SLUGS } from '../../collections/slugs'
import { getPayload, login, type Payload, rest } from '../helpers/payload'

let payload: Payload
let dir: string

beforeAll(async () => {
  payload = await getPayload()
  await seedNetwork(payload, { events: 80 })
  dir = mkdtempSync(path.join(tmpdir(), 'print-'))
}, 180_000)
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true })
  await payload.destroy()
})

const runJobs = async () => {
  for (let i = 0; i < 5; i++) if ((await payload.jobs.run({ queue: QUEUES.mail, limit: 20 })).noJobsRemaining) break
}

/** Asks for a programme as the site or the admin does, lets the job build it, and returns the file. */
const built = async (address: string, layout: Layout): Promise<{ id: number | string; pdf: string }> => {
  const asked = await requestProgramme(payload, { address, layout })
  if (!asked.ok) throw new Error(asked.message)
  expect(asked.status).toBe('queued')
  const before = await programmeFile(payload, asked.id)
  expect(before).toMatchObject({ ok: false, status: 409 })
  await runJobs()
  const file = await programmeFile(payload, asked.id)
  if (!file.ok) throw new Error(file.message)
  const pdf = path.join(dir, `${String(asked.id)}.pdf`)
  writeFileSync(pdf, file.body)
  return { id: asked.id, pdf }
}

const text = (pdf: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' })
const words = (value: string) => value.replace(/\s+/g, ' ').trim()
const info = (pdf: string) => execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })

/** The first page as pixels (RGBA) at `dpi`, through Debian's pdftoppm. */
const firstPage = async (pdf: string, dpi = 150) => {
  const base = path.join(dir, `${path.basename(pdf, '.pdf')}-${dpi}`)
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-singlefile', '-png', pdf, base])
  const { data, info: size } = await sharp(`${base}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data: new Uint8ClampedArray(data), width: size.width, height: size.height }
}

const inkShare = (page: { data: Uint8ClampedArray }) => {
  let ink = 0
  for (let i = 0; i < page.data.length; i += 4)
    if ((page.data[i] ?? 255) < 200 || (page.data[i + 1] ?? 255) < 200 || (page.data[i + 2] ?? 255) < 200) ink++
  return ink / (page.data.length / 4)
}

type Page = { data: Uint8ClampedArray; width: number; height: number }

/** Every QR code on the page: jsQR reads one code per image, so the page is read through overlapping windows. */
const qrCodes = (page: Page, window: number): string[] => {
  const found = new Set<string>()
  const step = Math.floor(window / 3)
  for (let y0 = 0; y0 < page.height; y0 += step)
    for (let x0 = 0; x0 < page.width; x0 += step) {
      const w = Math.min(window, page.width - x0)
      const h = Math.min(window, page.height - y0)
      if (w < window / 2 || h < window / 2) continue
      const crop = new Uint8ClampedArray(w * h * 4)
      for (let y = 0; y < h; y++)
        crop.set(page.data.subarray(((y0 + y) * page.width + x0) * 4, ((y0 + y) * page.width + x0 + w) * 4), y * w * 4)
      const code = jsQR(crop, w, h, { inversionAttempts: 'dontInvert' })
      if (code?.data) found.add(code.data)
    }
  return [...found]
}

/** The document catalogue's accessibility entries, read from the file's objects (pdfkit leaves them uncompressed). */
const structure = (pdf: string) => {
  const raw = readFileSync(pdf).toString('latin1')
  return {
    structTree: /\/StructTreeRoot \d+ 0 R/.test(raw),
    marked: /\/MarkInfo/.test(raw) && /\/Marked true/.test(raw),
    lang: /\/Lang \(it-IT\)/.test(raw),
    displayTitle: /\/DisplayDocTitle true/.test(raw),
    title: /\/Info \d+ 0 R/.test(raw) && /\/Title (\d+ 0 R|\(|<)/.test(raw),
    headings: /\/S \/H1/.test(raw),
    figures: (raw.match(/\/S \/Figure/g) ?? []).length,
    figuresWithAlt: (raw.match(/\/S \/Figure[^>]*\/Alt/g) ?? []).length,
    version: raw.slice(0, 8),
  }
}

describe('printed programme', () => {
  let system: Programme

  it('an A4 programme of the network’s month holds every title as text and QR codes to its feed and its events', async () => {
    const address = '/eventi?quando=mese'
    system = await readProgramme(payload, address)
    expect(system.entries.length).toBeGreaterThan(3)
    const { pdf } = await built(address, 'a4')
    const layer = words(text(pdf))
    for (const e of system.entries) expect(layer).toContain(words(e.title))
    expect(layer).toContain('Tutti gli eventi')
    expect(info(pdf)).toMatch(/Page size:\s+595\.28 x 841\.89/)
    // No blank page: every page lists dates (page furniture written past the margin would add empty ones).
    const pages = Number(/Pages:\s+(\d+)/.exec(info(pdf))?.[1])
    for (let i = 1; i <= pages; i++)
      expect(execFileSync('pdftotext', ['-f', String(i), '-l', String(i), pdf, '-'], { encoding: 'utf8' })).toMatch(
        /\d{2}:\d{2}|tutto il giorno/,
      )

    const page = await firstPage(pdf)
    expect(inkShare(page)).toBeGreaterThan(0.02)
    const codes = [...qrCodes(page, 180), ...qrCodes(page, 280)]
    expect(codes).toContain('http://localhost:4321/calendario.ics?quando=mese')
    const events = new Set(system.entries.map((e) => e.url))
    const onPage = codes.filter((c) => c.includes('/eventi/'))
    expect(onPage.length).toBeGreaterThan(0)
    for (const c of onPage) expect(events.has(c)).toBe(true)
    expect(onPage).toContain(system.entries[0]?.url)
  })

  it('the PDF is tagged: structure tree, marked content, Italian, its title shown, figures with alternative text', async () => {
    const { pdf } = await built('/eventi?sistema=valle-seriana', 'a5')
    const s = structure(pdf)
    expect(s).toMatchObject({
      structTree: true,
      marked: true,
      lang: true,
      displayTitle: true,
      title: true,
      headings: true,
    })
    expect(s.version).toBe('%PDF-1.7')
    expect(s.figures).toBeGreaterThan(1)
    expect(s.figuresWithAlt).toBe(s.figures)
    expect(info(pdf)).toMatch(/Tagged:\s+yes/)
    expect(info(pdf)).toMatch(/Title:\s+Programma: Sistema Bibliotecario Valle Seriana/)
  })

  it('the A5 booklet has a multiple of four pages and every title', async () => {
    const { pdf } = await built('/eventi?quando=mese&gratuito=1', 'a5')
    const pages = Number(/Pages:\s+(\d+)/.exec(info(pdf))?.[1])
    expect(pages % 4).toBe(0)
    expect(info(pdf)).toMatch(/Page size:\s+419\.53 x 595\.28/)
    const free = await readProgramme(payload, '/eventi?quando=mese&gratuito=1')
    const layer = words(text(pdf))
    for (const e of free.entries) expect(layer).toContain(words(e.title))
    expect(inkShare(await firstPage(pdf))).toBeGreaterThan(0.02)
  })

  it('an A3 poster of a rassegna shows its dates and a QR code to its feed', async () => {
    const { docs } = await payload.find({ collection: SLUGS.series, limit: 20, depth: 0, overrideAccess: true })
    let address = ''
    let programme: Programme | null = null
    for (const s of docs) {
      const candidate = `/eventi?rassegna=${s.slug}`
      const p = await readProgramme(payload, candidate)
      if (p.entries.length) {
        address = candidate
        programme = p
        break
      }
    }
    if (!programme) throw new Error('the demo seed has no rassegna with coming dates')
    const { pdf } = await built(address, 'a3')
    expect(info(pdf)).toMatch(/Page size:\s+841\.89 x 1190\.55/)
    expect(info(pdf)).toMatch(/Pages:\s+1\n/)
    const layer = words(text(pdf))
    for (const e of programme.entries.slice(0, 12)) expect(layer).toContain(words(e.title))
    const page = await firstPage(pdf, 100)
    expect(inkShare(page)).toBeGreaterThan(0.02)
    const codes = qrCodes(page, 360)
    const single = new Set(programme.entries.map((e) => e.url)).size === 1
    if (single) expect(codes).toContain(programme.entries[0]?.url)
    expect(codes).toContain(`http://localhost:4321/calendario.ics?${programme.query}`)
  })

  it('an A3 poster of one event (`evento=`) leads to its page and to its calendar file', async () => {
    const month = await readProgramme(payload, '/eventi?quando=mese')
    const slug = month.entries[0]?.url.split('/eventi/')[1] as string
    const programme = await readProgramme(payload, `/eventi?evento=${slug}`)
    expect(new Set(programme.entries.map((e) => e.url))).toEqual(new Set([`http://localhost:4321/eventi/${slug}`]))
    const { pdf } = await built(`/eventi?evento=${slug}`, 'a3')
    expect(info(pdf)).toMatch(/Pages:\s+1\n/)
    expect(words(text(pdf))).toContain(words(programme.title))
    const codes = qrCodes(await firstPage(pdf, 100), 360)
    expect(codes).toContain(`http://localhost:4321/eventi/${slug}`)
    expect(codes).toContain(`http://localhost:4321/eventi/${slug}.ics`)
    expect(await requestProgramme(payload, { address: '/eventi?evento=nessuno', layout: 'a3' })).toMatchObject({
      ok: false,
      status: 400,
    })
  })

  it('the same filter and layout asked again gets the same file; a bad address or layout is refused', async () => {
    const a = await requestProgramme(payload, { address: 'sistema=valle-seriana&quando=mese', layout: 'a3' })
    const b = await requestProgramme(payload, {
      address: 'http://x/eventi?quando=mese&sistema=valle-seriana',
      layout: 'a3',
    })
    expect(a).toMatchObject({ ok: true })
    expect(b).toEqual(a)
    expect(await requestProgramme(payload, { address: '/eventi?sistema=nessuno', layout: 'a4' })).toMatchObject({
      ok: false,
      status: 400,
    })
    expect(await requestProgramme(payload, { address: '/eventi?sistema=valle-seriana', layout: 'a0' })).toMatchObject({
      ok: false,
      status: 400,
    })
  })

  it('only programmes are public: another generated file is not served as a programme', async () => {
    const other = (await payload.create({
      collection: SLUGS.exports,
      data: { title: 'Elenco iscritti', kind: 'registrations-pdf', status: 'ready' },
      overrideAccess: true,
    })) as Export
    expect(await programmeFile(payload, other.id)).toMatchObject({ ok: false, status: 404 })
    const rows = await payload.count({ collection: SLUGS.exports, where: { kind: { equals: PROGRAMME_PDF } } })
    expect(rows.totalDocs).toBeGreaterThan(0)
  })

  it('staff ask from the admin (the request only queues); anyone downloads the programme once the job built it', async () => {
    const user = { email: 'stampa@test.example.org', password: 'Stampa-Programma-2026!' }
    await payload.create({
      collection: SLUGS.users,
      data: { ...user, name: 'Redazione', roles: ['network-admin'] },
      overrideAccess: true,
    })
    const body = { indirizzo: '/eventi?quando=settimana', formato: 'a4' }
    expect((await rest('POST', '/exports/programme', { body })).status).toBe(401)
    const token = await login(user.email, user.password)
    const asked = await rest('POST', '/exports/programme', { token, body })
    expect(asked.status).toBe(202)
    expect(asked.json).toMatchObject({ status: 'queued' })
    expect((await rest('GET', `/exports/${asked.json.id}/download`)).status).toBe(409)
    expect((await rest('GET', `/exports/programme/${asked.json.id}`)).json).toMatchObject({ status: 'queued' })
    await runJobs()
    expect((await rest('GET', `/exports/programme/${asked.json.id}`)).json).toMatchObject({ status: 'ready' })
    const file = await rest('GET', `/exports/${asked.json.id}/download`)
    expect(file.status).toBe(200)
    expect(String(file.json).startsWith('%PDF-1.7')).toBe(true)
    const refused = await rest('POST', '/exports/programme', { token, body: { indirizzo: '/eventi?rassegna=nessuna' } })
    expect(refused.status).toBe(400)
  })
})
