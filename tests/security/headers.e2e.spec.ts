import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { activeContent } from './helpers/inert'

/** The directives of a Content-Security-Policy header, by name. */
const csp = (header: string | undefined) =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  )

const BASELINE = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
}

/** Collects what Chromium reports as a CSP violation while the page is used. */
const watchCsp = async (page: Page) => {
  const violations: string[] = []
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text())
  })
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`),
    )
  })
  return violations
}

test.describe('site security headers', () => {
  const pages = ['/', '/eventi', '/eventi?quando=settimana', '/pagina-che-non-esiste', '/eventi?pagina=abc']

  for (const path of pages) {
    test(`${path} carries CSP without inline script, nosniff, referrer and permissions policies, no framing`, async ({
      request,
    }) => {
      const res = await request.get(path, { maxRedirects: 0 })
      const h = res.headers()
      for (const [name, value] of Object.entries(BASELINE)) expect(h[name], name).toBe(value)
      expect(h['permissions-policy']).toMatch(/camera=\(\)/)
      expect(h['permissions-policy']).toMatch(/geolocation=\(\)/)
      const policy = csp(h['content-security-policy'])
      expect(policy.get('script-src')).toEqual(["'self'"])
      expect(policy.get('default-src')).toEqual(["'self'"])
      expect(policy.get('object-src')).toEqual(["'none'"])
      expect(policy.get('base-uri')).toEqual(["'self'"])
      expect(policy.get('frame-ancestors')).toEqual(["'none'"])
      expect(policy.get('form-action')).toEqual(["'self'"])
      expect(h['x-frame-options']).toBe('DENY')
      expect(h['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{8,}$/)
      // Plain HTTP: no HSTS (a browser would ignore it, and it must never pin a non-HTTPS origin).
      expect(h['strict-transport-security']).toBeUndefined()
    })
  }

  test('HSTS is sent when the request came over HTTPS through a proxy', async ({ request }) => {
    const res = await request.get('/', { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(res.headers()['strict-transport-security']).toMatch(/max-age=31536000/)
    expect(csp(res.headers()['content-security-policy']).has('upgrade-insecure-requests')).toBe(true)
  })

  test('a cached page answered before Astro (scripts/serve-site.mjs) carries the same headers and page', async ({
    request,
  }) => {
    // A known parameter (unknown ones are never stored), with a value no other test asks for.
    const path = '/eventi?quando=mese&q=sondacache'
    const answers = []
    for (let i = 0; i < 4; i++) answers.push(await request.get(path, { headers: { 'Accept-Encoding': 'gzip' } }))
    const first = answers[0]?.headers() ?? {}
    const bodies = await Promise.all(answers.map((a) => a.text()))
    const ids = new Set<string>()
    for (const [i, answer] of answers.entries()) {
      const h = answer.headers()
      expect(answer.status()).toBe(200)
      expect(bodies[i]).toBe(bodies[0])
      for (const name of ['content-security-policy', 'permissions-policy', 'x-frame-options', 'cache-control', 'etag'])
        expect(h[name], name).toBe(first[name])
      for (const [name, value] of Object.entries(BASELINE)) expect(h[name], name).toBe(value)
      expect(h['content-encoding']).toBe('gzip')
      expect(h.vary).toBe('Accept-Encoding')
      ids.add(h['x-request-id'] as string)
    }
    expect(ids.size).toBe(answers.length) // a fresh request id on every answer, cached or not
    expect(bodies[0]).toContain('<main')
    const revalidated = await request.get(path, { headers: { 'If-None-Match': first.etag as string } })
    expect(revalidated.status()).toBe(304)
    expect(revalidated.headers()['content-security-policy']).toBe(first['content-security-policy'])
  })

  test('static files get nosniff too', async ({ request }) => {
    const res = await request.get('/favicon.svg')
    expect(res.status()).toBe(200)
    expect(res.headers()['x-content-type-options']).toBe('nosniff')
  })

  test('a proxy request id is kept, a forged one is replaced', async ({ request }) => {
    const kept = await request.get('/healthz', { headers: { 'X-Request-Id': 'proxy-id-12345678' } })
    expect(kept.headers()['x-request-id']).toBe('proxy-id-12345678')
    const forged = await request.get('/healthz', { headers: { 'X-Request-Id': 'bad id <script>' } })
    expect(forged.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  test('pages ship no inline script and Chromium reports no CSP violation', async ({ page, request }) => {
    const violations = await watchCsp(page)
    for (const path of ['/', '/eventi', '/eventi?quando=mese']) {
      const html = await (await request.get(path)).text()
      expect(activeContent(html, { allowScriptSrc: (src) => /^\/_astro\/[\w.-]+\.js$/.test(src) }), path).toEqual([])
      await page.goto(path)
      await expect(page.locator('h1').first()).toBeVisible()
    }
    expect(violations).toEqual([])
  })

  test('the newsletter pages keep Referrer-Policy: same-origin (their address carries a token)', async ({
    request,
  }) => {
    for (const path of ['/newsletter/preferenze?token=abc.def', '/newsletter/disiscrizione?token=abc.def']) {
      const res = await request.get(path)
      expect(res.headers()['referrer-policy'], path).toBe('same-origin')
      expect(res.headers()['cache-control'], path).toContain('no-store')
    }
  })

  test('another site cannot frame the agenda', async ({ page }) => {
    await page.goto(SITE)
    const own = await page.locator('h1').first().textContent()
    await page.goto(`${CMS}/healthz`) // any other origin
    await page.setContent(`<iframe id="f" src="${SITE}/" width="400" height="300"></iframe>`)
    await page.waitForTimeout(1000)
    const frame = page.frames().find((f) => f !== page.mainFrame())
    // The check means nothing without the frame: it must exist, and hold none of the site's content
    // (Chromium replaces a refused frame with its own error page).
    expect(frame, 'the iframe was created').toBeTruthy()
    const framed = await (frame as NonNullable<typeof frame>)
      .evaluate(() => document.body?.textContent ?? '')
      .catch(() => '')
    expect(own?.trim()).toBeTruthy()
    expect(framed).not.toContain(own?.trim() as string)
  })
})

test.describe('CMS security headers', () => {
  test('the admin has a nonce-based CSP, a fresh nonce per response, and the baseline headers', async ({ request }) => {
    const first = await request.get(`${CMS}/admin/login`)
    const second = await request.get(`${CMS}/admin/login`)
    const h = first.headers()
    for (const [name, value] of Object.entries(BASELINE)) expect(h[name], name).toBe(value)
    expect(h['permissions-policy']).toMatch(/camera=\(\)/)
    expect(h['x-frame-options']).toBe('SAMEORIGIN')
    const policy = csp(h['content-security-policy'])
    const scripts = policy.get('script-src') ?? []
    expect(scripts).toContain("'strict-dynamic'")
    expect(scripts).not.toContain("'unsafe-inline'")
    expect(scripts).not.toContain("'unsafe-eval'")
    const nonce = scripts.find((s) => s.startsWith("'nonce-"))
    expect(nonce).toBeDefined()
    expect(csp(second.headers()['content-security-policy']).get('script-src')).not.toContain(nonce)
    expect(policy.get('frame-ancestors')).toEqual(["'self'"])
    expect(policy.get('object-src')).toEqual(["'none'"])
    // Every inline script Next writes carries that nonce.
    const html = await first.text()
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1] ?? '')
    expect(inline.length).toBeGreaterThan(0)
    for (const attrs of inline) expect(attrs).toContain(`nonce="${nonce?.slice(7, -1)}"`)
    expect(h['strict-transport-security']).toBeUndefined()
  })

  test('API answers and uploads cannot run anything, even opened directly', async ({ request }) => {
    for (const path of ['/api/events?limit=1', '/healthz']) {
      const h = (await request.get(`${CMS}${path}`)).headers()
      expect(h['x-content-type-options']).toBe('nosniff')
      const policy = csp(h['content-security-policy'])
      expect(policy.get('default-src')).toEqual(["'none'"])
      expect(policy.has('sandbox')).toBe(true)
      expect(h['x-request-id']).toBeTruthy()
    }
  })

  test('HSTS over HTTPS only', async ({ request }) => {
    const res = await request.get(`${CMS}/admin/login`, { headers: { 'X-Forwarded-Proto': 'https' } })
    expect(res.headers()['strict-transport-security']).toMatch(/max-age=31536000/)
  })

  test('the admin still works under its CSP: log in, list events, open the editor', async ({ page }) => {
    const violations = await watchCsp(page)
    await page.goto(`${CMS}/admin/login`)
    await page.getByLabel('Email').fill(ADMIN.email)
    await page.getByLabel('Password').fill(ADMIN.password)
    await page.getByRole('button', { name: 'Login' }).click()
    await page.waitForURL((url) => !url.pathname.endsWith('/login'))
    // A seeded title: the list's first row by date may be an event another test is about to delete.
    await page.goto(`${CMS}/admin/collections/events?search=${encodeURIComponent('Visita guidata ai fondi antichi')}`)
    await expect(page.getByRole('heading', { name: 'Eventi' })).toBeVisible()
    await page.locator('.table tbody tr a', { hasText: 'Visita guidata ai fondi antichi' }).first().click()
    // The rich-text editor (Lexical) is client-side React: it only mounts if the scripts ran.
    await expect(page.locator('[data-lexical-editor="true"]').first()).toBeVisible({ timeout: 20_000 })
    expect(violations).toEqual([])
  })
})
