import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test } from '@playwright/test'
import ICAL from 'ical.js'

// Issue 19, the parent on a phone: a search with a typo, events near her comune, the date she came for on the
// event page, pictures and this weekend's events for children on the home page, index pages of everything.

const expectNoViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze()
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
}

const withoutScript = async (browser: Browser, run: (page: Page) => Promise<void>) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  try {
    await run(await context.newPage())
  } finally {
    await context.close()
  }
}

const cards = (page: Page) => page.getByRole('main').locator('ol.cards > li')

test('a search with a typo proposes the corrected search, without JavaScript: fumeto → fumetto', async ({
  browser,
}) => {
  await withoutScript(browser, async (page) => {
    await page.goto('/eventi?q=fumeto')
    await expect(page.getByText('Nessun evento corrisponde alla ricerca.')).toBeVisible()
    const link = page.getByRole('link', { name: '«fumetto»' })
    await expect(link.locator('..')).toContainText(/Forse cercavi «fumetto»\? \(\d+ eventi?\)/)
    // The wider searches follow the corrected one, and keep the words as typed.
    const wider = page.getByRole('list', { name: 'Allargando la ricerca' })
    await expect(wider.getByRole('link', { name: /^Senza cercare «fumeto»/ })).toBeVisible()
    const order = await page.getByRole('main').locator('p.suggestion, .no-results h2').allInnerTexts()
    expect(order).toEqual([expect.stringMatching(/^Forse cercavi/), 'Allargando la ricerca'])
    await link.click()
    await expect(page).toHaveURL(/\/eventi\?q=fumetto$/)
    expect(await cards(page).count()).toBeGreaterThan(0)
    for (const [typo, fixed] of [
      ['nati per legere', 'nati per leggere'],
      ['burattino', 'burattini'],
    ]) {
      await page.goto(`/eventi?q=${encodeURIComponent(typo)}`)
      await expect(page.getByRole('link', { name: `«${fixed}»` })).toBeVisible()
    }
  })
})

