import { timingSafeEqual } from 'node:crypto'
import type { Endpoint } from 'payload'
import { normalizeEmail } from '../../../collections/Subscribers/hooks/normalizeSubscriber'
import { createLimiter } from '../../../shared/rate-limit'
import { type BounceType, recordBounce } from '../../newsletter'
import { clientIp, json } from '../http'

const limit = createLimiter(120, 60)

const MAX_EVENTS = 500

const authorised = (header: string | null) => {
  const expected = process.env.BOUNCE_WEBHOOK_TOKEN ?? ''
  const given = header?.startsWith('Bearer ') ? header.slice(7).trim() : ''
  if (!expected || !given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

type BounceEvent = { email: string; type: 'bounce' | 'complaint'; soft?: boolean; reason?: string }

const parse = (value: unknown): BounceEvent | string => {
  if (!value || typeof value !== 'object') return 'ogni evento deve essere un oggetto JSON'
  const v = value as Record<string, unknown>
  if (typeof v.email !== 'string' || !/^[^\s@]+@[^\s@]+$/.test(v.email) || v.email.length > 254)
    return '«email» mancante o non valida'
  if (v.type !== 'bounce' && v.type !== 'complaint') return '«type» deve essere "bounce" o "complaint"'
  return {
    email: v.email,
    type: v.type,
    soft: v.soft === true,
    reason: typeof v.reason === 'string' ? v.reason : undefined,
  }
}

/**
 * Asynchronous bounces and complaints from the mail provider: POST /api/subscribers/bounces with
 * `Authorization: Bearer $BOUNCE_WEBHOOK_TOKEN` and `{ "email", "type": "bounce" | "complaint" }`
 * (or a list of them; `"soft": true` marks a temporary bounce). Hard bounces and complaints suppress the
 * address, like an SMTP 5xx during sending.
 */
export const bouncesEndpoint: Endpoint = {
  path: '/bounces',
  method: 'post',
  handler: async (req) => {
    const rate = await limit(`bounces:${clientIp(req.headers)}`)
    if (!rate.ok)
      return json({ error: 'Troppe richieste: riprova tra poco.' }, 429, {
        'Retry-After': String(rate.retryAfterSeconds),
      })
    if (!process.env.BOUNCE_WEBHOOK_TOKEN) return json({ error: 'Webhook dei rimbalzi non configurato.' }, 503)
    if (!authorised(req.headers.get('authorization'))) return json({ error: 'Token mancante o non valido.' }, 401)
    let body: unknown
    try {
      body = JSON.parse((await req.text?.()) ?? '')
    } catch {
      return json({ error: 'Il corpo della richiesta deve essere JSON.' }, 400)
    }
    const items = Array.isArray(body) ? body : [body]
    if (items.length > MAX_EVENTS) return json({ error: `Al massimo ${MAX_EVENTS} eventi per richiesta.` }, 400)
    const events: BounceEvent[] = []
    for (const [i, item] of items.entries()) {
      const parsed = parse(item)
      if (typeof parsed === 'string') return json({ error: `Evento ${i + 1}: ${parsed}.` }, 400)
      events.push(parsed)
    }
    let matched = 0
    for (const e of events) {
      const type: BounceType = e.type === 'complaint' ? 'complaint' : e.soft ? 'soft' : 'hard'
      if (await recordBounce(req.payload, normalizeEmail(e.email), type, e.reason ?? `webhook: ${e.type}`)) matched++
    }
    return json({ received: events.length, matched })
  },
}
