// The site's page cache: a page renders once, is served with ETag/304, and a saved change shows at once.

import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { PUBLIC_CACHE } from '../../site/lib/http'
import { cachedAnswer, clearPageCache, dataVersion, pageCacheSize, servePage } from '../../site/lib/page-cache'
import { buildNetwork, fixtureEvent, type Network } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network
let renders = 0

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())
beforeEach(() => {
  clearPageCache()
  renders = 0
})

const page =
  (body: string, init: ResponseInit = { headers: { 'Cache-Control': PUBLIC_CACHE, 'Content-Type': 'text/html' } }) =>
  async () => {
    renders++
    await new Promise((r) => setTimeout(r, 20))
    return new Response(body, init)
  }
const get = (path: string, headers: Record<string, string> = {}) => new Request(`http://localhost${path}`, { headers })
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

it('renders a cacheable page once, then serves the copy with an ETag and 304s', async () => {
  const first = await servePage(get('/eventi?q=uno'), page('<p>uno</p>'))
  const second = await servePage(get('/eventi?q=uno'), page('<p>due</p>'))
  expect(renders).toBe(1)
  expect(await first.text()).toBe('<p>uno</p>')
  expect(await second.text()).toBe('<p>uno</p>')
  const etag = second.headers.get('ETag') as string
  expect(etag).toBe(first.headers.get('ETag'))
  expect(second.headers.get('Cache-Control')).toBe(PUBLIC_CACHE)
  const notModified = await servePage(get('/eventi?q=uno', { 'If-None-Match': etag }), page('x'))
  expect(notModified.status).toBe(304)
  expect(await notModified.text()).toBe('')
  // Another address is another page.
  expect(await (await servePage(get('/eventi?q=due'), page('<p>tre</p>'))).text()).toBe('<p>tre</p>')
  expect(renders).toBe(2)
})

it('concurrent requests for the same page share one render', async () => {
  const answers = await Promise.all(Array.from({ length: 5 }, () => servePage(get('/eventi'), page('<p>uno</p>'))))
  expect(renders).toBe(1)
  for (const a of answers) expect(await a.text()).toBe('<p>uno</p>')
})

it('never stores errors or pages that are not publicly cacheable', async () => {
  const bad = page('<p>400</p>', { status: 400, headers: { 'Cache-Control': PUBLIC_CACHE } })
  await servePage(get('/eventi?eta=x'), bad)
  await servePage(get('/eventi?eta=x'), bad)
  const plain = page('<p>ok</p>', { headers: { 'Cache-Control': 'no-store' } })
  const response = await servePage(get('/newsletter'), plain)
  await servePage(get('/newsletter'), plain)
  expect(renders).toBe(4)
  expect(response.headers.has('ETag')).toBe(false)
  const post = new Request('http://localhost/eventi', { method: 'POST' })
  await servePage(post, page('<p>post</p>'))
  await servePage(post, page('<p>post</p>'))
  expect(renders).toBe(6)
})

it('a change saved in the CMS is served on the next request after at most half a second', async () => {
  const event = await fixtureEvent(payload, net, { title: 'Prima del cambio' })
  await servePage(get('/eventi/x'), page('<p>vecchia</p>'))
  await servePage(get('/eventi/x'), page('<p>vecchia</p>'))
  expect(renders).toBe(1)
  await payload.update({
    collection: SLUGS.events,
    id: event.id,
    data: { title: 'Dopo il cambio' },
    overrideAccess: true, // the editor's save, reduced to its effect
  })
  await pause(1100)
  const fresh = await servePage(get('/eventi/x'), page('<p>nuova</p>'))
  expect(await fresh.text()).toBe('<p>nuova</p>')
  expect(renders).toBe(2)
  // Deleting an event also counts as a change.
  await payload.delete({ collection: SLUGS.events, id: event.id, overrideAccess: true }) // as above
  await pause(1100)
  expect(await (await servePage(get('/eventi/x'), page('<p>senza</p>'))).text()).toBe('<p>senza</p>')
})

