import { describe, expect, it } from 'vitest'
import { cachedResponse, etagOf, matchesEtag, PUBLIC_CACHE } from '../../site/lib/http'

const get = (headers: Record<string, string> = {}) => new Request('http://x/eventi', { headers })

describe('HTTP caching of public pages', () => {
  it('allows at most 60 s of staleness in total', () => {
    const maxAge = Number(/max-age=(\d+)/.exec(PUBLIC_CACHE)?.[1])
    const swr = Number(/stale-while-revalidate=(\d+)/.exec(PUBLIC_CACHE)?.[1])
    expect(maxAge + swr).toBeLessThanOrEqual(60)
  })

  it('ETags follow the body and match weakly', () => {
    expect(etagOf('a')).toBe(etagOf('a'))
    expect(etagOf('a')).not.toBe(etagOf('b'))
    const tag = etagOf('a')
    expect(matchesEtag(tag, tag)).toBe(true)
    expect(matchesEtag(`W/${tag}, "zzz"`, tag)).toBe(true)
    expect(matchesEtag('"zzz"', tag)).toBe(false)
    expect(matchesEtag(null, tag)).toBe(false)
  })

  it('answers 304 with no body when the client already has the page', async () => {
    const first = cachedResponse(get(), '{"items":[]}', { 'Content-Type': 'application/json' })
    expect(first.status).toBe(200)
    const etag = first.headers.get('ETag') as string
    const second = cachedResponse(get({ 'If-None-Match': etag }), '{"items":[]}', {})
    expect(second.status).toBe(304)
    expect(await second.text()).toBe('')
    expect(second.headers.get('Cache-Control')).toBe(PUBLIC_CACHE)
  })
})
