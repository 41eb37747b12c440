// Funders and supporters (issue 15), over the real built platform with the demo network: the event page of a
// supported event shows "Con il sostegno di" with its own funders and those of its rassegna, in Italian and in
// English, without JavaScript; a Dalmine system editor adds a funder to an event with the keyboard and sees it
// on the site. axe on every site page the feature adds (the admin's parts are Payload's own fields).
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const SPONSOR = 'Libreria Il Segnalibro (sponsor dimostrativo)'
const BANDO = 'Bando Biblioteche e promozione della lettura 2026'
const PASSWORD = 'Redattrice-Dalmine-2026!'
const editor = { email: `redattrice.dalmine.${Date.now()}@test.example.org`, password: PASSWORD }
let adminHeaders: Record<string, string>
let supported: { slug: string; series: number }
let dalmine: number

const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const api = async (request: APIRequestContext, path: string) => {
  const res = await request.get(`${CMS}/api${path}`, { headers: adminHeaders })
  expect(res.ok(), path).toBe(true)
  return res.json()
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  adminHeaders = { authorization: `JWT ${(await login.json()).token}` }
  const sponsor = (await api(request, `/funders?where[name][equals]=${encodeURIComponent(SPONSOR)}&depth=0`)).docs[0]
  expect(sponsor, 'the seeded sponsor').toBeDefined()
  const event = (await api(request, `/events?where[support.funder][equals]=${sponsor.id}&depth=0`)).docs[0]
  expect(event, 'the seeded event the sponsor supports').toBeDefined()
  supported = { slug: event.slug, series: event.series }
  dalmine = (await api(request, '/systems?where[shortName][equals]=Area%20di%20Dalmine&depth=0')).docs[0].id
  const created = await request.post(`${CMS}/api/users`, {
    headers: adminHeaders,
    data: { ...editor, name: 'Redattrice Area di Dalmine', roles: ['system-editor'], system: dalmine },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the event page credits its own funders and its rassegna’s, each once, with links and logo', async ({
    page,
  }) => {
    await page.goto(`${SITE}/eventi/${supported.slug}`)
    const credits = page.getByRole('region', { name: 'Con il sostegno di' })
    await expect(credits).toBeVisible()
    // Named by the event itself.
    await expect(credits.getByRole('link', { name: SPONSOR })).toHaveAttribute(
      'href',
      'https://libreria-il-segnalibro.example.org',
    )
    await expect(credits.getByRole('img', { name: `Logo di ${SPONSOR}` })).toBeVisible()
    await expect(credits.getByRole('heading', { name: 'In collaborazione con' })).toBeVisible()
    await expect(credits.getByText('Comune di Dalmine')).toHaveCount(1)
    await expect(credits.getByText('Sala civica messa a disposizione dal Comune')).toBeVisible()
    // Named by its rassegna.
    await expect(credits.getByRole('heading', { name: 'Finanziato da' })).toBeVisible()
    await expect(credits.getByRole('link', { name: 'Regione Lombardia' })).toHaveCount(1)
    await expect(credits.getByText(BANDO)).toBeVisible()
  })

  test('the English page says it in English and keeps the names and the call as entered', async ({ page }) => {
    await page.goto(`${SITE}/en/eventi/${supported.slug}`)
    const credits = page.getByRole('region', { name: 'With the support of' })
    await expect(credits.getByRole('heading', { name: 'Funded by' })).toBeVisible()
    await expect(credits.getByRole('heading', { name: 'In partnership with' })).toBeVisible()
    await expect(credits.getByRole('img', { name: `${SPONSOR} logo` })).toBeVisible()
    await expect(credits.getByText(BANDO)).toHaveAttribute('lang', 'it')
  })

  test('the rassegna’s page credits the Regione', async ({ page, request }) => {
    const series = await api(request, `/series/${supported.series}?depth=0`)
    await page.goto(`${SITE}/rassegne/${series.slug}`)
    const credits = page.getByRole('region', { name: 'Con il sostegno di' })
    await expect(credits.getByRole('link', { name: 'Regione Lombardia' })).toBeVisible()
    await expect(credits.getByText(BANDO)).toBeVisible()
  })
})