test('the suggestion keeps the other filters, is reached by keyboard and passes axe', async ({ page }) => {
  await page.goto('/eventi?q=burattino&sistema=urbano-di-bergamo')
  const link = page.getByRole('link', { name: '«burattini»' })
  if ((await link.count()) === 0) test.skip(true, 'no puppet show in the city system this time')
  await expect(link).toHaveAttribute('href', '/eventi?sistema=urbano-di-bergamo&q=burattini')
  await expectNoViolations(page)
  for (let i = 0; i < 40 && !(await link.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(link).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/q=burattini/)
})

test('near me: a family in Nembro picks its comune and 10 km on the home page and sees events around it', async ({
  browser,
}) => {
  await withoutScript(browser, async (page) => {
    await page.goto('/')
    const box = page.getByRole('form', { name: 'Eventi vicino a te' })
    await box.getByLabel('Il tuo comune').selectOption({ label: 'Nembro' })
    await box.getByLabel('Distanza massima').selectOption({ label: '10 km' })
    await box.getByRole('button', { name: 'Mostra gli eventi vicini' }).click()
    await expect(page).toHaveURL(/\/eventi\?vicino=nembro&raggio=10$/)
    await expect(page.getByRole('link', { name: 'Rimuovi il filtro Entro 10 km da Nembro' })).toBeVisible()
    const rows = await cards(page).allInnerTexts()
    expect(rows.length).toBeGreaterThan(0)
    // Every event shown says how far it is, and none is beyond the radius.
    for (const text of rows) {
      const km = text.match(/\((?:nel tuo comune|a (\d+) km)\)/)
      expect(km, text).not.toBeNull()
      expect(Number(km?.[1] ?? 0)).toBeLessThanOrEqual(10)
    }
    await page.goto('/eventi?vicino=nembro&raggio=30')
    expect(await cards(page).count()).toBeGreaterThanOrEqual(rows.length)
  })
})

test('the near filter is in the agenda form with its radius, a resubmitted form keeps both, and it passes axe', async ({
  page,
}) => {
  await page.goto('/eventi?vicino=treviglio&raggio=20')
  const form = page.getByRole('form', { name: 'Filtra gli eventi' })
  await expect(form.getByLabel('Vicino a')).toHaveValue('treviglio')
  await expect(form.getByLabel('Distanza massima')).toHaveValue('20')
  await expectNoViolations(page)
  await form.getByLabel('Distanza massima').selectOption({ label: '30 km' })
  await form.getByRole('button', { name: 'Mostra gli eventi' }).click()
  await expect(page).toHaveURL(/\/eventi\?vicino=treviglio&raggio=30$/)
  await expect(page.getByRole('link', { name: 'Rimuovi il filtro Entro 30 km da Treviglio' })).toBeVisible()
  // Searching words from the box sends the whole form: the place and its radius stay.
  await form.getByLabel('Cerca', { exact: true }).fill('lettura')
  await form.getByRole('button', { name: 'Cerca', exact: true }).click()
  await expect(page).toHaveURL(/\/eventi\?q=lettura&vicino=treviglio&raggio=30$/)
  // Without a place, the radius the form always sends is dropped from the address.
  await page.goto('/eventi?quando=weekend')
  await form.getByRole('button', { name: 'Cerca', exact: true }).click()
  await expect(page).toHaveURL(/\/eventi\?quando=weekend$/)
})

/** A weekly series' card for a later Saturday, from the agenda. */
const laterDateOfSeries = async (page: Page) => {
  await page.goto('/eventi?q=ogni+settimana')
  const links = page.getByRole('main').locator('ol.cards > li h3 a')
  expect(await links.count()).toBeGreaterThan(2)
  const link = links.nth(2)
  const href = (await link.getAttribute('href')) as string
  expect(href).toMatch(/^\/eventi\/[a-z0-9-]+\?data=\d{4}-\d{2}-\d{2}$/)
  return { link, href, day: href.slice(-10), slug: href.split('/')[2]?.split('?')[0] as string }
}

test('the event page of a series shows the chosen date first and adds that date alone', async ({ page, request }) => {
  const { link, href, day, slug } = await laterDateOfSeries(page)
  await link.click()
  await expect(page).toHaveURL(href)
  await expect(page.getByText('La data che hai scelto:')).toBeVisible()
  const first = page.locator('ul.dates > li').first()
  await expect(first).toHaveAttribute('aria-current', 'date')
  await expect(first.locator('time')).toHaveAttribute('datetime', new RegExp(`^${day}T`))
  await expect(first).toContainText('Data scelta')
  const box = page.getByRole('region', { name: 'Aggiungi al calendario' })
  const one = box.getByRole('link', { name: /Aggiungi questa data/ })
  await expect(one).toHaveAttribute('href', `/eventi/${slug}.ics?data=${day}`)
  await expect(box.getByRole('link', { name: /Aggiungi tutte le date/ })).toHaveAttribute('href', `/eventi/${slug}.ics`)
  const google = new URL((await box.getByRole('link', { name: 'Google Calendar' }).getAttribute('href')) as string)
  expect(google.searchParams.get('dates')?.slice(0, 8)).toBe(day.replaceAll('-', ''))

  const file = await request.get(`/eventi/${slug}.ics?data=${day}`)
  expect(file.status()).toBe(200)
  expect(file.headers()['content-type']).toContain('text/calendar')
  const calendar = new ICAL.Component(ICAL.parse(await file.text()))
  const vevents = calendar.getAllSubcomponents('vevent')
  expect(vevents).toHaveLength(1)
  expect(vevents[0]?.hasProperty('rrule')).toBe(false)
  expect(String(vevents[0]?.getFirstPropertyValue('dtstart'))).toMatch(new RegExp(`^${day}`))
  await expectNoViolations(page)
})

test('a date that is not one of the event’s leads to its plain page; its .ics is a 404, never a 500', async ({
  page,
  request,
}) => {
  const { slug } = await laterDateOfSeries(page)
  for (const data of ['2020-01-01', '2026-02-30', 'domani']) {
    const res = await page.goto(`/eventi/${slug}?data=${data}`)
    expect(res?.status()).toBe(200)
    await expect(page).toHaveURL(new RegExp(`/eventi/${slug}$`))
    await expect(page.getByText('La data che hai scelto')).toHaveCount(0)
    const ics = await request.get(`/eventi/${slug}.ics?data=${data}`)
    expect(ics.status()).toBe(404)
    expect(await ics.text()).toMatch(/^Calendario non trovato/)
  }
})

test('home on a phone: this weekend’s events for children, with pictures, within the first screen', async ({
  browser,
}) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await page.goto('/')
  const section = page.getByRole('region', { name: 'Questo fine settimana per bambini e famiglie' })
  const first = section.locator('ol.cards > li').first()
  await expect(first).toBeVisible()
  const box = await first.boundingBox()
  expect(box && box.y + Math.min(box.height, 120)).toBeLessThanOrEqual(844)
  const image = first.locator('img')
  await expect(image).toHaveAttribute('loading', 'lazy')
  await expect(image).toHaveAttribute('width', /\d+/)
  await expect(image).toHaveAttribute('height', /\d+/)
  expect(((await image.getAttribute('alt')) ?? '').length).toBeGreaterThan(10)
  await expect
    .poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0), { timeout: 10_000 })
    .toBe(true)
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  console.log(`home page height on a 390 px phone: ${height} px; first child card at ${Math.round(box?.y ?? 0)} px`)
  const featured = await page.getByRole('region', { name: 'In evidenza' }).locator('h3').allInnerTexts()
  expect(new Set(featured).size).toBe(featured.length)
  await expectNoViolations(page)
  await context.close()
})

