import type { Endpoint, PayloadRequest } from 'payload'
import { staffOf } from '../../../collections/access/roles'
import { isStaff } from '../../../collections/access/staff-only'
import { catalogue } from '../../../shared/strings'
import { PRINT_PATH } from '../../admin-paths'
import { programmeState, requestProgramme } from '../../print'
import { json, text } from '../http'
import { readFields } from '../registrations/form'

const viewPath = (req: PayloadRequest, query: Record<string, string>) =>
  `${req.payload.config.routes.admin}${PRINT_PATH}?${new URLSearchParams(query)}`

/**
 * POST /api/exports/programme — staff ask for the printed programme of an agenda address (`indirizzo`) in a layout
 * (`formato`: a4, a5, a3); the `renderProgramme` job builds it. A form goes back to "Stampa programma" with the
 * programme's id (303), JSON gets `{ id, status }` (202).
 */
export const programmeRequestEndpoint: Endpoint = {
  path: '/programme',
  method: 'post',
  handler: async (req) => {
    const t = catalogue('it').print
    const user = staffOf(req)
    if (!isStaff(user)) return json({ error: t.forbidden }, user ? 403 : 401)
    const fields = await readFields(req)
    if (!fields) return json({ error: t.invalid }, 400)
    const address = fields.get('indirizzo') ?? ''
    const layout = fields.get('formato') ?? 'a4'
    const result = await requestProgramme(req.payload, { address, layout, user: user.id })
    if (fields.form) {
      const back = result.ok
        ? viewPath(req, { indirizzo: address, formato: layout, programma: String(result.id) })
        : viewPath(req, { indirizzo: address, formato: layout, errore: result.message })
      if (!result.ok && result.status !== 400 && result.status !== 503) return text(result.message, result.status)
      return new Response(null, { status: 303, headers: { Location: back, 'Cache-Control': 'no-store' } })
    }
    if (!result.ok) return json({ error: result.message }, result.status)
    return json({ id: result.id, status: result.status }, 202)
  },
}

/** GET /api/exports/programme/:id — a programme's state (`queued`, `ready`, `failed`); programmes are public. */
export const programmeStateEndpoint: Endpoint = {
  path: '/programme/:id',
  method: 'get',
  handler: async (req) => {
    const state = await programmeState(req.payload, req.routeParams?.id)
    if (!state) return json({ error: catalogue('it').print.notFound }, 404)
    return json({ ...state, download: `${req.payload.config.routes.api}/exports/${state.id}/download` })
  },
}
