import PDFDocument from 'pdfkit'
import type { AgeBand, RegistrationStatus } from '../../collections/enums'
import { catalogue } from '../../shared/strings'
import { pdfFonts } from '../pdf-fonts'
import type { DateSheet, DeskBooking } from './desk'
import { peopleOf } from './mail'

const rome = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))

const MARGIN = 40
const FOOTER = 36

type Column = { title: string; width: number; cell: (b: DeskBooking, n: number) => string; box?: boolean }

/**
 * The printable list of one date (A4): the event, the date and place, the counts, then the bookings by
 * section (places, waiting list, cancelled), each with a box to tick on paper when the person arrives (already
 * ticked for arrivals recorded in the admin). Text is real text (searchable, readable by a screen reader).
 */
export const listPdf = (sheet: DateSheet, now = new Date()): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const t = catalogue('it').bookingDesk
    const r = catalogue('it').registrations
    const doc = new PDFDocument({
      size: 'A4',
      margin: MARGIN,
      bufferPages: true,
      lang: 'it-IT',
      displayTitle: true,
      info: { Title: `${t.pdfTitle}: ${sheet.event.title}`, Author: catalogue('it').mail.network },
    })
    const chunks: Buffer[] = []
    doc.on('data', (chunk: Buffer) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
    const f = pdfFonts(doc)
    const face = f.face
    const width = doc.page.width - 2 * MARGIN
    const bottom = () => doc.page.height - MARGIN - FOOTER

    // Heading: the event, the date, the place.
    const day = rome(sheet.start, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    const hours = [sheet.start, sheet.end]
      .filter((v): v is string => !!v)
      .map((v) => rome(v, { hour: '2-digit', minute: '2-digit' }))
      .join('–')
    doc.font(face(t.pdfTitle, true)).fontSize(10).fillColor('#444444').text(t.pdfTitle.toUpperCase())
    doc.font(face(sheet.event.title, true)).fontSize(17).fillColor('#000000').text(sheet.event.title)
    doc.moveDown(0.2)
    const line = [`${day}, ${hours}`, sheet.event.place].filter(Boolean).join(' · ')
    doc.font(face(line)).fontSize(11).text(line)
    if (sheet.status && sheet.status !== 'scheduled')
      doc.font(f.bold).text(catalogue('it').site.statusLabels[sheet.status as 'cancelled'] ?? sheet.status)

    // Counts.
    const p = sheet.counts.people
    const counts = [
      `${t.columns.places}: ${sheet.capacity ?? t.unlimited}`,
      `${t.columns.confirmed}: ${p.confirmed + p.attended}`,
      `${t.columns.attended}: ${p.attended}`,
      `${t.columns.waiting}: ${p.waiting}`,
      ...(p.offered ? [`${t.columns.offered}: ${p.offered}`] : []),
      `${t.columns.cancelled}: ${p.cancelled}`,
      `${t.columns.left}: ${sheet.left ?? t.unlimited}`,
    ].join('   ')
    doc.moveDown(0.4).font(f.regular).fontSize(10).text(counts)
    if (sheet.attendance)
      doc.text(
        `${t.total}: ${sheet.attendance.total ?? 0}   ${t.walkIns}: ${sheet.attendance.walkIns ?? 0}   ${t.checkedIn}: ${sheet.attendance.checkedIn ?? 0}`,
      )
    doc.moveDown(0.8)

    const question = sheet.settings.question
    const answered = question || sheet.bookings.some((b) => b.answer)
    const people = (b: DeskBooking) =>
      peopleOf(
        {
          adults: b.adults,
          children: Object.entries(b.bands).flatMap(([band, n]) =>
            Array.from({ length: n ?? 0 }, () => ({ band: band as AgeBand })),
          ),
        },
        'it',
      )
    const contact = (b: DeskBooking) => [b.phone, b.email].filter(Boolean).join('\n')
    const box = 38
    const columns: Column[] = answered
      ? [
          { title: '', width: box, cell: () => '', box: true },
          { title: t.bookingColumns.name, width: 125, cell: (b, n) => `${n}. ${b.name ?? t.purged}` },
          { title: t.bookingColumns.contact, width: 115, cell: contact },
          { title: t.bookingColumns.people, width: 105, cell: people },
          { title: t.csvColumns.answer, width: width - box - 345, cell: (b) => b.answer ?? '' },
        ]
      : [
          { title: '', width: box, cell: () => '', box: true },
          { title: t.bookingColumns.name, width: 160, cell: (b, n) => `${n}. ${b.name ?? t.purged}` },
          { title: t.bookingColumns.contact, width: 145, cell: contact },
          { title: t.bookingColumns.people, width: width - box - 305, cell: people },
        ]

    const pad = 4
    const heightOf = (b: DeskBooking, n: number) =>
      Math.max(
        box,
        ...columns.map((c) => {
          const value = c.cell(b, n)
          doc.font(face(value)).fontSize(9.5)
          return value ? doc.heightOfString(value, { width: c.width - 2 * pad }) + 2 * pad : 0
        }),
      )
    const header = () => {
      const y = doc.y
      let x = MARGIN
      doc.font(f.bold).fontSize(9).fillColor('#000000')
      for (const c of columns) {
        doc.text(c.box ? t.pdfSign : c.title, x + (c.box ? 0 : pad), y, {
          width: c.box ? c.width : c.width - 2 * pad,
          lineBreak: false,
        })
        x += c.width
      }
      doc
        .moveTo(MARGIN, y + 13)
        .lineTo(MARGIN + width, y + 13)
        .lineWidth(0.8)
        .strokeColor('#000000')
        .stroke()
      doc.y = y + 16
    }
    const section = (title: string, rows: DeskBooking[], tickable: boolean) => {
      if (!rows.length) return
      if (doc.y + 60 > bottom()) doc.addPage()
      doc.font(face(title, true)).fontSize(12).fillColor('#000000').text(`${title} (${rows.length})`, MARGIN, doc.y)
      doc.moveDown(0.3)
      header()
      rows.forEach((b, i) => {
        const h = heightOf(b, i + 1)
        if (doc.y + h > bottom()) {
          doc.addPage()
          header()
        }
        const y = doc.y
        let x = MARGIN
        for (const c of columns) {
          if (c.box && tickable) {
            doc
              .rect(x + 10, y + 4, 13, 13)
              .lineWidth(1)
              .strokeColor('#000000')
              .stroke()
            if (b.status === 'attended')
              doc
                .moveTo(x + 12.5, y + 10.5)
                .lineTo(x + 15.5, y + 14)
                .lineTo(x + 21, y + 6.5)
                .lineWidth(1.6)
                .stroke()
          } else if (!c.box) {
            const value = c.cell(b, i + 1)
            doc
              .font(face(value))
              .fontSize(9.5)
              .fillColor('#000000')
              .text(value, x + pad, y + pad, { width: c.width - 2 * pad })
          }
          x += c.width
        }
        doc
          .moveTo(MARGIN, y + h)
          .lineTo(MARGIN + width, y + h)
          .lineWidth(0.4)
          .strokeColor('#888888')
          .stroke()
        doc.y = y + h
      })
      doc.x = MARGIN
      doc.moveDown(1)
    }

    const by = (...statuses: RegistrationStatus[]) => sheet.bookings.filter((b) => statuses.includes(b.status))
    section(t.columns.confirmed, by('confirmed', 'attended'), true)
    section(r.statuses.waiting, by('offered', 'waiting'), true)
    section(t.columns.cancelled, by('cancelled'), false)
    if (!sheet.bookings.length) doc.font(f.regular).fontSize(11).text(t.noBookings)

    // Footer on every page: when it was made, that it holds personal data, the page number.
    const range = doc.bufferedPageRange()
    const made = rome(now.toISOString(), {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    })
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i)
      const y = doc.page.height - MARGIN - FOOTER + 12
      doc.font(f.regular).fontSize(8).fillColor('#333333')
      doc.text(t.pdfFooter(made), MARGIN, y, { width: width - 80, lineBreak: true, height: FOOTER })
      doc.text(t.pdfPage(i - range.start + 1, range.count), MARGIN + width - 80, y, {
        width: 80,
        align: 'right',
        lineBreak: false,
      })
    }
    doc.end()
  })
