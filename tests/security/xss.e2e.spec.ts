import { type APIRequestContext, expect, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'
import { activeContent } from './helpers/inert'

/**
 * What a librarian (or a stolen editor account) can type into an event must be inert wherever the event is
 * shown: the event page, the agenda, the open-data JSON, the RSS feed and the iCal feeds. The event is
 * written through the CMS REST API like the admin does, published, then every output is read back.
 */

const MARK = `xss${Date.now().toString(36)}`
const TITLE = `<script>alert("titolo")</script> Letture ${MARK}`
const SUMMARY = `<img src=x onerror=alert("summary")> "><svg onload=alert(1)> <iframe src="https://evil.example"></iframe>`

const text = (value: string) => ({
  type: 'text',
  text: value,
  format: 0,
  detail: 0,
  mode: 'normal',
  style: '',
  version: 1,
})
const block = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  format: '',
  indent: 0,
  version: 1,
  direction: 'ltr',
  children,
  ...extra,
})
const link = (url: string, label: string, type = 'link') => ({
  ...block(type, [text(label)], { version: 3 }),
  fields: { url, newTab: true, linkType: 'custom' },
})
const DESCRIPTION = {
  root: block('root', [
    block('paragraph', [
      text('Prenota '),
      link('javascript:alert("link")', 'qui'),
      text(' oppure '),
      link('JaVa\tScRiPt:alert("tab")', 'là'),
      text(' o '),
      link('data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'lì'),
    ]),
    block('paragraph', [text('<script>alert("testo")</script><a href="javascript:alert(2)" onclick="alert(3)">x</a>')]),
    block('heading', [text('<iframe srcdoc="<script>alert(4)</script>">')], { tag: 'h1' }),
  ]),
}

const adminToken = async (request: APIRequestContext) => {
  const res = await request.post(`${CMS}/api/users/login`, { data: { email: ADMIN.email, password: ADMIN.password } })
  expect(res.status()).toBe(200)
  return (await res.json()).token as string
}

const inFiveDays = (hour: number) => {
  const d = new Date(Date.now() + 5 * 86_400_000)
  d.setUTCHours(hour, 0, 0, 0)
  return d.toISOString()
}

const expectInertHtml = (html: string, where: string) => {
  expect(activeContent(html, { allowScriptSrc: (src) => /^\/_astro\/[\w.-]+\.js$/.test(src) }), where).toEqual([])
  // Markup typed by staff shows up as text or inside attribute values (a meta description may hold a raw
  // `<img …>`, which is inert there); only a parser can tell, so the parser above is the judge.
}

test.describe('staff-typed markup is inert on every output', () => {
  test.describe.configure({ mode: 'serial' })
  let slug = ''
  let headers: Record<string, string> = {}

  let system: { id: number } = { id: 0 }
  let library: { id: number } = { id: 0 }

  test.beforeAll(async ({ request }) => {
    headers = { Authorization: `JWT ${await adminToken(request)}` }
    system = (await (await request.get(`${CMS}/api/systems?limit=1&depth=0`, { headers })).json()).docs[0]
    library = (
      await (
        await request.get(`${CMS}/api/libraries?limit=1&depth=0&where[system][equals]=${system.id}`, { headers })
      ).json()
    ).docs[0]
    const res = await request.post(`${CMS}/api/events?depth=0`, {
      headers,
      data: {
        title: TITLE,
        summary: SUMMARY,
        description: DESCRIPTION,
        placeNotes: '"><script>alert("luogo")</script>',
        system: system.id,
        library: library.id,
        start: inFiveDays(9),
        end: inFiveDays(10),
        recurrence: { frequency: 'none' },
        booking: { mode: 'none' },
        _status: 'published',
      },
    })
    expect(res.status(), await res.text()).toBe(201)
    slug = (await res.json()).doc.slug
    expect(slug).toMatch(/^[a-z0-9-]+$/)
  })

  test('the event page shows the text as text and runs nothing', async ({ page, request }) => {
    const res = await request.get(`/eventi/${slug}`)
    expect(res.status()).toBe(200)
    const html = await res.text()
    expectInertHtml(html, 'event page')
    expect(html).toContain('&lt;script&gt;alert(&quot;titolo&quot;)&lt;/script&gt;')
    // Every link the page really has (parsed, not grepped: escaped text may spell `href="javascript:…"`).
    const hrefs = [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => m[1] ?? '')
    expect(hrefs.filter((h) => /^\s*(javascript|data|vbscript):/i.test(h.replaceAll('&#x9;', '')))).toEqual([])

    const dialogs: string[] = []
    page.on('dialog', async (d) => {
      dialogs.push(d.message())
      await d.dismiss()
    })
    await page.goto(`/eventi/${slug}`)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('<script>alert("titolo")</script>')
    for (const label of ['qui', 'là', 'lì']) {
      const anchor = page.getByText(label, { exact: true }).first()
      if ((await anchor.evaluate((el) => el.closest('a')?.getAttribute('href') ?? null)) !== null)
        await anchor.click({ timeout: 2000 }).catch(() => {})
    }
    await page.waitForTimeout(300)
    expect(dialogs).toEqual([])
  })

  test('the agenda list and search results are inert', async ({ request }) => {
    for (const path of [`/eventi?q=${MARK}`, '/eventi', '/']) {
      const html = await (await request.get(path)).text()
      expectInertHtml(html, path)
    }
    expect(await (await request.get(`/eventi?q=${MARK}`)).text()).toContain(MARK)
  })

  test('the open-data JSON carries the text as a JSON string only', async ({ request }) => {
    const res = await request.get(`/eventi.json?q=${MARK}`)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toMatch(/^application\/json/)
    expect(res.headers()['x-content-type-options']).toBe('nosniff')
    const body = await res.json()
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items[0].title).toBe(TITLE)
    for (const item of body.items) expect(String(item.url)).toMatch(/^https?:\/\//)
  })

  test('the iCal feeds hold plain text and only http(s) URLs', async ({ request }) => {
    for (const path of [`/eventi/${slug}.ics`, `/calendario.ics?q=${MARK}`]) {
      const res = await request.get(path)
      expect(res.status(), path).toBe(200)
      expect(res.headers()['content-type']).toMatch(/^text\/calendar/)
      const ics = (await res.text()).replace(/\r\n[ \t]/g, '')
      expect(ics).toContain(MARK)
      // Typed markup travels as plain text (DESCRIPTION/SUMMARY are text/plain by RFC 5545); no HTML variant
      // (X-ALT-DESC) a client would render, and every link property is a web address.
      expect(ics).not.toMatch(/^X-ALT-DESC/m)
      for (const line of ics.split('\r\n').filter((l) => /^(URL|ATTACH|SOURCE)[;:]/.test(l)))
        expect(line.slice(line.indexOf(':') + 1)).toMatch(/^https?:\/\//)
    }
  })

  test('the RSS feed escapes the markup', async ({ request }) => {
    const res = await request.get('/feed.xml')
    expect(res.status()).toBe(200)
    const xml = await res.text()
    expect(xml).not.toContain('<script>alert(')
    expect(xml).not.toMatch(/href="\s*javascript:/i)
  })

  test('a javascript: link in a plain URL field is never rendered as a link', async ({ request }) => {
    const res = await request.post(`${CMS}/api/events?depth=0`, {
      headers,
      data: {
        title: `Collegamenti ${MARK}`,
        system: system.id,
        library: library.id,
        start: inFiveDays(11),
        end: inFiveDays(12),
        recurrence: { frequency: 'none' },
        onlineUrl: 'javascript:alert("online")',
        booking: { mode: 'required', url: ' javascript:alert("prenota")' },
        _status: 'published',
      },
    })
    // Refusing the value is fine; storing it is fine too, as long as no page turns it into a link.
    if (res.status() === 400) return
    expect(res.status(), await res.text()).toBe(201)
    const page = await (await request.get(`/eventi/${(await res.json()).doc.slug}`)).text()
    expectInertHtml(page, 'event page with URL fields')
  })
})
