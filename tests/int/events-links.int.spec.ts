import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildNetwork, client, countAll, eventData, type Network } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

describe('links typed into an event must be web addresses', () => {
  for (const [field, data] of [
    ['onlineUrl', { onlineUrl: 'javascript:alert(1)' }],
    ['booking.url', { booking: { mode: 'required', url: ' javascript:alert(1)' } }],
    ['onlineUrl', { onlineUrl: 'data:text/html,<script>alert(1)</script>' }],
  ] as const) {
    it(`refuses ${JSON.stringify(data)} on the field ${field}, and writes nothing`, async () => {
      const before = await countAll(payload, 'events')
      const res = await client(payload, net, 'rest', 'editorA').create('events', eventData(net, data as never))
      expect(res.status).toBe(400)
      expect(res.errors.map((e) => e.path)).toContain(field)
      expect(res.errors.find((e) => e.path === field)?.message).toMatch(/https:\/\//)
      expect(await countAll(payload, 'events')).toBe(before)
    })
  }

  it('accepts an https address', async () => {
    const res = await client(payload, net, 'rest', 'editorA').create(
      'events',
      eventData(net, { onlineUrl: 'https://meet.example.org/lettura' }),
    )
    expect(res.status).toBe(201)
  })
})
