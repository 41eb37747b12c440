// The printed programme (issue 17) over the real built platform with the demo network: a librarian presses
// "Stampa programma" on her system, asks for the A4 programme by keyboard and downloads it once the job has built it;
// a visitor without JavaScript follows "Scarica il programma in PDF" from the agenda, waits on the page that says it
// is being prepared (it refreshes by itself) and gets the file. The new pages pass axe.
import { readFileSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const librarian = { email: `stampa.valle.${Date.now()}@test.example.org`, password: 'Bibliotecaria-Stampa-2026!' }
let valle: { id: number; slug: string }

/** axe on the parts of a page this project renders (Payload's own chrome is its theme). */
const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const isPdf = (file: string) => readFileSync(file).subarray(0, 8).toString('latin1') === '%PDF-1.7'

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const systems = await request.get(`${CMS}/api/systems?where[shortName][equals]=Valle%20Seriana&depth=0`, { headers })
  valle = (await systems.json()).docs[0]
  const created = await request.post(`${CMS}/api/users`, {
    headers,
    data: { ...librarian, name: 'Bibliotecaria Valle Seriana', roles: ['system-editor'], system: valle.id },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test('a librarian prints her system’s programme from the admin and downloads it once the job has built it', async ({
  page,
}) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(librarian.email)
  await page.getByLabel('Password').fill(librarian.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  await page.goto(`${CMS}/admin/collections/systems/${valle.id}`)
  // The navigation has a "Stampa programma" link of its own (an empty form); this is the system's button.
  const button = page.locator('#print-programme')
  await expect(button).toHaveAccessibleName('Stampa programma')
  await button.click()
  await expect(page).toHaveURL(/\/admin\/stampa\?/)
  const address = page.getByLabel('Indirizzo dell’agenda')
  await expect(address).toHaveValue(`/eventi?sistema=${valle.slug}`)
  await noAxeViolations(page, '#desk-main')

  // By keyboard: from the address to the layouts (A4 is chosen), then the button.
  await address.focus()
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('A4, elenco')).toBeFocused()
  await expect(page.getByLabel('A4, elenco')).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.locator('#print-submit')).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/programma=\d+/)

  // The job runs on the CMS's fast queue (every 5 s); the page refreshes by itself until the file is there.
  const download = page.getByRole('link', { name: 'Scarica il programma in PDF' })
  await expect(download).toBeVisible({ timeout: 60_000 })
  await noAxeViolations(page, '#desk-main')
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    download.focus().then(() => page.keyboard.press('Enter')),
  ])
  expect(file.suggestedFilename()).toMatch(
    new RegExp(`^programma-sistema-${valle.slug}-\\d{4}-\\d{2}-\\d{2}-a4\\.pdf$`),
  )
  expect(isPdf(await file.path())).toBe(true)
})

test('without JavaScript, “Scarica il programma in PDF” on the agenda leads to the file of its current filter', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true })
  const page = await context.newPage()
  await page.goto(`/eventi?sistema=${valle.slug}&quando=mese`)
  const link = page.getByRole('link', { name: 'Scarica il programma in PDF' })
  await expect(link).toHaveAttribute('href', `/programma?sistema=${valle.slug}&quando=mese`)
  const downloaded = page.waitForEvent('download', { timeout: 60_000 })
  await link.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Programma in PDF' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('in preparazione')
  // The page's Refresh header asks again every 3 s; once the job has built the file, the answer is the file.
  const file = await downloaded
  expect(file.suggestedFilename()).toMatch(/^programma-sistema-.*-quando-mese-\d{4}-\d{2}-\d{2}-a4\.pdf$/)
  expect(isPdf(await file.path())).toBe(true)
  await context.close()
})

test('the page of a programme in preparation passes axe and says how to ask again', async ({ page }) => {
  // A filter nobody asked for yet, so the page says it is being prepared; its Refresh header is held back here,
  // so axe reads the page before it reloads.
  await page.route('**/programma?**', async (route) => {
    const response = await route.fetch({ maxRedirects: 0 })
    const headers = { ...response.headers() }
    delete headers.refresh
    await route.fulfill({ response, headers })
  })
  await page.goto(`/programma?sistema=${valle.slug}&quando=settimana&formato=a5`)
  await expect(page.getByRole('status')).toContainText('in preparazione')
  await expect(page.getByRole('link', { name: 'Aggiorna' })).toHaveAttribute(
    'href',
    `/programma?sistema=${valle.slug}&quando=settimana&formato=a5`,
  )
  await expect(page.getByRole('link', { name: 'Torna all’agenda' })).toHaveAttribute(
    'href',
    `/eventi?sistema=${valle.slug}&quando=settimana`,
  )
  await noAxeViolations(page)
})

test('a rassegna page offers its programme and its poster, an event page its poster', async ({ page, request }) => {
  const rassegne = await (await request.get(`${CMS}/api/series?depth=0&limit=1&sort=title`)).json()
  const rassegna = rassegne.docs[0] as { slug: string }
  await page.goto(`/rassegne/${rassegna.slug}`)
  await expect(page.getByRole('link', { name: 'Scarica il programma in PDF' })).toHaveAttribute(
    'href',
    `/programma?rassegna=${rassegna.slug}`,
  )
  await expect(page.getByRole('link', { name: 'Scarica la locandina (A3) in PDF' })).toHaveAttribute(
    'href',
    `/programma?rassegna=${rassegna.slug}&formato=a3`,
  )
  const items = await (await request.get('/eventi.json')).json()
  const slug = items.items[0].slug as string
  await page.goto(`/eventi/${slug}`)
  await expect(page.getByRole('link', { name: 'Scarica la locandina (A3) in PDF' })).toHaveAttribute(
    'href',
    `/programma?evento=${slug}&formato=a3`,
  )
})
