import type { Endpoint } from 'payload'
import { siteUrl } from '../../../shared/env'
import { unsubscribe } from '../../newsletter'
import { LINK_ERRORS, text } from '../http'

/**
 * RFC 8058 one-click unsubscribe, the target of the List-Unsubscribe header. Mail providers POST
 * `List-Unsubscribe=One-Click` (form-encoded, no cookie, no Origin) and the address is unsubscribed at
 * once. A GET (a person opening the URL, or a link scanner) never unsubscribes: it is redirected to
 * the site's page that asks for confirmation.
 */
export const oneClickEndpoint: Endpoint = {
  path: '/one-click',
  method: 'post',
  handler: async (req) => {
    const token = req.searchParams.get('token')
    const body = (await req.text?.()) ?? ''
    if (!new URLSearchParams(body).getAll('List-Unsubscribe').includes('One-Click'))
      return text('Richiesta non valida: manca «List-Unsubscribe=One-Click» (RFC 8058).', 400)
    const result = await unsubscribe(req.payload, token, 'unsubscribe')
    if (!result.ok) {
      const { status, message } = LINK_ERRORS[result.reason]
      return text(message, status)
    }
    return text('Iscrizione annullata: non riceverai più la newsletter.', 200)
  },
}

export const oneClickPageEndpoint: Endpoint = {
  path: '/one-click',
  method: 'get',
  handler: (req) => {
    const token = req.searchParams.get('token') ?? ''
    const prefix = req.searchParams.get('lang') === 'en' ? '/en' : '' // the reader's language, nothing else
    return new Response(null, {
      status: 303,
      headers: {
        Location: `${siteUrl()}${prefix}/newsletter/disiscrizione?token=${encodeURIComponent(token)}`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
