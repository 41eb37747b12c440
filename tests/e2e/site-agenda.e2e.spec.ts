import { gzipSync } from 'node:zlib'
import { expect, type Page, test } from '@playwright/test'

// The agenda at /eventi on the seeded demo network (300 events around today).

const cards = (page: Page) => page.getByRole('main').locator('ol.cards > li')

/** The "N eventi" count the page shows above the list. */
const shownTotal = async (page: Page) => {
  const text = (await page.locator('.results-bar strong').textContent()) ?? ''
  return Number(text.replace(/\D/g, ''))
}

test('filtering by system shows only that system’s events', async ({ page }) => {
  await page.goto('/eventi?sistema=valle-seriana')
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda degli eventi' })).toBeVisible()
  const rows = cards(page)
  expect(await rows.count()).toBeGreaterThan(5)
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('Valle Seriana')
    expect(text).not.toMatch(/Area di Dalmine|Area Nord Ovest|Seriate Laghi|Urbano di Bergamo|Bassa Pianura/)
  }
  await expect(page.getByRole('link', { name: 'Rimuovi il filtro Sistema bibliotecario: Valle Seriana' })).toBeVisible()
})

test('filters combine: AND across parameters, OR within a repeated one', async ({ page }) => {
  await page.goto('/eventi?sistema=valle-seriana')
  const valle = await shownTotal(page)
  await page.goto('/eventi?sistema=seriate-laghi')
  const seriate = await shownTotal(page)
  await page.goto('/eventi?sistema=valle-seriana&sistema=seriate-laghi')
  expect(await shownTotal(page)).toBe(valle + seriate)

  await page.goto('/eventi?sistema=valle-seriana&categoria=laboratorio')
  const both = await shownTotal(page)
  expect(both).toBeGreaterThan(0)
  expect(both).toBeLessThan(valle)
  for (const text of await cards(page).allInnerTexts()) {
    expect(text).toContain('Valle Seriana')
    expect(text).toContain('Laboratorio')
  }
})

test('eta=4 shows the Nati per Leggere readings and leaves out adult-only events', async ({ page }) => {
  await page.goto('/eventi?eta=4&campagna=nati-per-leggere')
  await expect(cards(page).filter({ hasText: 'Nati per Leggere: il sabato delle storie' }).first()).toBeVisible()
  await page.goto('/eventi?eta=4')
  for (const text of await cards(page).allInnerTexts()) expect(text).not.toContain('da 18 anni')
  await page.goto('/eventi?eta=4&q=classici')
  await expect(page.getByText('Nessun evento corrisponde alla ricerca.')).toBeVisible()
  await page.goto('/eventi?eta=30&q=classici')
  await expect(cards(page).filter({ hasText: 'Gruppo di lettura: i classici' }).first()).toBeVisible()
})

test('search ignores accents and case: "citta" finds "città", "PERCHE" finds "Perché"', async ({ page }) => {
  await page.goto('/eventi')
  await page.getByLabel('Cerca', { exact: true }).fill('citta')
  await page.getByRole('button', { name: 'Mostra gli eventi' }).click()
  await expect(page).toHaveURL(/\/eventi\?q=citta$/)
  expect(await cards(page).count()).toBeGreaterThan(0)
  for (const title of await cards(page).getByRole('heading').allInnerTexts()) expect(title).toMatch(/città/i)
  await expect(cards(page).filter({ hasText: 'Conferenza: la storia della città' }).first()).toBeVisible()

  await page.goto('/eventi?q=PERCHE')
  await expect(cards(page).filter({ hasText: 'Perché leggere? Dialogo in città' }).first()).toBeVisible()
  // Word prefixes match, inner fragments do not.
  await page.goto('/eventi?q=fumet')
  await expect(cards(page).filter({ hasText: 'Laboratorio di fumetto' }).first()).toBeVisible()
  await page.goto('/eventi?q=umetto')
  await expect(page.getByText('Nessun evento corrisponde alla ricerca.')).toBeVisible()
})

test('pagination moves forward in date order and keeps the filters', async ({ page }) => {
  await page.goto('/eventi?categoria=lettura-ad-alta-voce')
  const pages = page.getByRole('navigation', { name: 'Paginazione' })
  await expect(pages.getByText(/^Pagina 1 di \d+$/)).toBeVisible()
  const lastOnFirst = await page.locator('ol.cards time').last().getAttribute('datetime')
  await pages.getByRole('link', { name: 'Pagina successiva' }).click()
  await expect(page).toHaveURL(/categoria=lettura-ad-alta-voce&pagina=2$/)
  await expect(pages.getByText(/^Pagina 2 di \d+$/)).toBeVisible()
  const firstOnSecond = await page.locator('ol.cards time').first().getAttribute('datetime')
  expect(Date.parse(firstOnSecond as string)).toBeGreaterThanOrEqual(Date.parse(lastOnFirst as string))
  for (const text of await cards(page).allInnerTexts()) expect(text).toContain('Lettura ad alta voce')
  await pages.getByRole('link', { name: 'Pagina precedente' }).click()
  await expect(page).toHaveURL(/\/eventi\?categoria=lettura-ad-alta-voce$/)
  // A page past the end is not a page.
  expect((await page.request.get('/eventi?pagina=499')).status()).toBe(404)
})

