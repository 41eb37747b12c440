import type { Endpoint } from 'payload'
import { siteUrl } from '../../../shared/env'
import { unfollow } from '../../follow'
import { oneClickPage, oneClickRefusal, text } from '../http'

/**
 * RFC 8058 one-click "stop following" of one follow, the List-Unsubscribe target of its notices. A POST with
 * `List-Unsubscribe=One-Click` removes that follow only (the others and the newsletter stay); a GET never
 * removes anything: it is redirected to the site's page that asks.
 */
export const unfollowOneClickEndpoint: Endpoint = {
  path: '/one-click',
  method: 'post',
  handler: async (req) => {
    const refused = await oneClickRefusal(req)
    if (refused) return refused
    const result = await unfollow(req.payload, req.searchParams.get('token'))
    if (!result.ok) return text('Il link non è valido.', result.reason === 'expired' ? 410 : 400)
    return text('Non segui più questa pagina.', 200)
  },
}

export const unfollowOneClickPageEndpoint: Endpoint = {
  path: '/one-click',
  method: 'get',
  handler: (req) => oneClickPage(req.searchParams, siteUrl(), '/segui/smetti'),
}
