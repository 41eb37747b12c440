import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { link, nthMail } from '../helpers/outbox'

// The English newsletter pages: same action and rules as the Italian ones, English text and mails, and
// links in English mails lead back to the English pages.

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('/en/newsletter is in English, preselects English mails and links to the Italian page', async ({ page }) => {
  await page.goto('/en/newsletter?sistema=valle-seriana')
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await expect(page.getByRole('heading', { level: 1, name: 'Library events newsletter' })).toBeVisible()
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Valle Seriana' })).toBeChecked()
  await page.getByText('Privacy notice (version').click()
  await expect(page.getByText('The legal basis is your consent')).toBeVisible()
  await noAxeViolations(page)
  const italian = page.getByRole('link', { name: 'Leggi questa pagina in italiano' })
  await expect(italian).toHaveAttribute('href', '/newsletter?sistema=valle-seriana')
  await page.goto('/newsletter')
  await expect(page.getByRole('link', { name: 'Read this page in English' })).toHaveAttribute('href', '/en/newsletter')
  await expect(page.getByRole('radio', { name: 'Italiano' })).toBeChecked()
})

test('English form errors are explained in English, with a 400', async ({ page }) => {
  await page.goto('/en/newsletter')
  await page.getByLabel('Email (required)').fill('not-an-email')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('_action=subscribe')),
    page.getByRole('button', { name: 'Subscribe' }).click(),
  ])
  expect(response.status()).toBe(400)
  expect(new URL(response.url()).pathname).toBe('/en/newsletter')
  await expect(page.getByRole('alert').first()).toContainText('We could not complete your subscription')
  await expect(page.locator('#email-error')).toHaveText(/does not look like a valid email address/)
  await expect(page.locator('#consenso-error')).toHaveText(/you must give your consent/)
  await expect(page.getByLabel('Email (required)')).toHaveValue('not-an-email')
  await noAxeViolations(page)
})

test('English: subscribe, confirm from the mail, change preferences, unsubscribe — with JavaScript off', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `family-${Date.now()}@example.org`
  await page.goto('/en/newsletter')
  await page.getByLabel('Email (required)').fill(email)
  await page.getByLabel('First name (optional)').fill('Emma')
  await page.getByRole('checkbox', { name: 'Area di Dalmine' }).check()
  await page.getByLabel('Ages of the children or teenagers (optional)').fill('4')
  await page.getByLabel('I have read the privacy notice and agree to receive the newsletter.').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible({ timeout: 15_000 })

  const confirmation = await nthMail(email, 1)
  expect(confirmation.subject).toBe('Confirm your subscription to the library newsletter')
  const confirmUrl = link(confirmation, '/en/newsletter/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await page.getByRole('button', { name: 'Confirm subscription' }).click()
  await expect(page.getByRole('heading', { name: 'Subscription confirmed' })).toBeVisible()

  const welcome = await nthMail(email, 2)
  expect(welcome.text).toContain('Hello Emma,')
  const prefs = link(welcome, '/en/newsletter/preferenze?token=')
  await page.goto(`${prefs.pathname}${prefs.search}`)
  await expect(page.getByRole('heading', { level: 1, name: 'Your newsletter preferences' })).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Area di Dalmine' })).toBeChecked()
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked()
  await expect(page.getByLabel('Ages of the children or teenagers (optional)')).toHaveValue('4')
  await page.getByRole('checkbox', { name: 'Seriate Laghi' }).check()
  await page.getByRole('button', { name: 'Save preferences' }).click()
  await expect(page.getByText('Preferences saved.')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Seriate Laghi' })).toBeChecked()
  const changed = await nthMail(email, 3)
  // The same person's manage link, issued again (manage links carry their own 90-day expiry).
  const again = link(changed, '/en/newsletter/preferenze?token=')
  const claims = (url: URL) => {
    const { x: _expiry, ...rest } = JSON.parse(
      Buffer.from((url.searchParams.get('token') ?? '').split('.')[0] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>
    return rest
  }
  expect(claims(again)).toEqual(claims(prefs))
  await page.goto(`${again.pathname}${again.search}`)
  await expect(page.getByRole('checkbox', { name: 'Seriate Laghi' })).toBeChecked()

  const leave = link(welcome, '/en/newsletter/disiscrizione?token=')
  await page.goto(`${leave.pathname}${leave.search}`)
  await expect(page.getByText('Do you want to stop receiving the newsletter at')).toBeVisible()
  // The language switch keeps the personal link.
  await expect(page.getByRole('link', { name: 'Leggi questa pagina in italiano' })).toHaveAttribute(
    'href',
    `/newsletter/disiscrizione${leave.search}`,
  )
  await page.getByRole('button', { name: 'Unsubscribe' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Unsubscribed' })).toBeVisible()
  await page.goto(`${prefs.pathname}${prefs.search}`)
  await expect(page.getByText('is no longer subscribed to the newsletter')).toBeVisible()
  await context.close()
})

test('the English pages reached from mails pass axe; a forged link gets an English 4xx page', async ({ page }) => {
  const email = `axe-${Date.now()}@example.org`
  await page.goto('/en/newsletter')
  await page.getByLabel('Email (required)').fill(email)
  await page.getByLabel('I have read the privacy notice and agree to receive the newsletter.').check()
  await page.getByRole('button', { name: 'Subscribe' }).click()
  await expect(page.getByRole('heading', { name: 'Check your inbox' })).toBeVisible({ timeout: 15_000 })
  await noAxeViolations(page)
  const confirmUrl = link(await nthMail(email, 1), '/en/newsletter/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await noAxeViolations(page)
  await page.getByRole('button', { name: 'Confirm subscription' }).click()
  await expect(page.getByRole('heading', { name: 'Subscription confirmed' })).toBeVisible()
  await noAxeViolations(page)
  const welcome = await nthMail(email, 2)
  for (const path of ['/en/newsletter/preferenze?token=', '/en/newsletter/disiscrizione?token=']) {
    const url = link(welcome, path)
    await page.goto(`${url.pathname}${url.search}`)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await noAxeViolations(page)
  }
  for (const path of ['/en/newsletter/conferma', '/en/newsletter/preferenze', '/en/newsletter/disiscrizione']) {
    const response = await page.goto(`${path}?token=abc.def`)
    expect(response?.status(), path).toBe(400)
    await expect(page.getByRole('alert')).toContainText('The link is not valid')
    await expect(page.getByRole('link', { name: 'Go to the newsletter page' })).toHaveAttribute(
      'href',
      '/en/newsletter',
    )
  }
  await noAxeViolations(page)
})
