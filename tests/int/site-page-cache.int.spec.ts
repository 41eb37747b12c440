// The site's page cache: a page renders once, is served with ETag/304, and a saved change shows at once.
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest'
import { SLUGS } from '../../collections/slugs'
import { PUBLIC_CACHE } from '../../site/lib/http'
import { clearPageCache, servePage } from '../../site/lib/page-cache'
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
  const first = await servePage(get('/eventi?x=1'), page('<p>uno</p>'))
  const second = await servePage(get('/eventi?x=1'), page('<p>due</p>'))
  expect(renders).toBe(1)
  expect(await first.text()).toBe('<p>uno</p>')
  expect(await second.text()).toBe('<p>uno</p>')
  const etag = second.headers.get('ETag') as string
  expect(etag).toBe(first.headers.get('ETag'))
  expect(second.headers.get('Cache-Control')).toBe(PUBLIC_CACHE)
  const notModified = await servePage(get('/eventi?x=1', { 'If-None-Match': etag }), page('x'))
  expect(notModified.status).toBe(304)
  expect(await notModified.text()).toBe('')
  // Another address is another page.
  expect(await (await servePage(get('/eventi?x=2'), page('<p>tre</p>'))).text()).toBe('<p>tre</p>')
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
