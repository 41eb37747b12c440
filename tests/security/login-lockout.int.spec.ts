import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Users } from '../../collections/Users'
import { getPayload, type Payload, rest } from '../helpers/payload'

const PASSWORD = 'Giusta-Password-2026'

/** Payload's per-account lockout, through its real REST handler: 5 misses lock the account for 10 minutes. */
describe('login lockout', () => {
  let payload: Payload
  const email = 'bibliotecaria@test.example.org'
  const other = 'collega@test.example.org'

  beforeAll(async () => {
    payload = await getPayload()
    for (const address of [email, other])
      await payload.create({
        collection: 'users',
        data: { email: address, password: PASSWORD, roles: ['network-editor'] },
        overrideAccess: true, // fixture
      })
  })
  afterAll(async () => payload.destroy())

  const attempt = (address: string, password: string) =>
    rest('POST', '/users/login', { body: { email: address, password } })

  it('is configured at 5 attempts and 10 minutes', () => {
    const auth = Users.auth as { maxLoginAttempts?: number; lockTime?: number }
    expect(auth.maxLoginAttempts).toBe(5)
    expect(auth.lockTime).toBe(10 * 60 * 1000)
  })

  it('locks the account after 5 wrong passwords: even the right one is refused, nothing else is affected', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await attempt(email, `sbagliata-${i}`)
      expect(res.status).toBe(401)
      expect(res.json.token).toBeUndefined()
    }
    const before = Date.now()
    const locked = await attempt(email, PASSWORD)
    expect(locked.status).toBe(401)
    expect(locked.json.token).toBeUndefined()
    expect(JSON.stringify(locked.json)).toMatch(/bloccat|locked/i)

    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: email } },
      showHiddenFields: true,
      overrideAccess: true, // reading the lock fields of the fixture
    })
    const user = docs[0] as { lockUntil?: string; loginAttempts?: number }
    expect(user.loginAttempts).toBeGreaterThanOrEqual(5)
    const lockUntil = new Date(user.lockUntil ?? 0).getTime()
    expect(lockUntil).toBeGreaterThan(before + 9 * 60 * 1000)
    expect(lockUntil).toBeLessThanOrEqual(before + 10 * 60 * 1000 + 5000)

    // Another account is not locked by someone else's misses.
    const colleague = await attempt(other, PASSWORD)
    expect(colleague.status).toBe(200)
    expect(colleague.json.token).toEqual(expect.any(String))
  })

  it('lets the account in again once the lock has expired', async () => {
    await payload.db.updateOne({
      collection: 'users',
      where: { email: { equals: email } },
      data: { lockUntil: new Date(Date.now() - 1000).toISOString() },
    })
    const res = await attempt(email, PASSWORD)
    expect(res.status).toBe(200)
    expect(res.json.token).toEqual(expect.any(String))
  })
})