// axe runs scripts in the page, so it checks the same pages with JavaScript on.
test('the credited pages pass axe, in Italian and in English', async ({ page, request }) => {
  const series = await api(request, `/series/${supported.series}?depth=0`)
  for (const path of [`/eventi/${supported.slug}`, `/en/eventi/${supported.slug}`, `/rassegne/${series.slug}`]) {
    await page.goto(`${SITE}${path}`)
    await expect(page.locator('#sostegno'), path).toBeVisible()
    await noAxeViolations(page)
  }
})

test('a system editor adds a funder to an event with the keyboard and sees it on the site', async ({
  page,
  request,
}) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(editor.email)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  const library = (await api(request, `/libraries?where[system][equals]=${dalmine}&depth=0&limit=1`)).docs[0]
  const start = new Date(Date.now() + 9 * 86_400_000)
  start.setUTCHours(15, 0, 0, 0)
  const res = await page.request.post(`${CMS}/api/events`, {
    headers: { origin: CMS },
    data: {
      title: `Laboratorio sostenuto ${Date.now()}`,
      system: dalmine,
      library: library.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      recurrence: { frequency: 'none' },
      _status: 'published',
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  const event = (await res.json()).doc as { id: number; slug: string }

  await page.goto(`${CMS}/admin/collections/events/${event.id}`)
  await page.getByRole('button', { name: 'Collegamenti', exact: true }).click()
  const add = page.getByRole('button', { name: 'Aggiungi Sostenitore' })
  await add.focus()
  await page.keyboard.press('Enter')
  const funder = page.locator('#field-support__0__funder input')
  await expect(funder).toBeVisible()
  await funder.focus()
  await page.keyboard.type('Fondazione della')
  await expect(page.getByRole('option', { name: 'Fondazione della Comunità Bergamasca' })).toBeVisible()
  await page.keyboard.press('Enter')
  await page.locator('#field-support__0__role input').focus()
  await page.keyboard.type('Finanziato')
  await page.keyboard.press('Enter')
  await page.locator('#field-support__0__detail').focus()
  await page.keyboard.type('Bando Cultura 2026')
  await expect(page.locator('#field-support__0__funder')).toContainText('Fondazione della Comunità Bergamasca')
  await expect(page.locator('#field-support__0__role')).toContainText('Finanziato da')
  await page.getByRole('button', { name: 'Pubblica sul sito' }).focus()
  await page.keyboard.press('Enter')
  await expect
    .poll(async () => (await api(request, `/events/${event.id}?depth=0`)).support?.[0]?.role, { timeout: 15_000 })
    .toBe('funded')

  // The site reads the published event on the next request (its page cache follows the data).
  await expect(async () => {
    await page.goto(`${SITE}/eventi/${event.slug}`)
    const credits = page.getByRole('region', { name: 'Con il sostegno di' })
    await expect(credits.getByRole('heading', { name: 'Finanziato da' })).toBeVisible({ timeout: 1_000 })
    await expect(credits.getByText('Fondazione della Comunità Bergamasca')).toBeVisible({ timeout: 1_000 })
    await expect(credits.getByText('Bando Cultura 2026')).toBeVisible({ timeout: 1_000 })
  }).toPass({ timeout: 15_000 })
  await noAxeViolations(page)
})

test('a network admin who types a website without https:// is told so on the field, and nothing is saved', async ({
  page,
  request,
}) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto(`${CMS}/admin/collections/funders/create`)
  await expect(page.getByText('Nuova scheda: Finanziatore/sostenitore')).toBeVisible()
  const name = `Fondazione di prova ${Date.now()}`
  await page.locator('#field-name').fill(name)
  await page.locator('#field-website').fill('www.fondazione.example.org')
  await expect(page.locator('#field-website')).toHaveValue('www.fondazione.example.org')
  // The admin refreshes its form state a moment after typing; a reply that lands just after the
  // refused save clears the field's error, and a person would simply press "Salva" again.
  await expect(async () => {
    await page.getByRole('button', { name: 'Salva', exact: true }).click()
    await expect(
      page
        .locator('.field-type:has(#field-website)')
        .getByText('Inserisci un indirizzo web completo che inizi con https:// (o http://).'),
    ).toBeVisible({ timeout: 3_000 })
  }).toPass({ timeout: 20_000 })
  const found = await api(request, `/funders?where[name][equals]=${encodeURIComponent(name)}&depth=0`)
  expect(found.totalDocs).toBe(0)
})
