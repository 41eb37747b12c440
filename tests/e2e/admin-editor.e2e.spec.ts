// A system editor in the admin, in Italian: the events list with useful columns and filters, a new event
// with their own system preselected, and a field error in Italian when the end comes before the start.
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

// One worker: the editor's parallel logins would race on the account's session list.
test.describe.configure({ mode: 'serial' })

const PASSWORD = 'Redattrice-2026!'
const editor = { email: `redattrice.valle.${Date.now()}@test.example.org`, password: PASSWORD }

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const systems = await request.get(`${CMS}/api/systems?where[shortName][equals]=Valle%20Seriana&depth=0`, { headers })
  const valle = (await systems.json()).docs[0]
  const created = await request.post(`${CMS}/api/users`, {
    headers,
    data: { ...editor, name: 'Redattrice Valle Seriana', roles: ['system-editor'], system: valle.id },
  })
  expect(created.status(), await created.text()).toBe(201)
})

const logIn = async (page: Page) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(editor.email)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

test('a system editor sees the events list in Italian, with its columns and filters', async ({ page }) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events`)
  await expect(page.getByRole('heading', { name: 'Eventi', level: 1 })).toBeVisible()
  // The list opens filtered on the editor's system (admin-librarian.e2e.spec.ts): start from the unfiltered view.
  await page.getByRole('link', { name: 'Tutta la rete, anche passati' }).click()
  await expect(page).not.toHaveURL(/where/)
  const headers = page.locator('table thead th')
  for (const column of ['Titolo', 'Inizio', 'Biblioteca', 'Sistema', 'Stato dell’evento', 'Revisione', 'Stato'])
    await expect(headers.filter({ hasText: new RegExp(`^${column}$`) })).toHaveCount(1)
  await expect(page.locator('table tbody tr').first()).toBeVisible()
  await expect(page.getByText('Crea nuovo').first()).toBeVisible()

  await page.getByRole('button', { name: 'Filtri' }).click()
  await page.getByRole('button', { name: 'Aggiungi filtro' }).click()
  await page.locator('.where-builder .condition__field').click()
  for (const field of ['Sistema', 'Stato dell’evento', 'Inizio'])
    await expect(page.getByRole('option', { name: field, exact: true }).first()).toBeVisible()
})

test('a new event has the editor’s system preselected', async ({ page }) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events/create`)
  const system = page.locator('#field-system')
  await expect(system).toContainText('Valle Seriana')
})

test('saving an event that ends before it starts shows the error on the field, in Italian', async ({ page }) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events/create`)
  await page.locator('#field-title').fill('Letture in giardino')

  await page.getByRole('button', { name: 'Quando', exact: true }).click()
  // The date pickers take what they display: "14/03/2027 10:30" (Italian, Rome time).
  const start = page.locator('#field-start .react-datepicker__input-container input')
  const end = page.locator('#field-end .react-datepicker__input-container input')
  await start.fill('14/03/2027 10:30')
  await start.press('Enter')
  await end.fill('14/03/2027 09:30')
  await end.press('Enter')
  await end.press('Tab')
  await expect(end).toHaveValue('14/03/2027 09:30')

  const save = page.getByRole('button', { name: /^Salva bozza$/i })
  await expect(save).toBeEnabled()
  await save.click()
  // The toast names the invalid fields; the message itself is shown on the field.
  await expect(page.getByText('Quando → Fine').first()).toBeVisible({ timeout: 15_000 })
  const field = (id: string) => page.locator('.date-time-field', { has: page.locator(`#${id}`) })
  await expect(field('field-end')).toHaveClass(/has-error/)
  await expect(field('field-end')).toContainText('La fine non può essere prima dell’inizio.')
  await expect(field('field-start')).not.toHaveClass(/has-error/)
})
