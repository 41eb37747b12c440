// The newsletter status rules (collections/Newsletters/hooks/guardStatus.ts and access.ts), each refusal
// followed by a read that shows nothing changed. Over REST and the Local API, as a system editor on its own
// system's newsletters (the rights matrix covers who may touch which newsletter at all).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SYSTEM_CONTEXT } from '../../collections/Newsletters/hooks/guardStatus'
import { SLUGS } from '../../collections/slugs'
import { buildNetwork, client, countAll, type Network, stored, type Via } from '../helpers/network'
import { getPayload, type Payload, rest } from '../helpers/payload'

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

// "Invia ora" (issue 19): the scheduling path with this minute as the time, the same rights and status rules.
describe('sending a newsletter now', () => {
  const sendNow = async (id: number | string, who: Parameters<Network['token']>[0] | null, body: unknown) =>
    rest('POST', `/newsletters/${id}/send-now`, { token: who ? await net.token(who) : undefined, body })

  const startJobs = async (id: number | string) =>
    (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'startNewsletter' } },
        pagination: false,
        overrideAccess: true,
      })
    ).docs.filter((j) => String((j.input as { newsletterId?: string })?.newsletterId) === String(id))

  it('schedules a draft for now; the start job, not the request, moves it to sending', async () => {
    const doc = await fixture('draft', { scheduledAt: null })
    const before = Date.now()
    const res = await sendNow(doc.id, 'editorA', { confirm: true })
    expect(res.status, JSON.stringify(res.json)).toBe(202)
    const saved = await stored(payload, newsletters, doc.id)
    expect(saved.status).toBe('scheduled')
    expect(new Date(saved.scheduledAt).getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(new Date(saved.scheduledAt).getTime()).toBeLessThanOrEqual(Date.now())
    const [job] = await startJobs(doc.id)
    expect(job?.queue).toBe('newsletter')
    expect(new Date(job?.waitUntil as string).getTime()).toBeLessThanOrEqual(Date.now())
    await payload.jobs.run({ queue: 'newsletter', limit: 1, where: { id: { equals: job?.id } } })
    const started = await stored(payload, newsletters, doc.id)
    expect(['sending', 'sent']).toContain(started.status)
    expect(started.progress?.startedAt).toBeTruthy()
  })

  it('brings a scheduled newsletter forward to now: one new start job, the earlier ones no longer match its time', async () => {
    const doc = await fixture('scheduled', { scheduledAt: inHours(5) })
    const earlier = await startJobs(doc.id)
    expect((await sendNow(doc.id, 'editorA', { confirm: true })).status).toBe(202)
    const saved = await stored(payload, newsletters, doc.id)
    expect(new Date(saved.scheduledAt).getTime()).toBeLessThanOrEqual(Date.now())
    const jobs = await startJobs(doc.id)
    expect(jobs.length).toBe(earlier.length + 1)
    // startNewsletter acts only when the newsletter is still scheduled for the time its job was queued for.
    const at = (j: (typeof jobs)[number]) => (j.input as { scheduledAt: string }).scheduledAt
    expect(jobs.filter((j) => at(j) === new Date(saved.scheduledAt).toISOString())).toHaveLength(1)
    expect(earlier.map(at)).not.toContain(new Date(saved.scheduledAt).toISOString())
  })

  it('asks for confirmation: without it, a 400 and nothing changes', async () => {
    const doc = await fixture('draft', { scheduledAt: null })
    const before = await stored(payload, newsletters, doc.id)
    for (const body of [{}, { confirm: 'true' }, 'confirm']) {
      const res = await sendNow(doc.id, 'editorA', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error).toContain('Conferma l’invio')
    }
    expect(await stored(payload, newsletters, doc.id)).toEqual(before)
    expect(await startJobs(doc.id)).toEqual([])
  })

  it('refuses sending, sent and cancelled newsletters and the weekly digest, and nothing changes', async () => {
    for (const status of ['sending', 'sent', 'cancelled']) {
      const doc = await fixture(status)
      const before = await stored(payload, newsletters, doc.id)
      const res = await sendNow(doc.id, 'editorA', { confirm: true })
      expect(res.status, status).toBe(400)
      expect(res.json.error, status).toMatch(/solo una bozza o una newsletter programmata/)
      expect(await stored(payload, newsletters, doc.id), status).toEqual(before)
    }
    const digest = await fixture('draft', { kind: 'digest', system: null })
    const res = await sendNow(digest.id, 'admin', { confirm: true })
    expect(res.status).toBe(400)
    expect((await stored(payload, newsletters, digest.id)).status).toBe('draft')
  })

  it('checks rights as scheduling does: another system, a contributor, a network editor, nobody', async () => {
    const doc = await fixture('draft', { scheduledAt: null })
    const before = await stored(payload, newsletters, doc.id)
    expect((await sendNow(doc.id, null, { confirm: true })).status).toBe(401)
    expect((await sendNow(doc.id, 'editorB', { confirm: true })).status).toBe(404)
    expect((await sendNow(doc.id, 'contributorA1', { confirm: true })).status).toBe(404)
    // Network editors read every newsletter but schedule none.
    const network = await sendNow(doc.id, 'networkEditor', { confirm: true })
    expect(network.status).toBe(403)
    expect(network.json.error).toContain('permessi')
    expect(await stored(payload, newsletters, doc.id)).toEqual(before)
    expect(await startJobs(doc.id)).toEqual([])
  })
})