test('the month view lays out the month and moves between months with the filters', async ({ page }) => {
  await page.goto('/eventi/calendario?mese=2026-12&sistema=valle-seriana')
  const table = page.getByRole('table', { name: 'dicembre 2026' })
  await expect(table).toBeVisible()
  await expect(table.getByRole('columnheader')).toHaveCount(7)
  await expect(table.locator('time.daynum')).toHaveCount(31)
  await page.getByRole('link', { name: 'Mese successivo' }).click()
  await expect(page).toHaveURL(/mese=2027-01/)
  await expect(page).toHaveURL(/sistema=valle-seriana/)
  await expect(page.getByRole('table', { name: 'gennaio 2027' })).toBeVisible()

  // The current month lists events that link to their pages.
  await page.goto('/eventi/calendario')
  const link = page.getByRole('table').locator('li a').first()
  const title = (await link.textContent()) ?? ''
  await link.click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  const bad = await page.goto('/eventi/calendario?mese=2026-13')
  expect(bad?.status()).toBe(400)
  await expect(page.getByText('Il parametro «mese» non è valido.')).toBeVisible()
})

test('cancelled events are marked "Annullato" in the list, the others are not', async ({ page, request }) => {
  const query = 'sistema=area-di-dalmine&campagna=nati-per-leggere'
  const data = await (await request.get(`/eventi.json?${query}`)).json()
  const statusBySlug = new Map<string, string>(
    data.items.map((i: { slug: string; status: string }) => [i.slug, i.status]),
  )
  expect([...statusBySlug.values()]).toContain('cancelled')
  await page.goto(`/eventi?${query}`)
  const rows = cards(page)
  const count = await rows.count()
  expect(count).toBe(data.items.length)
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i)
    const href = (await row.getByRole('heading').getByRole('link').getAttribute('href')) as string
    // The link carries the row's date (?data=, issue 19): the slug is the path.
    const status = statusBySlug.get(href.replace('/eventi/', '').split('?')[0] as string)
    if (status === 'cancelled') await expect(row.getByText('Annullato')).toBeVisible()
    else await expect(row.getByText('Annullato')).toHaveCount(0)
  }
})

test('a malformed filter gets a 400 page naming the parameter; an unknown slug a 404', async ({ page }) => {
  let res = await page.goto('/eventi?eta=dodici')
  expect(res?.status()).toBe(400)
  await expect(page.getByRole('heading', { level: 1, name: 'Richiesta non valida' })).toBeVisible()
  await expect(page.getByText('Il parametro «eta» non è valido.')).toBeVisible()

  const started = Date.now()
  res = await page.goto(`/eventi?q=${'a'.repeat(2000)}`)
  expect(res?.status()).toBe(400)
  expect(Date.now() - started).toBeLessThan(2000)
  await expect(page.getByText('Il parametro «q» non è valido.')).toBeVisible()

  res = await page.goto('/eventi?da=2026-02-30')
  expect(res?.status()).toBe(400)
  await expect(page.getByText('Il parametro «da» non è valido.')).toBeVisible()

  res = await page.goto('/eventi?sistema=sistema-inesistente')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible()
  const body = await page.content()
  expect(body).not.toMatch(/at .*\.(js|ts|mjs):\d+/)
})

test('agenda pages are cacheable for at most 60 s and revalidate with an ETag', async ({ request }) => {
  const first = await request.get('/eventi?sistema=valle-seriana')
  expect(first.status()).toBe(200)
  const cacheControl = first.headers()['cache-control'] ?? ''
  expect(cacheControl).toContain('stale-while-revalidate')
  const maxAge = Number(/max-age=(\d+)/.exec(cacheControl)?.[1])
  const swr = Number(/stale-while-revalidate=(\d+)/.exec(cacheControl)?.[1])
  expect(maxAge + swr).toBeLessThanOrEqual(60)
  const etag = first.headers().etag as string
  expect(etag).toMatch(/^"[^"]+"$/)
  const again = await request.get('/eventi?sistema=valle-seriana', { headers: { 'If-None-Match': etag } })
  expect(again.status()).toBe(304)
  expect(await again.body()).toHaveLength(0)
  const other = await request.get('/eventi?sistema=seriate-laghi', { headers: { 'If-None-Match': etag } })
  expect(other.status()).toBe(200)
})

