import type { Endpoint, PayloadRequest } from 'payload'
import { cmsUrl, siteUrl } from '../../shared/env'
import { createLimiter } from '../../shared/rate-limit'
import { countAudience, editorialAudience } from '../../emails/campaigns/audience'
import { loadLookups } from '../../emails/campaigns/context'
import { editorialSender, type NewsletterDoc, renderEditorial } from '../../emails/campaigns/kinds'
import { newsletterPageUrl, PERSONAL } from '../../emails/links'
import { massMessage } from '../../emails/messages'
import { sendMessage } from '../../emails/send'
import { refId } from '../access/roles'
import { json } from '../Subscribers/endpoints/http'
import { preferencesOf } from '../Subscribers/preferences'
import { SLUGS } from '../slugs'

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

/** GET /api/newsletters/:id/preview — the mail as subscribers will see it (HTML, or ?format=text). */
export const previewEndpoint: Endpoint = {
  path: '/:id/preview',
  method: 'get',
  handler: async (req) => {
    const doc = await readable(req)
    if (doc instanceof Response) return doc
    const lang = req.searchParams.get('lang') === 'en' ? 'en' : 'it'
    const rendered = await renderEditorial(req.payload, doc, await loadLookups(req.payload), lang)
    const sample = (s: string) =>
      s
        .replaceAll(PERSONAL.manage, newsletterPageUrl('', lang))
        .replaceAll(PERSONAL.unsubscribe, newsletterPageUrl('', lang))
    if (req.searchParams.get('format') === 'text')
      return new Response(sample(rendered.text), {
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
      })
    return new Response(sample(rendered.html), {
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        // Shown in an iframe of the admin; nothing in it needs to run.
        'Content-Security-Policy':
          "default-src 'none'; img-src https: data:; style-src 'unsafe-inline'; frame-ancestors 'self'",
      },
    })
  },
}

/** POST /api/newsletters/:id/test — sends the newsletter to the signed-in editor only, marked as a test. */
export const testSendEndpoint: Endpoint = {
  path: '/:id/test',
  method: 'post',
  handler: async (req) => {
    const doc = await readable(req)
    if (doc instanceof Response) return doc
    const user = req.user as { id: number | string; email: string }
    const rate = await testLimit(`test:${user.id}`)
    if (!rate.ok)
      return json({ error: 'Troppe prove inviate: riprova più tardi.' }, 429, {
        'Retry-After': String(rate.retryAfterSeconds),
      })
    const lookups = await loadLookups(req.payload)
    const rendered = await renderEditorial(req.payload, doc, lookups, 'it')
    const sample = (s: string) =>
      s
        .replaceAll(PERSONAL.manage, `${siteUrl()}/newsletter`)
        .replaceAll(PERSONAL.unsubscribe, `${siteUrl()}/newsletter`)
    const outcome = await sendMessage(
      massMessage({
        to: user.email,
        rendered: { subject: `[PROVA] ${rendered.subject}`, html: sample(rendered.html), text: sample(rendered.text) },
        sender: editorialSender(doc, lookups),
        oneClickUrl: `${cmsUrl()}/api/subscribers/one-click?token=prova`,
        deliveryKey: `test:${doc.id}:${Date.now()}`,
      }),
    )
    if (!outcome.ok) return json({ error: `Invio di prova non riuscito: ${outcome.error}` }, 502)
    return json({ sentTo: user.email })
  },
}

/** GET /api/newsletters/:id/audience — how many confirmed subscribers this newsletter would reach. */
export const audienceEndpoint: Endpoint = {
  path: '/:id/audience',
  method: 'get',
  handler: async (req) => {
    const doc = await readable(req)
    if (doc instanceof Response) return doc
    const lookups = await loadLookups(req.payload)
    const member = editorialAudience(lookups, refId(doc.system ?? null), preferencesOf(doc.narrowing ?? {}))
    return json({ count: await countAudience(req.payload, member) })
  },
}
