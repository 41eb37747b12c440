import type { Endpoint } from 'payload'
import { siteUrl } from '../../../shared/env'
import { unfollow } from '../../follow'
import { text } from '../http'

/**
 * RFC 8058 one-click "stop following" of one follow, the List-Unsubscribe target of its notices. A POST with
 * `List-Unsubscribe=One-Click` removes that follow only (the others and the newsletter stay); a GET never
 * removes anything: it is redirected to the site's page that asks.
 */
export const unfollowOneClickEndpoint: Endpoint = {
  path: '/one-click',
  method: 'post',
  handler: async (req) => {
    const token = req.searchParams.get('token')
    const body = (await req.text?.()) ?? ''
    if (!new URLSearchParams(body).getAll('List-Unsubscribe').includes('One-Click'))
      return text('Richiesta non valida: manca «List-Unsubscribe=One-Click» (RFC 8058).', 400)
    const result = await unfollow(req.payload, token)
    if (!result.ok) return text('Il link non è valido.', result.reason === 'expired' ? 410 : 400)
    return text('Non segui più questa pagina.', 200)
  },
}

export const unfollowOneClickPageEndpoint: Endpoint = {
  path: '/one-click',
  method: 'get',
  handler: (req) => {
    const token = req.searchParams.get('token') ?? ''
    const prefix = req.searchParams.get('lang') === 'en' ? '/en' : ''
    return new Response(null, {
      status: 303,
      headers: {
        Location: `${siteUrl()}${prefix}/segui/smetti?token=${encodeURIComponent(token)}`,
        'Cache-Control': 'no-store',
      },
    })
  },
}
