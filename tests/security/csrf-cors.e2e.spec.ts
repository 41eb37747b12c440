import { expect, request as playwrightRequest, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'

const EVIL = 'https://evil.example'

test.describe('CSRF and CORS on the CMS', () => {
  test('a cookie-authenticated write from another origin is refused and changes nothing', async () => {
    const api = await playwrightRequest.newContext()
    const login = await api.post(`${CMS}/api/users/login`, {
      data: { email: ADMIN.email, password: ADMIN.password },
      headers: { Origin: CMS },
    })
    expect(login.status()).toBe(200)
    const me = (await login.json()).user as { id: number; name: string }
    const cookies = await api.storageState()
    expect(cookies.cookies.some((c) => c.name === 'payload-token')).toBe(true)

    // Same browser cookie, but the request comes from a page on another site.
    const forged = await api.patch(`${CMS}/api/users/${me.id}`, {
      data: { name: 'Defaced' },
      headers: { Origin: EVIL, 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(forged.status()).toBe(403)
    const created = await api.post(`${CMS}/api/categories`, {
      data: { name: 'Categoria intrusa' },
      headers: { Origin: EVIL },
    })
    expect(created.status()).toBe(403)
    // Without an Origin, a cross-site request (or a non-browser client) does not ride on the cookie either.
    const noOrigin = await api.patch(`${CMS}/api/users/${me.id}`, {
      data: { name: 'Defaced' },
      headers: { 'Sec-Fetch-Site': 'cross-site' },
    })
    expect(noOrigin.status()).toBe(403)

    // Nothing was written: the name is unchanged and no such category exists.
    const check = await api.get(`${CMS}/api/users/${me.id}`, { headers: { Origin: CMS } })
    expect(check.status()).toBe(200)
    expect((await check.json()).name).toBe(me.name)
    const categories = await api.get(`${CMS}/api/categories?where[name][equals]=Categoria%20intrusa`, {
      headers: { Origin: CMS },
    })
    expect((await categories.json()).totalDocs).toBe(0)

    // The same cookie from the CMS's own origin does work (so the refusals above are about the origin).
    const own = await api.patch(`${CMS}/api/users/${me.id}`, { data: { name: me.name }, headers: { Origin: CMS } })
    expect(own.status()).toBe(200)
    await api.dispose()
  })

  test('CORS lets only the CMS and the site read API answers', async ({ request }) => {
    const preflight = await request.fetch(`${CMS}/api/users/me`, {
      method: 'OPTIONS',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'PATCH' },
    })
    expect(preflight.headers()['access-control-allow-origin']).not.toBe(EVIL)
    expect(preflight.headers()['access-control-allow-origin']).not.toBe('*')
    const evilRead = await request.get(`${CMS}/api/events?limit=1`, { headers: { Origin: EVIL } })
    expect(evilRead.headers()['access-control-allow-origin'] ?? null).not.toBe(EVIL)
    const siteRead = await request.get(`${CMS}/api/events?limit=1`, { headers: { Origin: SITE } })
    expect(siteRead.headers()['access-control-allow-origin']).toBe(SITE)
  })
})

test.describe('CSRF on the site', () => {
  test('a cross-origin form POST is refused with 403', async ({ request }) => {
    for (const path of ['/', '/eventi', '/newsletter']) {
      const res = await request.post(path, {
        headers: { Origin: EVIL, 'Content-Type': 'application/x-www-form-urlencoded' },
        data: 'email=vittima%40example.org',
      })
      expect(res.status(), path).toBe(403)
    }
    const multipart = await request.post('/', {
      headers: { Origin: EVIL },
      multipart: { email: 'vittima@example.org' },
    })
    expect(multipart.status()).toBe(403)
  })

  test('the same POST from the site itself is not refused as cross-origin', async ({ request }) => {
    const res = await request.post('/', {
      headers: { Origin: SITE, 'Content-Type': 'application/x-www-form-urlencoded' },
      data: 'x=1',
    })
    expect(res.status()).not.toBe(403)
  })
})
