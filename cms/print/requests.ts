import type { Payload } from 'payload'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { completeExport, readExportFile } from '../export-files'
import type { Export } from '../payload-types'
import { isLayout, type Layout, programmePdf } from './pdf'
import { canonicalQuery, ProgrammeAddressError, readProgramme } from './programme'

type Id = number | string

export const PROGRAMME_PDF = 'programme-pdf'
/** A programme is public data: its file is kept a day (then purged with the other exports). */
export const PROGRAMME_HOURS = 24
/** The same filter and layout asked again within this time gets the same file (or the one being built). */
export const REUSE_MINUTES = 15
/** Programmes waiting for the job at once; beyond this a request is refused (a flood cannot fill the queue). */
export const MAX_PENDING = 20

type ProgrammeParams = { query: string; layout: Layout }

export type ProgrammeRequest = {
  /** An agenda address or its query (`/eventi?sistema=valle-seriana&quando=mese`). */
  address: string
  layout: unknown
  /** The staff member who asked from the admin (none from the public site). */
  user?: Id | null
}

export type ProgrammeState = { id: Id; status: 'queued' | 'ready' | 'failed'; filename: string }
export type ProgrammeRefusal = { ok: false; status: 400 | 404 | 409 | 410 | 503; message: string }

const refuse = (status: ProgrammeRefusal['status'], message: string): ProgrammeRefusal => ({
  ok: false,
  status,
  message,
})

const stateOf = (row: Export): ProgrammeState => ({
  id: row.id,
  status: row.status === 'ready' || row.status === 'failed' ? row.status : 'queued',
  filename: row.filename ?? `${row.id}.pdf`,
})

/** `programma-sistema-valle-seriana-quando-mese-2026-12-07-a4.pdf`. */
const fileName = (query: string, layout: Layout, now: Date) => {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(now)
  const words = query
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
  return `programma-${words || 'agenda'}-${day}-${layout}.pdf`
}

const sameProgramme = (row: Export, params: ProgrammeParams) => {
  const p = (row.params ?? {}) as Partial<ProgrammeParams>
  return p.query === params.query && p.layout === params.layout
}

/**
 * Asks for the printed programme of an agenda filter: the same filter and layout asked in the last minutes get
 * the file already built (or being built); otherwise an `exports` row (queued) and the `renderProgramme` job. The
 * request never builds the PDF itself.
 */
export const requestProgramme = async (
  payload: Payload,
  request: ProgrammeRequest,
  now = new Date(),
): Promise<({ ok: true } & ProgrammeState) | ProgrammeRefusal> => {
  const t = catalogue('it').print
  if (!isLayout(request.layout)) return refuse(400, t.invalid)
  let query: string
  try {
    query = await canonicalQuery(payload, request.address)
  } catch (error) {
    if (error instanceof ProgrammeAddressError) return refuse(400, `${t.invalid} ${error.message}`)
    throw error
  }
  const params: ProgrammeParams = { query, layout: request.layout }
  const { docs } = await payload.find({
    collection: SLUGS.exports,
    where: {
      and: [
        { kind: { equals: PROGRAMME_PDF } },
        { status: { in: ['queued', 'ready'] } },
        { createdAt: { greater_than: new Date(now.getTime() - REUSE_MINUTES * 60_000).toISOString() } },
      ],
    },
    sort: '-createdAt',
    limit: 200,
    depth: 0,
    overrideAccess: true,
  })
  const reused = (docs as Export[]).find((row) => sameProgramme(row, params))
  if (reused) return { ok: true, ...stateOf(reused) }
  const pending = await payload.count({
    collection: SLUGS.exports,
    where: { and: [{ kind: { equals: PROGRAMME_PDF } }, { status: { equals: 'queued' } }] },
    overrideAccess: true,
  })
  if (pending.totalDocs >= MAX_PENDING) return refuse(503, t.busy)
  const row = (await payload.create({
    collection: SLUGS.exports,
    data: {
      title: `${t.programme} (${t.layouts[params.layout]}): ${query ? `/eventi?${query}` : '/eventi'}`.slice(0, 200),
      kind: PROGRAMME_PDF,
      status: 'queued',
      params,
      filename: fileName(query, params.layout, now),
      mimeType: 'application/pdf',
      expiresAt: new Date(now.getTime() + PROGRAMME_HOURS * 3_600_000).toISOString(),
      requestedBy: typeof request.user === 'number' && request.user > 0 ? request.user : null,
    },
    overrideAccess: true,
    depth: 0,
  })) as Export
  // The fast queue (every 5 s): someone is waiting for the file.
  await payload.jobs.queue({ task: TASKS.renderProgramme, input: { exportId: String(row.id) }, queue: QUEUES.mail })
  return { ok: true, ...stateOf(row) }
}

const programmeRow = async (payload: Payload, rawId: unknown): Promise<Export | null> => {
  // Numeric ids on SQLite, ObjectIds on MongoDB.
  const id =
    typeof rawId === 'number'
      ? rawId
      : typeof rawId === 'string' && /^\d{1,15}$/.test(rawId)
        ? Number(rawId)
        : typeof rawId === 'string' && /^[a-f0-9]{24}$/.test(rawId)
          ? rawId
          : null
  if (id == null) return null
  const row = (await payload.findByID({
    collection: SLUGS.exports,
    id,
    depth: 0,
    overrideAccess: true,
    disableErrors: true,
  })) as Export | null
  return row?.kind === PROGRAMME_PDF ? row : null
}

/** Whether an export is a programme, and its state (null: no such programme). Programmes are public. */
export const programmeState = async (payload: Payload, rawId: unknown): Promise<ProgrammeState | null> => {
  const row = await programmeRow(payload, rawId)
  return row ? stateOf(row) : null
}

/** A ready programme's file: 404 none (or not a programme), 409 not ready or failed, 410 expired. */
export const programmeFile = async (
  payload: Payload,
  rawId: unknown,
  now = new Date(),
): Promise<{ ok: true; filename: string; body: Buffer } | ProgrammeRefusal> => {
  const t = catalogue('it').print
  const row = await programmeRow(payload, rawId)
  if (!row) return refuse(404, t.notFound)
  if (row.expiresAt && new Date(row.expiresAt) <= now) return refuse(410, t.notFound)
  if (row.status === 'queued') return refuse(409, t.pending)
  if (row.status !== 'ready') return refuse(409, t.failed)
  try {
    return { ok: true, filename: row.filename ?? `${row.id}.pdf`, body: await readExportFile(row.id) }
  } catch {
    return refuse(410, t.notFound)
  }
}

/**
 * Builds a queued programme (the `renderProgramme` job) into the data folder and marks it ready; a failure is
 * written on the row and logged. A row no longer queued is left alone.
 */
export const renderProgramme = async (
  payload: Payload,
  rawId: unknown,
  now = new Date(),
): Promise<'ready' | 'failed' | 'skipped'> => {
  const row = await programmeRow(payload, rawId)
  if (row?.status !== 'queued') return 'skipped'
  const params = (row.params ?? {}) as Partial<ProgrammeParams>
  return completeExport(
    payload,
    row.id,
    async () => {
      if (!isLayout(params.layout)) throw new Error(`unknown layout ${params.layout}`)
      return programmePdf(await readProgramme(payload, params.query ?? '', now), params.layout, now)
    },
    'print: the programme could not be built',
  )
}