test('the agenda needs no JavaScript and sets no cookie', async ({ page, context }) => {
  const scripts: string[] = []
  page.on('response', (res) => {
    if (res.request().resourceType() === 'script') scripts.push(res.url())
  })
  const res = await page.goto('/eventi')
  expect(res?.headers()['set-cookie']).toBeUndefined()
  await page.goto('/eventi?quando=settimana')
  let gzipBytes = 0
  for (const url of scripts) {
    const body = await (await page.request.get(url)).body()
    gzipBytes += gzipSync(body).length
  }
  expect(gzipBytes).toBeLessThanOrEqual(75 * 1024)
  expect(await page.locator('script:not([type="application/ld+json"])').count()).toBe(0)
  expect(await context.cookies()).toEqual([])
})

test('every file a page needs loads: styles, fonts, icon (no failed request)', async ({ page }) => {
  const failed: string[] = []
  const fonts: string[] = []
  page.on('response', (res) => {
    if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`)
    if (res.request().resourceType() === 'font') fonts.push(res.url())
  })
  for (const path of ['/', '/eventi', '/eventi/calendario', '/accessibilita']) await page.goto(path)
  await page.evaluate(() => document.fonts.ready)
  expect(failed).toEqual([])
  expect(fonts.some((url) => /titillium-web-latin-400-normal\.[\w-]+\.woff2$/.test(url))).toBe(true)
  expect(await page.evaluate(() => document.fonts.check('1rem "Titillium Web"'))).toBe(true)
})

test('open data: /eventi.json has the documented shape, Rome offsets and iCal UIDs', async ({ request }) => {
  const res = await request.get('/eventi.json?sistema=valle-seriana')
  expect(res.status()).toBe(200)
  expect(res.headers()['access-control-allow-origin']).toBe('*')
  const data = await res.json()
  expect(data).toMatchObject({ page: 1, license: 'CC-BY-4.0' })
  expect(data.totalPages).toBeGreaterThan(1)
  expect(data.hasNextPage).toBe(true)
  const item = data.items[0]
  expect(Object.keys(item).sort()).toEqual(
    [
      'allDay',
      'audienceNames',
      'audiences',
      'categories',
      'end',
      'eventId',
      'id',
      'library',
      'slug',
      'start',
      'status',
      'system',
      'title',
      'uid',
      'url',
      'venue',
    ].sort(),
  )
  for (const i of data.items) {
    expect(i.start).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
    expect(i.system).toEqual({ slug: 'valle-seriana', name: 'Sistema Bibliotecario Valle Seriana' })
    expect(i.uid).toBe(`${i.eventId}@localhost`)
    expect(i.url).toMatch(new RegExp(`/eventi/${i.slug}$`))
    // One name per audience slug, in the same order (what the widget shows).
    expect(i.audienceNames).toHaveLength(i.audiences.length)
    for (const name of i.audienceNames) expect(name).toMatch(/\S/)
  }
  expect((await request.get('/eventi.json?eta=x')).status()).toBe(400)
  expect((await request.get('/eventi.json?festival=nessuno')).status()).toBe(404)
})

test('RSS, sitemap and robots.txt describe the public site', async ({ request }) => {
  const rss = await request.get('/feed.xml')
  expect(rss.headers()['content-type']).toContain('application/rss+xml')
  const xml = await rss.text()
  expect(xml).toContain('<rss version="2.0"')
  expect((xml.match(/<item>/g) ?? []).length).toBe(50)
  // The sitemap is an index of parts: the site's pages, then the events (10,000 a part: one for the demo).
  const index = await request.get('/sitemap.xml')
  expect(index.headers()['content-type']).toContain('application/xml')
  const parts = [...(await index.text()).matchAll(/<sitemap><loc>([^<]+)<\/loc><\/sitemap>/g)].map((m) => m[1])
  expect(parts.map((p) => new URL(p as string).pathname)).toEqual(['/sitemap-pagine.xml', '/sitemap-eventi-1.xml'])
  const pages = await (await request.get('/sitemap-pagine.xml')).text()
  expect(pages).toContain('/sistemi/valle-seriana</loc>')
  const events = await (await request.get('/sitemap-eventi-1.xml')).text()
  expect(events).toContain('/eventi/nati-per-leggere-il-sabato-delle-storie-ogni-settimana</loc>')
  for (const missing of ['/sitemap-eventi-2.xml', '/sitemap-eventi-0.xml', '/sitemap-altro.xml'])
    expect((await request.get(missing)).status(), missing).toBe(404)
  const robots = await (await request.get('/robots.txt')).text()
  expect(robots).toMatch(/^Sitemap: http:\/\/localhost:\d+\/sitemap\.xml$/m)
})
