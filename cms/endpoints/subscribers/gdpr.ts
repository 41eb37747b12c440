import type { Endpoint } from 'payload'
import { isNetworkAdmin, staffOf } from '../../../collections/access/roles'
import { eraseSubscriber, exportSubscriber } from '../../newsletter'
import { json } from '../http'

type Req = Parameters<Endpoint['handler']>[0]

/** A network admin's action on one subscriber (`/:id/...`): anyone else gets 403, an unknown id 404. */
const onSubscriber =
  (act: (req: Req, id: number) => Promise<Response | null>) =>
  async (req: Req): Promise<Response> => {
    if (!isNetworkAdmin(staffOf(req)))
      return json({ error: 'Solo gli amministratori di rete gestiscono i dati degli iscritti.' }, 403)
    const raw = String(req.routeParams?.id ?? '')
    const answer = /^\d{1,12}$/.test(raw) ? await act(req, Number(raw)) : null
    return answer ?? json({ error: 'Iscritto non trovato.' }, 404)
  }

export const exportEndpoint: Endpoint = {
  path: '/:id/export',
  method: 'get',
  handler: onSubscriber(async (req, id) => {
    const data = await exportSubscriber(req.payload, id)
    return data && json(data, 200, { 'Content-Disposition': `attachment; filename="iscritto-${id}.json"` })
  }),
}

export const eraseEndpoint: Endpoint = {
  path: '/:id/erase',
  method: 'post',
  handler: onSubscriber(async (req, id) => ((await eraseSubscriber(req.payload, id)) ? json({ erased: true }) : null)),
}
