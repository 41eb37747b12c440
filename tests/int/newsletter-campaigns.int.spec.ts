import { handleEndpoints, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event } from '../../cms/payload-types'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp'

let smtp: SmtpSink
let payload: Payload
let config: Awaited<typeof import('../../cms/payload.config')>['default']
let net: Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>
let helpers: typeof import('../helpers/network')
let rest: typeof import('../helpers/payload')['rest']
const events: Record<string, Event> = {}
const refuse = new Map<string, number>()

const drain = async (queue: 'mail' | 'newsletter') => {
  for (let i = 0; i < 50; i++) if ((await payload.jobs.run({ queue, limit: 20 })).noJobsRemaining) return
  throw new Error(`queue ${queue} did not drain`)
}

const confirmed = async (email: string, preferences: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
  const { newNonce } = await import('../../cms/newsletter/tokens')
  return payload.create({
    collection: 'subscribers',
    data: {
      email,
      status: 'confirmed',
      language: 'it',
      tokenNonce: newNonce(),
      preferences: { weeklyDigest: true, ...preferences },
      ...extra,
    } as never,
    overrideAccess: true,
  })
}

/** A header exactly as written on the wire (mailparser turns List-* headers into objects). */
const headerLine = (mail: { mail: { headerLines: readonly { key: string; line: string }[] } }, key: string) =>
  mail.mail.headerLines.find((h) => h.key === key.toLowerCase())?.line.slice(key.length + 2)

const subscriber = async (email: string) =>
  (await payload.find({ collection: 'subscribers', where: { email: { equals: email } }, overrideAccess: true })).docs[0]

/** A request straight into Payload's REST handler, with whatever body and headers a mail provider would send. */
const raw = async (method: 'GET' | 'POST', url: string, body?: string, headers: Record<string, string> = {}) => {
  const u = new URL(url)
  const request = new Request(u, { method, body, headers })
  return handleEndpoints({ config, request, path: u.pathname })
}

