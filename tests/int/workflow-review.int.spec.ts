// The publishing workflow: a contributor's draft → submitted for review (a queued job mails the system's
// editors, received here by a real SMTP server) → published by a system editor; and scheduled publishing,
// which makes the dates appear only when the job runs.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

// The mail transport is built when the Payload config is imported: the SMTP server must exist first.
const smtp = await vi.hoisted(async () => {
  const { SMTPServer } = await import('smtp-server')
  const { simpleParser } = await import('mailparser')
  const received: { to: string[]; subject: string; text: string; from: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            from: mail.from?.text ?? '',
          })
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as { port: number }
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}?tls=off`
  return { server, received }
})

import { SLUGS, TASKS } from '../../collections/slugs'
import { buildNetwork, client, countAll, eventData, type Network, PASSWORD, romeAt, stored } from '../helpers/network'
import { getPayload, type Payload } from '../helpers/payload'

let payload: Payload
let net: Network
let secondEditorA: string

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
  secondEditorA = 'seconda.redattrice@test.example.org'
  await payload.create({
    collection: SLUGS.users,
    data: { email: secondEditorA, password: PASSWORD, roles: ['system-editor'], system: net.systems.a },
    overrideAccess: true,
  })
})
afterAll(async () => {
  await payload.destroy()
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()))
})
afterEach(() => vi.useRealTimers())

const queued = (task: string) =>
  countAll(payload, 'payload-jobs', { and: [{ taskSlug: { equals: task } }, { completedAt: { exists: false } }] })
const occurrencesOf = (id: number) => countAll(payload, SLUGS.occurrences, { event: { equals: id } })
/** Runs queued jobs and waits until the SMTP server has what the pooled transport sent. */
const runJobsAndCollectMail = async (expected: number) => {
  const before = smtp.received.length
  await payload.jobs.run({ limit: 20 })
  const deadline = Date.now() + 5000
  while (smtp.received.length < before + expected && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20))
  await new Promise((r) => setTimeout(r, 100)) // nothing more should arrive
  return smtp.received.slice(before)
}

describe('draft → in review → published', () => {
  it('submitting for review mails the system’s editors (and nobody else), once', async () => {
    const contributor = client(payload, net, 'rest', 'contributorA1')
    const title = 'Letture sotto l’albero'
    const created = await contributor.create(
      SLUGS.events,
      eventData(net, { title, start: romeAt(12, 16), end: romeAt(12, 17) }),
    )
    expect(created.status).toBe(201)
    const id = created.doc.id as number
    expect(await queued(TASKS.notifyReviewers)).toBe(0)

    const submitted = await contributor.update(SLUGS.events, id, { review: 'requested' }, { draft: true })
    expect(submitted.status).toBe(200)
    expect(await queued(TASKS.notifyReviewers)).toBe(1)

    // Saving again while in review does not queue a second notification.
    await contributor.update(SLUGS.events, id, { summary: 'Con merenda.' }, { draft: true })
    expect(await queued(TASKS.notifyReviewers)).toBe(1)

    const mails = await runJobsAndCollectMail(2)
    expect(mails.flatMap((m) => m.to).sort()).toEqual([net.users.editorA.email, secondEditorA].sort())
    for (const mail of mails) {
      expect(mail.subject).toBe(`Evento da rivedere: ${title}`)
      expect(mail.text).toContain(`/admin/collections/events/${id}`)
      expect(mail.text).toContain('Dove: Biblioteca di Dalmine')
      expect(mail.text).toMatch(/Quando: \S+ \d{1,2} \S+ \d{4} alle ore 16:00/)
    }
    expect(await queued(TASKS.notifyReviewers)).toBe(0)
    expect(await occurrencesOf(id)).toBe(0) // in review is still a draft
  })

  it('the system editor publishes it: the dates appear, the review is closed', async () => {
    const contributor = client(payload, net, 'rest', 'contributorA1')
    const created = await contributor.create(
      SLUGS.events,
      eventData(net, { title: 'Laboratorio di origami', review: 'requested' }),
    )
    const id = created.doc.id as number
    await runJobsAndCollectMail(2)

    const published = await client(payload, net, 'rest', 'editorA').update(SLUGS.events, id, { _status: 'published' })
    expect(published.status).toBe(200)
    expect(await stored(payload, SLUGS.events, id)).toMatchObject({ _status: 'published', review: 'none' })
    expect(await occurrencesOf(id)).toBe(1)
    const publicView = await client(payload, net, 'rest', 'public').findByID(SLUGS.events, id)
    expect(publicView.doc.title).toBe('Laboratorio di origami')
  })

  it('an editor of another system gets no mail and cannot publish it', async () => {
    const created = await client(payload, net, 'local', 'contributorB1').create(
      SLUGS.events,
      eventData(net, {
        title: 'Gruppo di lettura di Albino',
        system: net.systems.b,
        library: net.libraries.b1,
        review: 'requested',
      }),
    )
    const mails = await runJobsAndCollectMail(1)
    expect(mails.flatMap((m) => m.to)).toEqual([net.users.editorB.email])
    const res = await client(payload, net, 'local', 'editorA').update(SLUGS.events, created.doc.id, {
      _status: 'published',
    })
    expect(res.status).toBe(403)
    expect(await occurrencesOf(created.doc.id)).toBe(0)
  })
})

describe('scheduled publishing', () => {
  /** What the admin's "Programma pubblicazione" queues (see @payloadcms/ui schedulePublishHandler). */
  const schedule = (id: number, userId: number, at: Date) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: SLUGS.events, value: id },
        user: { relationTo: SLUGS.users, value: userId },
      },
      waitUntil: at,
    })

  it('publishes the event when the job runs at the chosen time; only then do its dates appear', async () => {
    const draft = await client(payload, net, 'local', 'editorA').create(
      SLUGS.events,
      eventData(net, {
        title: 'Presentazione programmata',
        recurrence: { frequency: 'weekly', interval: 1, count: 3 },
      }),
    )
    const id = draft.doc.id as number
    const at = new Date(Date.now() + 2 * 3_600_000)
    await schedule(id, net.users.editorA.id, at)

    await payload.jobs.run({ limit: 20 })
    expect((await stored(payload, SLUGS.events, id))._status).toBe('draft')
    expect(await occurrencesOf(id)).toBe(0)

    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(at.getTime() + 60_000)
    await payload.jobs.run({ limit: 20 })
    vi.useRealTimers()

    expect((await stored(payload, SLUGS.events, id))._status).toBe('published')
    expect(await occurrencesOf(id)).toBe(3)
  })

  it('a publish scheduled by a contributor is refused when it runs: the event stays a draft', async () => {
    const draft = await client(payload, net, 'local', 'contributorA1').create(
      SLUGS.events,
      eventData(net, { title: 'Pubblicazione non autorizzata' }),
    )
    const id = draft.doc.id as number
    await schedule(id, net.users.contributorA1.id, new Date(Date.now() - 1000))
    await payload.jobs.run({ limit: 20 })
    expect((await stored(payload, SLUGS.events, id, true))._status).toBe('draft')
    expect((await stored(payload, SLUGS.events, id))._status).toBe('draft')
    expect(await occurrencesOf(id)).toBe(0)
  })
})
