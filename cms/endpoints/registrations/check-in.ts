import type { Endpoint } from 'payload'
import { checkIn, deskScope } from '../../registrations'
import { json } from '../http'
import { notAForm, readFields, refused, sendBack } from './form'

const TOKEN = /^[\w-]{1,400}\.[\w-]{1,100}$/

/**
 * POST /api/registrations/check-in — records an arrival from the QR code of a confirmation (`t`, the signed
 * check-in code), for staff allowed to see that booking. The phone's page (/admin/iscrizioni/arrivo) posts
 * here and is sent back to itself, which then shows the arrival.
 */
export const checkInEndpoint: Endpoint = {
  path: '/check-in',
  method: 'post',
  handler: async (req) => {
    const fields = await readFields(req)
    const allowed = await deskScope(req)
    if (!allowed.ok) return refused(fields, allowed, null)
    if (!fields) return notAForm()
    const token = fields.get('t') ?? ''
    const back = `${req.payload.config.routes.admin}/iscrizioni/arrivo${TOKEN.test(token) ? `?t=${token}` : ''}`
    const result = await checkIn(req.payload, allowed.scope, token)
    if (!result.ok) return refused(fields, result, back)
    if (fields.form) return sendBack(back, { kind: 'done', code: 'arrived' })
    return json({ already: result.already, booking: result.booking })
  },
}
