import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { CMS, SITE } from '../../playwright.config'
import { link, nthMail } from '../helpers/outbox'

// Registrations (issue 14) with JavaScript off: places per date on the event page, book, receive the
// confirmation, cancel from its link to the booking's page (the GET only asks, the POST cancels). axe runs in a second page with
// JavaScript on (it is a script), on the same addresses.

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** Slugs of the published demo events that take registrations (events are public through the CMS API). */
const registrableSlugs = async (page: Page): Promise<string[]> => {
  const res = await page.request.get(
    `${CMS}/api/events?where[registration.mode][equals]=required&where[start][greater_than]=${new Date().toISOString()}&limit=100&depth=0&sort=start`,
  )
  expect(res.status()).toBe(200)
  return (await res.json()).docs.map((d: { slug: string }) => d.slug)
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('the event page shows places per date; a family books and cancels from the mail, without JavaScript', async ({
  browser,
  page: axePage,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const slugs = await registrableSlugs(page)
  expect(slugs.length).toBeGreaterThan(0)
  let slug: string | undefined
  for (const s of slugs) {
    await page.goto(`/eventi/${s}`)
    if ((await page.getByRole('button', { name: 'Iscriviti' }).count()) > 0) {
      slug = s
      break
    }
  }
  expect(slug, 'a demo event with an open date').toBeTruthy()
  const box = page.getByRole('region', { name: 'Iscrizione' })
  await expect(box).toContainText(/posti liberi|Ultimi \d+ posti|Ultimo posto|Completo – lista d’attesa/)
  await axePage.goto(`/eventi/${slug}`)
  await noAxeViolations(axePage)

  // The consent links to the booking's privacy notice, which names the retention period (30 days in the demo).
  await box.getByRole('link', { name: 'Leggi l’informativa' }).click()
  await expect(box.getByText(/si cancellano da soli 30 giorni dopo la data dell’evento/)).toBeVisible()

  const email = `prenota-${Date.now()}@example.org`
  await page.getByLabel('Nome e cognome di un adulto').fill('Giulia Rossi')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Adulti', { exact: true }).fill('1')
  await page.getByLabel('3–5 anni').fill('1')
  // The page also has the follow box with its own consent: the booking's is in the registration region.
  await page
    .getByRole('region', { name: 'Iscrizione' })
    .getByLabel(/Ho letto l’informativa sulla privacy/)
    .check()
  await page.getByRole('button', { name: 'Iscriviti' }).click()
  await expect(
    page.getByRole('heading', { level: 1, name: /^(Iscrizione ricevuta|Sei in lista d’attesa)$/ }),
  ).toBeVisible()
  await axePage.setContent(await page.content())
  await noAxeViolations(axePage)

  const mail = await nthMail(email, 1)
  expect(mail.subject).toMatch(/^(Iscrizione confermata|Lista d’attesa): /)
  expect(mail.text).toContain('1 adulto, 1 bambino (3–5 anni)')
  // The mail leads to the booking's own page, where it can also be cancelled.
  const cancelUrl = link(mail, '/iscrizioni/gestisci?t=')
  await page.goto(`${cancelUrl.pathname}${cancelUrl.search}`)
  await expect(page.getByRole('button', { name: 'Annulla l’iscrizione' })).toBeVisible()
  // A second GET (axe's page) changes nothing either: the link still asks.
  await axePage.goto(`${cancelUrl.pathname}${cancelUrl.search}`)
  await noAxeViolations(axePage)
  await page.goto(`${cancelUrl.pathname}${cancelUrl.search}`)
  await page.getByRole('button', { name: 'Annulla l’iscrizione' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Iscrizione annullata' })).toBeVisible()
  // Used once.
  await page.goto(`${cancelUrl.pathname}${cancelUrl.search}`)
  await expect(page.getByRole('alert')).toContainText('Questa iscrizione è già stata annullata.')
  await context.close()
})

test('a bad booking gets its Italian message and a 4xx; the honeypot gets the usual answer', async ({ page }) => {
  const [slug] = await registrableSlugs(page)
  const res = await page.request.get(`${CMS}/api/events?where[slug][equals]=${slug}&depth=0`)
  const event = (await res.json()).docs[0]
  const form = {
    evento: String(event.id),
    slug: String(slug),
    data: 'domani',
    nome: 'Giulia',
    email: 'giulia@example.org',
    adulti: '1',
    consenso: 'si',
  }
  // What a browser sends with a form post from the site (Astro refuses cross-origin form posts).
  const headers = { Origin: SITE }
  const bad = await page.request.post('/iscrizioni', { form, headers })
  expect(bad.status()).toBe(409)
  expect(await bad.text()).toContain('Data: questa data non è tra quelle dell’evento.')
  const english = await page.request.post('/en/iscrizioni', { form, headers })
  expect(english.status()).toBe(409)
  expect(await english.text()).toContain('Date: this is not one of the event’s dates.')
  const noConsent = await page.request.post('/iscrizioni', {
    form: { ...form, consenso: '' },
    headers,
  })
  expect(noConsent.status()).toBe(400)
  expect(await noConsent.text()).toContain('Consenso: per iscriverti devi dare il consenso')
  const bot = await page.request.post('/iscrizioni', { form: { ...form, sito: 'http://spam' }, headers })
  expect(bot.status()).toBe(200)
})