beforeAll(async () => {
  smtp = await startSmtpSink({ refuse: (address) => refuse.get(address) ?? null })
  process.env.SMTP_URL = smtp.url
  process.env.BOUNCE_WEBHOOK_TOKEN = 'webhook-secret-for-tests'
  const h = await import('../helpers/payload')
  payload = await h.getPayload()
  rest = h.rest
  config = (await import('../../cms/payload.config')).default
  helpers = await import('../helpers/network')
  net = await helpers.buildNetwork(payload)
  const { romeAt, fixtureEvent } = helpers
  events.readingA = await fixtureEvent(payload, net, {
    title: 'Storie per piccoli a Dalmine',
    audiences: [net.audience],
    start: romeAt(2, 10, 30),
    end: romeAt(2, 11, 30),
  })
  events.theatreB = await fixtureEvent(payload, net, {
    title: 'Teatro di figura ad Albino',
    system: net.systems.b,
    library: net.libraries.b1,
    start: romeAt(3, 16, 0),
    end: romeAt(3, 17, 0),
  })
  events.laterA = await fixtureEvent(payload, net, {
    title: 'Incontro lontano',
    start: romeAt(12, 18),
    end: romeAt(12, 19),
  })
  events.cancelledB = await fixtureEvent(payload, net, {
    title: 'Laboratorio annullato',
    system: net.systems.b,
    library: net.libraries.b1,
    status: 'cancelled',
    start: romeAt(4, 10),
    end: romeAt(4, 11),
  })
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('weekly digest', () => {
  beforeAll(async () => {
    await confirmed('valle@example.org', { systems: [net.systems.b] })
    await confirmed('valle2@example.org', { systems: [net.systems.b] })
    await confirmed('piccoli@example.org', { audiences: [net.audience] })
    await confirmed('eta4@example.org', { ages: [4] })
    await confirmed('campagna@example.org', { campaigns: [net.campaign] })
    await confirmed('nodigest@example.org', { systems: [net.systems.b], weeklyDigest: false })
    await confirmed('english@example.org', { systems: [net.systems.b] }, { language: 'en' })
    await confirmed('nuovo@example.org', {}, { status: 'unconfirmed' })
    const { startDigest } = await import('../../cms/jobs/weekly-digest')
    smtp.clear()
    const run = await startDigest(payload)
    expect(run.created).toBe(true)
    await drain('newsletter')
  })

  const only = (email: string) => {
    const mails = smtp.to(email)
    expect(mails, `mails to ${email}`).toHaveLength(1)
    return mails[0]!
  }

  it('sends each confirmed subscriber the next ten days of events that match their preferences', () => {
    const valle = only('valle@example.org').mail
    expect(valle.text).toContain('TEATRO DI FIGURA AD ALBINO')
    expect(valle.text).not.toContain('DALMINE')
    expect(valle.text).not.toContain('annullato')
    expect(valle.text).toContain(`/eventi/${events.theatreB!.slug}.ics`)
    const piccoli = only('piccoli@example.org').mail
    expect(piccoli.text).toContain('STORIE PER PICCOLI A DALMINE')
    expect(piccoli.text).not.toContain('ALBINO')
    const eta = only('eta4@example.org').mail
    expect(eta.text).toContain('STORIE PER PICCOLI A DALMINE')
    expect(eta.text).toContain('TEATRO DI FIGURA AD ALBINO')
    expect(eta.text).not.toContain('INCONTRO LONTANO')
    expect(eta.text!.indexOf('DALMINE')).toBeLessThan(eta.text!.indexOf('ALBINO'))
  })

  it('sends nothing when nothing matches, when the digest is off, or when the address is unconfirmed', () => {
    expect(smtp.to('campagna@example.org')).toHaveLength(0)
    expect(smtp.to('nodigest@example.org')).toHaveLength(0)
    expect(smtp.to('nuovo@example.org')).toHaveLength(0)
  })

  it('writes English for English subscribers, linking to the English pages', () => {
    const en = only('english@example.org').mail
    expect(en.subject).toMatch(/^At the library:/)
    expect(en.html).toContain('lang="en"')
    expect(en.text).toContain('Unsubscribe http://localhost:4321/en/newsletter/disiscrizione?token=')
    expect(en.text).toContain('Change your preferences http://localhost:4321/en/newsletter/preferenze?token=')
    expect(en.text).toMatch(/http:\/\/localhost:4321\/en\/eventi\/[\w-]+/)
    expect(en.text).not.toMatch(/localhost:4321\/newsletter\//)
  })

  it('shares one body between subscribers with the same preferences: only the personal links differ', () => {
    const strip = (html: string) => html.replace(/token=[\w.%-]+/g, 'token=X')
    const a = only('valle@example.org').mail
    const b = only('valle2@example.org').mail
    expect(strip(String(a.html))).toBe(strip(String(b.html)))
    expect(a.html).not.toBe(b.html)
  })

  it('carries RFC 8058 one-click headers, unfolded, and visible unsubscribe and preferences links', () => {
    const mail = only('valle@example.org')
    const header = String(headerLine(mail, 'List-Unsubscribe'))
    expect(header).toMatch(
      /^<http:\/\/localhost:3000\/api\/subscribers\/one-click\?token=[\w.-]+>, <mailto:unsubscribe@rbbg\.example\.org\?subject=unsubscribe>$/,
    )
    expect(headerLine(mail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')
    expect(mail.raw.toString()).toMatch(/(^|\n)List-Unsubscribe: <[^\r\n]+>, <mailto:[^\r\n]+>\r?\n/)
    expect(mail.mail.text).toContain('Annulla l’iscrizione http://localhost:4321/newsletter/disiscrizione?token=')
    expect(mail.mail.text).toContain('Cambia le tue preferenze http://localhost:4321/newsletter/preferenze?token=')
    expect(mail.mail.messageId).toMatch(/^<[0-9a-f]{32}@rbbg\.example\.org>$/)
  })

  it('records the run: one digest a day, progress counted, a second trigger sends nothing', async () => {
    const { docs } = await payload.find({
      collection: 'newsletters',
      where: { kind: { equals: 'digest' } },
      overrideAccess: true,
    })
    expect(docs).toHaveLength(1)
    expect(docs[0]?.status).toBe('sent')
    expect(docs[0]?.progress).toMatchObject({ total: 5, sent: 5, failed: 0 })
    const before = smtp.received.length
    const { startDigest } = await import('../../cms/jobs/weekly-digest')
    expect((await startDigest(payload)).created).toBe(false)
    await drain('newsletter')
    expect(smtp.received.length).toBe(before)
  })

  it('one-click POST unsubscribes without cookie or Origin; GET only redirects to the confirmation page, in the reader’s language', async () => {
    const url = String(headerLine(only('valle@example.org'), 'List-Unsubscribe')).match(/^<([^>]+)>/)![1]!
    const get = await raw('GET', url)
    expect(get.status).toBe(303)
    expect(get.headers.get('location')).toMatch(/^http:\/\/localhost:4321\/newsletter\/disiscrizione\?token=/)
    expect((await subscriber('valle@example.org'))?.status).toBe('confirmed')
    const english = String(headerLine(only('english@example.org'), 'List-Unsubscribe')).match(/^<([^>]+)>/)![1]!
    const page = (await raw('GET', english)).headers.get('location')
    expect(page).toMatch(/^http:\/\/localhost:4321\/en\/newsletter\/disiscrizione\?token=[\w.-]+$/)
    expect((await subscriber('english@example.org'))?.status).toBe('confirmed')

    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect((await raw('POST', url, '', form)).status).toBe(400)
    expect((await subscriber('valle@example.org'))?.status).toBe('confirmed')

    const post = await raw('POST', url, 'List-Unsubscribe=One-Click', form)
    expect(post.status).toBe(200)
    expect(await post.text()).toContain('Iscrizione annullata')
    expect((await subscriber('valle@example.org'))?.status).toBe('unsubscribed')
    expect((await raw('POST', url, 'List-Unsubscribe=One-Click', form)).status).toBe(200)

    const forged = url.replace(/token=([\w-]+)\.([\w-]+)/, (_m, body) => `token=${body}.AAAAAAAAAAAAAAAAAAAAAAAA`)
    const refused = await raw('POST', forged, 'List-Unsubscribe=One-Click', form)
    expect(refused.status).toBe(400)
    expect(await refused.text()).toContain('Il link non è valido')
  })
})

describe('editorial newsletters', () => {
  it('a system editor schedules a newsletter that reaches only their system’s subscribers; 5xx suppresses, 4xx retries', async () => {
    await confirmed('albino@example.org', { comuni: ['016004'] })
    await confirmed('tutto@example.org', {})
    await confirmed('dalmine@example.org', { systems: [net.systems.a] })
    await confirmed('rotto@example.org', { systems: [net.systems.b] })
    await confirmed('lento@example.org', { systems: [net.systems.b] })
    refuse.set('rotto@example.org', 550)
    refuse.set('lento@example.org', 451)
    smtp.clear()
    const doc = await payload.create({
      collection: 'newsletters',
      data: {
        subject: 'Dicembre in Valle Seriana',
        intro: (await import('../../collections/lib/lexical-text')).plainTextToLexical(
          'Care famiglie,\necco le proposte.',
        ),
        events: [events.theatreB!.id],
        status: 'scheduled',
        scheduledAt: new Date().toISOString(),
      },
      overrideAccess: false,
      user: net.as('editorB'),
      depth: 0,
    })
    expect(doc.system).toBe(net.systems.b)
    await drain('newsletter')

    const recipients = smtp.received.flatMap((r) => r.to).sort()
    // valle@ unsubscribed above; english@, valle2@, nodigest@ chose system B; albino@ picked a comune of B;
    // the others chose no place at all, so every system reaches them.
    expect(recipients).toEqual(
      [
        'albino@example.org',
        'campagna@example.org',
        'english@example.org',
        'eta4@example.org',
        'nodigest@example.org',
        'piccoli@example.org',
        'tutto@example.org',
        'valle2@example.org',
      ].sort(),
    )
    expect(recipients).not.toContain('dalmine@example.org')
    const mail = smtp.to('albino@example.org')[0]!.mail
    expect(mail.from?.value[0]).toEqual({ name: 'Biblioteche Valle Seriana', address: 'agenda@rbbg.example.org' })
    expect(mail.subject).toBe('Dicembre in Valle Seriana')
    expect(mail.text).toContain('TEATRO DI FIGURA AD ALBINO')
    expect(headerLine(smtp.to('albino@example.org')[0]!, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click')

    expect((await subscriber('rotto@example.org'))?.status).toBe('bounced')
    const logOf = async (email: string) =>
      (
        await payload.find({
          collection: 'deliveries',
          where: {
            and: [{ newsletter: { equals: doc.id } }, { subscriber: { equals: (await subscriber(email))!.id } }],
          },
          overrideAccess: true,
        })
      ).docs[0]
    expect((await logOf('rotto@example.org'))?.state).toBe('bounced')
    const slow = await logOf('lento@example.org')
    expect(slow?.state).toBe('queued')
    expect(slow?.attempts).toBe(1)
    expect(new Date(String(slow?.retryAt)).getTime()).toBeGreaterThan(Date.now())
    expect((await payload.findByID({ collection: 'newsletters', id: doc.id, overrideAccess: true })).status).toBe(
      'sending',
    )

    // The recipient's server recovers and the retry time comes.
    refuse.delete('lento@example.org')
    await payload.db.updateMany({
      collection: 'deliveries',
      where: { id: { equals: slow!.id } },
      data: { retryAt: new Date(Date.now() - 1000).toISOString() },
    })
    await payload.db.updateMany({
      collection: 'payload-jobs',
      where: { completedAt: { exists: false } },
      data: { waitUntil: new Date(Date.now() - 1000).toISOString() },
    })
    await drain('newsletter')
    expect(smtp.to('lento@example.org')).toHaveLength(1)
    const done = await payload.findByID({ collection: 'newsletters', id: doc.id, overrideAccess: true })
    expect(done.status).toBe('sent')
    expect(done.progress).toMatchObject({ total: 10, sent: 9, failed: 1 })

    // A later campaign leaves the bounced address out.
    const { startDigest } = await import('../../cms/jobs/weekly-digest')
    smtp.clear()
    await startDigest(payload, new Date(Date.now() + 24 * 60 * 60 * 1000))
    await drain('newsletter')
    expect(smtp.to('rotto@example.org')).toHaveLength(0)
    expect(smtp.to('lento@example.org')).toHaveLength(1)
  })

  it('keeps editors inside their system: no other system, no network-wide newsletter, no subscriber list', async () => {
    const tokenA = await net.token('editorA')
    const other = await rest('POST', '/newsletters', { token: tokenA, body: { subject: 'x', system: net.systems.b } })
    expect(other.status).toBe(403)
    const network = await rest('POST', '/newsletters', { token: tokenA, body: { subject: 'x', system: null } })
    expect(network.status).toBe(403)
    expect(
      (await payload.count({ collection: 'newsletters', where: { subject: { equals: 'x' } }, overrideAccess: true }))
        .totalDocs,
    ).toBe(0)
    const list = await rest('GET', '/newsletters', { token: tokenA })
    expect(list.json.docs).toHaveLength(0) // B's newsletter is invisible to A
    expect((await rest('GET', '/subscribers', { token: tokenA })).status).toBe(403)
    const counts = await rest('GET', '/subscribers/counts', { token: tokenA })
    expect(counts.status).toBe(200)
    expect(counts.json.byStatus).toBeUndefined()
    expect(counts.json.systems.map((s: { id: number }) => s.id)).toEqual([net.systems.a])
    expect(counts.json.systems[0].confirmed).toBe(5) // dalmine@ chose A; piccoli@, eta4@, campagna@, tutto@ chose no place
    expect(JSON.stringify(counts.json)).not.toContain('@')
  })

  it('cancelling a sending newsletter stops it before the next batch', async () => {
    const doc = await payload.create({
      collection: 'newsletters',
      data: { subject: 'Da annullare', status: 'scheduled', scheduledAt: new Date().toISOString() },
      overrideAccess: false,
      user: net.as('admin'),
    })
    // Run the start job only: the newsletter enters `sending` and its first batch is queued.
    const started = await payload.find({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'startNewsletter' }, completedAt: { exists: false } },
      overrideAccess: true,
    })
    await payload.jobs.runByID({ id: started.docs[0]!.id, overrideAccess: true })
    expect((await payload.findByID({ collection: 'newsletters', id: doc.id, overrideAccess: true })).status).toBe(
      'sending',
    )
    smtp.clear()
    await payload.update({
      collection: 'newsletters',
      id: doc.id,
      data: { status: 'cancelled' },
      overrideAccess: false,
      user: net.as('admin'),
    })
    await drain('newsletter')
    expect(smtp.received).toHaveLength(0)
    expect((await payload.findByID({ collection: 'newsletters', id: doc.id, overrideAccess: true })).status).toBe(
      'cancelled',
    )
  })
})

describe('bounce webhook', () => {
  const post = (body: unknown, token?: string) =>
    raw(
      'POST',
      'http://localhost:3000/api/subscribers/bounces',
      typeof body === 'string' ? body : JSON.stringify(body),
      {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
    )

  it('refuses requests without the bearer token and bad JSON, and writes nothing', async () => {
    expect((await post({ email: 'tutto@example.org', type: 'complaint' })).status).toBe(401)
    expect((await post({ email: 'tutto@example.org', type: 'complaint' }, 'wrong')).status).toBe(401)
    const bad = await post('{not json', 'webhook-secret-for-tests')
    expect(bad.status).toBe(400)
    expect((await bad.json()).error).toContain('JSON')
    expect((await post({ email: 'tutto@example.org', type: 'other' }, 'webhook-secret-for-tests')).status).toBe(400)
    expect((await subscriber('tutto@example.org'))?.status).toBe('confirmed')
  })

  it('a complaint or hard bounce suppresses the address; a soft bounce is only counted', async () => {
    const res = await post(
      [
        { email: 'tutto@example.org', type: 'complaint' },
        { email: 'albino@example.org', type: 'bounce', soft: true },
        { email: 'Dalmine@Example.org', type: 'bounce' },
        { email: 'sconosciuto@example.org', type: 'bounce' },
      ],
      'webhook-secret-for-tests',
    )
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ received: 4, matched: 3 })
    expect(await subscriber('tutto@example.org')).toMatchObject({ status: 'bounced', bounces: { complaint: true } })
    expect(await subscriber('albino@example.org')).toMatchObject({ status: 'confirmed', bounces: { soft: 1 } })
    expect((await subscriber('dalmine@example.org'))?.status).toBe('bounced')
  })
})

describe('GDPR', () => {
  it('exports one subscriber’s data to network admins only, and erasure keeps only anonymous counts', async () => {
    const s = (await subscriber('lento@example.org'))!
    const editor = await rest('GET', `/subscribers/${s.id}/export`, { token: await net.token('editorB') })
    expect(editor.status).toBe(403)
    const admin = await rest('GET', `/subscribers/${s.id}/export`, { token: await net.token('admin') })
    expect(admin.status).toBe(200)
    expect(admin.json).toMatchObject({ email: 'lento@example.org', status: 'confirmed' })
    expect(admin.json.deliveries.length).toBeGreaterThanOrEqual(2)
    expect(JSON.stringify(admin.json)).not.toContain('tokenNonce')

    const sentBefore = (
      await payload.find({
        collection: 'newsletters',
        where: { subject: { equals: 'Dicembre in Valle Seriana' } },
        overrideAccess: true,
      })
    ).docs[0]!.progress
    expect((await rest('POST', `/subscribers/${s.id}/erase`, { token: await net.token('editorB') })).status).toBe(403)
    expect(await subscriber('lento@example.org')).toBeTruthy()
    expect((await rest('POST', `/subscribers/${s.id}/erase`, { token: await net.token('admin') })).status).toBe(200)
    expect(await subscriber('lento@example.org')).toBeUndefined()
    expect(
      (await payload.count({ collection: 'deliveries', where: { subscriber: { equals: s.id } }, overrideAccess: true }))
        .totalDocs,
    ).toBe(0)
    const sentAfter = (
      await payload.find({
        collection: 'newsletters',
        where: { subject: { equals: 'Dicembre in Valle Seriana' } },
        overrideAccess: true,
      })
    ).docs[0]!.progress
    expect(sentAfter).toEqual(sentBefore)
  })
})
