import type { Payload } from 'payload'
import type { Staff } from '../../collections/access/roles'
import { fromWall } from '../../collections/lib/recurrence'
import { SLUGS } from '../../collections/slugs'
import { catalogue } from '../../shared/strings'
import { type Table, tableCsv, tableFileName, tableXlsx } from '../tables'
import { annualSummary } from './annual'
import { funderReport } from './funder'
import { maggioDeiLibri } from './maggio'
import { reportScope } from './scope'

const E = catalogue('it').reports.errors

export const REPORT_KINDS = ['maggio-dei-libri', 'annual', 'funder'] as const
export type ReportKind = (typeof REPORT_KINDS)[number]

/** A report file ready to send, or the reason it is refused (an Italian message and its HTTP status). */
export type ReportAnswer =
  | { ok: true; body: string | Buffer; contentType: string; filename: string }
  | { ok: false; status: 400 | 401 | 403 | 404; message: string }

const refuse = (status: 400 | 401 | 403 | 404, message: string): ReportAnswer => ({ ok: false, status, message })

const ID = /^[0-9a-f]{1,24}$/i
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const MAX_SPAN = 5 * 366 * 86_400_000

/** A Rome calendar day `YYYY-MM-DD` as the instant its midnight begins; `null` when it is not a real day. */
const romeMidnight = (text: string | null, plusDays = 0): string | null => {
  const m = DAY.exec(text ?? '')
  if (!m) return null
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const wall = new Date(Date.UTC(y, mo - 1, d))
  if (wall.getUTCFullYear() !== y || wall.getUTCMonth() !== mo - 1 || wall.getUTCDate() !== d) return null
  return fromWall(new Date(Date.UTC(y, mo - 1, d + plusDays))).toISOString()
}

/** The one document named by `?<param>=<id>`, read without access (reports are scoped by the caller's rows). */
const named = async (
  payload: Payload,
  collection: 'campaigns' | 'funders',
  id: string | null,
  field: 'title' | 'name',
) => {
  if (!id || !ID.test(id)) return null
  const { docs } = await payload.find({
    collection,
    where: { id: { equals: id } },
    select: { [field]: true },
    depth: 0,
    limit: 1,
    overrideAccess: true,
  })
  const doc = docs[0] as { id: number | string; title?: string; name?: string } | undefined
  return doc ? { id: doc.id, label: String(doc[field] ?? '') } : null
}

/**
 * One downloadable report for `user`: checks who asks (401 without a login, 403 for a role with no reach),
 * the parameters (400 with an Italian message), builds the table within the user's scope and writes it as
 * CSV or XLSX. Never throws on bad input.
 */
export const reportFile = async (
  payload: Payload,
  user: Staff | null,
  kind: ReportKind,
  params: URLSearchParams,
): Promise<ReportAnswer> => {
  if (!user) return refuse(401, E.login)
  const scope = reportScope(user)
  if (!scope) return refuse(403, E.forbidden)
  const format = params.get('format') ?? 'csv'
  if (format !== 'csv' && format !== 'xlsx') return refuse(400, E.format)
  let table: Table
  if (kind === 'maggio-dei-libri') {
    const campaign = await named(payload, SLUGS.campaigns, params.get('campaign'), 'title')
    if (!campaign) return refuse(400, E.campaign)
    table = (await maggioDeiLibri(payload, scope, { id: campaign.id, title: campaign.label })).table
  } else if (kind === 'annual') {
    const text = params.get('year') ?? ''
    const year = /^\d{4}$/.test(text) ? Number(text) : Number.NaN
    if (!(year >= 2000 && year <= 2100)) return refuse(400, E.year)
    table = await annualSummary(payload, scope, year)
  } else {
    const funder = await named(payload, SLUGS.funders, params.get('funder'), 'name')
    if (!funder) return refuse(400, E.funder)
    const from = romeMidnight(params.get('from'))
    const to = romeMidnight(params.get('to'), 1) // "al" includes its own day
    if (!from || !to || from >= to || Date.parse(to) - Date.parse(from) > MAX_SPAN) return refuse(400, E.period)
    table = await funderReport(payload, scope, { id: funder.id, name: funder.label }, { from, to })
  }
  return format === 'csv'
    ? {
        ok: true,
        body: tableCsv(table),
        contentType: 'text/csv; charset=utf-8',
        filename: tableFileName(table.title, 'csv'),
      }
    : {
        ok: true,
        body: await tableXlsx(table),
        contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        filename: tableFileName(table.title, 'xlsx'),
      }
}
