import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test } from '@playwright/test'
import { SITE } from '../../playwright.config'

// The agenda on other websites (issue 16, part 3): a comune's page on ANOTHER origin (a tiny server started here,
// on 127.0.0.1, while the suite's site is on localhost) pastes the script or the iframe and its visitors see the
// events /eventi.json gives for the same filter.

const FILTER = 'sistema=valle-seriana'
const COUNT = 4

type Item = { title: string; url: string; start: string }
const expectedEvents = async (page: Page, query = FILTER, count = COUNT): Promise<Item[]> => {
  const response = await page.request.get(`${SITE}/eventi.json?${query}`)
  expect(response.ok()).toBe(true)
  const items = ((await response.json()) as { items: Item[] }).items.slice(0, count)
  expect(items.length).toBe(count)
  return items
}

const hostPage = (title: string, body: string) =>
  `<!doctype html><html lang="it"><head><meta charset="utf-8"><title>${title}</title></head>` +
  `<body><main><h1>${title}</h1><p><a href="/contatti">Contatti del comune</a></p>${body}</main></body></html>`

const script = `<script type="module" src="${SITE}/widget/agenda-rbbg.js"></script>`
const HOST_PAGES: Record<string, string> = {
  '/script': hostPage(
    'Comune di prova: eventi',
    `<h2>Eventi in biblioteca</h2>${script}<agenda-rbbg sistema="valle-seriana" limite="${COUNT}"></agenda-rbbg>`,
  ),
  '/script-en': hostPage(
    'Comune di prova: events',
    `${script}<agenda-rbbg sistema="valle-seriana" limite="2" lingua="en" tema="scuro" colore="#aa3300" target="_blank"></agenda-rbbg>`,
  ),
  '/script-empty': hostPage('Comune di prova: nessun evento', `${script}<agenda-rbbg q="zzzzzz"></agenda-rbbg>`),
  '/script-typo': hostPage(
    'Comune di prova: filtro sbagliato',
    `${script}<agenda-rbbg comune="comune-che-non-esiste"></agenda-rbbg>`,
  ),
  '/frame': hostPage(
    'Comune di prova: eventi senza script',
    `<iframe src="${SITE}/widget/frame?${FILTER}&amp;limite=${COUNT}" title="Agenda delle biblioteche" width="100%" height="500" style="border:0"></iframe>`,
  ),
}

