import type { Endpoint } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { catalogue } from '../../../shared/strings'
import {
  buildReport,
  buildTables,
  parseFilter,
  statisticsScope,
  TABLE_NAMES,
  type TableName,
  withinScope,
} from '../../statistics'
import { tableCsv, tableFileName, tableXlsx } from '../../tables'
import { json } from '../http'

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * GET /api/attendance/statistics/:table?file=csv|xlsx&dal=…&al=…&sistema=… — one table of the statistics
 * view (/admin/statistiche) as a file, with the view's filters, within the caller's scope: a system's staff get
 * their system's figures whatever they ask for. Anonymous 401, anyone else without a scope 403.
 */
export const statisticsTableEndpoint: Endpoint = {
  path: '/statistics/:table',
  method: 'get',
  handler: async (req) => {
    const t = catalogue(req.i18n?.language === 'en' ? 'en' : 'it').statistics
    if (!req.user) return json({ error: t.refused }, 401)
    const scope = statisticsScope(staffOf(req))
    if (!scope) return json({ error: t.refused }, 403)
    const name = String(req.routeParams?.table ?? '')
    if (!(TABLE_NAMES as readonly string[]).includes(name)) return json({ error: t.none }, 404)
    const params = new URL(req.url ?? 'http://x/', 'http://x/').searchParams
    const parsed = parseFilter(params)
    if (!parsed.ok) return json({ error: t.badFilter(parsed.field) }, 400)
    const file = params.get('file') === 'xlsx' ? 'xlsx' : 'csv'
    const report = await buildReport(req.payload, withinScope(scope, parsed.filter))
    const table = (await buildTables(req.payload, t, report))[name as TableName]
    const body = file === 'xlsx' ? new Uint8Array(await tableXlsx(table)) : new TextEncoder().encode(tableCsv(table))
    return new Response(body, {
      headers: {
        'Content-Type': file === 'xlsx' ? XLSX : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${tableFileName(table.title, file)}"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
