import { readFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'
import { databaseFile, sqliteRows } from '../helpers/flood'

// Statistics (issue 15) in Chromium: a library's contributor records a date's attendance in "Date in attesa di
// presenze", opens "Statistiche" from the admin's navigation and finds the people they counted in the table
// beside the chart, downloads that table as CSV, and narrows the report by keyboard through the GET form.
// axe finds nothing on the view.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const DB = databaseFile(path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data'))
const librarian = { email: `statistiche.${Date.now()}@test.example.org`, password: 'Statistiche-2026!' }
type DateRow = { event: number; start: string; title: string; library: number; system: number; name: string }
let date: DateRow

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .include('#desk-main')
    .analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const adminHeaders = async (request: APIRequestContext) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  return { authorization: `JWT ${(await login.json()).token}` }
}

/** The people counted this year at the date's library, as SQLite holds them (the view's figure, counted apart). */
const peopleThisYear = () => {
  const year = new Date().getFullYear()
  const [row] = sqliteRows<{ n: number }>(
    DB,
    `SELECT COALESCE(SUM(total), 0) AS n FROM attendance WHERE library_id = ${Number(date.library)}
       AND start >= '${year - 1}-12-31T23:00:00.000Z' AND start < '${year}-12-31T23:00:00.000Z'`,
  )
  return Number(row?.n ?? 0)
}

test.beforeAll(async ({ request }) => {
  const [found] = sqliteRows<DateRow>(
    DB,
    `SELECT o.event_id AS event, o.start AS start, o.title AS title, o.library_id AS library, o.system_id AS system,
            l.name AS name
       FROM occurrences o JOIN libraries l ON l.id = o.library_id
      WHERE (o.status IS NULL OR o.status NOT IN ('cancelled', 'postponed'))
        AND o."end" <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
        AND o.start >= strftime('%Y-01-01T00:00:00.000Z', 'now')
        AND NOT EXISTS (SELECT 1 FROM attendance a WHERE a.event_id = o.event_id AND a.start = o.start)
      ORDER BY o.start DESC LIMIT 1`,
  )
  expect(found, 'a demo date of this year waiting for attendance').toBeDefined()
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

const openNav = async (page: Page, link: string) => {
  const menu = page.getByRole('button', { name: 'Apri Menù' })
  if (await menu.isVisible()) await menu.click()
  await page.getByRole('link', { name: link }).click()
}

test('a librarian records a date’s attendance and finds it in the statistics, as table and CSV', async ({ page }) => {
  await logIn(page)
  const before = peopleThisYear()
  await openNav(page, 'Presenze da registrare')
  const item = page
    .locator('li.att-item')
    .filter({ has: page.getByRole('heading', { name: date.title }) })
    .first()
  await item.locator('summary').click()
  const form = item.getByRole('form')
  await form.getByLabel('Persone presenti in tutto').fill('17')
  await form.getByLabel('Adulti').fill('17')
  await form.getByLabel('Adulti').press('Enter')
  await expect(page.getByRole('status').filter({ hasText: `Presenze registrate: ${date.title}` })).toBeVisible()
  expect(peopleThisYear()).toBe(before + 17)

  await openNav(page, 'Statistiche')
  await expect(page.getByRole('heading', { level: 1, name: 'Statistiche' })).toBeVisible()
  await expect(page.getByText(`Dati della biblioteca ${date.name}.`)).toBeVisible()
  const table = page.getByRole('table', { name: 'Presenze per biblioteca' })
  const row = table.getByRole('row', { name: new RegExp(date.name) })
  await expect(row.getByRole('rowheader')).toHaveText(date.name)
  await expect(row.getByRole('cell').nth(1)).toHaveText(new Intl.NumberFormat('it-IT').format(before + 17))
  // The chart beside the table, drawn by recharts: this year's bar and last year's.
  const chart = page.getByRole('img', { name: 'Grafico: Presenze per biblioteca. I dati sono nella tabella accanto.' })
  await expect(chart).toBeVisible()
  await expect(chart.locator('.recharts-bar-rectangle').first()).toBeVisible()
  await noAxeViolations(page)

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica CSV: Presenze per biblioteca' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('presenze-per-biblioteca.csv')
  const csv = readFileSync((await download.path()) as string, 'utf8').replace(/^\uFEFF/, '')
  const lines = csv.split('\r\n').map((l) => l.split(';'))
  expect(lines[0]?.[0]).toBe('Biblioteca')
  expect(lines.find((l) => l[0] === date.name || l[0] === `"${date.name}"`)?.[2]).toBe(String(before + 17))
})

test('the filters are a GET form used by keyboard: the report gets an address', async ({ page }) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/statistiche`)
  await page.getByLabel('Formato', { exact: true }).focus()
  await page.keyboard.press('ArrowDown')
  await expect(page.getByLabel('Formato', { exact: true })).toHaveValue('presence')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Mostra' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/admin\/statistiche\?.*formato=presence/)
  await expect(page.getByLabel('Formato', { exact: true })).toHaveValue('presence')
  const formats = page.getByRole('table', { name: 'Presenze per formato' })
  await expect(formats.getByRole('rowheader')).toHaveText(['In presenza'])
  await noAxeViolations(page)
})

test('anonymous visitors get the login for the view and 401 from its downloads', async ({ page, request }) => {
  await page.goto(`${CMS}/admin/statistiche`)
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)
  const res = await request.get(`${CMS}/api/attendance/statistics/riepilogo?file=csv`)
  expect(res.status()).toBe(401)
})
