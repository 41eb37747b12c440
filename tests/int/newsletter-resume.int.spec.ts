import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type SmtpSink, startSmtpSink } from '../helpers/smtp'

// A campaign's sender is killed with SIGKILL in the middle of a batch, then the watchdog resumes it.
// Counting at the SMTP server: nobody is skipped, and nobody gets the mail twice.

const RECIPIENTS = 60
let smtp: SmtpSink
let payload: Payload
let child: ChildProcess | null = null
let killAt = Number.POSITIVE_INFINITY
let killed = false

const spawnRunner = (env: Record<string, string>) => {
  const proc = spawn(
    process.execPath,
    ['--conditions=production', '--import', 'tsx', path.join('tests', 'helpers', 'smtp-job-runner.ts')],
    {
      cwd: process.cwd(),
      env: { ...process.env, NODE_ENV: 'test', JOBS_AUTORUN: '0', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let log = ''
  proc.stdout?.on('data', (d) => (log += d))
  proc.stderr?.on('data', (d) => (log += d))
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>((resolve) =>
    proc.on('exit', (code, signal) => resolve({ code, signal, log })),
  )
  return { proc, exited }
}

const subscribers = async (prefix: string) => {
  const { newNonce } = await import('../../cms/newsletter/tokens')
  for (let i = 0; i < RECIPIENTS; i++)
    await payload.create({
      collection: 'subscribers',
      data: {
        email: `${prefix}${i}@example.org`,
        status: 'confirmed',
        tokenNonce: newNonce(),
        preferences: { weeklyDigest: false },
      } as never,
      overrideAccess: true,
    })
}

/** An editorial newsletter to everyone, already started: status sending, first batch queued. */
const startCampaign = async (subject: string) => {
  const { SYSTEM_CONTEXT } = await import('../../collections/Newsletters/hooks/guardStatus')
  const { queueFirstBatch } = await import('../../cms/jobs/start-newsletter')
  const doc = await payload.create({
    collection: 'newsletters',
    data: { subject, status: 'sending', system: null },
    context: { [SYSTEM_CONTEXT]: true },
    overrideAccess: true,
  })
  await queueFirstBatch(payload, doc.id)
  return doc.id
}

const perRecipient = (prefix: string) => {
  const counts = new Map<string, string[]>()
  for (const r of smtp.received)
    for (const to of r.to)
      if (to.startsWith(prefix)) counts.set(to, [...(counts.get(to) ?? []), String(r.mail.messageId)])
  return counts
}

const resume = async () => {
  const { resumeStalled } = await import('../../cms/jobs/resume-campaigns')
  await new Promise((r) => setTimeout(r, 2500)) // the dead run's lease (2 s) runs out
  expect((await resumeStalled(payload)).resumed).toBe(1)
  for (let i = 0; i < 50; i++) if ((await payload.jobs.run({ queue: 'newsletter', limit: 5 })).noJobsRemaining) break
}

beforeAll(async () => {
  smtp = await startSmtpSink({
    beforeAccept: (_raw, count) => {
      if (count < killAt || killed || !child) return true
      // The runner dies while this message is on the wire: it is never acknowledged, so never delivered.
      killed = true
      child.kill('SIGKILL')
      return false
    },
  })
  process.env.SMTP_URL = smtp.url
  process.env.NEWSLETTER_LEASE_SECONDS = '2'
  payload = await (await import('../helpers/payload')).getPayload()
})

afterAll(async () => {
  child?.kill('SIGKILL')
  ;(await import('../../emails/transport')).getTransport().close()
  await smtp.close()
  await payload.destroy()
})

const runnerEnv = (connections: number) => ({
  DATABASE_URL: String(process.env.DATABASE_URL),
  DATA_DIR: String(process.env.DATA_DIR),
  PAYLOAD_SECRET: String(process.env.PAYLOAD_SECRET),
  SMTP_URL: smtp.url,
  SMTP_MAX_CONNECTIONS: String(connections),
  NEWSLETTER_LEASE_SECONDS: '2',
})

describe('a sender killed mid-batch', () => {
  it('resumes where it stopped: every recipient gets the newsletter exactly once', async () => {
    await subscribers('uno')
    const id = await startCampaign('Ripresa dopo un arresto')
    smtp.clear()
    killAt = 25
    killed = false
    const runner = spawnRunner(runnerEnv(1))
    child = runner.proc
    const { signal, code, log } = await runner.exited
    expect({ signal, code }, log.slice(-3000)).toEqual({ signal: 'SIGKILL', code: null })
    expect(smtp.received.length).toBe(24) // the 25th was cut off before the server acknowledged it
    expect((await payload.findByID({ collection: 'newsletters', id, overrideAccess: true })).status).toBe('sending')

    await resume()
    const counts = perRecipient('uno')
    expect(counts.size).toBe(RECIPIENTS)
    for (const [to, ids] of counts) expect(ids, to).toHaveLength(1)
    const done = await payload.findByID({ collection: 'newsletters', id, overrideAccess: true })
    expect(done.status).toBe('sent')
    expect(done.progress).toMatchObject({ total: RECIPIENTS, sent: RECIPIENTS, failed: 0 })
    // The message cut off by the kill was claimed by the dead run: resumed, it was sent by the new run.
    const retried = await payload.find({
      collection: 'deliveries',
      where: { and: [{ newsletter: { equals: id } }, { attempts: { greater_than: 1 } }] },
      overrideAccess: true,
    })
    expect(retried.docs).toHaveLength(1)
  })

  it('with five parallel connections nobody is skipped, and any repeat is a claimed-but-unconfirmed row resent with the same Message-ID', async () => {
    await subscribers('cinque')
    const id = await startCampaign('Ripresa con cinque connessioni')
    smtp.clear()
    killAt = 31
    killed = false
    const runner = spawnRunner(runnerEnv(5))
    child = runner.proc
    const exit = await runner.exited
    expect({ signal: exit.signal, code: exit.code }, exit.log.slice(-3000)).toEqual({ signal: 'SIGKILL', code: null })

    await resume()
    const counts = perRecipient('cinque')
    expect(counts.size).toBe(RECIPIENTS)
    const repeated = [...counts].filter(([, ids]) => ids.length > 1)
    for (const [, ids] of repeated) expect(new Set(ids).size).toBe(1)
    const retried = await payload.find({
      collection: 'deliveries',
      where: { and: [{ newsletter: { equals: id } }, { attempts: { greater_than: 1 } }] },
      overrideAccess: true,
      limit: 100,
    })
    // At most the rows in flight when the process died (one per connection) can have been sent twice.
    expect(repeated.length).toBeLessThanOrEqual(retried.docs.length)
    expect(retried.docs.length).toBeLessThanOrEqual(5)
    expect((await payload.findByID({ collection: 'newsletters', id, overrideAccess: true })).status).toBe('sent')
  })
})
