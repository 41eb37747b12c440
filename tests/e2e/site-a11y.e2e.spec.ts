import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'

// Every public page type passes axe (WCAG 2.1 A/AA plus axe's best practices) with zero violations.

const eventSlug = async (page: Page, query: string, status?: string) => {
  const data = await (await page.request.get(`/eventi.json?${query}`)).json()
  const item = data.items.find((i: { status: string }) => !status || i.status === status)
  return item.slug as string
}

const expectNoViolations = async (page: Page) => {
  const results = await new AxeBuilder({ page }).analyze()
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  expect(summary).toEqual([])
}

const PAGES: [string, string | ((page: Page) => Promise<string>), number][] = [
  ['home', '/', 200],
  ['agenda', '/eventi', 200],
  ['agenda with filters', '/eventi?sistema=valle-seriana&eta=6&gratuito=1&da=2026-01-01', 200],
  ['agenda with no results', '/eventi?q=zzzzzz', 200],
  ['month view', '/eventi/calendario', 200],
  ['event page', async (page) => `/eventi/${await eventSlug(page, 'sistema=valle-seriana', 'scheduled')}`, 200],
  [
    'cancelled event page',
    async (page) => `/eventi/${await eventSlug(page, 'campagna=nati-per-leggere', 'cancelled')}`,
    200,
  ],
  ['system page', '/sistemi/urbano-di-bergamo', 200],
  [
    'library page',
    async (page) => {
      const data = await (await page.request.get('/eventi.json?sistema=valle-seriana')).json()
      return `/biblioteche/${data.items[0].library.slug}`
    },
    200,
  ],
  ['rassegna page', '/rassegne/storie-sotto-l-albero', 200],
  ['festival page', '/festival/festival-della-lettura-della-bassa', 200],
  ['campaign page', '/campagne/nati-per-leggere', 200],
  ['partners index', '/organizzatori', 200],
  ['English partners index', '/en/organizzatori', 200],
  ['partner page', '/organizzatori/teatro-del-borgo', 200],
  ['English partner page', '/en/organizzatori/teatro-del-borgo', 200],
  ['unknown partner page', '/organizzatori/nessuno-cosi', 404],
  ['404 page', '/pagina-che-non-esiste', 404],
  ['400 page', '/eventi?eta=abc', 400],
  ['English home', '/en', 200],
  ['English agenda', '/en/eventi', 200],
  ['English event page', async (page) => `/en/eventi/${await eventSlug(page, 'sistema=seriate-laghi')}`, 200],
  ['accessibility statement', '/accessibilita', 200],
  ['English accessibility statement', '/en/accessibilita', 200],
  ['widget configurator', '/widget', 200],
  ['English widget configurator', '/en/widget', 200],
  ['widget iframe version', '/widget/frame?sistema=valle-seriana', 200],
]

for (const [name, target, status] of PAGES)
  test(`axe finds no violation on the ${name}`, async ({ page }) => {
    const path = typeof target === 'string' ? target : await target(page)
    const res = await page.goto(path)
    expect(res?.status()).toBe(status)
    await expect(page.locator('html')).toHaveAttribute('lang', path.startsWith('/en') ? 'en' : 'it')
    await expect(page.getByRole('main')).toHaveCount(1)
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1)
    await expectNoViolations(page)
  })

test('headings never skip a level on the agenda, event and home pages', async ({ page }) => {
  for (const path of ['/', '/eventi', `/eventi/${await eventSlug(page, 'sistema=valle-seriana')}`]) {
    await page.goto(path)
    const levels = await page.locator('h1, h2, h3, h4, h5, h6').evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])))
    expect(levels[0]).toBe(1)
    for (let i = 1; i < levels.length; i++)
      expect(levels[i] as number).toBeLessThanOrEqual((levels[i - 1] as number) + 1)
  }
})

test('the agenda is a real list with machine-readable dates', async ({ page }) => {
  await page.goto('/eventi')
  const day = page.locator('section.day').nth(1)
  await expect(day.getByRole('heading', { level: 2 }).locator('time')).toHaveAttribute(
    'datetime',
    /^\d{4}-\d{2}-\d{2}$/,
  )
  const items = day.getByRole('list').getByRole('listitem')
  expect(await items.count()).toBeGreaterThan(0)
  await expect(items.first().locator('time')).toHaveAttribute(
    'datetime',
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/,
  )
})
