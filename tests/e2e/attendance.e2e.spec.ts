import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'
import { databaseFile, sqliteRows } from '../helpers/flood'

// Attendance after each date (issue 15) in Chromium: a library's contributor opens "Date in attesa di presenze"
// from the admin's navigation, records a date's attendance by keyboard (a split that does not add up is
// refused on the field first), and sees the date leave the list, for good. axe finds nothing on the view.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const DB = databaseFile(path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data'))
const librarian = { email: `presenze.${Date.now()}@test.example.org`, password: 'Presenze-2026!' }
let date: { event: number; start: string; title: string; library: number; system: number }

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const adminHeaders = async (request: APIRequestContext) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  return { authorization: `JWT ${(await login.json()).token}` }
}

test.beforeAll(async ({ request }) => {
  // The most recent demo date left waiting for attendance by the seed, and a contributor of its library.
  const [found] = sqliteRows<{ event: number; start: string; title: string; library: number; system: number }>(
    DB,
    `SELECT o.event_id AS event, o.start AS start, o.title AS title, o.library_id AS library, o.system_id AS system
       FROM occurrences o
      WHERE o.library_id IS NOT NULL AND (o.status IS NULL OR o.status NOT IN ('cancelled', 'postponed'))
        AND o."end" <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        AND o.start >= strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-90 days')
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = o.event_id AND a.start = o.start)
      ORDER BY o.start DESC LIMIT 1`,
  )
  expect(found, 'a demo date waiting for attendance').toBeDefined()
  date = { ...found!, start: new Date(found!.start).toISOString() }
  const created = await request.post(`${CMS}/api/users`, {
    headers: await adminHeaders(request),
    data: {
      ...librarian,
      name: 'Bibliotecaria',
      roles: ['library-contributor'],
      system: date.system,
      library: date.library,
    },
  })
  expect(created.status(), await created.text()).toBe(201)
})

const logIn = async (page: Page) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(librarian.email)
  await page.getByLabel('Password').fill(librarian.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

/** Replaces what a focused field holds with `text`, by keyboard. */
const typeOver = async (page: Page, text: string) => {
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.press('Backspace')
  if (text) await page.keyboard.type(text)
}

test('a librarian records a date’s attendance by keyboard and the date leaves the list', async ({ page }) => {
  await logIn(page)
  await expect(page.getByText(/data conclusa attende|date concluse attendono/)).toBeVisible()
  const menu = page.getByRole('button', { name: 'Apri Menù' })
  if (await menu.isVisible()) await menu.click()
  await page.getByRole('link', { name: 'Presenze da registrare' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Date in attesa di presenze' })).toBeVisible()
  await noAxeViolations(page)

  const item = page
    .locator('li.att-item')
    .filter({ has: page.getByRole('heading', { name: date.title }) })
    .first()
  await expect(item).toBeVisible()
  const before = await page.locator('li.att-item').count()

  // Open the form by keyboard: the disclosure, then the fields in order.
  await item.locator('summary').focus()
  await page.keyboard.press('Enter')
  const form = item.getByRole('form')
  await expect(form.getByLabel('Persone presenti in tutto')).toBeVisible()
  await noAxeViolations(page)
  await page.keyboard.press('Tab')
  await expect(form.getByLabel('Persone presenti in tutto')).toBeFocused()
  await typeOver(page, '9')
  for (const count of ['4', '', '', '', '']) {
    await page.keyboard.press('Tab')
    await typeOver(page, count)
  }
  await page.keyboard.press('Enter')
  await expect(form.getByText('Le fasce d’età sommano 4 persone, ma i presenti in tutto sono 9')).toBeVisible()
  await expect(form.getByLabel('0–5 anni')).toHaveAttribute('aria-invalid', 'true')

  // Four children and five adults: the split adds up.
  await expect(form.getByLabel('Anziani')).toBeFocused()
  await page.keyboard.press('Shift+Tab')
  await expect(form.getByLabel('Adulti')).toBeFocused()
  await typeOver(page, '5')
  await page.keyboard.press('Enter')

  const status = page.getByRole('status').filter({ hasText: `Presenze registrate: ${date.title}` })
  await expect(status).toBeVisible()
  await expect(status).toBeFocused()
  await expect(page.locator('li.att-item')).toHaveCount(before - 1)
  await noAxeViolations(page)

  // For good: the list read again no longer has it.
  await page.reload()
  await expect(page.getByRole('heading', { level: 1, name: 'Date in attesa di presenze' })).toBeVisible()
  await expect(page.locator('li.att-item')).toHaveCount(before - 1)
  const [row] = sqliteRows<{ total: number; outcome: string }>(
    DB,
    `SELECT total, outcome FROM attendance WHERE event_id = ${Number(date.event)} AND start = '${date.start}'`,
  )
  expect(row).toEqual({ total: 9, outcome: 'held' })
})
