import { expect, test } from '@playwright/test'
import { authRateLimit } from '../../cms/security'
import { ADMIN, CMS, E2E_AUTH_RATE_LIMIT } from '../../playwright.config'

// The limit the suite's server runs with (its AUTH_RATE_LIMIT).
const { points } = authRateLimit(E2E_AUTH_RATE_LIMIT)

test.describe('per-address rate limit on the CMS auth endpoints', () => {
  test.describe.configure({ mode: 'serial' })
  // Each test speaks as its own client address, so it never exhausts the budget of other tests' 127.0.0.1.
  const address = `198.51.100.${Math.floor(Math.random() * 200) + 20}`

  test(`login: after ${points} attempts from one address the next is answered 429 in Italian`, async ({ request }) => {
    const headers = { 'X-Forwarded-For': address, Origin: CMS }
    for (let i = 0; i < points; i++) {
      const res = await request.post(`${CMS}/api/users/login`, {
        headers,
        data: { email: `nessuno-${i}@example.org`, password: 'tentativo' },
      })
      expect(res.status(), `attempt ${i + 1}`).toBe(401)
    }
    const limited = await request.post(`${CMS}/api/users/login`, {
      headers,
      data: { email: ADMIN.email, password: ADMIN.password },
    })
    expect(limited.status()).toBe(429)
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0)
    const body = await limited.json()
    expect(body.errors[0].message).toMatch(/^Troppi tentativi di accesso.*Riprova tra/)
    expect(body.token).toBeUndefined()

    // The right password from the limited address does not get in either (no token, no cookie).
    expect(limited.headers()['set-cookie']).toBeUndefined()
    const forgot = await request.post(`${CMS}/api/users/forgot-password`, {
      headers,
      data: { email: ADMIN.email },
    })
    expect(forgot.status()).toBe(429)
  })

  test('another address is not affected', async ({ request }) => {
    // A wrong password (401, not 429): a real login here would add a session to the shared admin account
    // while other files log it in, and Payload's session list loses one of two concurrent logins.
    const res = await request.post(`${CMS}/api/users/login`, {
      headers: { 'X-Forwarded-For': `203.0.113.${Math.floor(Math.random() * 200) + 20}`, Origin: CMS },
      data: { email: ADMIN.email, password: 'non-la-password' },
    })
    expect(res.status()).toBe(401)
  })

  test('the address is the last proxy hop: a forged first hop does not reset the count', async ({ request }) => {
    const res = await request.post(`${CMS}/api/users/login`, {
      headers: { 'X-Forwarded-For': `10.9.8.7, ${address}`, Origin: CMS },
      data: { email: 'nessuno@example.org', password: 'x' },
    })
    expect(res.status()).toBe(429)
  })

  test('spelling the path another way (percent-escapes, case, slashes) counts against the same limit', async ({
    request,
  }) => {
    const headers = { 'X-Forwarded-For': `192.0.2.${Math.floor(Math.random() * 200) + 20}`, Origin: CMS }
    const spellings = ['/api/users/%6cogin', '/api/users/LOGIN', '/api/users/login/', '/api/users/%6C%6F%67%69%6E']
    for (let i = 0; i < points; i++) {
      const res = await request.post(`${CMS}${spellings[i % spellings.length]}`, {
        headers,
        data: { email: `nessuno-${i}@example.org`, password: 'tentativo' },
      })
      expect(res.status(), `attempt ${i + 1}`).not.toBe(429)
    }
    for (const path of [...spellings, '/api/users/forgot-%70assword']) {
      const res = await request.post(`${CMS}${path}`, { headers, data: { email: ADMIN.email, password: 'x' } })
      expect(res.status(), path).toBe(429)
    }
    const broken = await request.post(`${CMS}/api/users/%E0%A4%A`, { headers, data: {} })
    expect(broken.status()).toBe(400)
    expect((await broken.json()).errors[0].message).toMatch(/^Indirizzo non valido/)
  })
})
