import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { CMS, E2E_SUBSCRIBE_LIMIT, SITE } from '../../playwright.config'
import { link, nthMail } from '../helpers/outbox'

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const subscribeInBrowser = async (page: Page, email: string) => {
  await page.goto('/newsletter')
  await page.getByLabel('Email (obbligatoria)').fill(email)
  await page.getByLabel('Nome (facoltativo)').fill('Giulia')
  await page.getByRole('checkbox', { name: 'Valle Seriana' }).check()
  await page.getByLabel('Età dei bambini o ragazzi (facoltativo)').fill('2, 5')
  await page.getByLabel('Ho letto l’informativa e acconsento a ricevere la newsletter.').check()
  await page.getByRole('button', { name: 'Iscriviti' }).click()
  await expect(page.getByRole('heading', { name: 'Controlla la tua posta' })).toBeVisible({ timeout: 15_000 })
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('the sign-up form is accessible and explains what is wrong, in Italian, with a 400', async ({ page }) => {
  await page.goto('/newsletter')
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  await expect(page.getByRole('heading', { level: 1, name: 'Newsletter delle biblioteche' })).toBeVisible()
  await noAxeViolations(page)
  await page.getByLabel('Email (obbligatoria)').fill('non-una-mail')
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().includes('_action=subscribe')),
    page.getByRole('button', { name: 'Iscriviti' }).click(),
  ])
  expect(response.status()).toBe(400)
  await expect(page.getByRole('alert').first()).toContainText('Non abbiamo potuto completare l’iscrizione')
  await expect(page.getByText('Questo non sembra un indirizzo email valido').first()).toBeVisible()
  await expect(page.getByText('Per iscriverti devi dare il consenso').first()).toBeVisible()
  await expect(page.getByLabel('Email (obbligatoria)')).toHaveValue('non-una-mail')
  await noAxeViolations(page)
})

