import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'

const OUTBOX = path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data', 'outbox')
const outboxHas = (needle: string) =>
  existsSync(OUTBOX) && readdirSync(OUTBOX).some((f) => readFileSync(path.join(OUTBOX, f), 'utf8').includes(needle))

// Serial, with an account of its own: parallel logins of one account race on its session list.
test.describe.configure({ mode: 'serial', timeout: 90_000 })

const me = { email: `newsletter.admin.${Date.now()}@test.example.org`, password: 'Newsletter-Admin-2026!' }

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const created = await request.post(`${CMS}/api/users`, {
    headers: { authorization: `JWT ${(await login.json()).token}` },
    data: { ...me, name: 'Amministratrice newsletter', roles: ['network-admin'] },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test.beforeEach(async ({ page }) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(me.email)
  await page.getByLabel('Password').fill(me.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
})

test('subscribers: counts by status and by system, a filtered list, GDPR export of one person', async ({
  page,
  request,
}) => {
  const email = `gdpr-${Date.now()}@example.org`
  const signup = await request.post(`${SITE}/newsletter?_action=subscribe`, {
    headers: { origin: SITE },
    form: { email, consenso: 'on', settimanale: 'on', sistema: 'valle-seriana' },
  })
  expect(signup.status()).toBe(200)
  await page.goto(`${CMS}/admin/collections/subscribers`)
  await expect(page.getByRole('heading', { name: 'Iscritti per stato' })).toBeVisible()
  await expect(page.getByRole('cell', { name: 'Sistema Bibliotecario Valle Seriana' })).toBeVisible()
  await page.getByRole('link', { name: /Da confermare/ }).click()
  await expect(page).toHaveURL(/where%5Bstatus%5D%5Bequals%5D=unconfirmed|where\[status\]\[equals\]=unconfirmed/)
  await page.getByRole('link', { name: email }).click()
  await expect(page.getByText('Diritti dell’interessato (GDPR)')).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica tutti i dati (JSON)' }).click(),
  ])
  const data = JSON.parse(readFileSync(await download.path(), 'utf8'))
  expect(data).toMatchObject({ email, status: 'unconfirmed', consent: { noticeVersion: expect.any(String) } })
  expect(JSON.stringify(data)).not.toContain('Nonce')
})

test('a newsletter: preview in the admin and a test send to oneself', async ({ page }) => {
  const subject = `Prova redazionale ${Date.now()}`
  const created = await page.request.post(`${CMS}/api/newsletters`, {
    headers: { origin: CMS },
    data: { subject, status: 'draft', system: null },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  await page.goto(`${CMS}/admin/collections/newsletters/${doc.id}`)
  await expect(page.getByText('Destinatari previsti:')).toBeVisible()
  const preview = page.frameLocator('iframe[title="Anteprima della newsletter"]')
  // The preview is rendered on the server on first use (React Email): cold, it may take longer than a click.
  await expect(preview.getByRole('heading', { level: 1, name: subject })).toBeVisible({ timeout: 15_000 })
  await page.getByRole('button', { name: 'Invia una prova a me' }).click()
  await expect(page.getByText(`Prova inviata a ${me.email}`)).toBeVisible()
  await expect.poll(() => outboxHas(`[PROVA] ${subject}`) || outboxHas(subject), { timeout: 10_000 }).toBe(true)
  await expect(page.getByText('Avanzamento')).toBeVisible()
})
