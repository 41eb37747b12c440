import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Locator, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { link, nthMail } from '../helpers/outbox'

// The family's side of registrations (issue 14) with JavaScript off: book, receive the confirmation (with its
// .ics and QR code), open "Le mie prenotazioni" from the mail, open the booking, change the number of people,
// cancel; a full date: join the waiting list, a place frees up, the offer arrives by mail and is accepted on the
// site. Forms are used by keyboard; axe runs in a second page with JavaScript on, on the same addresses or on
// the HTML a POST answered.

test.describe.configure({ mode: 'serial', timeout: 150_000 })

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** Moves the focus with Tab until `target` has it (it must be reachable by keyboard), then presses Enter. */
const pressByKeyboard = async (page: Page, target: Locator) => {
  for (let i = 0; i < 80; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) {
      await page.keyboard.press('Enter')
      return
    }
    await page.keyboard.press('Tab')
  }
  throw new Error(`not reachable by keyboard: ${target}`)
}

/** A published event of the demo network, made by the admin through the CMS API, taking registrations. */
const registrableEvent = async (request: APIRequestContext, title: string, registration: Record<string, unknown>) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  const { token } = await login.json()
  const headers = { Authorization: `JWT ${token}` }
  const library = (await (await request.get(`${CMS}/api/libraries?limit=1&depth=0`, { headers })).json()).docs[0]
  const start = new Date(`${new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10)}T09:30:00.000Z`)
  const res = await request.post(`${CMS}/api/events?depth=0`, {
    headers,
    data: {
      title,
      summary: 'Letture ad alta voce per famiglie.',
      system: library.system,
      library: library.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      recurrence: { frequency: 'none' },
      registration: { mode: 'required', maxPerBooking: 4, ageBands: ['3-5'], waitingList: true, ...registration },
      _status: 'published',
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()).doc as { id: number; slug: string }
}

/** Books from the event page with the form, as a family does. */
const bookOnPage = async (page: Page, slug: string, email: string, answer?: string) => {
  await page.goto(`/eventi/${slug}`)
  await page.getByLabel('Nome e cognome di un adulto').fill('Giulia Rossi')
  await page.getByLabel('Email', { exact: true }).fill(email)
  await page.getByLabel('Adulti', { exact: true }).fill('1')
  if (answer) await page.getByLabel('Allergie o esigenze alimentari?').fill(answer)
  // The page also has the follow box with its own consent: the booking's is in the registration region.
  await page
    .getByRole('region', { name: 'Iscrizione' })
    .getByLabel(/Ho letto l’informativa sulla privacy/)
    .check()
  await page.getByRole('button', { name: 'Iscriviti' }).click()
}

const pathOf = (url: URL) => `${url.pathname}${url.search}`

test('a family books, finds the booking in "Le mie prenotazioni", changes the people and cancels, without JavaScript', async ({
  browser,
  page: axePage,
  request,
}) => {
  const title = `Letture in famiglia ${Date.now()}`
  const event = await registrableEvent(request, title, { places: 6, question: 'Allergie o esigenze alimentari?' })
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `famiglia-${Date.now()}@example.org`

  // The event's question is a field of the form, marked as sensitive.
  await page.goto(`/eventi/${event.slug}`)
  await expect(page.getByLabel('Allergie o esigenze alimentari?')).toHaveAccessibleDescription(/dato sensibile/)
  await axePage.goto(`/eventi/${event.slug}`)
  await noAxeViolations(axePage)
  await bookOnPage(page, event.slug, email, 'Nessuna')
  await expect(page.getByRole('heading', { level: 1, name: 'Iscrizione ricevuta' })).toBeVisible()

  const confirmation = await nthMail(email, 1)
  expect(confirmation.subject).toBe(`Iscrizione confermata: ${title}`)
  expect(confirmation.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'text/calendar'])
  expect(confirmation.text).not.toContain('Nessuna')

  // "Le mie prenotazioni" from the mail: the booking, with a link to its own page.
  const mine = link(confirmation, '/iscrizioni/mie?t=')
  const listed = await page.goto(pathOf(mine))
  expect(listed?.status()).toBe(200)
  expect(listed?.headers()['cache-control']).toBe('no-store')
  expect(listed?.headers()['referrer-policy']).toBe('same-origin')
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex')
  await expect(page.getByRole('heading', { level: 1, name: 'Le mie prenotazioni' })).toBeVisible()
  await expect(page.getByText(`Le iscrizioni fatte con l’indirizzo ${email}`)).toBeVisible()
  await axePage.goto(pathOf(mine))
  await noAxeViolations(axePage)
  const english = await page.goto(`/en${pathOf(mine)}`)
  expect(english?.status()).toBe(200)
  await expect(page.getByRole('heading', { level: 1, name: 'My bookings' })).toBeVisible()
  await page.goto(pathOf(mine))
  const bookingLink = page.getByRole('link', { name: new RegExp(title) })
  await pressByKeyboard(page, bookingLink)

  // The booking's own page.
  await expect(page.getByRole('heading', { level: 1, name: 'La tua iscrizione' })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: '1 adulto' })).toBeVisible()
  await expect(page.getByRole('definition').filter({ hasText: 'Confermata' })).toBeVisible()
  const own = new URL(page.url())
  expect(own.pathname).toBe('/iscrizioni/gestisci')
  await axePage.goto(pathOf(own))
  await noAxeViolations(axePage)

  // Change the number of people by keyboard: 2 adults and a child of 3–5.
  await page.getByLabel('Adulti', { exact: true }).fill('2')
  await page.getByLabel('3–5 anni').fill('1')
  await pressByKeyboard(page, page.getByRole('button', { name: 'Salva il numero di persone' }))
  await expect(page.getByRole('status')).toHaveText(
    'Fatto: ora l’iscrizione è per 2 adulti, 1 bambino (3–5 anni). Ti abbiamo inviato una mail con i dati aggiornati.',
  )
  await axePage.setContent(await page.content())
  await noAxeViolations(axePage)
  const updated = await nthMail(email, 2)
  expect(updated.subject).toBe(`Iscrizione aggiornata: ${title}`)
  expect(updated.text).toContain('2 adulti, 1 bambino (3–5 anni)')

  // Too many people (the field's own limit stops a browser; a hand-made POST gets the Italian message and a
  // 400), nothing changed.
  const tooMany = await page.request.post(pathOf(own), {
    form: { azione: 'persone', adulti: '5', 'bambini_3-5': '1' },
    headers: { Origin: SITE },
  })
  expect(tooMany.status()).toBe(400)
  expect(await tooMany.text()).toContain('Persone: al massimo 4 persone per iscrizione, adulti e bambini insieme.')
  await page.goto(pathOf(own))
  await expect(page.getByRole('definition').filter({ hasText: '2 adulti, 1 bambino (3–5 anni)' })).toBeVisible()

  // Cancel by keyboard: once.
  await pressByKeyboard(page, page.getByRole('button', { name: 'Annulla l’iscrizione' }))
  await expect(page.getByRole('heading', { level: 1, name: 'Iscrizione annullata' })).toBeVisible()
  await axePage.setContent(await page.content())
  await noAxeViolations(axePage)
  const cancelled = await nthMail(email, 3)
  expect(cancelled.subject).toBe(`Iscrizione annullata: ${title}`)
  const again = await page.goto(pathOf(own))
  expect(again?.status()).toBe(410)
  await expect(page.getByRole('alert')).toHaveText('Questa iscrizione è già stata annullata.')

  // A forged "Le mie prenotazioni" link: 400 and an Italian message.
  const forged = new URL(mine)
  forged.searchParams.set('t', `${mine.searchParams.get('t')?.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`)
  const refused = await page.goto(pathOf(forged))
  expect(refused?.status()).toBe(400)
  await expect(page.getByRole('alert')).toHaveText(
    'Link non valido: copialo per intero dall’ultima mail di iscrizione.',
  )
  await context.close()
})