test('subscribe, confirm from the mail, change preferences, unsubscribe — with JavaScript off', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `famiglia-${Date.now()}@example.org`
  await subscribeInBrowser(page, email)

  const confirmation = await nthMail(email, 1)
  expect(confirmation.subject).toBe('Conferma l’iscrizione alla newsletter delle biblioteche')
  const confirmUrl = link(confirmation, '/newsletter/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await expect(page.getByRole('button', { name: 'Conferma l’iscrizione' })).toBeVisible()
  await page.getByRole('button', { name: 'Conferma l’iscrizione' }).click()
  await expect(page.getByRole('heading', { name: 'Iscrizione confermata' })).toBeVisible()

  const welcome = await nthMail(email, 2)
  expect(welcome.subject).toContain('Iscrizione confermata')
  expect(welcome.text).toContain('Ciao Giulia,')
  const prefs = link(welcome, '/newsletter/preferenze?token=')
  await page.goto(`${prefs.pathname}${prefs.search}`)
  await expect(page.getByRole('checkbox', { name: 'Valle Seriana' })).toBeChecked()
  await expect(page.getByLabel('Età dei bambini o ragazzi (facoltativo)')).toHaveValue('2, 5')
  await page.getByRole('checkbox', { name: 'Valle Seriana' }).uncheck()
  await page.getByRole('checkbox', { name: 'Area di Dalmine' }).check()
  await page.getByRole('button', { name: 'Salva le preferenze' }).click()
  await expect(page.getByText('Preferenze salvate')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Area di Dalmine' })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: 'Valle Seriana' })).not.toBeChecked()
  const changed = await nthMail(email, 3)
  expect(changed.subject).toBe('Abbiamo aggiornato le tue preferenze')

  const leave = link(welcome, '/newsletter/disiscrizione?token=')
  await page.goto(`${leave.pathname}${leave.search}`)
  // Opening the page did not unsubscribe: the preferences page still shows the form.
  await page.goto(`${prefs.pathname}${prefs.search}`)
  await expect(page.getByRole('button', { name: 'Salva le preferenze' })).toBeVisible()
  await page.goto(`${leave.pathname}${leave.search}`)
  await page.getByRole('button', { name: 'Annulla l’iscrizione' }).click()
  await expect(page.getByRole('heading', { name: 'Iscrizione annullata' })).toBeVisible()
  await page.goto(`${prefs.pathname}${prefs.search}`)
  await expect(page.getByText('non è più iscritto alla newsletter')).toBeVisible()
  await context.close()
})

test('a second sign-up of the same address looks the same and sends a "manage" mail, not a duplicate', async ({
  page,
}) => {
  const email = `doppia-${Date.now()}@example.org`
  await subscribeInBrowser(page, email)
  const confirmUrl = link(await nthMail(email, 1), '/newsletter/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await noAxeViolations(page)
  await page.getByRole('button', { name: 'Conferma l’iscrizione' }).click()
  await noAxeViolations(page)
  const welcome = await nthMail(email, 2)
  // The pages a subscriber reaches from the mails pass axe (axe needs JavaScript, unlike the pages).
  for (const path of ['/newsletter/preferenze?token=', '/newsletter/disiscrizione?token=']) {
    const url = link(welcome, path)
    await page.goto(`${url.pathname}${url.search}`)
    await noAxeViolations(page)
  }
  await subscribeInBrowser(page, email)
  await noAxeViolations(page)
  const manage = await nthMail(email, 3)
  expect(manage.subject).toBe('Sei già iscritto alla newsletter delle biblioteche')
  // The used confirmation link now says so, with a 410.
  const reused = await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  expect(reused?.status()).toBe(410)
  await expect(page.getByText('già stato usato')).toBeVisible()
})

test('the RFC 8058 one-click POST works without Origin; the site itself refuses cross-site form posts', async ({
  page,
  request,
}) => {
  const email = `oneclick-${Date.now()}@example.org`
  await subscribeInBrowser(page, email)
  const confirmUrl = link(await nthMail(email, 1), '/newsletter/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await page.getByRole('button', { name: 'Conferma l’iscrizione' }).click()
  const token = link(await nthMail(email, 2), '/newsletter/disiscrizione?token=').searchParams.get('token') ?? ''

  // What a mailbox provider does with List-Unsubscribe: a bare form POST, no cookie, no Origin.
  const form = { 'content-type': 'application/x-www-form-urlencoded' }
  const onSite = await request.post(`${SITE}/newsletter/disiscrizione?token=${token}`, {
    headers: form,
    data: 'List-Unsubscribe=One-Click',
  })
  expect(onSite.status()).toBe(403) // Astro's checkOrigin: why List-Unsubscribe points at the CMS
  const get = await request.get(`${CMS}/api/subscribers/one-click?token=${token}`, { maxRedirects: 0 })
  expect(get.status()).toBe(303)
  const post = await request.post(`${CMS}/api/subscribers/one-click?token=${token}`, {
    headers: form,
    data: 'List-Unsubscribe=One-Click',
  })
  expect(post.status()).toBe(200)
  expect(await post.text()).toContain('Iscrizione annullata')
  await page.goto(`/newsletter/disiscrizione?token=${token}`)
  await expect(page.getByText('non è iscritto alla newsletter')).toBeVisible()
})

test('forged and foreign links get a clear Italian 4xx page', async ({ page }) => {
  for (const [url, status, text] of [
    ['/newsletter/conferma?token=abc.def', 400, 'Il link non è valido'],
    ['/newsletter/preferenze?token=', 400, 'Il link non è valido'],
    [
      '/newsletter/disiscrizione?token=eyJwIjoidSIsInMiOjEsIm4iOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAA',
      400,
      'Il link non è valido',
    ],
  ] as const) {
    const response = await page.goto(url)
    expect(response?.status(), url).toBe(status)
    await expect(page.getByRole('alert')).toContainText(text)
  }
  await noAxeViolations(page)
})

test('the home page sign-up box lands on the newsletter page with the same answer', async ({ page }) => {
  await page.goto('/')
  const box = page.getByRole('region', { name: 'Newsletter' })
  await box.getByLabel('La tua email').fill(`home-${Date.now()}@example.org`)
  await box.getByRole('checkbox').check()
  await box.getByRole('button', { name: 'Iscriviti' }).click()
  await expect(page).toHaveURL(/\/newsletter\?_action=subscribe/)
  await expect(page.getByRole('heading', { name: 'Controlla la tua posta' })).toBeVisible({ timeout: 15_000 })
})

test('too many sign-ups from one connection get a 429 with an Italian message', async ({ request }) => {
  let last = 0
  let body = ''
  for (let i = 0; i <= E2E_SUBSCRIBE_LIMIT && last !== 429; i++) {
    const res = await request.post(`${SITE}/newsletter?_action=subscribe`, {
      // A connection of its own: using up the limit of the address every other test shares would make
      // their sign-ups fail whenever this test happens to run first.
      headers: { origin: SITE, 'x-forwarded-for': '198.51.100.77' },
      form: { email: `raffica-${i}-${Date.now()}@example.org`, consenso: 'on', settimanale: 'on' },
    })
    last = res.status()
    body = await res.text()
  }
  expect(last).toBe(429)
  expect(body).toContain('Troppe richieste di iscrizione')
})
