import Database from 'libsql'
import { renderToStaticMarkup } from 'react-dom/server'
import { beforeEach, describe, expect, it } from 'vitest'
import { HealthNotice } from '../../cms/components/HealthNotice'
import { healthResponse } from '../../cms/health'
import { onSqlite } from '../helpers/db-kind'
import { getPayload, type Payload } from '../helpers/payload'

const JOBS = 'payload-jobs'
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString()
const dbFile = () => (process.env.DATABASE_URL ?? '').replace(/^file:/, '')

const health = async () => {
  const res = await healthResponse(getPayload)
  return { status: res.status, body: await res.json(), cacheControl: res.headers.get('cache-control') }
}

/** A job as the queue stores it, `age` minutes after it was queued. */
const queueJob = async (payload: Payload, queue: string, age: number, extra: Record<string, unknown> = {}) => {
  const at = minutesAgo(age)
  const job = await payload.db.create({
    collection: JOBS,
    data: { queue, taskSlug: 'sendStaffMail', input: { userId: 0 }, createdAt: at, updatedAt: at, ...extra },
  })
  return job.id as number
}

const notice = async (payload: Payload, user: Record<string, unknown>) => {
  const element = await HealthNotice({ payload, user } as never)
  return element ? renderToStaticMarkup(element) : ''
}

const ADMIN = { id: 1, roles: ['network-admin'] }
const EDITOR = { id: 2, roles: ['system-editor'], system: 1 }

describe('/healthz and the stuck-queue notice', () => {
  beforeEach(async () => {
    const payload = await getPayload()
    for (const collection of [JOBS, 'deliveries', 'subscribers', 'newsletters'] as const)
      await payload.db.deleteMany({ collection, where: { id: { exists: true } } })
  })

  it('answers 200 with every check ok when the database is writable and the queues move', async () => {
    const res = await health()
    expect(res).toEqual({
      status: 200,
      body: { status: 'ok', checks: { database: 'ok', write: 'ok', queues: 'ok' } },
      cacheControl: 'no-store',
    })
    expect(await notice(await getPayload(), ADMIN)).toBe('')
  })

  it('a mail job due for longer than its queue allows makes every /healthz 503 and shows the admin notice', async () => {
    const payload = await getPayload()
    await queueJob(payload, 'mail', 1) // recent: the queue may simply not have ticked yet
    expect((await health()).status).toBe(200)

    await queueJob(payload, 'mail', 3)
    const res = await health()
    expect(res.status).toBe(503)
    // The public body says which check failed, never what the jobs are about.
    expect(res.body).toEqual({ status: 'error', checks: { database: 'ok', write: 'ok', queues: 'error' } })

    const html = await notice(payload, ADMIN)
    expect(html).toContain('role="alert"')
    expect(html).toContain(
      'Coda ferma: <strong>Email di servizio (conferme, avvisi, recupero password)</strong>, 1 lavoro in attesa dal',
    )
  })

  it('a job backing off before a retry, or failed for good, is not a stuck queue', async () => {
    const payload = await getPayload()
    await queueJob(payload, 'newsletter', 30, { waitUntil: new Date(Date.now() + 60_000).toISOString() })
    await queueJob(payload, 'default', 30, {
      hasError: true,
      error: { message: 'SMTP 550: mailbox unavailable' },
    })
    expect((await health()).status).toBe(200)
  })

  it('the notice names the last job error, and only network admins see it', async () => {
    const payload = await getPayload()
    await queueJob(payload, 'default', 10)
    await queueJob(payload, 'mail', 1, { hasError: true, error: { message: 'connect ECONNREFUSED 127.0.0.1:25' } })
    const html = await notice(payload, ADMIN)
    expect(html).toContain('Attività pianificate')
    expect(html).toMatch(/Ultimo errore \(sendStaffMail, [^)]+\):.*connect ECONNREFUSED 127\.0\.0\.1:25/)
    expect(await notice(payload, EDITOR)).toBe('')
  })

  it('a newsletter "In invio" with no delivery for 5 minutes is stuck; one that is still sending is not', async () => {
    const payload = await getPayload()
    const old = minutesAgo(6)
    const stalled = await payload.db.create({
      collection: 'newsletters',
      data: { subject: 'Letture d’autunno', status: 'sending', kind: 'editorial', updatedAt: old, createdAt: old },
    })
    let res = await health()
    expect(res.status).toBe(503)
    expect(res.body.checks.queues).toBe('error')
    const html = await notice(payload, ADMIN)
    expect(html).toContain(`href="/admin/collections/newsletters/${stalled.id}"`)
    expect(html).toContain('Letture d’autunno</a> (In invio dal')

    // A delivery written a moment ago is progress, whatever the newsletter's own updatedAt says.
    const subscriber = await payload.db.create({
      collection: 'subscribers',
      data: { email: 'famiglia@example.org', status: 'confirmed', language: 'it' },
    })
    await payload.db.create({
      collection: 'deliveries',
      data: { key: `${stalled.id}:${subscriber.id}`, newsletter: stalled.id, subscriber: subscriber.id, state: 'sent' },
    })
    res = await health()
    expect(res.status).toBe(200)
  })

  it.runIf(onSqlite)(
    'another connection holding the write lock fails the write probe: 503 until it lets go',
    async () => {
      const holder = new Database(dbFile())
      holder.exec('BEGIN IMMEDIATE')
      try {
        const started = Date.now()
        const res = await health()
        expect(res.status).toBe(503)
        expect(res.body.checks).toEqual({ database: 'ok', write: 'error', queues: 'ok' })
        expect(Date.now() - started).toBeLessThan(8000)
      } finally {
        holder.exec('ROLLBACK')
        holder.close()
      }
      expect((await health()).status).toBe(200)
    },
  )

  it.runIf(onSqlite)(
    'a burst of 50 /healthz requests probes the write lock once per HEALTH_CACHE_MS window',
    async () => {
      const payload = await getPayload()
      const client = (payload.db as unknown as { client: { probeWrite: (ms: number) => Promise<void> } }).client
      const probe = client.probeWrite.bind(client)
      let probes = 0
      client.probeWrite = (ms) => {
        probes++
        return probe(ms)
      }
      process.env.HEALTH_CACHE_MS = '1000'
      try {
        await new Promise((r) => setTimeout(r, 1100)) // past the window of the previous test's report
        const answers = await Promise.all(Array.from({ length: 50 }, () => healthResponse(getPayload)))
        expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200))
        expect(probes).toBe(1)
        await new Promise((r) => setTimeout(r, 1100))
        await healthResponse(getPayload)
        expect(probes).toBe(2)
      } finally {
        process.env.HEALTH_CACHE_MS = '0'
        client.probeWrite = probe
      }
    },
  )

  it('answers 503 once the database connection is gone', async () => {
    const payload = await getPayload()
    await payload.db.destroy?.()
    const res = await health()
    expect(res.status).toBe(503)
    expect(res.body.status).toBe('error')
  })
})
