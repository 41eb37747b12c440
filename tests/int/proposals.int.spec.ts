// "Proponi un evento" (issue 16), against real SQLite and a real SMTP server: a proposal is stored waiting for
// its confirmation link; the link (single use, expiring) turns it into a draft event in review in the chosen
// system, with none of the proposer's contact; publishing the draft accepts it, refusing it in the admin deletes
// the draft; the proposer is mailed either way. The honeypot, bad input and the rate limit store nothing; only
// the chosen system's editors (and network staff) see or decide a proposal; the purge forgets the contact.
import type { ParsedMail } from 'mailparser'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Event, EventProposal } from '../../cms/payload-types'
import { linkIn, type SmtpSink, startSmtpSink } from '../helpers/smtp'

type Wing = typeof import('../../cms/proposals')
type Net = Awaited<ReturnType<typeof import('../helpers/network').buildNetwork>>

let smtp: SmtpSink
let payload: Payload
let wing: Wing
let net: Net
let pages: typeof import('../../site/lib/proposals/pages')

const DAY = 86_400_000
const runMail = () => payload.jobs.run({ queue: 'mail', limit: 100 })
const runAll = async () => {
  await payload.jobs.run({ queue: 'mail', limit: 100 })
  await payload.jobs.run({ limit: 100 })
}

/** A `datetime-local` value some days ahead, at 17:30 Rome time. */
const localDay = (days: number, hour = '17:30') => {
  const d = new Date(Date.now() + days * DAY)
  return `${d.toISOString().slice(0, 10)}T${hour}`
}

const formOf = (fields: Record<string, string>) => {
  const form = new FormData()
  for (const [k, v] of Object.entries(fields)) form.set(k, v)
  return form
}

const valid = (over: Record<string, string> = {}) => ({
  biblioteca: String(net.libraries.a1),
  titolo: 'Letture sotto il portico',
  descrizione: 'Letture ad alta voce per bambini.\nPorta un cuscino.',
  inizio: localDay(10),
  fine: localDay(10, '18:30'),
  luogo: 'Portico del municipio',
  categoria: String(net.category),
  pubblico: String(net.audience),
  eta_min: '3',
  eta_max: '6',
  organizzazione: 'Associazione Amici del Portico',
  nome: 'Giulia Bianchi',
  email: 'giulia@example.org',
  telefono: '+39 035 123456',
  consenso: 'on',
  ...over,
})

let ipCounter = 0
/** What the page /proponi-evento does with a POST, from a fresh address unless one is given. */
const post = (fields: Record<string, string>, locale: 'it' | 'en' = 'it', ip = `192.0.2.${++ipCounter}`) =>
  pages.proposalFormPage(
    new Request('http://localhost:4321/proponi-evento', { method: 'POST', body: formOf(fields) }),
    locale,
    () => ip,
  )

const proposals = async (where: Record<string, unknown> = {}) =>
  (
    await payload.find({
      collection: 'event-proposals',
      where: where as never,
      pagination: false,
      overrideAccess: true,
      depth: 0,
      sort: 'createdAt',
    })
  ).docs as EventProposal[]

const lastMailTo = (email: string) => {
  const mails = smtp.to(email)
  return mails[mails.length - 1]?.mail as ParsedMail
}

const tokenFrom = (mail: ParsedMail, language: 'it' | 'en' = 'it') =>
  new URL(
    linkIn(mail, `http://localhost:4321${language === 'en' ? '/en' : ''}/proponi-evento/conferma?token=`),
  ).searchParams.get('token')

/** Submits, runs the mail queue, confirms from the mail's link; returns the proposal after confirmation. */
const proposeAndConfirm = async (title: string, email: string, locale: 'it' | 'en' = 'it') => {
  expect((await post(valid({ titolo: title, email }), locale)).done).toBe(true)
  await runMail()
  const token = tokenFrom(lastMailTo(email), locale)
  expect(await wing.confirmProposal(payload, token)).toMatchObject({ ok: true, title })
  const [p] = await proposals({ title: { equals: title } })
  return p as EventProposal
}