test('a full date: join the waiting list, a place frees up, the offer arrives by mail and is accepted on the site', async ({
  browser,
  page: axePage,
  request,
}) => {
  const title = `Laboratorio a posti limitati ${Date.now()}`
  const event = await registrableEvent(request, title, { places: 1, offerHours: 24 })
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const first = `primo-${Date.now()}@example.org`
  const second = `secondo-${Date.now()}@example.org`

  await bookOnPage(page, event.slug, first)
  await expect(page.getByRole('heading', { level: 1, name: 'Iscrizione ricevuta' })).toBeVisible()
  await page.goto(`/eventi/${event.slug}`)
  await expect(page.getByRole('region', { name: 'Iscrizione' })).toContainText('Completo – lista d’attesa')
  await bookOnPage(page, event.slug, second)
  await expect(page.getByRole('heading', { level: 1, name: 'Sei in lista d’attesa' })).toBeVisible()
  await axePage.setContent(await page.content())
  await noAxeViolations(axePage)
  expect((await nthMail(second, 1)).subject).toBe(`Lista d’attesa: ${title}`)

  // The first family cancels through the cancel link of older mails (same token), whose form posted no action;
  // the waiting family is offered the place by mail.
  const own = link(await nthMail(first, 1), '/iscrizioni/gestisci?t=')
  const legacy = `/iscrizioni/annulla${own.search}`
  await page.goto(legacy)
  await expect(page.getByRole('button', { name: 'Annulla l’iscrizione' })).toBeVisible()
  const cancelled = await page.request.post(legacy, { form: {}, headers: { Origin: SITE } })
  expect(cancelled.status()).toBe(200)
  expect(await cancelled.text()).toContain('Iscrizione annullata')
  expect((await page.goto(legacy))?.status()).toBe(410)
  const offer = await nthMail(second, 2)
  expect(offer.subject).toBe(`Si è liberato un posto: ${title}`)
  expect(offer.text).toContain('Il posto è riservato a te fino a')
  const accept = link(offer, '/iscrizioni/offerta?t=')

  // The offer page: what is offered and until when; a GET accepts nothing.
  const shown = await page.goto(pathOf(accept))
  expect(shown?.status()).toBe(200)
  expect(shown?.headers()['cache-control']).toBe('no-store')
  await expect(page.getByRole('heading', { level: 1, name: 'Si è liberato un posto per te' })).toBeVisible()
  await expect(page.getByText(/Il posto è riservato a te fino a/)).toBeVisible()
  await axePage.goto(pathOf(accept))
  await noAxeViolations(axePage)
  await page.goto(pathOf(accept))
  await pressByKeyboard(page, page.getByRole('button', { name: 'Accetta il posto' }))
  await expect(page.getByRole('heading', { level: 1, name: 'Posto confermato' })).toBeVisible()
  await axePage.setContent(await page.content())
  await noAxeViolations(axePage)
  const confirmed = await nthMail(second, 3)
  expect(confirmed.subject).toBe(`Iscrizione confermata: ${title}`)
  expect(confirmed.attachments.map((a) => a.contentType).sort()).toEqual(['image/png', 'text/calendar'])

  // The offer link, used: says so, with a 409, and leads to the booking.
  const used = await page.goto(pathOf(accept))
  expect(used?.status()).toBe(409)
  await expect(page.getByRole('alert')).toHaveText('Hai già accettato questo posto: l’iscrizione è confermata.')
  await page.getByRole('link', { name: 'Vedi la tua iscrizione' }).click()
  await expect(page.getByRole('definition').filter({ hasText: 'Confermata' })).toBeVisible()
  await context.close()
})

