import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { nthMail } from '../helpers/outbox'

// Staff-only events (issue 14): the seeded internal training has no page on the site and is in no public
// list; a librarian finds it in the admin's "Agenda interna", books with the keyboard and cancels.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const TRAINING = 'Formazione del personale: catalogazione dei libri per ragazzi'
const PASSWORD = 'Bibliotecaria-2026!'
const librarian = { email: `bibliotecaria.${Date.now()}@test.example.org`, password: PASSWORD }
let slug = ''

/** axe on the page, or on one part of it (`include`). */
const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const found = await request.get(`${CMS}/api/events?where[staffOnly][equals]=true&depth=0`, { headers })
  const training = (await found.json()).docs.find((e: { title: string }) => e.title === TRAINING)
  expect(training, 'the seeded staff-only training').toBeDefined()
  slug = training.slug
  // A contributor of a library in another system than the training's organiser.
  const libraries = await request.get(
    `${CMS}/api/libraries?where[name][equals]=Biblioteca%20comunale%20di%20Albino&depth=0`,
  )
  const library = (await libraries.json()).docs[0]
  expect(library).toBeDefined()
  const created = await request.post(`${CMS}/api/users`, {
    headers,
    data: {
      ...librarian,
      name: 'Bibliotecaria di Albino',
      roles: ['library-contributor'],
      system: library.system,
      library: library.id,
    },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test('the public never sees it: its page answers 404, the agenda, the JSON, the feeds and the sitemap leave it out', async ({
  request,
}) => {
  expect((await request.get(`${SITE}/eventi/${slug}`)).status()).toBe(404)
  expect((await request.get(`${SITE}/eventi/${slug}.ics`)).status()).toBe(404)
  expect((await request.get(`${CMS}/api/events?where[slug][equals]=${slug}`)).ok()).toBe(true)
  expect((await (await request.get(`${CMS}/api/events?where[slug][equals]=${slug}`)).json()).totalDocs).toBe(0)
  for (const path of [
    '/eventi?q=formazione',
    '/eventi?q=catalogazione',
    '/eventi.json?q=formazione',
    '/feed.xml',
    '/sitemap.xml',
    '/sitemap-pagine.xml',
    '/sitemap-eventi-1.xml',
  ]) {
    const res = await request.get(`${SITE}${path}`)
    expect(res.status(), path).toBe(200)
    const body = await res.text()
    expect(body, path).not.toContain(TRAINING)
    expect(body, path).not.toContain(slug)
  }
  const agenda = await request.get(`${SITE}/eventi?q=formazione`)
  expect(await agenda.text()).toContain('Nessun evento')
})

test('the internal agenda asks for a login first', async ({ page }) => {
  await page.goto(`${CMS}/admin/agenda-interna`)
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)
})

test('a librarian opens "Agenda interna" from the menu, books with the keyboard, sees "Sei iscritto/a" and cancels', async ({
  page,
}) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(librarian.email)
  await page.getByLabel('Password').fill(librarian.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  // The admin's menu starts closed at this size: open it, then follow the link. With the menu open, axe checks
  // the link only: Payload's own menu (its group labels' contrast, its unnamed navigation landmark) is its theme.
  await page.getByRole('button', { name: 'Apri Menù' }).click()
  await noAxeViolations(page, '#nav-agenda-interna')
  await page.getByRole('link', { name: 'Agenda interna' }).click()
  await expect(page).toHaveURL(/\/admin\/agenda-interna$/)
  await expect(page.getByRole('link', { name: 'Agenda interna' })).toHaveAttribute('aria-current', 'page')
  await page.getByRole('button', { name: 'Chiudi Menù' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Agenda interna del personale' })).toBeVisible()
  const table = page.getByRole('table', { name: 'Prossimi eventi riservati al personale, in ordine di data' })
  for (const column of ['Data', 'Orario', 'Evento', 'Luogo', 'Organizza', 'Posti', 'Iscrizione'])
    await expect(table.getByRole('columnheader', { name: column, exact: true })).toBeVisible()
  const row = table.getByRole('row').filter({ hasText: TRAINING }).first()
  await expect(row).toContainText('Urbano di Bergamo')
  await expect(row).toContainText('20 posti liberi')
  await noAxeViolations(page)

  // Keyboard only: into the colleagues field, one colleague, Tab to the button, Enter.
  const colleagues = row.getByLabel('Colleghi con te')
  await colleagues.focus()
  await page.keyboard.press('ArrowUp')
  await expect(colleagues).toHaveValue('1')
  await page.keyboard.press('Tab')
  await expect(row.getByRole('button', { name: 'Iscrivimi' })).toBeFocused()
  await page.keyboard.press('Enter')

  await expect(page).toHaveURL(/\/admin\/agenda-interna\?esito=confirmed#esito$/)
  const outcome = page.locator('#esito')
  await expect(outcome).toHaveAttribute('role', 'status')
  await expect(outcome).toContainText('sei iscritto/a')
  const booked = page.getByRole('row').filter({ hasText: TRAINING }).first()
  await expect(booked).toContainText('Sei iscritto/a')
  await expect(booked).toContainText('tu e 1 collega')
  await expect(booked).toContainText('18 posti liberi')
  await noAxeViolations(page)

  const mail = await nthMail(librarian.email, 1)
  expect(mail.subject).toContain(TRAINING)
  expect(mail.text).toContain(`${CMS}/admin/agenda-interna`)

  const cancel = booked.getByRole('button', { name: 'Annulla la mia iscrizione' })
  await cancel.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/esito=cancelled/)
  await expect(page.locator('#esito')).toContainText('La tua iscrizione è stata annullata.')
  const again = page.getByRole('row').filter({ hasText: TRAINING }).first()
  await expect(again.getByRole('button', { name: 'Iscrivimi' })).toBeVisible()
  await expect(again).toContainText('20 posti liberi')
})
