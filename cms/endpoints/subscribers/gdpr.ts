import type { Endpoint } from 'payload'
import { isNetworkAdmin, staffOf } from '../../../collections/access/roles'
import { eraseSubscriber, exportSubscriber } from '../../newsletter'
import { json } from '../http'

const onlyAdmins = (req: Parameters<Endpoint['handler']>[0]) =>
  isNetworkAdmin(staffOf(req))
    ? null
    : json({ error: 'Solo gli amministratori di rete gestiscono i dati degli iscritti.' }, 403)

const idOf = (req: Parameters<Endpoint['handler']>[0]) => {
  const raw = String(req.routeParams?.id ?? '')
  return /^\d{1,12}$/.test(raw) ? Number(raw) : null
}

export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: async (req) => {
    const denied = onlyAdmins(req)
    if (denied) return denied
    const id = idOf(req)
    const data = id == null ? null : await exportSubscriber(req.payload, id)
    if (!data) return json({ error: 'Iscritto non trovato.' }, 404)
    return json(data, 200, { 'Content-Disposition': `attachment; filename="iscritto-${id}.json"` })
  },
}

export const eraseEndpoint: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: async (req) => {
    const denied = onlyAdmins(req)
    if (denied) return denied
    const id = idOf(req)
    if (id == null || !(await eraseSubscriber(req.payload, id))) return json({ error: 'Iscritto non trovato.' }, 404)
    return json({ erased: true })
  },
}
