import type { PayloadRequest } from 'payload'
import { DESK_ERRORS, type DeskNotice, noticeQuery, type Refusal } from '../../registrations'
import { json, text } from '../http'

/**
 * A desk request's fields, whether they came from a plain HTML form (the admin pages work without JavaScript)
 * or as JSON (API clients, tests). `form` decides the answer: a form is sent back to its page (303, the page
 * shows what happened), JSON gets JSON.
 */
export type Fields = {
  form: boolean
  get: (name: string) => string | undefined
  all: (name: string) => string[]
  /** The age bands' counts: `band.3-5` fields of a form, or a `bands` object in JSON. */
  bands: () => Record<string, string>
}

const MAX_BODY = 64_000

export const readFields = async (req: PayloadRequest): Promise<Fields | null> => {
  const type = (req.headers.get('content-type') ?? '').toLowerCase()
  const body = (await req.text?.()) ?? ''
  if (body.length > MAX_BODY) return null
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const params = new URLSearchParams(body)
    return {
      form: true,
      get: (name) => params.get(name) ?? undefined,
      all: (name) => params.getAll(name),
      bands: () =>
        Object.fromEntries(
          [...params.keys()].filter((k) => k.startsWith('band.')).map((k) => [k.slice(5), params.get(k) ?? '']),
        ),
    }
  }
  if (type.startsWith('application/json') || !body) {
    let data: Record<string, unknown> = {}
    try {
      const parsed = body ? JSON.parse(body) : {}
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) data = parsed
      else return null
    } catch {
      return null
    }
    const scalar = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined
    return {
      form: false,
      get: (name) => scalar(data[name]),
      all: (name) => {
        const v = data[name]
        return (Array.isArray(v) ? v : v === undefined ? [] : [v]).map(scalar).filter((s): s is string => s != null)
      },
      bands: () => {
        const raw = data.bands
        if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {}
        return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, scalar(v) ?? 'x']))
      },
    }
  }
  return null
}

/** Not a form nor JSON: refused, nothing read further. */
export const notAForm = () => json({ error: DESK_ERRORS.notAForm }, 400)

/**
 * A refusal: who may not act (401, 403) is told so as it is (a page of the admin would show nothing more);
 * anything else goes back to the form's page with the notice, or as JSON.
 */
export const refused = (fields: Fields | null, refusal: Refusal, back: string | null): Response => {
  if (fields?.form && back && refusal.status !== 401 && refusal.status !== 403) return sendBack(back, refusal.notice)
  if (fields?.form) return text(refusal.message, refusal.status)
  return json(
    { error: refusal.message, ...(refusal.field ? { field: refusal.field } : {}), notice: refusal.notice },
    refusal.status,
  )
}

/** 303 to the page a form came from, with what happened (and the part of the page to show). */
export const sendBack = (back: string, notice: DeskNotice) => {
  const [path, hash] = back.split('#')
  const url = new URL(path ?? '/', 'http://desk.invalid')
  for (const [k, v] of Object.entries(noticeQuery(notice))) url.searchParams.set(k, v)
  // The part of the page the notice belongs to (the page shows it there; the fragment scrolls to it).
  if (hash) url.searchParams.set('sezione', hash)
  return new Response(null, {
    status: 303,
    headers: { Location: `${url.pathname}${url.search}${hash ? `#${hash}` : ''}`, 'Cache-Control': 'no-store' },
  })
}

/** The admin address of a date's sheet (from a parsed id and instant only: never a path the client chose). */
export const sheetPath = (req: PayloadRequest, event: number | string, start: Date | string, hash?: string) =>
  `${req.payload.config.routes.admin}/iscrizioni/${encodeURIComponent(String(event))}/${new Date(start).toISOString()}${hash ? `#${hash}` : ''}`

export const deskIndexPath = (req: PayloadRequest) => `${req.payload.config.routes.admin}/iscrizioni`