let server: Server
let OTHER = ''
test.beforeAll(async () => {
  server = createServer((req, res) => {
    const html = HOST_PAGES[(req.url ?? '/').split('?')[0] ?? '/']
    if (!html) {
      res.writeHead(404).end()
      return
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  OTHER = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  expect(new URL(OTHER).origin).not.toBe(new URL(SITE).origin)
})
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

const violations = async (builder: AxeBuilder) =>
  (await builder.analyze()).violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)

const noJs = (browser: Browser) => browser.newContext({ javaScriptEnabled: false, locale: 'it-IT' })

test.describe('the <agenda-rbbg> script on another website', () => {
  test('shows the events /eventi.json gives for the same filter, with their dates, linked to their pages', async ({
    page,
  }) => {
    const expected = await expectedEvents(page)
    await page.goto(`${OTHER}/script`)
    const widget = page.locator('agenda-rbbg')
    await expect(widget.getByRole('listitem')).toHaveCount(COUNT)
    const links = widget.getByRole('list').getByRole('link')
    await expect(links).toHaveText(expected.map((e) => e.title))
    for (const [i, e] of expected.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', e.url)
      await expect(links.nth(i)).not.toHaveAttribute('target', /./)
      await expect(widget.getByRole('listitem').nth(i).locator('time')).toHaveAttribute('datetime', e.start)
    }
    await expect(widget.getByRole('link', { name: 'Tutti gli eventi in agenda' })).toHaveAttribute(
      'href',
      `${SITE}/eventi?${FILTER}`,
    )
  })

  test('axe finds no violation in the page around it nor inside its shadow DOM', async ({ page }) => {
    await page.goto(`${OTHER}/script`)
    await expect(page.locator('agenda-rbbg').getByRole('listitem')).toHaveCount(COUNT)
    expect(await violations(new AxeBuilder({ page }).include('agenda-rbbg'))).toEqual([])
    expect(await violations(new AxeBuilder({ page }))).toEqual([])
  })

  test('Tab reaches the event links after the page’s own, and Enter opens the event in the same tab', async ({
    page,
  }) => {
    const [first] = await expectedEvents(page)
    await page.goto(`${OTHER}/script`)
    const widget = page.locator('agenda-rbbg')
    await expect(widget.getByRole('listitem')).toHaveCount(COUNT)
    await page.getByRole('link', { name: 'Contatti del comune' }).focus()
    await page.keyboard.press('Tab')
    await expect(widget.getByRole('link', { name: first?.title })).toBeFocused()
    await page.keyboard.press('Tab')
    await expect(widget.getByRole('list').getByRole('link').nth(1)).toBeFocused()
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(first?.url ?? '')
  })

  test('renders nothing until the events arrive, then the list', async ({ page }) => {
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    await page.route(`${SITE}/eventi.json?*`, async (route) => {
      await held
      await route.continue()
    })
    await page.goto(`${OTHER}/script`)
    const widget = page.locator('agenda-rbbg')
    await expect(widget).toBeAttached()
    // The element is defined (the script ran) but shows nothing and takes no room yet.
    await expect.poll(() => page.evaluate(() => !!customElements.get('agenda-rbbg'))).toBe(true)
    expect((await widget.boundingBox())?.height ?? 0).toBe(0)
    await expect(widget.getByRole('listitem')).toHaveCount(0)
    release()
    await expect(widget.getByRole('listitem')).toHaveCount(COUNT)
    expect((await widget.boundingBox())?.height ?? 0).toBeGreaterThan(100)
  })

  test('in English, dark and opening a new tab: English event pages, announced new tab, axe clean', async ({
    page,
  }) => {
    const expected = await expectedEvents(page, FILTER, 2)
    await page.goto(`${OTHER}/script-en`)
    const widget = page.locator('agenda-rbbg')
    await expect(widget.getByRole('listitem')).toHaveCount(2)
    await expect(widget.getByRole('region', { name: 'Library events' })).toHaveAttribute('lang', 'en')
    const first = widget.getByRole('list').getByRole('link').first()
    await expect(first).toHaveAttribute(
      'href',
      (expected[0]?.url ?? '').replace(`${SITE}/eventi/`, `${SITE}/en/eventi/`),
    )
    await expect(first).toHaveAttribute('target', '_blank')
    await expect(first).toHaveAccessibleName(`${expected[0]?.title} (opens in a new tab)`)
    expect(await violations(new AxeBuilder({ page }).include('agenda-rbbg'))).toEqual([])
  })

  test('says “Nessun evento in programma” when nothing matches, and that a mistyped filter is not valid', async ({
    page,
  }) => {
    await page.goto(`${OTHER}/script-empty`)
    await expect(page.locator('agenda-rbbg').getByText('Nessun evento in programma.')).toBeVisible()
    await expect(page.locator('agenda-rbbg').getByRole('list')).toHaveCount(0)
    await page.goto(`${OTHER}/script-typo`)
    await expect(page.locator('agenda-rbbg').getByText('Un filtro di questa agenda non è valido')).toBeVisible()
  })

  test('the script is served as a cacheable JavaScript module that any origin may load', async ({ request }) => {
    const response = await request.get('/widget/agenda-rbbg.js')
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('text/javascript; charset=utf-8')
    expect(response.headers()['access-control-allow-origin']).toBe('*')
    expect(response.headers()['cache-control']).toMatch(/max-age=3600/)
    expect(await response.text()).toContain('agenda-rbbg')
  })
})

test.describe('the iframe version', () => {
  test('works with JavaScript off inside another origin’s page: same events, links open on top', async ({
    browser,
    page,
  }) => {
    const expected = await expectedEvents(page)
    const context = await noJs(browser)
    const host = await context.newPage()
    await host.goto(`${OTHER}/frame`)
    const frame = host.frameLocator('iframe')
    await expect(frame.getByRole('listitem')).toHaveCount(COUNT)
    const links = frame.getByRole('list').getByRole('link')
    await expect(links).toHaveText(expected.map((e) => e.title))
    for (const [i, e] of expected.entries()) {
      await expect(links.nth(i)).toHaveAttribute('href', e.url)
      await expect(links.nth(i)).toHaveAttribute('target', '_top')
      await expect(frame.getByRole('listitem').nth(i).locator('time')).toHaveAttribute('datetime', e.start)
    }
    // A visitor without JavaScript follows a link: the event opens in the whole window, not inside the frame.
    await links.first().click()
    await expect(host).toHaveURL(expected[0]?.url ?? '')
    await context.close()
  })

  test('axe finds no violation in the other origin’s page with the frame, nor inside the frame', async ({ page }) => {
    // axe itself is JavaScript: it runs in a context that allows it; the frame ships none either way.
    await page.goto(`${OTHER}/frame`)
    await expect(page.frameLocator('iframe').getByRole('listitem')).toHaveCount(COUNT)
    expect(await violations(new AxeBuilder({ page }))).toEqual([])
  })

  test('ships no script and may be framed by any site, while every other page still refuses framing', async ({
    request,
  }) => {
    for (const path of [`/widget/frame?${FILTER}`, '/en/widget/frame']) {
      const response = await request.get(path)
      expect(response.status()).toBe(200)
      expect(await response.text()).not.toMatch(/<script/i)
      expect(response.headers()['x-frame-options'], path).toBeUndefined()
      expect(response.headers()['content-security-policy'], path).toMatch(/frame-ancestors \*(;|$)/)
    }
    for (const path of ['/widget', '/eventi', '/']) {
      const response = await request.get(path)
      expect(response.headers()['x-frame-options'], path).toBe('DENY')
      expect(response.headers()['content-security-policy'], path).toContain("frame-ancestors 'none'")
    }
  })
})

test.describe('the configurator /widget', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('axe finds no violation, in Italian and in English, and the page hydrates without errors', async ({ page }) => {
    // A hydration mismatch or a script the CSP refuses shows up as a console error.
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(e.message))
    for (const path of ['/widget', '/en/widget']) {
      await page.goto(path)
      // Hydrated: the script's live preview is there.
      await expect(page.locator('[data-preview=script] agenda-rbbg').getByRole('listitem').first()).toBeVisible()
      expect(await violations(new AxeBuilder({ page })), path).toEqual([])
    }
    expect(errors).toEqual([])
  })

  test('by keyboard: changing a filter changes both snippets and both previews; the snippet is copied', async ({
    page,
  }) => {
    await page.goto('/widget')
    const scriptPreview = page.locator('[data-preview=script] agenda-rbbg')
    await expect(scriptPreview.getByRole('listitem').first()).toBeVisible()
    const system = page.getByLabel('Sistema bibliotecario')
    await system.focus()
    await page.keyboard.press('ArrowDown')
    const chosen = await system.inputValue()
    expect(chosen).not.toBe('')
    const scriptSnippet = page.getByRole('textbox', { name: 'Con lo script (consigliato)' })
    const frameSnippet = page.getByRole('textbox', { name: 'Con un iframe (senza JavaScript)' })
    await expect(scriptSnippet).toHaveValue(new RegExp(`<agenda-rbbg sistema="${chosen}"></agenda-rbbg>`))
    await expect(frameSnippet).toHaveValue(new RegExp(`/widget/frame\\?sistema=${chosen}"`))
    await expect(page.locator('iframe[data-preview=frame]')).toHaveAttribute('src', `/widget/frame?sistema=${chosen}`)
    // The page's address keeps the choice: a reload or a shared link shows the same configuration.
    await expect(page).toHaveURL(`${SITE}/widget?sistema=${chosen}`)
    // Both previews show that system's events, as /eventi.json gives them.
    const expected = await expectedEvents(page, `sistema=${chosen}`, 1)
    await expect(scriptPreview.getByRole('list').getByRole('link').first()).toHaveText(expected[0]?.title ?? '')
    await expect(
      page.frameLocator('iframe[data-preview=frame]').getByRole('list').getByRole('link').first(),
    ).toHaveText(expected[0]?.title ?? '')

    // The count, by keyboard too.
    await page.getByLabel('Numero di eventi').fill('3')
    await expect(scriptSnippet).toHaveValue(/limite="3"/)
    await expect(scriptPreview.getByRole('listitem')).toHaveCount(3)

    const copy = page.getByRole('button', { name: 'Copia il codice: con lo script (consigliato)' })
    await copy.focus()
    await page.keyboard.press('Enter')
    await expect(page.getByRole('status')).toHaveText('Codice copiato negli appunti.')
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await scriptSnippet.inputValue())
  })

  test('without JavaScript the form still yields both snippets and the iframe preview, and passes axe', async ({
    browser,
    page: scriptless,
  }) => {
    const context = await noJs(browser)
    const page = await context.newPage()
    await page.goto(`${SITE}/widget`)
    await page.getByLabel('Sistema bibliotecario').selectOption('valle-seriana')
    await page.getByLabel('Dal giorno').fill('2026-12-01')
    await page.getByLabel('Tema', { exact: true }).selectOption('scuro')
    await page.getByRole('button', { name: 'Aggiorna codice e anteprima' }).click()
    await expect(page).toHaveURL(/[?&]sistema=valle-seriana/)
    await expect(page.getByRole('textbox', { name: 'Con lo script (consigliato)' })).toHaveValue(
      /<agenda-rbbg sistema="valle-seriana" da="2026-12-01" tema="scuro"><\/agenda-rbbg>/,
    )
    await expect(page.getByRole('textbox', { name: 'Con un iframe (senza JavaScript)' })).toHaveValue(
      /\/widget\/frame\?sistema=valle-seriana&amp;da=2026-12-01&amp;tema=scuro"/,
    )
    const expected = await expectedEvents(page, `${FILTER}&da=2026-12-01`, 1)
    await expect(
      page.frameLocator('iframe[data-preview=frame]').getByRole('list').getByRole('link').first(),
    ).toHaveText(expected[0]?.title ?? '')
    const url = page.url()
    await context.close()
    // axe is JavaScript itself and cannot run in a scriptless context: the same page, its scripts refused.
    await scriptless.route(/\.js(\?|$)/, (route) => route.abort())
    await scriptless.goto(url)
    await expect(scriptless.locator('[data-preview=script]')).toHaveCount(0)
    expect(await violations(new AxeBuilder({ page: scriptless }))).toEqual([])
  })
})