test('before booking opens, the event page says from when, in Italian and in English, and offers no form', async ({
  page,
  request,
}) => {
  const event = await registrableEvent(request, `Incontro con l’autore ${Date.now()}`, {
    places: 10,
    opensDaysBefore: 2,
  })
  // The event starts in 6 days at 09:30 UTC (registrableEvent): booking opens 2 days before.
  const opens = new Date(
    Date.parse(`${new Date(Date.now() + 6 * 86_400_000).toISOString().slice(0, 10)}T09:30:00.000Z`) - 2 * 86_400_000,
  )
  const day = new Intl.DateTimeFormat('it-IT', { timeZone: 'Europe/Rome', day: 'numeric', month: 'long' }).format(opens)
  await page.goto(`/eventi/${event.slug}`)
  const box = page.getByRole('region', { name: 'Iscrizione' })
  await expect(box).toContainText(new RegExp(`Iscrizioni (dal |dall’)${day}, \\d{1,2}:\\d\\d`))
  await expect(box).toContainText('Le iscrizioni non sono ancora aperte')
  await expect(box.getByRole('button', { name: 'Iscriviti' })).toHaveCount(0)
  await noAxeViolations(page)
  await page.goto(`/en/eventi/${event.slug}`)
  await expect(page.getByRole('region', { name: 'Registration' })).toContainText(
    /Registration opens \d{1,2} \w+, \d{1,2}:\d\d/,
  )
})