it('sends a gzip copy to clients that accept it, with its own ETag, and either ETag validates', async () => {
  const html = `<main>${'<p>Letture animate in biblioteca</p>'.repeat(200)}</main>`
  const plain = await servePage(get('/eventi?q=gzip'), page(html))
  expect(plain.headers.get('Content-Encoding')).toBeNull()
  expect(await plain.text()).toBe(html)
  const gz = await servePage(get('/eventi?q=gzip', { 'Accept-Encoding': 'br, gzip, deflate' }), page('x'))
  expect(gz.headers.get('Content-Encoding')).toBe('gzip')
  expect(gz.headers.get('Vary')).toBe('Accept-Encoding')
  const bytes = new Uint8Array(await gz.arrayBuffer())
  expect(Number(gz.headers.get('Content-Length'))).toBe(bytes.byteLength)
  expect(bytes.byteLength).toBeLessThan(html.length / 10)
  expect(gunzipSync(bytes).toString()).toBe(html)
  expect(gz.headers.get('ETag')).not.toBe(plain.headers.get('ETag'))
  for (const etag of [plain.headers.get('ETag'), gz.headers.get('ETag')]) {
    const again = await servePage(get('/eventi?q=gzip', { 'If-None-Match': etag as string }), page('x'))
    expect(again.status).toBe(304)
  }
  const refused = await servePage(get('/eventi?q=gzip', { 'Accept-Encoding': 'gzip;q=0, br' }), page('x'))
  expect(refused.headers.get('Content-Encoding')).toBeNull()
  const small = await servePage(get('/eventi?q=breve', { 'Accept-Encoding': 'gzip' }), page('<p>breve</p>'))
  expect(small.headers.get('Content-Encoding')).toBeNull() // not worth a compressed copy
  expect(renders).toBe(2)
})

it('answers a cached page without rendering, and nothing once the data has changed', async () => {
  expect(await cachedAnswer(get('/eventi?q=risposta'))).toBeNull() // never rendered
  await servePage(get('/eventi?q=risposta'), page('<p>uno</p>'))
  const hit = await cachedAnswer(get('/eventi?q=risposta'))
  expect(hit?.status).toBe(200)
  expect(new TextDecoder().decode(hit?.body as Uint8Array)).toBe('<p>uno</p>')
  expect(await cachedAnswer(new Request('http://localhost/eventi?q=risposta', { method: 'POST' }))).toBeNull()
  await pause(600)
  await dataVersion() // the fingerprint re-read, unchanged: still a hit
  expect((await cachedAnswer(get('/eventi?q=risposta')))?.status).toBe(200)
  const event = await fixtureEvent(payload, net, { title: 'Cambio per la scorciatoia' })
  await pause(600)
  await dataVersion()
  expect(await cachedAnswer(get('/eventi?q=risposta'))).toBeNull()
  await servePage(get('/eventi?q=risposta'), page('<p>due</p>'))
  expect(new TextDecoder().decode((await cachedAnswer(get('/eventi?q=risposta')))?.body as Uint8Array)).toBe(
    '<p>due</p>',
  )
  await payload.delete({ collection: SLUGS.events, id: event.id, overrideAccess: true }) // cleanup
})

it('unknown parameters neither make a new entry nor evict pages: they get the canonical copy', async () => {
  await servePage(get('/eventi?sistema=b&q=libri'), page('<p>vero</p>'))
  for (let i = 0; i < 20; i++) {
    const res = await servePage(get(`/eventi?q=libri&x=${i}&sistema=b`), page('<p>falso</p>'))
    expect(await res.text()).toBe('<p>vero</p>')
  }
  expect(renders).toBe(1)
  expect(pageCacheSize().entries).toBe(1)
  // Unknown parameters before the canonical page is cached: rendered, never stored.
  await servePage(get('/eventi?pagina=2&junk=1'), page('<p>echo junk</p>'))
  expect(pageCacheSize().entries).toBe(1)
  expect(await (await servePage(get('/eventi?pagina=2'), page('<p>pagina 2</p>'))).text()).toBe('<p>pagina 2</p>')
})

it('the chosen date of an event page is part of its address: each date is its own page', async () => {
  await servePage(get('/eventi/letture?data=2026-12-05'), page('<p>5 dicembre</p>'))
  const other = await servePage(get('/eventi/letture?data=2026-12-12'), page('<p>12 dicembre</p>'))
  expect(await other.text()).toBe('<p>12 dicembre</p>')
  const again = await servePage(get('/eventi/letture?data=2026-12-05'), page('<p>altro</p>'))
  expect(await again.text()).toBe('<p>5 dicembre</p>')
  expect(renders).toBe(2)
})

it('bounds memory, not entries: large pages push the oldest out', async () => {
  const big = 'x'.repeat(900_000)
  for (let i = 0; i < 90; i++) await servePage(get(`/eventi?pagina=${i + 2}`), page(big))
  expect(pageCacheSize().bytes).toBeLessThanOrEqual(64 * 1024 * 1024)
  expect(pageCacheSize().entries).toBeLessThan(90)
})
