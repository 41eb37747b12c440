import PDFDocument from 'pdfkit'
import QRCode from 'qrcode'
import { catalogue } from '../../shared/strings'
import { type PdfFonts, pdfFonts } from '../pdf-fonts'
import type { Programme, ProgrammeEntry } from './programme'

export const LAYOUTS = ['a4', 'a5', 'a3'] as const
export type Layout = (typeof LAYOUTS)[number]
export const isLayout = (value: unknown): value is Layout => LAYOUTS.includes(value as Layout)

/** bootstrap-italia's primary blue and its dark text colour. */
const PRIMARY = '#0066CC'
const DARK = '#17324D'
const GREY = '#455B71'

type Doc = PDFKit.PDFDocument
type Struct = PDFKit.PDFStructureElement

const rome = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))
const dayKey = (iso: string) => rome(iso, { year: 'numeric', month: '2-digit', day: '2-digit' })
const dayTitle = (iso: string) => {
  const words = rome(iso, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
  return words.charAt(0).toUpperCase() + words.slice(1)
}
const hours = (e: ProgrammeEntry) =>
  e.allDay
    ? catalogue('it').print.allDay
    : [e.start, e.end]
        .filter((v): v is string => !!v)
        .map((v) => rome(v, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }))
        .filter((v, i, all) => all.indexOf(v) === i)
        .join('–')

/** A QR code drawn as vector squares (sharp at any size), tagged as a figure with its alternative text. */
const qr = (doc: Doc, parent: Struct, text: string, x: number, y: number, size: number, alt: string) => {
  const code = QRCode.create(text, { errorCorrectionLevel: 'M' })
  const n = code.modules.size
  const quiet = 4
  const cell = size / (n + 2 * quiet)
  parent.add(
    doc.struct('Figure', { alt }, () => {
      doc.save()
      doc.rect(x, y, size, size).fill('#FFFFFF')
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++)
          if (code.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.05, cell + 0.05)
      doc.fill('#000000')
      doc.restore()
    }),
  )
}

/** Decoration and page furniture: not part of the reading order. */
const artifact = (doc: Doc, draw: () => void) => {
  doc.markContent('Artifact', { type: 'Pagination' })
  draw()
  doc.endMarkedContent()
}

type Sizes = {
  size: 'A4' | 'A5'
  margin: number
  title: number
  day: number
  name: number
  body: number
  small: number
  qr: number
  cover: number
}
const SIZES: Record<'a4' | 'a5', Sizes> = {
  a4: { size: 'A4', margin: 48, title: 26, day: 15, name: 13, body: 10, small: 8, qr: 66, cover: 104 },
  a5: { size: 'A5', margin: 34, title: 19, day: 12, name: 11, body: 8.5, small: 7, qr: 54, cover: 84 },
}

const open = (title: string, size: string, margin: number): Doc =>
  new PDFDocument({
    size,
    margin,
    bufferPages: true,
    pdfVersion: '1.7',
    tagged: true,
    lang: 'it-IT',
    displayTitle: true,
    info: { Title: title, Author: catalogue('it').print.network, Subject: title, Creator: 'Agenda RBB' },
  })

const collect = (doc: Doc): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

/** The blue band at the top of the cover with the network's name. */
const band = (doc: Doc, root: Struct, f: PdfFonts, height: number, fontSize: number) => {
  const t = catalogue('it').print
  artifact(doc, () => doc.rect(0, 0, doc.page.width, height).fill(PRIMARY))
  root.add(
    doc.struct('P', {}, () =>
      doc
        .font(f.bold)
        .fontSize(fontSize)
        .fillColor('#FFFFFF')
        .text(t.network.toUpperCase(), doc.page.margins.left, (height - fontSize) / 2, {
          characterSpacing: 1,
          lineBreak: false,
        }),
    ),
  )
}

