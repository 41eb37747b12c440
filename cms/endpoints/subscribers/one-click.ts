import type { Endpoint } from 'payload'
import { siteUrl } from '../../../shared/env'
import { unsubscribe } from '../../newsletter'
import { LINK_ERRORS, oneClickPage, oneClickRefusal, text } from '../http'

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
    const refused = await oneClickRefusal(req)
    if (refused) return refused
    const result = await unsubscribe(req.payload, req.searchParams.get('token'), 'unsubscribe')
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
  handler: (req) => oneClickPage(req.searchParams, siteUrl(), '/newsletter/disiscrizione'),
}
