import { readdir, rm, stat } from 'node:fs/promises'
import path from 'node:path'
import type { Payload, Where } from 'payload'
import { refId } from '../../collections/access/roles'
import { AGE_BANDS, type AgeBand } from '../../collections/enums'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { completeExport, exportsDir, failExport, exportFilePath as fileOf, readExportFile } from '../export-files'
import type { Export } from '../payload-types'
import { csvCell } from '../tables'
import { type DateSheet, dateSheet } from './desk'
import { listPdf } from './pdf'
import { inTransaction } from './places'
import { type DeskScope, deskDate, parseId, type Refusal, refuse, scoped } from './scope'

type Id = number | string

/** A generated list is personal data: it is kept a day, then the file and its row are deleted. */
export const EXPORT_HOURS = 24
export const LIST_PDF = 'registrations-pdf'

const rome = (iso: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', ...options }).format(new Date(iso))

/** `iscrizioni-letture-animate-2026-03-14-1030.csv`: the event and the date, in Rome time, safe anywhere. */
const fileName = (sheet: { event: { id: Id; slug?: string | null }; start: string }, extension: 'csv' | 'pdf') => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(sheet.start))
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  const slug = (sheet.event.slug ?? String(sheet.event.id))
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return `iscrizioni-${slug || sheet.event.id}-${part('year')}-${part('month')}-${part('day')}-${part('hour')}${part('minute')}.${extension}`
}

/** The bands a sheet's columns show: the event's, then any other a booking has. */
const bandsShown = (sheet: DateSheet): AgeBand[] => {
  const used = new Set<AgeBand>(sheet.settings.ageBands)
  for (const b of sheet.bookings) for (const band of Object.keys(b.bands)) used.add(band as AgeBand)
  return AGE_BANDS.filter((b) => used.has(b))
}

/**
 * The list of a date as a CSV for Italian Excel: UTF-8 with a byte-order mark, `;` between cells, CRLF
 * between rows, one row per booking (every status), children counted per age band; cells that would run as
 * formulas are neutralised.
 */
export const sheetCsv = (sheet: DateSheet): string => {
  const t = catalogue('it').bookingDesk
  const r = catalogue('it').registrations
  const bands = bandsShown(sheet)
  const answered = !!sheet.settings.question || sheet.bookings.some((b) => b.answer)
  const when = (iso: string | null) =>
    iso
      ? rome(iso, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).replace(
          ',',
          '',
        )
      : ''
  const c = t.csvColumns
  const head = [
    c.name,
    c.email,
    c.phone,
    c.adults,
    ...bands.map((b) => r.ageBands[b]),
    c.people,
    c.status,
    c.source,
    c.created,
    c.arrived,
    ...(answered ? [c.answer] : []),
  ]
  const rows = sheet.bookings.map((b) => [
    b.purged ? t.purged : b.name,
    b.email,
    b.phone,
    b.adults,
    ...bands.map((band) => b.bands[band] ?? 0),
    b.people,
    r.statuses[b.status] ?? b.status,
    r.sources[b.source] ?? b.source,
    when(b.createdAt),
    b.status === 'attended' ? when(b.checkedInAt) : '',
    ...(answered ? [b.answer] : []),
  ])
  return `\uFEFF${[head, ...rows].map((row) => row.map(csvCell).join(';')).join('\r\n')}\r\n`
}

/** The CSV of one date, if the caller may see its bookings (built on request: small, no side effect). */
export const dateCsv = async (
  payload: Payload,
  scope: DeskScope,
  rawEvent: unknown,
  rawStart: unknown,
): Promise<{ ok: true; filename: string; body: string } | Refusal> => {
  const found = await dateSheet(payload, scope, rawEvent, rawStart)
  if (!found.ok) return found
  return { ok: true, filename: fileName(found.sheet, 'csv'), body: sheetCsv(found.sheet) }
}

type ListParams = { event: Id; start: string; where: Where | null }

/**
 * Asks for the printable PDF of a date: an `exports` row (queued) and the `renderExport` job, in one
 * transaction; the job builds the file. The row keeps the caller's scope, so the list holds exactly the
 * bookings the caller may see; it expires after a day.
 */
export const requestListPdf = async (
  payload: Payload,
  scope: DeskScope,
  rawEvent: unknown,
  rawStart: unknown,
  now = new Date(),
): Promise<{ ok: true; id: Id } | Refusal> => {
  const found = await deskDate(payload, scope, rawEvent, rawStart)
  if (!found.ok) return found
  const { event, start } = found.date
  const params: ListParams = { event: event.id, start: start.toISOString(), where: scope.where }
  const title = `${catalogue('it').bookingDesk.pdfTitle}: ${event.title}, ${rome(start.toISOString(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  })}`
  const id = await inTransaction(payload, async (req) => {
    const row = await payload.create({
      collection: SLUGS.exports,
      data: {
        title: title.slice(0, 200),
        kind: LIST_PDF,
        status: 'queued',
        params,
        filename: fileName({ event, start: params.start }, 'pdf'),
        mimeType: 'application/pdf',
        expiresAt: new Date(now.getTime() + EXPORT_HOURS * 3_600_000).toISOString(),
        requestedBy: typeof scope.user.id === 'number' && scope.user.id > 0 ? scope.user.id : null,
        system: refId(event.system) as number,
        library: (refId(event.library) as number | null) ?? null,
      },
      overrideAccess: true,
      depth: 0,
      req,
    })
    await payload.jobs.queue({
      task: TASKS.renderExport,
      input: { exportId: String(row.id) },
      // The fast queue (every 5 s): the librarian is waiting for the file; it takes a fraction of a second.
      queue: QUEUES.mail,
      req,
    })
    return row.id as Id
  })
  return { ok: true, id }
}

