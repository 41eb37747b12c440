// The newsletter status rules (collections/Newsletters/hooks/guardStatus.ts and access.ts), each refusal
// followed by a read that shows nothing changed. Over REST and the Local API, as a system editor on its own
// system's newsletters (the rights matrix covers who may touch which newsletter at all).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_CONTEXT } from '../../collections/Newsletters/hooks/guardStatus'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, type Network, stored, type Via } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => payload.destroy())

const newsletters = SLUGS.newsletters
const inHours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString()
const unique = (what: string) => `${what} ${Math.random().toString(36).slice(2, 8)}`

/** A newsletter of system A in `status`, set as the sending job sets it. */
const fixture = async (status: string, extra: Record<string, unknown> = {}) =>
  payload.create({
    collection: newsletters,
    data: { subject: unique('nl'), system: net.systems.a, status, scheduledAt: inHours(24), ...extra } as never,
    overrideAccess: true,
    context: { [SYSTEM_CONTEXT]: true },
  })

describe.each(['rest', 'local'] as Via[])('newsletter status rules over %s', (via) => {
  const editor = () => client(payload, net, via, 'editorA')

  it('cannot create a newsletter as sending or sent, and nothing is written', async () => {
    for (const status of ['sending', 'sent']) {
      const subject = unique(`nuova ${status}`)
      const res = await editor().create(newsletters, { subject, system: net.systems.a, status })
      expect(res.status, status).toBe(400)
      expect(res.errors.map((e) => e.path)).toContain('status')
      expect(await countAll(payload, newsletters, { subject: { equals: subject } })).toBe(0)
    }
  })

  it('cannot set sent (or sending) by hand, and the status stays', async () => {
    for (const from of ['draft', 'scheduled']) {
      const doc = await fixture(from)
      for (const to of ['sent', 'sending']) {
        const res = await editor().update(newsletters, doc.id, { status: to })
        expect(res.status, `${from} → ${to}`).toBe(400)
        expect((await stored(payload, newsletters, doc.id)).status).toBe(from)
      }
    }
  })

  it('cannot edit a sending or sent newsletter, and nothing changes', async () => {
    for (const status of ['sending', 'sent']) {
      const doc = await fixture(status)
      const before = await stored(payload, newsletters, doc.id)
      const res = await editor().update(newsletters, doc.id, { subject: 'Cambiata dopo l’invio' })
      expect(res.status, status).toBe(400)
      expect(res.errors[0]?.path).toBe('subject')
      expect(await stored(payload, newsletters, doc.id)).toEqual(before)
    }
  })

  it('cannot schedule in the past; a future time is accepted', async () => {
    const doc = await fixture('draft', { scheduledAt: null })
    const past = await editor().update(newsletters, doc.id, { status: 'scheduled', scheduledAt: inHours(-2) })
    expect(past.status).toBe(400)
    expect(past.errors.map((e) => e.path)).toContain('scheduledAt')
    expect(await stored(payload, newsletters, doc.id)).toMatchObject({ status: 'draft', scheduledAt: null })
    const missing = await editor().update(newsletters, doc.id, { status: 'scheduled' })
    expect(missing.status).toBe(400)
    const future = await editor().update(newsletters, doc.id, { status: 'scheduled', scheduledAt: inHours(3) })
    expect(future.status).toBe(200)
    expect((await stored(payload, newsletters, doc.id)).status).toBe('scheduled')
  })

  it('only drafts and cancelled newsletters can be deleted; the others stay', async () => {
    for (const status of ['scheduled', 'sending', 'sent']) {
      const doc = await fixture(status)
      const res = await editor().delete(newsletters, doc.id)
      expect([403, 404], status).toContain(res.status)
      expect(await countAll(payload, newsletters, { id: { equals: doc.id } }), status).toBe(1)
    }
    for (const status of ['draft', 'cancelled']) {
      const doc = await fixture(status)
      expect((await editor().delete(newsletters, doc.id)).status, status).toBe(200)
      expect(await countAll(payload, newsletters, { id: { equals: doc.id } }), status).toBe(0)
    }
  })
})