const INDEX_PAGES = [
  { path: '/rassegne', title: 'Rassegne', item: 'Cineforum d’inverno' },
  { path: '/festival', title: 'Festival', item: 'Festival della lettura della Bassa' },
  { path: '/campagne', title: 'Campagne', item: 'Nati per Leggere' },
  { path: '/sistemi', title: 'Sistemi bibliotecari', item: 'Sistema Bibliotecario Valle Seriana' },
  { path: '/biblioteche', title: 'Biblioteche', item: 'Biblioteca Civica Angelo Mai' },
]

for (const index of INDEX_PAGES)
  test(`${index.path} lists every ${index.title.toLowerCase()} with what is coming, linked from menu and footer`, async ({
    page,
  }) => {
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Menu principale' }).getByRole('link', { name: index.title }).click()
    await expect(page).toHaveURL(index.path)
    await expect(page.getByRole('heading', { level: 1, name: index.title })).toBeVisible()
    const entry = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: index.item, exact: true }) })
    await expect(entry).toContainText(/event[io] in programma|Nessun evento in programma/)
    await expect(
      page.getByRole('navigation', { name: 'Esplora' }).getByRole('link', { name: index.title }),
    ).toHaveAttribute('href', index.path)
    await expectNoViolations(page)
    await entry.getByRole('link', { name: index.item, exact: true }).click()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(index.item)
  })

test('the index pages exist in English, without JavaScript, and are in the sitemap', async ({
  browser,
  page,
  request,
}) => {
  await withoutScript(browser, async (noScript) => {
    const res = await noScript.goto('/en/rassegne')
    expect(res?.status()).toBe(200)
    await expect(noScript.getByRole('heading', { level: 1, name: 'Series' })).toBeVisible()
    await expect(noScript.getByRole('link', { name: 'Cineforum d’inverno' })).toHaveAttribute(
      'href',
      '/en/rassegne/cineforum-d-inverno',
    )
  })
  await page.goto('/en/biblioteche')
  await expect(page.getByRole('heading', { level: 1, name: 'Libraries' })).toBeVisible()
  await expectNoViolations(page)
  const sitemap = await (await request.get('/sitemap-pagine.xml')).text()
  for (const index of INDEX_PAGES) expect(sitemap).toContain(`${index.path}</loc>`)
})