/**
 * Builds the file of a queued export (the `renderExport` job) into the data folder and marks the row ready;
 * a failure is written on the row (the page offers to ask again) and logged. A row no longer queued (already
 * built, expired and deleted) is left alone.
 */
export const renderExport = async (
  payload: Payload,
  rawId: unknown,
  now = new Date(),
): Promise<'ready' | 'failed' | 'skipped'> => {
  const id = parseId(payload, rawId)
  const row =
    id == null
      ? null
      : ((await payload.findByID({
          collection: SLUGS.exports,
          id,
          depth: 0,
          overrideAccess: true,
          disableErrors: true,
        })) as Export | null)
  if (row?.status !== 'queued') return 'skipped'
  const what = 'exports: the file could not be built'
  if (row.kind !== LIST_PDF) return failExport(payload, row.id, `unknown kind ${row.kind}`, what)
  const params = (row.params ?? {}) as Partial<ListParams>
  const found = await dateSheet(payload, { user: { id: 0 }, where: params.where ?? null }, params.event, params.start)
  if (!found.ok) return failExport(payload, row.id, found.message, what)
  const { sheet } = found
  return completeExport(payload, row.id, () => listPdf(sheet, now), what)
}

/** The exports of a date the caller may see that have not expired, newest first (the sheet shows them). */
export const listExports = async (
  payload: Payload,
  scope: DeskScope,
  key: { event: Id; start: string },
  now = new Date(),
): Promise<Pick<Export, 'id' | 'status' | 'createdAt' | 'updatedAt' | 'expiresAt' | 'filename'>[]> => {
  const { docs } = await payload.find({
    collection: SLUGS.exports,
    where: scoped(
      {
        and: [
          { kind: { equals: LIST_PDF } },
          { expiresAt: { greater_than: now.toISOString() } },
          { createdAt: { greater_than: new Date(now.getTime() - EXPORT_HOURS * 3_600_000).toISOString() } },
        ],
      },
      scope,
    ),
    sort: '-createdAt',
    limit: 50,
    depth: 0,
    overrideAccess: true,
  })
  return (docs as Export[]).filter((d) => {
    const p = (d.params ?? {}) as Partial<ListParams>
    return String(p.event) === String(key.event) && p.start === key.start
  })
}

/** A ready file the caller may download: 404 none, 403 another system's, 409 not ready, 410 expired. */
export const exportFile = async (
  payload: Payload,
  scope: DeskScope,
  rawId: unknown,
  now = new Date(),
): Promise<{ ok: true; filename: string; mimeType: string; body: Buffer } | Refusal> => {
  const id = parseId(payload, rawId)
  if (id == null) return refuse(404, 'noExport')
  const byId: Where = { id: { equals: id } }
  const row = (
    await payload.find({
      collection: SLUGS.exports,
      where: scoped(byId, scope),
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
  ).docs[0] as Export | undefined
  if (!row) {
    const exists =
      scope.where && (await payload.count({ collection: SLUGS.exports, where: byId, overrideAccess: true }))
    return exists?.totalDocs ? refuse(403, 'forbidden') : refuse(404, 'noExport')
  }
  if (row.expiresAt && new Date(row.expiresAt) <= now) return refuse(410, 'exportExpired')
  if (row.status === 'queued') return refuse(409, 'exportPending')
  if (row.status !== 'ready') return refuse(409, 'exportFailed')
  try {
    const body = await readExportFile(row.id)
    return { ok: true, filename: row.filename ?? `${row.id}.pdf`, mimeType: row.mimeType ?? 'application/pdf', body }
  } catch {
    return refuse(410, 'exportExpired')
  }
}

/**
 * Deletes expired exports (the daily `purgeExports` job): their files and rows, and any file in the folder
 * that no row names (a crash between writing and recording). Returns how many files went.
 */
export const purgeExports = async (payload: Payload, now = new Date()): Promise<number> => {
  const { docs } = await payload.find({
    collection: SLUGS.exports,
    where: { expiresAt: { less_than_equal: now.toISOString() } },
    select: { kind: true },
    pagination: false,
    depth: 0,
    overrideAccess: true,
  })
  let files = 0
  for (const { id } of docs) {
    await rm(fileOf(id), { force: true })
    files++
  }
  if (docs.length)
    await payload.delete({
      collection: SLUGS.exports,
      where: { id: { in: docs.map((d) => d.id) } },
      overrideAccess: true,
    })
  const names = await readdir(exportsDir()).catch(() => [] as string[])
  if (names.length) {
    const { docs: kept } = await payload.find({
      collection: SLUGS.exports,
      select: { kind: true },
      pagination: false,
      depth: 0,
      overrideAccess: true,
    })
    const known = new Set(kept.map((d) => path.basename(fileOf(d.id))))
    for (const name of names) {
      if (known.has(name)) continue
      const file = path.join(exportsDir(), name)
      const { mtimeMs } = await stat(file).catch(() => ({ mtimeMs: now.getTime() }))
      // A file being written has no row yet only for an instant; an hour's grace leaves it alone.
      if (now.getTime() - mtimeMs < 3_600_000) continue
      await rm(file, { force: true })
      files++
    }
  }
  if (files || docs.length) payload.logger.info({ files, rows: docs.length }, 'exports: expired files deleted')
  return files
}
