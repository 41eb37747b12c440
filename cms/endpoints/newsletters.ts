import type { Endpoint, PayloadRequest } from 'payload'
import { staffOf } from '../../collections/access/roles'
import { writesNewsletters } from '../../collections/Newsletters/access'
import { SLUGS } from '../../collections/slugs'
import { createLimiter } from '../../shared/rate-limit'
import {
  AgendaAddressError,
  chosenEventLabels,
  type EventGroup,
  editorialAudienceCount,
  eventOptions,
  GROUP_LIMIT,
  type NewsletterDoc,
  previewEditorial,
  sendNow,
  sendTestEditorial,
} from '../newsletter'
import { json } from './http'

const testLimit = createLimiter(10, 60 * 60)

/** The newsletter, if the signed-in user may read it (access rules apply: other systems' are not found). */
const readable = async (req: PayloadRequest): Promise<NewsletterDoc | Response> => {
  if (!req.user) return json({ error: 'Accesso riservato alla redazione.' }, 401)
  const id = String(req.routeParams?.id ?? '')
  if (!/^\d{1,12}$/.test(id)) return json({ error: 'Newsletter non trovata.' }, 404)
  const doc = await req.payload.findByID({
    collection: SLUGS.newsletters,
    id,
    depth: 0,
    disableErrors: true,
    overrideAccess: false,
    user: req.user,
  })
  return doc ? (doc as unknown as NewsletterDoc) : json({ error: 'Newsletter non trovata.' }, 404)
}

/** A handler for one readable newsletter (`/:id/...`); the others get readable()'s 401 or 404. */
const onNewsletter =
  (act: (req: PayloadRequest, doc: NewsletterDoc) => Promise<Response>) =>
  async (req: PayloadRequest): Promise<Response> => {
    const doc = await readable(req)
    return doc instanceof Response ? doc : act(req, doc)
  }

/** GET /api/newsletters/:id/preview — the mail as subscribers will see it (HTML, or ?format=text). */
export const previewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: onNewsletter(async (req, doc) => {
    const lang = req.searchParams.get('lang') === 'en' ? 'en' : 'it'
    const rendered = await previewEditorial(req.payload, doc, lang)
    if (req.searchParams.get('format') === 'text')
      return new Response(rendered.text, {
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      })
    return new Response(rendered.html, {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Shown in an iframe of the admin; nothing in it needs to run.
        'Content-Security-Policy':
          "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      },
    })
  }),
}

/** POST /api/newsletters/:id/test — sends the newsletter to the signed-in editor only, marked as a test. */
export const testSendEndpoint: Endpoint = {
  path: '/:id/test',
  method: 'post',
  handler: onNewsletter(async (req, doc) => {
    const user = req.user as { id: number | string; email: string }
    const rate = await testLimit(`test:${user.id}`)
    if (!rate.ok)
      return json({ error: 'Troppe prove inviate: riprova più tardi.' }, 429, {
        'Retry-After': String(rate.retryAfterSeconds),
      })
    const outcome = await sendTestEditorial(req.payload, doc, user.email)
    if (!outcome.ok) return json({ error: `Invio di prova non riuscito: ${outcome.error}` }, 502)
    return json({ sentTo: user.email })
  }),
}

/**
 * POST /api/newsletters/:id/send-now `{ "confirm": true }` — "Invia ora": schedules the newsletter for this
 * minute with the caller's own rights and the status rules of scheduling; the start job sends it.
 */
export const sendNowEndpoint: Endpoint = {
  path: '/:id/send-now',
  method: 'post',
  handler: onNewsletter(async (req, doc) => {
    const raw = ((await req.text?.().catch(() => '')) ?? '').slice(0, 1_000)
    let body: unknown = null
    try {
      body = JSON.parse(raw)
    } catch {}
    if (!body || typeof body !== 'object' || (body as { confirm?: unknown }).confirm !== true)
      return json({ error: 'Conferma l’invio: la newsletter parte subito per tutti i destinatari.' }, 400)
    const outcome = await sendNow(req.payload, doc, req.user as NonNullable<typeof req.user>)
    if (!outcome.ok) return json({ error: outcome.error }, outcome.status)
    return json({ status: 'scheduled', scheduledAt: outcome.scheduledAt }, 202)
  }),
}

/** GET /api/newsletters/:id/audience — how many confirmed subscribers this newsletter would reach. */
export const audienceEndpoint: Endpoint = {
  path: '/:id/audience',
  method: 'get',
  handler: onNewsletter(async (req, doc) => {
    return json({ count: await editorialAudienceCount(req.payload, doc) })
  }),
}

const GROUPS: Record<string, EventGroup['field']> = { campaign: 'campaigns', series: 'series', festival: 'festival' }
const ID = /^\d{1,12}$/

/**
 * GET /api/newsletters/event-options — the events a newsletter may present, labelled with date, place and
 * system: `?q=words` (a short list), `?campaign=ID`, `?series=ID` or `?festival=ID` (all their coming events),
 * `?agenda=<an agenda address>` (all the coming events its filters match), or `?ids=1,2` (the labels of the
 * events already chosen). `more: true` when a group or an agenda search had more events than GROUP_LIMIT.
 * For those who write newsletters only.
 */
export const eventOptionsEndpoint: Endpoint = {
  path: '/event-options',
  method: 'get',
  handler: async (req) => {
    if (!req.user) return json({ error: 'Accesso riservato alla redazione.' }, 401)
    if (!writesNewsletters(staffOf(req)))
      return json({ error: 'Solo chi scrive le newsletter ne sceglie gli eventi.' }, 403)
    const params = req.searchParams
    const language = req.i18n?.language
    const ids = params.get('ids')
    if (ids !== null) {
      const list = ids.split(',').filter(Boolean)
      if (list.length > GROUP_LIMIT || !list.every((x) => ID.test(x)))
        return json({ error: 'Elenco di eventi non valido.' }, 400)
      return json({ options: await chosenEventLabels(req.payload, list.map(Number), req.user, language) })
    }
    const q = params.get('q') ?? ''
    if (q.length > 200) return json({ error: 'La ricerca è troppo lunga (al massimo 200 caratteri).' }, 400)
    const agenda = params.get('agenda') ?? undefined
    const groups = Object.keys(GROUPS).filter((k) => params.has(k))
    if (groups.length + (agenda === undefined ? 0 : 1) > 1)
      return json({ error: 'Indica una sola campagna, rassegna, festival o ricerca dell’agenda.' }, 400)
    const [param] = groups
    let group: EventGroup | undefined
    if (param) {
      const id = params.get(param) ?? ''
      if (!ID.test(id)) return json({ error: 'Campagna, rassegna o festival non valido.' }, 400)
      group = { field: GROUPS[param] as EventGroup['field'], id: Number(id) }
    }
    try {
      return json(await eventOptions(req.payload, { q, group, agenda, language }))
    } catch (error) {
      if (error instanceof AgendaAddressError) return json({ error: error.message }, 400)
      throw error
    }
  },
}
