import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPayload, type Payload, rest } from '../helpers/payload'

const PASSWORD = 'Giusta-Password-2026'

/**
 * Payload keeps each login's session in the user's row and writes the row it read before checking the password:
 * two logins of one account at the same moment would each write their own list, and the first session would be
 * lost (that person signed out at their next click). Logins of one account are taken one at a time.
 */
describe('logins of one account at the same moment', () => {
  let payload: Payload
  const email = 'bibliotecaria.sessioni@test.example.org'

  beforeAll(async () => {
    payload = await getPayload()
    await payload.create({
      collection: 'users',
      data: { email, password: PASSWORD, roles: ['network-editor'] },
      overrideAccess: true, // fixture
    })
  })
  afterAll(async () => payload.destroy())

  it('every one of six simultaneous logins gets a session that stays valid', async () => {
    const logins = await Promise.all(
      Array.from({ length: 6 }, () => rest('POST', '/users/login', { body: { email, password: PASSWORD } })),
    )
    expect(logins.map((l) => l.status)).toEqual([200, 200, 200, 200, 200, 200])
    const me = await Promise.all(logins.map((l) => rest('GET', '/users/me', { token: l.json.token as string })))
    expect(me.map((m) => m.json?.user?.email ?? null)).toEqual(Array(6).fill(email))
  })

  it('a wrong password in the middle of them neither blocks nor loses the others', async () => {
    const logins = await Promise.all(
      [PASSWORD, 'sbagliata', PASSWORD, PASSWORD].map((password) =>
        rest('POST', '/users/login', { body: { email, password } }),
      ),
    )
    expect(logins.map((l) => l.status)).toEqual([200, 401, 200, 200])
    const valid = logins.filter((l) => l.status === 200)
    const me = await Promise.all(valid.map((l) => rest('GET', '/users/me', { token: l.json.token as string })))
    expect(me.map((m) => m.json?.user?.email ?? null)).toEqual(Array(3).fill(email))
  })
})
