import { type APIRequestContext, expect, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

// Event pages and the pages of systems, libraries, rassegne, festivals and campaigns.

type Place = { slug: string; comune: string; name: string }
type Item = { slug: string; status: string; eventId: number; title: string; library: Place | null; venue: Place | null }

const firstItem = async (request: APIRequestContext, query: string, status?: string): Promise<Item> => {
  for (let page = 1; page < 40; page++) {
    const data = await (await request.get(`/eventi.json?${query}&pagina=${page}`)).json()
    const item = (data.items as Item[]).find((i) => !status || i.status === status)
    if (item) return item
    if (!data.hasNextPage) break
  }
  throw new Error(`no ${status ?? ''} event for ${query}`)
}

const jsonLd = async (page: import('@playwright/test').Page) =>
  JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) as string)

test('a cancelled event says so prominently and in its JSON-LD', async ({ page, request }) => {
  const item = await firstItem(request, 'campagna=nati-per-leggere', 'cancelled')
  await page.goto(`/eventi/${item.slug}`)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(item.title)
  await expect(page.locator('header.event-header').getByText('Annullato')).toBeVisible()
  const ld = await jsonLd(page)
  expect(ld['@context']).toBe('https://schema.org')
  expect(ld['@type']).toBe('Event')
  expect(ld.name).toBe(item.title)
  expect(ld.eventStatus).toBe('https://schema.org/EventCancelled')
  expect(ld.startDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/)
  expect(ld.location['@type']).toBe('Place')
  expect(ld.location.address.addressLocality).not.toBe('')
  expect(ld.organizer.name).toMatch(/^Sistema Bibliotecario /)
  expect(ld.offers.priceCurrency).toBe('EUR')
})

