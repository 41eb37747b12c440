// Forgot-password, as an anonymous client reaches it: no account enumeration, nothing written for an unknown
// address, the mail for a known one through the mail queue (received here by a real SMTP server), and the
// database writable by another process afterwards.
import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const smtp = await vi.hoisted(async () => {
  const { startSmtpSink } = await import('../helpers/smtp')
  const sink = await startSmtpSink()
  process.env.SMTP_URL = sink.url
  return sink
})

import { QUEUES, SLUGS, TASKS } from '../../collections/slugs'
import { FORGOT_PASSWORD_MESSAGE } from '../../collections/Users/endpoints/forgotPassword'
import { databaseUrl } from '../../shared/env'
import { onSqlite } from '../helpers/db-kind'
import { buildNetwork, countAll, type Network, PASSWORD } from '../helpers/network'
import { getPayload, login, type Payload, rest } from '../helpers/payload'
import { linkIn } from '../helpers/smtp'

let payload: Payload
let net: Network
const dbFile = () => databaseUrl().slice('file:'.length)
/** Every column of every account and every queued job: what "nothing was written" compares. */
const snapshot = () =>
  execFileSync('sqlite3', [dbFile(), 'SELECT * FROM users ORDER BY id; SELECT count(*) FROM payload_jobs;'], {
    encoding: 'utf8',
  })

beforeAll(async () => {
  payload = await getPayload()
  net = await buildNetwork(payload)
})
afterAll(async () => {
  await payload.destroy()
  await smtp.close()
})

const forgot = async (email: unknown) => {
  const started = performance.now()
  const res = await rest('POST', '/users/forgot-password', { body: { email } })
  return { ...res, ms: performance.now() - started }
}

const drainMail = async () => {
  for (let i = 0; i < 10; i++) if ((await payload.jobs.run({ queue: QUEUES.mail, limit: 20 })).noJobsRemaining) break
}

describe('forgot-password', () => {
  it.runIf(onSqlite)('an unknown address gets the same answer as a known one, and nothing is written', async () => {
    const before = snapshot()
    const unknown = await forgot('nessuno@example.org')
    expect(unknown.status).toBe(200)
    expect(unknown.json).toEqual({ message: FORGOT_PASSWORD_MESSAGE })
    expect(snapshot()).toBe(before)

    const known = await forgot(net.users.editorB.email)
    expect(known.status).toBe(unknown.status)
    expect(known.json).toEqual(unknown.json)
    // Both take at least the answer floor, and neither tells the other apart by seconds.
    expect(unknown.ms).toBeGreaterThanOrEqual(290)
    expect(Math.abs(known.ms - unknown.ms)).toBeLessThan(250)
  })

  it.runIf(onSqlite)('answers within a second and leaves the database writable by another process', async () => {
    const res = await forgot('nobody@example.org')
    expect(res.status).toBe(200)
    expect(res.ms).toBeLessThan(1000)
    execFileSync('sqlite3', ['-cmd', '.timeout 1000', dbFile(), 'UPDATE systems SET name = name WHERE id > 0'])
  })

  it('a known address gets a reset link by mail through the queue, and the link sets a new password', async () => {
    smtp.clear()
    const email = net.users.contributorA1.email
    const pending = () =>
      countAll(payload, 'payload-jobs', {
        and: [{ taskSlug: { equals: TASKS.sendStaffMail } }, { completedAt: { exists: false } }],
      })
    const before = await pending()
    const res = await forgot(email.toUpperCase())
    expect(res.status).toBe(200)
    expect(smtp.to(email)).toHaveLength(0) // never sent inside the request
    expect(await pending()).toBe(before + 1)
    await drainMail()
    const [mail] = await smtp.exactly(email, 1)
    expect(mail?.subject).toBe('Scegli una nuova password per l’Agenda delle biblioteche')
    const link = linkIn(mail as never, 'http://localhost:3000/admin/reset/')
    const token = decodeURIComponent(link.split('/').at(-1) ?? '')

    const reset = await rest('POST', '/users/reset-password', { body: { token, password: 'Nuova-Password-2026' } })
    expect(reset.status).toBe(200)
    await expect(login(email, PASSWORD)).rejects.toThrow(/login failed/)
    expect(await login(email, 'Nuova-Password-2026')).toBeTruthy()
    // Single use.
    expect(
      (await rest('POST', '/users/reset-password', { body: { token, password: 'Altra-Password-2026' } })).status,
    ).toBe(403)
  })

  it('a second request for the same account within a minute sends no second mail', async () => {
    smtp.clear()
    const email = net.users.editorA.email
    expect((await forgot(email)).status).toBe(200)
    expect((await forgot(email)).status).toBe(200)
    await drainMail()
    await smtp.exactly(email, 1)
  })

  it.each([
    ['no address', {}],
    ['not an address', 'non-è-una-mail'],
    ['a header injection', 'a@example.org\r\nBcc: b@example.org'],
    ['an object', { $ne: '' }],
  ])('%s is refused with an Italian message naming the field, and nothing is written', async (_, email) => {
    const before = snapshot()
    const res = await forgot(email)
    expect(res.status).toBe(400)
    expect(res.json.errors[0]).toEqual({ message: 'Indica un indirizzo email valido.', path: 'email' })
    expect(snapshot()).toBe(before)
  })

  it('the user row is read with its reset fields (what the mail job relies on)', async () => {
    const user = await payload.db.findOne<{ id: number; resetPasswordToken?: string }>({
      collection: SLUGS.users,
      where: { email: { equals: net.users.editorA.email } },
    })
    expect(user?.resetPasswordToken).toMatch(/^[0-9a-f]{40}$/)
  })
})
