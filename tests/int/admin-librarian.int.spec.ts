// The librarian's admin (issue 19), where the rules live on the server: the events list's "in programma" views,
// the draft preview's signed link (and that the public never sees a draft), new accounts by invitation (a real
// SMTP server receives the mail; its link sets the password), and Italian validation summaries.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const smtp = await vi.hoisted(async () => {
  const { startSmtpSink } = await import('../helpers/smtp')
  const sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  return sink
})

import { librarianDay } from '../../cms/dashboard'
import type { Event } from '../../cms/payload-types'
import { canReadDrafts } from '../../collections/Events/access'
import { eventListViews, viewQuery } from '../../collections/Events/list-views'
import { eventPreviewUrl } from '../../collections/Events/preview'
import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { payloadSecret } from '../../shared/env'
import { signPreview } from '../../shared/preview-token'
import { PUBLIC_SECTIONS } from '../../shared/site-paths'
import { findEventBySlug } from '../../site/lib/events'
import { previewEvent } from '../../site/lib/preview'
import { ENTITY_SECTIONS } from '../../site/lib/urls'
import { buildNetwork, countAll, eventData, type Network, PASSWORD, romeAt } from '../helpers/network'
import { getPayload, login, type Payload, rest } from '../helpers/payload'
import { linkIn } from '../helpers/smtp'

let payload: Payload
let net: Network

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => {
  await payload.destroy()
  await smtp.close()
})

const createEvent = async (data: Record<string, unknown>, draft = false): Promise<Event> =>
  (await payload.create({
    collection: SLUGS.events,
    data: { ...eventData(net), _status: draft ? 'draft' : 'published', ...data } as never,
    draft,
    depth: 0,
    overrideAccess: true,
  })) as Event

const drainMail = async () => {
  for (let i = 0; i < 10; i++) if ((await payload.jobs.run({ queue: QUEUES.mail, limit: 20 })).noJobsRemaining) break
}