beforeAll(async () => {
  smtp = await startSmtpSink()
  process.env.SMTP_URL = smtp.url
  payload = await (await import('../helpers/payload')).getPayload()
  wing = await import('../../cms/proposals')
  pages = await import('../../site/lib/proposals/pages')
  net = await (await import('../helpers/network')).buildNetwork(payload)
})

afterAll(async () => {
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

describe('a proposal', () => {
  it('is stored waiting for confirmation and mails a single-use link', async () => {
    const state = await post(valid({ email: 'prima@example.org' }))
    expect(state).toMatchObject({ done: true, status: 200 })
    const [p] = await proposals({ 'proposer.email': { equals: 'prima@example.org' } })
    expect(p).toMatchObject({ state: 'pending', system: net.systems.a, library: net.libraries.a1, event: null })
    await runMail()
    const mail = lastMailTo('prima@example.org')
    expect(mail.subject).toBe('Conferma la tua proposta: Letture sotto il portico')
    const token = tokenFrom(mail)
    expect(await wing.checkProposalConfirm(payload, token)).toMatchObject({ ok: true })
    // Looking at the link changes nothing.
    expect((await proposals({ id: { equals: p?.id } }))[0]?.state).toBe('pending')
    expect(await wing.confirmProposal(payload, token)).toMatchObject({ ok: true })
    // The same link again: spent.
    expect(await wing.confirmProposal(payload, token)).toMatchObject({ ok: false, reason: 'used' })
    const forged = `${token?.slice(0, -4)}${token?.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`
    expect(await wing.confirmProposal(payload, forged)).toMatchObject({ ok: false, reason: 'invalid' })
  })

  it('becomes a draft event in review in the chosen system, without the proposer’s contact, and its editors are told', async () => {
    const p = await proposeAndConfirm('Teatro delle ombre', 'ombre@example.org')
    expect(p.state).toBe('review')
    expect(p.event).toBeTruthy()
    const event = (await payload.findByID({
      collection: 'events',
      id: p.event as number,
      draft: true,
      overrideAccess: true,
      depth: 0,
    })) as Event
    expect(event).toMatchObject({
      _status: 'draft',
      review: 'requested',
      system: net.systems.a,
      library: net.libraries.a1,
      placeNotes: 'Portico del municipio',
      minAge: 3,
      maxAge: 6,
    })
    const serialised = JSON.stringify(event)
    for (const secret of ['ombre@example.org', 'Giulia Bianchi', '035 123456']) expect(serialised).not.toContain(secret)
    // Not public: the draft is invisible to the public.
    const publicRead = await payload.find({
      collection: 'events',
      where: { id: { equals: event.id } },
      overrideAccess: false,
    })
    expect(publicRead.docs).toHaveLength(0)
    // The system's editors get the reviewers' notice (a job).
    await runAll()
    const editorA = net.as('editorA').email
    const notice = smtp.to(editorA).find((m) => m.mail.subject?.includes('Teatro delle ombre'))?.mail
    expect(notice?.subject).toBe('Proposta da rivedere: Teatro delle ombre')
    expect(notice?.text).toContain('«Proponi un evento»')
    expect(notice?.text).toContain(`/admin/collections/event-proposals/${p.id}`)
    expect(notice?.text).not.toContain('ombre@example.org')
    expect(smtp.to(net.as('editorB').email).some((m) => m.mail.subject?.includes('Teatro delle ombre'))).toBe(false)
  })

  it('is accepted when its draft is published: the event is public and the proposer is mailed', async () => {
    const p = await proposeAndConfirm('Concerto di Natale', 'natale@example.org')
    await payload.update({
      collection: 'events',
      id: p.event as number,
      data: { _status: 'published' } as never,
      overrideAccess: false,
      user: net.as('editorA'),
      depth: 0,
    })
    await runAll()
    const [after] = await proposals({ id: { equals: p.id } })
    expect(after).toMatchObject({ state: 'accepted', decisionMailed: true })
    expect(after?.decidedAt).toBeTruthy()
    const mail = lastMailTo('natale@example.org')
    expect(mail.subject).toBe('La tua proposta è stata accettata: Concerto di Natale')
    expect(mail.text).toMatch(/http:\/\/localhost:4321\/eventi\//)
    const publicRead = await payload.find({
      collection: 'events',
      where: { id: { equals: p.event } },
      overrideAccess: false,
    })
    expect(publicRead.docs).toHaveLength(1)
    expect(JSON.stringify(publicRead.docs[0])).not.toContain('natale@example.org')
  })

  it('is refused with a reason in the admin: the draft goes and the proposer gets the reason (in English from /en)', async () => {
    const p = await proposeAndConfirm('Mercatino', 'mercatino@example.org', 'en')
    // A reason is required.
    await expect(
      payload.update({
        collection: 'event-proposals',
        id: p.id,
        data: { state: 'refused' },
        overrideAccess: false,
        user: net.as('editorA'),
      }),
    ).rejects.toThrow()
    await payload.update({
      collection: 'event-proposals',
      id: p.id,
      data: { state: 'refused', refusalReason: 'La sala è occupata quel giorno.' },
      overrideAccess: false,
      user: net.as('editorA'),
    })
    await runAll()
    const [after] = await proposals({ id: { equals: p.id } })
    expect(after).toMatchObject({ state: 'refused', event: null, decisionMailed: true })
    const gone = await payload.findByID({
      collection: 'events',
      id: p.event as number,
      overrideAccess: true,
      disableErrors: true,
    })
    expect(gone).toBeNull()
    const mail = lastMailTo('mercatino@example.org')
    expect(mail.subject).toBe('Your proposal was not accepted: Mercatino')
    expect(mail.text).toContain('La sala è occupata quel giorno.')
  })

  it('a filled honeypot gets the same answer and stores nothing', async () => {
    const before = (await proposals()).length
    expect(await post(valid({ sito: 'http://spam.example', email: 'bot@example.org' }))).toMatchObject({ done: true })
    expect(await proposals()).toHaveLength(before)
  })

  it('bad input: Italian field errors, the values kept, 400, nothing stored', async () => {
    const before = (await proposals()).length
    const state = await post(
      valid({
        titolo: '',
        email: 'non-una-mail',
        inizio: '2020-01-01T10:00',
        eta_min: '9',
        eta_max: '3',
        consenso: '',
      }),
    )
    expect(state.status).toBe(400)
    expect(state.errors).toEqual({
      titolo: 'title',
      email: 'email',
      inizio: 'start',
      eta_max: 'age',
      consenso: 'consent',
    })
    expect(state.values.email).toBe('non-una-mail')
    expect(state.values.organizzazione).toBe('Associazione Amici del Portico')
    // A library that does not exist, a category that does not exist.
    const unknown = await post(valid({ biblioteca: '999999', categoria: '999999' }))
    expect(unknown).toMatchObject({ status: 400, errors: { biblioteca: 'library' } })
    expect(await proposals()).toHaveLength(before)
  })

  it('is rate limited per connection (429), storing nothing beyond the limit', async () => {
    const ip = '198.51.100.7'
    const answers = []
    for (let i = 0; i < 6; i++) answers.push((await post(valid({ email: `limite${i}@example.org` }), 'it', ip)).status)
    expect(answers).toEqual([200, 200, 200, 200, 200, 429])
    expect(await proposals({ 'proposer.email': { equals: 'limite5@example.org' } })).toHaveLength(0)
  })

  it('an expired link is refused', async () => {
    expect((await post(valid({ titolo: 'Scaduta', email: 'scaduta@example.org' }))).done).toBe(true)
    await runMail()
    const token = tokenFrom(lastMailTo('scaduta@example.org'))
    const later = new Date(Date.now() + 8 * DAY)
    expect(await wing.confirmProposal(payload, token, later)).toMatchObject({ ok: false, reason: 'expired' })
    expect((await proposals({ title: { equals: 'Scaduta' } }))[0]?.state).toBe('pending')
  })
})

describe('who sees and decides a proposal', () => {
  it('only the chosen system’s editors and network staff; the public and other roles see nothing', async () => {
    const [p] = await proposals({ state: { equals: 'review' } })
    // A role with no read access at all is refused outright (403): counted as nothing seen.
    const read = async (key: Parameters<Net['as']>[0] | null) =>
      payload
        .find({
          collection: 'event-proposals',
          where: { id: { equals: p?.id } },
          overrideAccess: false,
          ...(key ? { user: net.as(key) } : {}),
        })
        .then((r) => r.docs.length)
        .catch((error: { status?: number }) => (error.status === 403 ? 0 : Promise.reject(error)))
    expect(await read(null)).toBe(0)
    expect(await read('editorA')).toBe(1)
    expect(await read('admin')).toBe(1)
    expect(await read('networkEditor')).toBe(1)
    for (const key of ['editorB', 'contributorA1', 'contributorB1', 'partnerA'] as const)
      expect(await read(key), key).toBe(0)
  })

  it('another system’s editor cannot refuse it: nothing written', async () => {
    const p = await proposeAndConfirm('Non tuo', 'nontuo@example.org')
    await expect(
      payload.update({
        collection: 'event-proposals',
        id: p.id,
        data: { state: 'refused', refusalReason: 'No.' },
        overrideAccess: false,
        user: net.as('editorB'),
      }),
    ).rejects.toThrow()
    const [after] = await proposals({ id: { equals: p.id } })
    expect(after).toMatchObject({ state: 'review', refusalReason: null })
    // The editor of the right system cannot rewrite what the proposer wrote, nor accept by hand.
    await payload.update({
      collection: 'event-proposals',
      id: p.id,
      data: { title: 'Cambiato', proposer: { email: 'altro@example.org' } } as never,
      overrideAccess: false,
      user: net.as('editorA'),
    })
    const [same] = await proposals({ id: { equals: p.id } })
    expect(same).toMatchObject({ title: 'Non tuo', proposer: { email: 'nontuo@example.org' } })
    await expect(
      payload.update({
        collection: 'event-proposals',
        id: p.id,
        data: { state: 'accepted' },
        overrideAccess: false,
        user: net.as('editorA'),
      }),
    ).rejects.toThrow()
  })

  it('nobody creates one through the API', async () => {
    await expect(
      payload.create({
        collection: 'event-proposals',
        data: {
          title: 'x',
          system: net.systems.a,
          library: net.libraries.a1,
          start: new Date().toISOString(),
        } as never,
        overrideAccess: false,
        user: net.as('admin'),
      }),
    ).rejects.toThrow()
  })
})

describe('personal data', () => {
  it('unconfirmed proposals go after 7 days; the contact of a decided one 90 days after the decision', async () => {
    expect((await post(valid({ titolo: 'Mai confermata', email: 'mai@example.org' }))).done).toBe(true)
    const [decided] = await proposals({ state: { in: ['accepted', 'refused'] } })
    const result = await wing.purgeProposals(payload, new Date(Date.now() + 91 * DAY))
    expect(result.deleted).toBeGreaterThanOrEqual(1)
    expect(result.anonymised).toBeGreaterThanOrEqual(1)
    expect(await proposals({ title: { equals: 'Mai confermata' } })).toHaveLength(0)
    const [after] = await proposals({ id: { equals: decided?.id } })
    expect(after?.proposer).toMatchObject({ name: null, email: null, phone: null })
    expect(after?.contactPurgedAt).toBeTruthy()
    expect(after?.title).toBe(decided?.title)
    // Proposals still in review keep their contact: the editors may still need it.
    const inReview = await proposals({ state: { equals: 'review' } })
    expect(inReview.every((p) => p.proposer?.email)).toBe(true)
  })
})