/** Printed date and page numbers on every page (artifacts). */
const footers = (doc: Doc, f: PdfFonts, margin: number, fontSize: number, now: Date) => {
  const t = catalogue('it').print
  const range = doc.bufferedPageRange()
  const made = rome(now.toISOString(), { day: 'numeric', month: 'long', year: 'numeric' })
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i)
    const left = margin
    const width = doc.page.width - 2 * margin
    const y = doc.page.height - margin + fontSize
    // The footer sits in the bottom margin: without this pdfkit would start a new page for it.
    doc.page.margins.bottom = 0
    artifact(doc, () => {
      doc.font(f.regular).fontSize(fontSize).fillColor(GREY)
      doc.text(t.printed(made), left, y, { width: width - 90, lineBreak: false })
      doc.text(t.page(i - range.start + 1, range.count), left + width - 90, y, {
        width: 90,
        align: 'right',
        lineBreak: false,
      })
    })
  }
}

/**
 * The A4 list and the A5 booklet: a cover with the programme's name, period and the QR code of its calendar feed,
 * then the dates day by day, each with time, title, place, audience, booking and the QR code of its page. The A5
 * booklet has a multiple of four pages, so it prints as a folded booklet (printer's "booklet" setting).
 */
const listPdf = async (p: Programme, layout: 'a4' | 'a5', now: Date): Promise<Buffer> => {
  const t = catalogue('it').print
  const s = SIZES[layout]
  const title = `${t.programme}: ${p.title}`
  const doc = open(title, s.size, s.margin)
  const done = collect(doc)
  const f = pdfFonts(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  const left = s.margin
  const width = doc.page.width - 2 * s.margin
  const bottom = () => doc.page.height - s.margin - s.small * 2

  band(doc, root, f, s.margin * 0.9, s.small + 1)
  const top = s.margin * 1.4
  const textWidth = width - s.cover - 16
  doc.x = left
  doc.y = top
  root.add(
    doc.struct('P', {}, () =>
      doc
        .font(f.bold)
        .fontSize(s.body)
        .fillColor(PRIMARY)
        .text(t.programme.toUpperCase(), left, top, { width: textWidth }),
    ),
  )
  root.add(
    doc.struct('H1', {}, () =>
      doc.font(f.face(p.title, true)).fontSize(s.title).fillColor(DARK).text(p.title, { width: textWidth }),
    ),
  )
  if (p.period)
    root.add(
      doc.struct('P', {}, () =>
        doc.font(f.regular).fontSize(s.name).fillColor(DARK).text(p.period, { width: textWidth }),
      ),
    )
  const afterTitle = doc.y
  qr(doc, root, p.feedUrl, left + width - s.cover, top, s.cover, t.feedQr)
  root.add(
    doc.struct('P', {}, () =>
      doc
        .font(f.regular)
        .fontSize(s.small)
        .fillColor(GREY)
        .text(t.feedCaption, left + width - s.cover, top + s.cover + 2, { width: s.cover, align: 'center' }),
    ),
  )
  doc.x = left
  doc.y = Math.max(afterTitle, doc.y) + s.body
  artifact(doc, () =>
    doc
      .moveTo(left, doc.y)
      .lineTo(left + width, doc.y)
      .lineWidth(1.5)
      .strokeColor(PRIMARY)
      .stroke(),
  )
  doc.y += s.body

  if (!p.entries.length)
    root.add(doc.struct('P', {}, () => doc.font(f.regular).fontSize(s.name).fillColor(DARK).text(t.empty, left, doc.y)))

  const column = width - s.qr - 12
  const lines = (e: ProgrammeEntry) =>
    [e.status, e.place, e.audience ? `${t.audience}: ${e.audience}` : '', e.booking].filter((v): v is string => !!v)
  const heightOf = (e: ProgrammeEntry) => {
    doc.font(f.face(e.title, true)).fontSize(s.name)
    let h = doc.heightOfString(`${hours(e)}  ${e.title}`, { width: column })
    doc.font(f.regular).fontSize(s.body)
    for (const line of lines(e)) h += doc.heightOfString(line, { width: column })
    return Math.max(h, s.qr) + s.body
  }

  let day = ''
  for (const e of p.entries) {
    const h = heightOf(e)
    const newDay = dayKey(e.start) !== day
    const need = h + (newDay ? s.day * 2 : 0)
    if (doc.y + need > bottom()) doc.addPage()
    if (newDay) {
      day = dayKey(e.start)
      const words = dayTitle(e.start)
      doc.y += s.body * 0.3
      root.add(
        doc.struct('H2', {}, () =>
          doc.font(f.bold).fontSize(s.day).fillColor(PRIMARY).text(words, left, doc.y, { width }),
        ),
      )
      doc.y += s.body * 0.3
    }
    const y = doc.y
    const sect = doc.struct('Sect')
    root.add(sect)
    sect.add(
      doc.struct('H3', {}, () => {
        doc
          .font(f.bold)
          .fontSize(s.name)
          .fillColor(PRIMARY)
          .text(`${hours(e)}  `, left, y, { width: column, continued: true })
        doc.font(f.face(e.title, true)).fillColor(DARK).text(e.title, { width: column })
      }),
    )
    for (const line of lines(e))
      sect.add(
        doc.struct('P', {}, () =>
          doc
            .font(f.face(line, line === e.status))
            .fontSize(s.body)
            .fillColor(line === e.status ? '#A61919' : DARK)
            .text(line, left, doc.y, { width: column }),
        ),
      )
    qr(doc, sect, e.url, left + width - s.qr, y, s.qr, t.eventQr(e.title))
    sect.end()
    doc.x = left
    doc.y = Math.max(doc.y, y + s.qr) + s.body
  }
  if (p.more)
    root.add(
      doc.struct('P', {}, () =>
        doc.font(f.bold).fontSize(s.body).fillColor(DARK).text(t.more(p.more), left, doc.y, { width }),
      ),
    )
  // Pages of a folded booklet come in fours.
  if (layout === 'a5') while (doc.bufferedPageRange().count % 4) doc.addPage()
  root.end()
  footers(doc, f, s.margin, s.small, now)
  doc.end()
  return done
}

/** At most this many dates on a poster (a series' later dates are on the site, behind the QR code). */
const POSTER_DATES = 12

/**
 * The A3 poster of one event or one series: the title large, its dates, place, audience and booking, the QR code
 * of the event's page (of the programme on the agenda for several events) and of the calendar feed.
 */
const posterPdf = async (p: Programme, now: Date): Promise<Buffer> => {
  const t = catalogue('it').print
  // One event (all dates lead to the same page): its poster; otherwise the series' dates, each with its place.
  const single = new Set(p.entries.map((e) => e.url)).size === 1 ? p.entries[0] : undefined
  const heading = single?.title ?? p.title
  const doc = open(`${t.programme}: ${heading}`, 'A3', 64)
  const done = collect(doc)
  const f = pdfFonts(doc)
  const root = doc.struct('Document')
  doc.addStructure(root)
  const left = 64
  const width = doc.page.width - 128
  band(doc, root, f, 72, 16)
  doc.x = left
  doc.y = 120
  root.add(
    doc.struct('H1', {}, () =>
      doc.font(f.face(heading, true)).fontSize(54).fillColor(DARK).text(heading, left, 120, { width, lineGap: -4 }),
    ),
  )
  doc.moveDown(0.4)
  if (single?.summary)
    root.add(
      doc.struct('P', {}, () =>
        doc.font(f.face(single.summary)).fontSize(22).fillColor(DARK).text(single.summary, { width }),
      ),
    )
  else if (!single && p.period)
    root.add(doc.struct('P', {}, () => doc.font(f.regular).fontSize(24).fillColor(DARK).text(p.period, { width })))
  doc.moveDown(0.6)
  // The QR codes sit at the foot of the poster; the dates fill the space above them.
  const qrSize = 190
  const qrTop = doc.page.height - 64 - 24 - qrSize
  const limit = qrTop - 40
  const dateSize = single ? 26 : p.entries.length > 6 ? 17 : 20
  const detailSize = single ? 18 : 13
  const lineOf = (e: ProgrammeEntry) => {
    const when = `${dayTitle(e.start)}, ${hours(e)}`
    return {
      line: single ? when : `${when} – ${e.title}`,
      detail: [e.status, single ? null : e.place].filter(Boolean).join(' · '),
    }
  }
  const heightOf = (e: ProgrammeEntry) => {
    const { line, detail } = lineOf(e)
    doc.font(f.face(line, true)).fontSize(dateSize)
    let h = doc.heightOfString(line, { width }) + 6
    if (detail) h += doc.font(f.face(detail)).fontSize(detailSize).heightOfString(detail, { width })
    return h
  }
  const extras = single
    ? [single.place, single.audience ? `${t.audience}: ${single.audience}` : '', single.booking].filter(Boolean)
    : []
  doc.font(f.regular).fontSize(20)
  const extrasHeight = extras.reduce((h, line) => h + doc.heightOfString(line, { width }) + 4, 0)
  const list = doc.struct('L')
  root.add(list)
  let shown = 0
  for (const e of p.entries.slice(0, POSTER_DATES)) {
    if (doc.y + heightOf(e) + extrasHeight + 30 > limit) break
    const { line, detail } = lineOf(e)
    const item = doc.struct('LI')
    list.add(item)
    item.add(
      doc.struct('LBody', {}, () => {
        doc.font(f.face(line, true)).fontSize(dateSize).fillColor(PRIMARY).text(line, left, doc.y, { width })
        if (detail) doc.font(f.face(detail)).fontSize(detailSize).fillColor(DARK).text(detail, left, doc.y, { width })
      }),
    )
    item.end()
    doc.y += 6
    shown++
  }
  list.end()
  if (p.entries.length > shown)
    root.add(
      doc.struct('P', {}, () =>
        doc
          .font(f.bold)
          .fontSize(17)
          .fillColor(DARK)
          .text(t.more(p.entries.length - shown + p.more), left, doc.y, { width }),
      ),
    )
  if (!p.entries.length)
    root.add(doc.struct('P', {}, () => doc.font(f.regular).fontSize(22).fillColor(DARK).text(t.empty, left, doc.y)))
  doc.y += 12
  for (const line of extras)
    root.add(
      doc.struct('P', {}, () => {
        doc.font(f.face(line)).fontSize(20).fillColor(DARK).text(line, left, doc.y, { width })
        doc.y += 4
      }),
    )
  // The QR block is placed by hand at the foot of the page: it must not start a new page.
  doc.page.margins.bottom = 0
  artifact(doc, () =>
    doc
      .moveTo(left, qrTop - 20)
      .lineTo(left + width, qrTop - 20)
      .lineWidth(2)
      .strokeColor(PRIMARY)
      .stroke(),
  )
  // A single event's poster has its own QR code on the left, and its address beside it.
  if (single) qr(doc, root, single.url, left, qrTop, qrSize, t.eventQr(single.title))
  const address = single
    ? { text: single.url, x: left + qrSize + 16, width: width - 2 * qrSize - 32 }
    : { text: p.agendaUrl, x: left, width: width - qrSize - 32 }
  root.add(
    doc.struct('P', {}, () =>
      doc
        .font(f.regular)
        .fontSize(13)
        .fillColor(DARK)
        .text(address.text, address.x, qrTop + qrSize / 2 - 8, { width: address.width }),
    ),
  )
  qr(doc, root, p.feedUrl, left + width - qrSize, qrTop, qrSize, t.feedQr)
  root.add(
    doc.struct('P', {}, () =>
      doc
        .font(f.regular)
        .fontSize(11)
        .fillColor(GREY)
        .text(t.feedCaption, left, qrTop + qrSize + 4, {
          width,
          align: 'right',
          lineBreak: false,
        }),
    ),
  )
  root.end()
  footers(doc, f, 64, 10, now)
  doc.end()
  return done
}

/** The PDF of a programme in one of its layouts: tagged (structure, language, title), text as text. */
export const programmePdf = (p: Programme, layout: Layout, now = new Date()): Promise<Buffer> =>
  layout === 'a3' ? posterPdf(p, now) : listPdf(p, layout, now)