describe('the events list opens on the events still in programme in the user’s system', () => {
  it('each event knows the end of its last date; for an endless rule, the last one generated', async () => {
    const single = await createEvent({ title: 'Singolo' })
    expect(single.lastEnd).toBe(romeAt(10, 11, 30))
    const weekly = await createEvent({
      title: 'Settimanale',
      recurrence: { frequency: 'weekly', interval: 1, byWeekday: ['SA'], count: 4 },
    })
    const weeklyStarts = await payload.find({
      collection: SLUGS.occurrences,
      where: { event: { equals: weekly.id } },
      sort: '-end',
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    expect(weekly.lastEnd).toBe(weeklyStarts.docs[0]?.end)
    const endless = await createEvent({ title: 'Senza fine', recurrence: { frequency: 'weekly', interval: 1 } })
    expect(Date.parse(endless.lastEnd as string)).toBeGreaterThan(Date.now() + 700 * 86_400_000)
    // Moving the only date moves the last one.
    const moved = (await payload.update({
      collection: SLUGS.events,
      id: single.id,
      data: { start: romeAt(40, 18, 0), end: romeAt(40, 19, 0) },
      depth: 0,
      overrideAccess: true,
    })) as Event
    expect(moved.lastEnd).toBe(romeAt(40, 19, 0))
  })

  it('a system editor’s first view is their system from today on, in date order; the network and the past are the others', async () => {
    const past = await createEvent({ title: 'Passato A', start: romeAt(-20, 10, 0), end: romeAt(-20, 11, 0) })
    const soonA = await createEvent({ title: 'Presto A', start: romeAt(2, 10, 0), end: romeAt(2, 11, 0) })
    const laterA = await createEvent({ title: 'Dopo A', start: romeAt(30, 10, 0), end: romeAt(30, 11, 0) })
    const soonB = await createEvent({
      title: 'Presto B',
      system: net.systems.b,
      library: net.libraries.b1,
      start: romeAt(3, 10, 0),
      end: romeAt(3, 11, 0),
    })
    const views = eventListViews(net.as('editorA'))
    expect(views.map((v) => v.key)).toEqual(['mine', 'network', 'mineAll', 'all'])
    const token = await net.token('editorA')
    const ids = async (query: string) =>
      ((await rest('GET', `/events?${query}&depth=0&limit=200&draft=true`, { token })).json.docs as Event[]).map(
        (e) => e.id,
      )

    const mine = await ids(viewQuery(views[0] as never))
    expect(mine).toContain(soonA.id)
    expect(mine).toContain(laterA.id)
    expect(mine.indexOf(soonA.id)).toBeLessThan(mine.indexOf(laterA.id))
    expect(mine).not.toContain(past.id)
    expect(mine).not.toContain(soonB.id)

    const network = await ids(viewQuery(views[1] as never))
    expect(network).toContain(soonB.id)
    expect(network).not.toContain(past.id)

    const mineAll = await ids(viewQuery(views[2] as never))
    expect(mineAll).toContain(past.id)
    expect(mineAll).not.toContain(soonB.id)
  })

  it('network staff, who have no system, open on the whole network from today on', () => {
    expect(eventListViews(net.as('admin')).map((v) => v.key)).toEqual(['network', 'all'])
  })
})

describe('the draft preview', () => {
  it('shows the latest draft to whoever holds a link signed for that event, and nothing for a forged, expired or borrowed one', async () => {
    const event = await createEvent({ title: 'Versione pubblica' })
    await payload.update({
      collection: SLUGS.events,
      id: event.id,
      data: { title: 'Bozza segreta', summary: 'Cambiata ma non pubblicata.' },
      draft: true,
      depth: 0,
      overrideAccess: true,
    })
    const now = new Date()
    const token = signPreview(payloadSecret(), SLUGS.events, event.id, now)
    const found = await previewEvent(String(event.id), token, now)
    expect(found?.view.title).toBe('Bozza segreta')
    expect(found?.view.dates[0]?.startIso).toBeTruthy()

    // The public reads the published version only.
    const published = await findEventBySlug(event.slug as string)
    expect(published?.title).toBe('Versione pubblica')
    const api = await rest('GET', `/events/${event.id}?draft=true&depth=0`)
    expect(api.json.title).toBe('Versione pubblica')

    const other = await createEvent({ title: 'Altro evento' })
    const forged = `${token.split('.')[0]}.${'A'.repeat(24)}`
    const expired = signPreview(payloadSecret(), SLUGS.events, event.id, new Date(now.getTime() - 2 * 3600_000))
    const wrongSecret = signPreview('another-secret-of-at-least-thirty-two-chars', SLUGS.events, event.id, now)
    for (const [id, bad] of [
      [event.id, forged],
      [event.id, expired],
      [event.id, wrongSecret],
      [event.id, null],
      [event.id, 'not a token'],
      [other.id, token], // a link signed for another event
      ['1 OR 1=1', token],
    ] as const)
      expect(await previewEvent(String(id), bad, now), `${id} ${bad}`).toBeNull()
  })

  it('a never-published draft previews with the dates its schedule will have', async () => {
    const draft = await createEvent(
      {
        title: 'Mai pubblicato',
        start: romeAt(5, 17, 0),
        end: romeAt(5, 18, 0),
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      },
      true,
    )
    const token = signPreview(payloadSecret(), SLUGS.events, draft.id)
    const found = await previewEvent(String(draft.id), token)
    expect(found?.view.dates).toHaveLength(3)
    expect(await findEventBySlug(draft.slug as string)).toBeNull()
  })

  it('is offered only to those who may read the event’s drafts', async () => {
    const event = await createEvent({ title: 'Di A' })
    const req = (key: 'editorA' | 'editorB' | 'contributorA1' | 'contributorB1' | 'networkEditor') =>
      ({ req: { user: net.as(key) } }) as never
    expect(eventPreviewUrl(event as never, req('editorA'))).toMatch(
      new RegExp(`^http://localhost:4321/anteprima/eventi/${event.id}\\?token=\\d+\\.[\\w-]+$`),
    )
    expect(eventPreviewUrl(event as never, req('contributorA1'))).toBeTruthy()
    expect(eventPreviewUrl(event as never, req('networkEditor'))).toBeTruthy()
    // Another system's editor reads the published event, not its drafts: no link to them.
    expect(eventPreviewUrl(event as never, req('editorB'))).toBeNull()
    expect(eventPreviewUrl(event as never, req('contributorB1'))).toBeNull()
    expect(canReadDrafts(null, event)).toBe(false)
  })

  it('"Vedi sul sito" and the site build the same public addresses', () => {
    expect(Object.values(PUBLIC_SECTIONS).sort()).toEqual([...Object.values(ENTITY_SECTIONS), 'eventi'].sort())
  })
})

describe('a new account is created by invitation', () => {
  const pendingInvites = () =>
    countAll(payload, 'payload-jobs', {
      and: [{ taskSlug: { equals: TASKS.sendStaffMail } }, { completedAt: { exists: false } }],
    })

  it('without a password: a random one, and a mail whose link lets the person choose theirs and log in', async () => {
    smtp.clear()
    const email = `nuova.bibliotecaria.${Date.now()}@test.example.org`
    const before = await pendingInvites()
    const created = await rest('POST', '/users', {
      token: await net.token('admin'),
      body: { email, name: 'Nuova Bibliotecaria', roles: ['system-editor'], system: net.systems.b },
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(smtp.to(email)).toHaveLength(0) // never sent inside the request
    expect(await pendingInvites()).toBe(before + 1)
    await drainMail()
    const [mail] = await smtp.exactly(email, 1)
    expect(mail?.subject).toBe('Il tuo account per l’Agenda delle biblioteche')
    expect(mail?.text).toContain('Redazione di sistema – Sistema Bibliotecario Valle Seriana')
    expect(mail?.text).toContain('7 giorni')
    const link = linkIn(mail as never, 'http://localhost:3000/admin/reset/')
    const token = decodeURIComponent(link.split('/').at(-1) ?? '')

    const chosen = 'La-Mia-Password-2026'
    const reset = await rest('POST', '/users/reset-password', { body: { token, password: chosen } })
    expect(reset.status).toBe(200)
    expect(await login(email, chosen)).toBeTruthy()
    // The link works once.
    expect(
      (await rest('POST', '/users/reset-password', { body: { token, password: 'Altra-2026-Password' } })).status,
    ).toBe(403)
  })

  it('the admin form’s "invite" replaces whatever password came with it', async () => {
    smtp.clear()
    const email = `invitato.${Date.now()}@test.example.org`
    const created = await rest('POST', '/users', {
      token: await net.token('admin'),
      body: { email, password: 'Scelta-Dal-Browser-1', invite: true, roles: ['network-editor'] },
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    await expect(login(email, 'Scelta-Dal-Browser-1')).rejects.toThrow(/login failed/)
    await drainMail()
    await smtp.exactly(email, 1)
  })

  it('an account created with a password (scripts, seeds) is not invited', async () => {
    smtp.clear()
    const before = await pendingInvites()
    const email = `con.password.${Date.now()}@test.example.org`
    const created = await rest('POST', '/users', {
      token: await net.token('admin'),
      body: { email, password: PASSWORD, roles: ['network-editor'] },
    })
    expect(created.status).toBe(201)
    expect(await pendingInvites()).toBe(before)
    expect(await login(email, PASSWORD)).toBeTruthy()
  })

  it('only network admins create accounts: a system editor’s attempt writes nothing and queues no mail', async () => {
    const before = await pendingInvites()
    const users = await countAll(payload, SLUGS.users)
    const res = await rest('POST', '/users', {
      token: await net.token('editorA'),
      body: { email: `abusivo.${Date.now()}@test.example.org`, roles: ['system-editor'], system: net.systems.a },
    })
    expect(res.status).toBe(403)
    expect(await countAll(payload, SLUGS.users)).toBe(users)
    expect(await pendingInvites()).toBe(before)
  })
})

describe('validation summaries are Italian and name the field by its label', () => {
  it('a newsletter scheduled without a time', async () => {
    const res = await rest('POST', '/newsletters', {
      token: await net.token('editorA'),
      body: { subject: 'Programmata senza data', status: 'scheduled', system: net.systems.a },
    })
    expect(res.status).toBe(400)
    expect(res.json.errors[0].message).toBe('Il seguente campo non è valido: Invio programmato')
    expect(res.json.errors[0].data.errors[0]).toMatchObject({
      path: 'scheduledAt',
      message: 'Indica data e ora di invio.',
    })
  })
})

describe('the dashboard starts the librarian’s day within their reach', () => {
  it('a system editor: what waits for review, next dates, drafts, changed dates and the newsletter of their system only', async () => {
    const tag = `giornata-${Date.now()}`
    const review = await createEvent({ title: `${tag} da rivedere`, review: 'requested' }, true)
    const draft = await createEvent({ title: `${tag} bozza` }, true)
    const next = await createEvent({ title: `${tag} domani`, start: romeAt(1, 16, 0), end: romeAt(1, 17, 0) })
    const series = await createEvent({
      title: `${tag} serie`,
      start: romeAt(3, 10, 0),
      end: romeAt(3, 11, 0),
      recurrence: { frequency: 'weekly', interval: 1, count: 4 },
      changedDates: [{ originalStart: romeAt(10, 10, 0), status: 'cancelled' }],
    })
    const otherSystem = await createEvent(
      { title: `${tag} altro sistema`, system: net.systems.b, library: net.libraries.b1, review: 'requested' },
      true,
    )
    const newsletter = await payload.create({
      collection: SLUGS.newsletters,
      data: { subject: `${tag} newsletter`, status: 'draft', system: net.systems.a },
      overrideAccess: true,
    })

    const day = await librarianDay(payload, net.as('editorA'))
    expect(day.scope).toEqual({ kind: 'system', name: 'Sistema Bibliotecario Area di Dalmine' })
    expect(day.toReview.map((e) => e.id)).toContain(review.id)
    expect(day.toReview.map((e) => e.id)).not.toContain(otherSystem.id)
    expect(day.drafts.map((e) => e.id)).toEqual(expect.arrayContaining([draft.id, review.id]))
    expect(day.drafts.map((e) => e.id)).not.toContain(otherSystem.id)
    expect(day.next[0]).toMatchObject({ eventId: next.id, start: romeAt(1, 16, 0), library: 'Biblioteca di Dalmine' })
    expect(day.changes).toContainEqual(
      expect.objectContaining({ eventId: series.id, originalStart: romeAt(10, 10, 0), status: 'cancelled' }),
    )
    expect(day.newsletter?.id).toBe(newsletter.id)
    expect(day.canWriteNewsletters).toBe(true)

    const theirs = await librarianDay(payload, net.as('editorB'))
    expect(theirs.toReview.map((e) => e.id)).toContain(otherSystem.id)
    expect(theirs.toReview.map((e) => e.id)).not.toContain(review.id)
  })

  it('a library contributor: their library, and no newsletter (not theirs to read)', async () => {
    const day = await librarianDay(payload, net.as('contributorB1'))
    expect(day.scope).toEqual({ kind: 'library', name: 'Biblioteca di Albino' })
    expect(day.newsletter).toBeNull()
    expect(day.canWriteNewsletters).toBe(false)
    expect(day.next.every((d) => d.library === 'Biblioteca di Albino')).toBe(true)
  })
})
