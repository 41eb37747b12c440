import type { Endpoint, PayloadRequest } from 'payload'
import { isStaff } from '../../../collections/access/staff-only'
import { catalogue } from '../../../shared/strings'
import { STAFF_AGENDA_PATH } from '../../admin-paths'
import { bookAsStaff, cancelAsStaff, type StaffUser } from '../../registrations'
import { json } from '../http'

const T = catalogue('it').staffAgenda
type InputError = keyof typeof T.errors

/**
 * The internal agenda's two actions. Both take either a plain form POST from the admin view (answered with 303
 * back to the view, the outcome named by a code it shows as a message) or JSON (answered with JSON). Only
 * logged-in staff: anyone else gets 401 or 403 and nothing is written.
 */
type Body = { form: boolean; fields: Record<string, string> }

const readBody = async (req: PayloadRequest): Promise<Body | null> => {
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  const raw = ((await req.text?.().catch(() => '')) ?? '').slice(0, 4_000)
  if (type.startsWith('application/x-www-form-urlencoded'))
    return { form: true, fields: Object.fromEntries(new URLSearchParams(raw)) }
  if (!type.startsWith('application/json')) return null
  try {
    const parsed: unknown = JSON.parse(raw)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return null
    const fields = Object.fromEntries(
      Object.entries(parsed).map(([k, v]) => [k, typeof v === 'number' || typeof v === 'string' ? String(v) : '']),
    )
    return { form: false, fields }
  } catch {
    return null
  }
}

/** Back to the view with the outcome's code (and its number, for the messages that take one). */
const backToAgenda = (req: PayloadRequest, outcome: string, arg?: string | number) => {
  const query = new URLSearchParams({ esito: outcome, ...(arg === undefined ? {} : { n: String(arg) }) })
  return new Response(null, {
    status: 303,
    headers: {
      Location: `${req.payload.config.routes.admin}${STAFF_AGENDA_PATH}?${query}#esito`,
      'Cache-Control': 'no-store',
    },
  })
}

const invalid = (body: Body | null, req: PayloadRequest, code: InputError) =>
  body?.form ? backToAgenda(req, code) : json({ error: T.errors[code], code }, 400)

/** The user if they are staff; otherwise the refusal (401 without a session, 403 for anyone else). */
const staffOrRefusal = (req: PayloadRequest): StaffUser | Response => {
  if (!req.user) return json({ error: T.errors.login }, 401)
  const user = req.user as unknown as StaffUser
  return isStaff(user) ? user : json({ error: T.errors.forbidden }, 403)
}

const ID = /^\d{1,12}$/
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/** POST /api/registrations/staff-book — event, start (ISO instant), colleagues (0–49, default 0). */
export const staffBookEndpoint: Endpoint = {
  path: '/staff-book',
  method: 'post',
  handler: async (req) => {
    const user = staffOrRefusal(req)
    if (user instanceof Response) return user
    const body = await readBody(req)
    if (!body) return invalid(body, req, 'notAForm')
    const { event, start } = body.fields
    const colleagues = (body.fields.colleagues ?? '').trim() || '0'
    if (!event || !ID.test(event)) return invalid(body, req, 'event')
    if (!start || !ISO_DATE.test(start) || Number.isNaN(Date.parse(start))) return invalid(body, req, 'start')
    if (!/^\d{1,2}$/.test(colleagues) || Number(colleagues) > 49) return invalid(body, req, 'colleagues')

    const result = await bookAsStaff(req.payload, user, { event, start, colleagues: Number(colleagues) })
    if (body.form)
      return result.ok
        ? backToAgenda(req, result.status)
        : backToAgenda(req, result.code, 'arg' in result ? result.arg : undefined)
    if (result.ok) return json({ ok: true, id: result.id, status: result.status, message: T.done[result.status] })
    const status = result.code === 'forbidden' ? 403 : result.field === 'start' ? 409 : 400
    return json({ error: result.message, code: result.code, field: result.field }, status)
  },
}

/** POST /api/registrations/staff-cancel — registration: the id of one of the user's own bookings. */
export const staffCancelEndpoint: Endpoint = {
  path: '/staff-cancel',
  method: 'post',
  handler: async (req) => {
    const user = staffOrRefusal(req)
    if (user instanceof Response) return user
    const body = await readBody(req)
    if (!body) return invalid(body, req, 'notAForm')
    const { registration } = body.fields
    if (!registration || !ID.test(registration)) return invalid(body, req, 'registration')

    const result = await cancelAsStaff(req.payload, user, registration)
    if (body.form) return backToAgenda(req, result.ok ? 'cancelled' : result.code)
    if (result.ok) return json({ ok: true, id: result.id, message: T.done.cancelled })
    return json({ error: result.message, code: result.code }, result.code === 'forbidden' ? 403 : 404)
  },
}
