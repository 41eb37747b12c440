import type { Endpoint, PayloadRequest } from 'payload'
import { refId } from '../../../collections/access/roles'
import {
  type DeskScope,
  dateCsv,
  deskArrivals,
  deskBook,
  deskChange,
  deskScope,
  parseId,
  type Refusal,
  recordHeadcount,
  requestListPdf,
} from '../../registrations'
import { json } from '../http'
import { deskIndexPath, type Fields, notAForm, readFields, refused, sendBack, sheetPath } from './form'

/**
 * The registrations desk (issue 14): what the admin's per-date sheet does, as REST endpoints under
 * /api/registrations/desk/…. Each one checks who asks with the registrations' own row rule (network admin all,
 * a system's editors their system, a library's contributors their library, nobody else), answers 401/403 with
 * an Italian message and writes nothing on refusal, then calls one function of the wing.
 */

type Handler = (req: PayloadRequest, scope: DeskScope, fields: Fields) => Promise<Response>

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d{1,3})?)?Z$/

/** The sheet a form came from (event and date as the form sent them, parsed), to send the browser back to. */
const backTo = (req: PayloadRequest, fields: Fields, hash: string): string => {
  const event = parseId(req.payload, fields.get('event'))
  const start = fields.get('start') ?? ''
  return event != null && ISO.test(start) ? sheetPath(req, event, start, hash) : deskIndexPath(req)
}

const desk =
  (act: Handler): Endpoint['handler'] =>
  async (req) => {
    const fields = await readFields(req)
    const allowed = await deskScope(req)
    if (!allowed.ok) return refused(fields, allowed, null)
    if (!fields) return notAForm()
    return act(req, allowed.scope, fields)
  }

const answer = (req: PayloadRequest, fields: Fields, hash: string, refusal: Refusal) =>
  refused(fields, refusal, backTo(req, fields, hash))

/** POST /api/registrations/desk/book — a booking at the desk or by phone, on behalf of a person. */
export const deskBookEndpoint: Endpoint = {
  path: '/desk/book',
  method: 'post',
  handler: desk(async (req, scope, fields) => {
    const result = await deskBook(req.payload, scope, {
      event: fields.get('event'),
      start: fields.get('start'),
      source: fields.get('source'),
      name: fields.get('name') ?? '',
      email: fields.get('email') ?? '',
      phone: fields.get('phone') ?? '',
      adults: fields.get('adults') ?? '',
      bands: fields.bands(),
      answer: fields.get('answer') ?? '',
    })
    if (!result.ok) return answer(req, fields, 'aggiungi', result)
    if (fields.form)
      return sendBack(backTo(req, fields, 'aggiungi'), {
        kind: 'done',
        code: result.status === 'confirmed' ? 'booked' : 'waiting',
      })
    return json({ id: result.id, status: result.status }, 201)
  }),
}

const DONE = { cancel: 'cancelled', confirm: 'confirmed', arrive: 'arrived', undo: 'undone' } as const

/** POST /api/registrations/desk/status — cancel, confirm from the waiting list ("oltre i posti" with force), arrived/undo. */
export const deskStatusEndpoint: Endpoint = {
  path: '/desk/status',
  method: 'post',
  handler: desk(async (req, scope, fields) => {
    const force = ['1', 'true', 'on'].includes(fields.get('force') ?? '')
    const result = await deskChange(req.payload, scope, fields.get('id'), fields.get('action'), { force })
    if (!result.ok) return answer(req, fields, 'iscritti', result)
    const { registration, action } = result
    if (fields.form)
      return sendBack(sheetPath(req, refId(registration.event) as number, registration.start, 'iscritti'), {
        kind: 'done',
        code: DONE[action],
      })
    return json({ id: registration.id, status: registration.status, from: result.from })
  }),
}

/** POST /api/registrations/desk/arrivals — the ticked arrivals of a date (`listed` on the form, `arrived` ticked). */
export const deskArrivalsEndpoint: Endpoint = {
  path: '/desk/arrivals',
  method: 'post',
  handler: desk(async (req, scope, fields) => {
    const result = await deskArrivals(req.payload, scope, fields.get('event'), fields.get('start'), {
      listed: fields.all('listed'),
      arrived: fields.all('arrived'),
    })
    if (!result.ok) return answer(req, fields, 'iscritti', result)
    if (fields.form)
      return sendBack(
        backTo(req, fields, 'iscritti'),
        result.changed
          ? { kind: 'done', code: 'arrivalsChanged', args: [result.changed] }
          : { kind: 'done', code: 'arrivals', args: [result.arrived, result.undone] },
      )
    return json({ arrived: result.arrived, undone: result.undone, changed: result.changed })
  }),
}

/** POST /api/registrations/desk/headcount — the date's attendance row (walk-ins, total, age bands, format, notes). */
export const deskHeadcountEndpoint: Endpoint = {
  path: '/desk/headcount',
  method: 'post',
  handler: desk(async (req, scope, fields) => {
    const result = await recordHeadcount(req.payload, scope, {
      event: fields.get('event'),
      start: fields.get('start'),
      walkIns: fields.get('walkIns'),
      total: fields.get('total'),
      totalShown: fields.get('totalShown'),
      bands: fields.bands(),
      format: fields.get('format'),
      notes: fields.get('notes'),
    })
    if (!result.ok) return answer(req, fields, 'presenze', result)
    if (fields.form) return sendBack(backTo(req, fields, 'presenze'), { kind: 'done', code: 'headcount' })
    return json({ attendance: result.attendance, created: result.created }, result.created ? 201 : 200)
  }),
}

/** POST /api/registrations/desk/pdf — asks for the printable list; the `renderExport` job builds it. */
export const deskPdfEndpoint: Endpoint = {
  path: '/desk/pdf',
  method: 'post',
  handler: desk(async (req, scope, fields) => {
    const result = await requestListPdf(req.payload, scope, fields.get('event'), fields.get('start'))
    if (!result.ok) return answer(req, fields, 'elenco', result)
    if (fields.form) return sendBack(backTo(req, fields, 'elenco'), { kind: 'done', code: 'pdf' })
    return json({ id: result.id, status: 'queued' }, 202)
  }),
}

/** GET /api/registrations/desk/csv?event=…&start=… — the list of a date as CSV for Excel (built on request). */
export const deskCsvEndpoint: Endpoint = {
  path: '/desk/csv',
  method: 'get',
  handler: async (req) => {
    const allowed = await deskScope(req)
    if (!allowed.ok) return json({ error: allowed.message }, allowed.status)
    const result = await dateCsv(
      req.payload,
      allowed.scope,
      req.searchParams.get('event'),
      req.searchParams.get('start'),
    )
    if (!result.ok) return json({ error: result.message }, result.status)
    return new Response(result.body, {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${result.filename}"`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
