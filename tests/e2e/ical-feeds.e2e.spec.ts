import { get as httpGet } from 'node:http'
import { gunzipSync } from 'node:zlib'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, test } from '@playwright/test'
import { fromWall, toWall } from '../../collections/lib/recurrence'
import { SITE } from '../../playwright.config'
import { pythonExpand } from '../helpers/ical-python'

// The feeds of the production build, on the seeded demo network, through the real Node server.

/** Raw bytes of a GET (no automatic decompression), with the response headers. */
const raw = (path: string, headers: Record<string, string> = {}) =>
  new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      httpGet(`${SITE}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
      }).on('error', reject)
    },
  )

const romeDay = (offset: number) => {
  const wall = toWall(new Date())
  return new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() + offset))
}
const isoDay = (wall: Date) => wall.toISOString().slice(0, 10)
const ICAL_STATUS: Record<string, string> = { cancelled: 'CANCELLED', postponed: 'TENTATIVE' }

const byStart = (a: { start: string; uid: string }, b: { start: string; uid: string }) =>
  a.start < b.start ? -1 : a.start > b.start ? 1 : a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0

type Item = { uid: string; start: string; allDay: boolean; status: string; slug: string; title: string }

/** Every occurrence /eventi.json lists for a query, all pages. */
const openData = async (request: APIRequestContext, query: string): Promise<Item[]> => {
  const items: Item[] = []
  for (let page = 1; ; page++) {
    const res = await request.get(`/eventi.json?${query}&pagina=${page}`)
    expect(res.status()).toBe(200)
    const data = await res.json()
    items.push(...data.items)
    if (!data.hasNextPage) return items
  }
}

test.describe('the subscribe box', () => {
  test('offers webcal, Google, Outlook and the address to copy, accessibly', async ({ page, request }) => {
    await page.goto('/sistemi/valle-seriana')
    const box = page.getByRole('region', { name: 'Abbonati al calendario' })
    await expect(box).toBeVisible()
    const feedUrl = `${SITE}/sistemi/valle-seriana/calendario.ics`
    const webcal = feedUrl.replace(/^http:/, 'webcal:')
    await expect(box.getByRole('link', { name: 'Calendario di Apple, Thunderbird e altre app' })).toHaveAttribute(
      'href',
      webcal,
    )
    await expect(box.getByRole('link', { name: 'Google Calendar' })).toHaveAttribute(
      'href',
      `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}`,
    )
    const outlook = await box.getByRole('link', { name: 'Outlook.com o Microsoft 365' }).getAttribute('href')
    expect(new URL(outlook ?? '').searchParams.get('url')).toBe(feedUrl)
    expect(outlook).toMatch(/^https:\/\/outlook\.live\.com\/calendar\/0\/addfromweb\?/)
    const field = box.getByLabel('Oppure copia l’indirizzo del calendario nella tua app')
    await expect(field).toHaveValue(feedUrl)
    await expect(field).toHaveAttribute('readonly', '')
    await field.focus()
    await expect(field).toBeFocused()

    const results = await new AxeBuilder({ page }).include('section.subscribe').analyze()
    expect(results.violations.map((v) => v.id)).toEqual([])

    const res = await request.get(feedUrl)
    expect(res.status()).toBe(200)
    expect(res.headers()['content-type']).toBe('text/calendar; charset=utf-8')
    expect(await res.text()).toContain('X-WR-CALNAME:Eventi – Valle Seriana')
  })

  test('the agenda offers the feed of its own filters', async ({ page }) => {
    await page.goto('/eventi?pubblico=3-6-anni&gratuito=1')
    const field = page.getByLabel('Oppure copia l’indirizzo del calendario nella tua app')
    await expect(field).toHaveValue(`${SITE}/calendario.ics?pubblico=3-6-anni&gratuito=1`)
  })
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })
  test('the subscribe links and the address are there', async ({ page }) => {
    await page.goto('/eventi')
    const box = page.getByRole('region', { name: 'Abbonati al calendario' })
    await expect(box.getByRole('link')).toHaveCount(3)
    await expect(box.getByRole('textbox')).toHaveValue(`${SITE}/calendario.ics`)
  })
})

test.describe('over HTTP', () => {
  test('gzip, ETag and 304, HEAD, and a plain-text 400', async () => {
    const path = '/sistemi/urbano-di-bergamo/calendario.ics'
    const plain = await raw(path)
    expect(plain.status).toBe(200)
    expect(plain.headers['content-disposition']).toBe('attachment; filename="eventi-urbano-di-bergamo.ics"')
    const gz = await raw(path, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gz.body.length).toBeLessThan(plain.body.length / 3)
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true)
    const again = await raw(path, { 'if-none-match': String(plain.headers.etag) })
    expect(again.status).toBe(304)
    expect(again.body.length).toBe(0)
    const head = await fetch(`${SITE}${path}`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const bad = await raw('/calendario.ics?da=ieri')
    expect(bad.status).toBe(400)
    expect(bad.headers['content-type']).toBe('text/plain; charset=utf-8')
    expect(bad.body.toString()).toContain('AAAA-MM-GG')
    expect((await raw('/campagne/non-esiste/calendario.ics')).status).toBe(404)
  })

  test('one event as .ics, while its page keeps its address', async ({ request }) => {
    const [item] = await openData(request, 'campagna=nati-per-leggere&q=ogni%20settimana')
    expect(item).toBeDefined()
    const ics = await request.get(`/eventi/${item?.slug}.ics`)
    expect(ics.status()).toBe(200)
    expect(ics.headers()['content-disposition']).toBe(`attachment; filename="${item?.slug}.ics"`)
    const text = await ics.text()
    expect(text).toContain(`UID:${item?.uid}`)
    expect(text).toMatch(/\r\nRRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=\d+;WKST=MO\r\n/)
    const html = await request.get(`/eventi/${item?.slug}`)
    expect(html.status()).toBe(200)
    expect(html.headers()['content-type']).toContain('text/html')
  })
})

test('python3-recurring-ical-events expands each feed to what /eventi.json lists, filter by filter', async ({
  request,
}) => {
  const from = romeDay(0)
  const last = romeDay(60)
  let compared = 0
  const list = async (query: string) =>
    (await openData(request, `${query}&da=${isoDay(from)}&a=${isoDay(last)}`))
      .map((o) => ({
        uid: o.uid,
        start: o.allDay ? o.start.slice(0, 10) : new Date(o.start).toISOString(),
        status: ICAL_STATUS[o.status] ?? 'CONFIRMED',
      }))
      .sort(byStart)
  for (const query of ['', 'sistema=valle-seriana', 'pubblico=3-6-anni', 'campagna=nati-per-leggere', 'gratuito=1']) {
    // Other tests publish events meanwhile: compare the feed with a listing that did not change around it.
    let ics = ''
    let listed: Awaited<ReturnType<typeof list>> = []
    for (let attempt = 0; attempt < 5; attempt++) {
      const before = await list(query)
      ics = await (await request.get(`/calendario.ics${query ? `?${query}` : ''}`)).text()
      listed = await list(query)
      if (JSON.stringify(before) === JSON.stringify(listed)) break
    }
    const view = pythonExpand(ics, fromWall(from), fromWall(new Date(last.getTime() + 86_400_000)))
    const seen = view.dates
      .map(({ uid, start, status }) => ({ uid, start, status: status ?? 'CONFIRMED' }))
      .sort(byStart)
    expect(seen, query || 'no filter').toEqual(listed)
    compared += seen.length
  }
  expect(compared).toBeGreaterThan(100)
})
