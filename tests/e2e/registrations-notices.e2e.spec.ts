// Change notices (issue 14) over the real servers: a family books a date on the site; a librarian cancels the
// event's date in the admin and publishes; the family's notice lands in the outbox with the .ics that cancels
// their calendar entry, and the event's edit view says the notice went out. axe on that edit view.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { nthMail } from '../helpers/outbox'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const stamp = Date.now()
const librarian = { email: `bibliotecaria.avvisi.${stamp}@test.example.org`, password: 'Avvisi-Iscritti-2026!' }
const family = `famiglia-avvisi-${stamp}@example.org`
const title = `Letture sotto l’albero ${stamp}`
let event: { id: number; slug: string; start: string }

/** A whole hour `days` from now: the date the family books. */
const hourIn = (days: number, plusHours = 0) => {
  const d = new Date(Date.now() + days * 86_400_000 + plusHours * 3_600_000)
  d.setUTCMinutes(0, 0, 0)
  return d.toISOString()
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const libraries = await request.get(`${CMS}/api/libraries?limit=1&depth=0&sort=id`, { headers })
  const library = (await libraries.json()).docs[0]
  const user = await request.post(`${CMS}/api/users`, {
    headers,
    data: { ...librarian, name: 'Bibliotecaria', roles: ['system-editor'], system: library.system },
  })
  expect(user.status(), await user.text()).toBe(201)
  const created = await request.post(`${CMS}/api/events?depth=0`, {
    headers,
    data: {
      title,
      summary: 'Storie per bambini da 3 a 6 anni.',
      system: library.system,
      library: library.id,
      start: hourIn(10),
      end: hourIn(10, 1),
      recurrence: { frequency: 'none' },
      registration: { mode: 'required', places: 20, maxPerBooking: 4 },
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const doc = (await created.json()).doc
  event = { id: doc.id, slug: doc.slug, start: new Date(doc.start).toISOString() }
})

const logIn = async (page: Page) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(librarian.email)
  await page.getByLabel('Password').fill(librarian.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

test('a librarian cancels a booked date: the family gets the notice with the .ics, the event says it went out', async ({
  page,
}) => {
  // The family books on the site (the form's POST, as a browser sends it) and gets its confirmation.
  const booked = await page.request.post(`${SITE}/iscrizioni`, {
    headers: { Origin: SITE },
    form: {
      evento: String(event.id),
      slug: event.slug,
      data: event.start,
      nome: 'Giulia Rossi',
      email: family,
      adulti: '1',
      consenso: 'si',
    },
  })
  expect(booked.status(), await booked.text()).toBeLessThan(400)
  const confirmation = await nthMail(family, 1)
  expect(confirmation.subject).toBe(`Iscrizione confermata: ${title}`)

  // The librarian cancels the event's date and publishes.
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events/${event.id}`)
  await expect(page.locator('#field-title')).toHaveValue(title)
  // "Stato dell’evento" is a select of the sidebar: open it (once the form has hydrated) and pick "Annullato".
  const cancelled = page.getByRole('option', { name: 'Annullato', exact: true })
  await expect(async () => {
    await page.locator('#field-status .rs__control').click()
    await expect(cancelled).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await cancelled.click()
  await expect(page.locator('#field-status')).toContainText('Annullato')
  await page.getByRole('button', { name: 'Pubblica sul sito' }).click()
  await expect(page.getByText(/aggiornat|salvat/i).first()).toBeVisible({ timeout: 15_000 })

  // The notice lands in the outbox (sent by the mail queue, not by the save), with the .ics.
  const notice = await nthMail(family, 2)
  expect(notice.subject).toBe(`Data annullata: ${title}`)
  expect(notice.text).toContain('è stata annullata, e con lei la tua iscrizione')
  const ics = notice.attachments.find((a) => a.filename === 'evento.ics')
  expect(ics?.contentType).toBe('text/calendar')
  const text = ics?.content.toString('utf8') ?? ''
  expect(text).toMatch(/^UID:iscrizione-\d+@/m)
  expect(text).toMatch(/^STATUS:CANCELLED\r?$/m)

  // The edit view says the notice went out (the job's last count may follow the mail by a moment).
  const box = page.getByTestId('notices-sent')
  await expect(async () => {
    await page.reload()
    await expect(box).toContainText('Avviso inviato a 1 persona il', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await expect(box.getByRole('heading', { name: 'Avvisi alle persone iscritte' })).toBeVisible()
  await expect(box.getByRole('link', { name: 'Data annullata' })).toBeVisible()
  // axe on what this feature adds to the edit view (Payload's own form has findings of its own, outside it).
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="notices-sent"]').analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])

  // The notices list shows what changed, when, to how many, how many left.
  await box.getByRole('link', { name: 'Tutti gli avvisi di questo evento' }).click()
  await expect(page.getByRole('heading', { name: 'Avvisi alle persone iscritte', level: 1 })).toBeVisible()
  const headers = page.locator('table thead th')
  for (const column of ['Avviso', 'Cambiamento', 'Data interessata', 'Persone da avvisare', 'Non riuscite'])
    await expect(headers.filter({ hasText: new RegExp(`^${column}$`) })).toHaveCount(1)
  const row = page.locator('table tbody tr').filter({ hasText: title })
  await expect(row).toHaveCount(1)
  await expect(row).toContainText('Data annullata')
})