test('a scheduled event: JSON-LD EventScheduled, social cards, place with map, dates and booking', async ({
  page,
  request,
}) => {
  const item = await firstItem(request, 'sistema=valle-seriana&categoria=laboratorio', 'scheduled')
  await page.goto(`/eventi/${item.slug}`)
  const ld = await jsonLd(page)
  expect(ld.eventStatus).toBe('https://schema.org/EventScheduled')
  expect(ld.typicalAgeRange).toMatch(/^6-1[03]$/)
  expect(ld.url).toMatch(new RegExp(`/eventi/${item.slug}$`))
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', item.title)
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article')
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /summary/)
  await expect(page.getByRole('heading', { level: 2, name: /^(Quando|Prossime date)$/ })).toBeVisible()
  await expect(page.locator('ul.dates time').first()).toHaveAttribute('datetime', /\+0[12]:00$/)
  const map = page.getByRole('link', { name: 'Apri la mappa su OpenStreetMap' })
  await expect(map).toHaveAttribute('href', /^https:\/\/www\.openstreetmap\.org\//)
  const place = (item.venue ?? item.library) as Place
  await expect(page.locator('address')).toContainText(place.name)
  await expect(page.locator('address')).toContainText(place.comune)
  await expect(page.getByText('Prenotazione', { exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Sistema Bibliotecario Valle Seriana' })).toBeVisible()
})

test('add to calendar: the .ics file, Google Calendar and Outlook', async ({ page, request }) => {
  const item = await firstItem(request, 'sistema=seriate-laghi', 'scheduled')
  await page.goto(`/eventi/${item.slug}`)
  const box = page.getByRole('region', { name: 'Aggiungi al calendario' })
  // An event of one date offers its .ics; a series offers "this date" and "all the dates" (issue 19).
  const ics = box.getByRole('link', { name: /Scarica il file \.ics|Aggiungi tutte le date/ })
  await expect(ics).toHaveAttribute('href', `/eventi/${item.slug}.ics`)
  const file = await request.get(`/eventi/${item.slug}.ics`)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toContain('text/calendar')
  const text = await file.text()
  expect(text).toContain('BEGIN:VCALENDAR')
  expect(text).toContain(`UID:${item.eventId}@localhost`)

  const google = new URL((await box.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')) as string)
  expect(google.origin).toBe('https://calendar.google.com')
  expect(google.searchParams.get('text')).toBe(item.title)
  expect(google.searchParams.get('dates')).toMatch(/^(\d{8}T\d{6}Z\/\d{8}T\d{6}Z|\d{8}\/\d{8})$/)
  const outlook = new URL((await box.getByRole('link', { name: 'Outlook' }).getAttribute('href')) as string)
  expect(outlook.hostname).toBe('outlook.live.com')
  expect(outlook.searchParams.get('subject')).toBe(item.title)
  await expect(page.getByRole('region', { name: 'Condividi' }).getByRole('link', { name: 'WhatsApp' })).toHaveAttribute(
    'href',
    /^https:\/\/wa\.me\/\?text=/,
  )
})

test('an unknown or draft event is a 404, never a 500', async ({ page, request }) => {
  let res = await page.goto('/eventi/questo-evento-non-esiste')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Pagina non trovata' })).toBeVisible()
  res = await page.goto('/eventi/%E2%80%AE%3Cscript%3E')
  expect(res?.status()).toBe(404)

  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  const { token } = await login.json()
  const drafts = await (
    await request.get(`${CMS}/api/events?where[_status][equals]=draft&draft=true&depth=0&limit=1`, {
      headers: { Authorization: `JWT ${token}` },
    })
  ).json()
  const draft = drafts.docs[0]
  expect(draft?.slug).toBeTruthy()
  res = await page.goto(`/eventi/${draft.slug}`)
  expect(res?.status()).toBe(404)
  await expect(page.getByText(draft.title)).toHaveCount(0)
})

const ENTITY_PAGES = [
  { path: '/sistemi/valle-seriana', title: 'Sistema Bibliotecario Valle Seriana', feed: '/sistemi/valle-seriana' },
  { path: '/rassegne/cineforum-d-inverno', title: 'Cineforum d’inverno', feed: '/rassegne/cineforum-d-inverno' },
  {
    path: '/festival/festival-della-lettura-della-bassa',
    title: 'Festival della lettura della Bassa',
    feed: '/festival/festival-della-lettura-della-bassa',
  },
  { path: '/campagne/nati-per-leggere', title: 'Nati per Leggere', feed: '/campagne/nati-per-leggere' },
]

for (const entity of ENTITY_PAGES)
  test(`${entity.path} shows its description, upcoming events and calendar feed`, async ({ page }) => {
    await page.goto(entity.path)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(entity.title)
    const upcoming = page.getByRole('region', { name: 'Prossimi eventi' })
    await expect(upcoming.locator('ol.cards > li').first()).toBeVisible()
    await expect(page.locator(`a[href$="${entity.feed}/calendario.ics"]`).first()).toBeVisible()
    const all = upcoming.getByRole('link', { name: /^Tutti gli eventi \(\d+\)$/ })
    await all.click()
    await expect(page).toHaveURL(/\/eventi\?(sistema|rassegna|festival|campagna)=/)
  })

test('a library page shows address, system, events and its feed; unknown entities are 404', async ({
  page,
  request,
}) => {
  const item = await firstItem(request, 'sistema=bassa-pianura-bergamasca')
  const slug = item.library?.slug as string
  await page.goto(`/biblioteche/${slug}`)
  await expect(page.getByText('Sistema Bibliotecario Bassa Pianura Bergamasca')).toBeVisible()
  await expect(page.getByRole('link', { name: /indirizzo dimostrativo/ })).toHaveAttribute('href', /openstreetmap\.org/)
  await expect(page.locator(`a[href$="/biblioteche/${slug}/calendario.ics"]`).first()).toBeVisible()
  for (const path of ['/biblioteche/nessuna', '/sistemi/nessuno', '/rassegne/x', '/festival/x', '/campagne/x'])
    expect((await request.get(path)).status()).toBe(404)
})

test('English pages translate the interface and keep Italian content', async ({ page }) => {
  await page.goto('/en/eventi?sistema=valle-seriana')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Events' })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Filter events' })).toBeVisible()
  const link = page.locator('ol.cards > li h3 a').first()
  await expect(link).toHaveAttribute('lang', 'it')
  await expect(link).toHaveAttribute('href', /^\/en\/eventi\//)
  await page.getByRole('link', { name: 'Leggi questa pagina in italiano' }).click()
  await expect(page).toHaveURL(/\/eventi\?sistema=valle-seriana$/)
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  const res = await page.goto('/en/eventi/does-not-exist')
  expect(res?.status()).toBe(404)
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible()
})
