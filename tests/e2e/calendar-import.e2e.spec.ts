// Calendar import (issue 16) over the real built platform with the demo network: a system editor's source points at
// a calendar served by this test on 127.0.0.1 (the suite's CMS runs with IMPORT_ALLOW_LOOPBACK=1), "Sincronizza ora"
// queues the sync, the CMS's job runs it, and the source's sidebar and the run's page show what it did. axe on
// both admin views.
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

// The default queue runs once a minute: a sync asked for now is done within about a minute.
test.describe.configure({ mode: 'serial', timeout: 180_000 })

const PASSWORD = 'Redattrice-Import-2026!'
const editor = { email: `import.dalmine.${Date.now()}@test.example.org`, password: PASSWORD }
const ICS = readFileSync(path.join(process.cwd(), 'tests/fixtures/ics/node-ical/test__fixtures__Office-2012-owa.ics'))
let server: Server
let calendarUrl = ''
let sourceId = 0
let dalmine = 0

/** axe on what this feature adds to Payload's views (the rest of the page is Payload's own). */
const noAxeViolations = async (page: Page, include: string) => {
  const { violations } = await new AxeBuilder({ page }).include(include).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

test.beforeAll(async ({ request }) => {
  server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/calendar' }).end(ICS))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  calendarUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/outlook.ics`
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const systems = await (
    await request.get(`${CMS}/api/systems?where[shortName][equals]=Area%20di%20Dalmine&depth=0`, { headers })
  ).json()
  dalmine = systems.docs[0].id as number
  const created = await request.post(`${CMS}/api/users`, {
    headers,
    data: { ...editor, name: 'Redattrice importazioni', roles: ['system-editor'], system: dalmine },
  })
  expect(created.status(), await created.text()).toBe(201)
})
test.afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

test('a system editor adds a calendar, syncs it now and reads the run log', async ({ page }) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(editor.email)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)

  const libraries = await (
    await page.request.get(`${CMS}/api/libraries?limit=1&depth=0&where[system][equals]=${dalmine}`)
  ).json()
  const res = await page.request.post(`${CMS}/api/calendar-sources`, {
    headers: { origin: CMS },
    data: { name: `Calendario Outlook ${Date.now()}`, url: calendarUrl, library: libraries.docs[0].id },
  })
  expect(res.status(), await res.text()).toBe(201)
  sourceId = (await res.json()).doc.id

  await page.goto(`${CMS}/admin/collections/calendar-sources/${sourceId}`)
  await expect(page.getByRole('heading', { name: 'Ultime sincronizzazioni' })).toBeVisible()
  await expect(page.getByText('Nessuna sincronizzazione finora.')).toBeVisible()
  await noAxeViolations(page, '.import-runs')
  await page.getByRole('button', { name: 'Sincronizza ora' }).click()
  await expect(page.locator('#sync-now-status')).toHaveText(/in coda/)

  // The job runs on the CMS's next tick of the default queue.
  await expect(async () => {
    await page.reload()
    await expect(page.getByRole('link', { name: /Completata/ })).toBeVisible({ timeout: 2_000 })
  }).toPass({ timeout: 120_000, intervals: [5_000] })
  await expect(page.getByText('Nuovo: 4')).toBeVisible()
  await noAxeViolations(page, '.import-runs')

  await page
    .getByRole('link', { name: /Completata/ })
    .first()
    .click()
  await expect(page).toHaveURL(/\/admin\/collections\/import-runs\/\d+/)
  const log = page.getByRole('table', { name: 'Eventi del calendario' })
  await expect(log.getByRole('row', { name: /Nuovo TEST Syd/ })).toBeVisible()
  await expect(log.getByRole('row')).toHaveCount(5)
  await noAxeViolations(page, '.import-run-log')
})
