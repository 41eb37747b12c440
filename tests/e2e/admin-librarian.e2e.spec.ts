// The librarian's admin (issue 19), over the real built platform with the demo network: a Valle Seriana editor
// types Italian dates, picks the date of a series to cancel from a list, reads correct Italian, finds the
// events list on their own system from today, sees why another system's event is read-only, opens the site
// page and the draft preview, and starts the day from the dashboard; a network admin invites a new colleague,
// who chooses a password from the mail. Each page the project touched passes axe on its own parts.
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { link, nthMail } from '../helpers/outbox'

// Serial, with accounts of their own: parallel logins of one account race on its session list.
test.describe.configure({ mode: 'serial', timeout: 120_000 })

const PASSWORD = 'Bibliotecaria-Valle-2026!'
const editor = { email: `bibliotecaria.valle.${Date.now()}@test.example.org`, password: PASSWORD }
let valle: { id: number; name: string }
let adminHeaders: Record<string, string>

/** axe on the parts of a page this project renders (Payload's own chrome is its theme). */
const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const logIn = async (page: Page, who: { email: string; password: string } = editor) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(who.email)
  await page.getByLabel('Password').fill(who.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

const api = async (request: APIRequestContext, path: string) => {
  const res = await request.get(`${CMS}/api${path}`, { headers: adminHeaders })
  expect(res.ok(), path).toBe(true)
  return res.json()
}

/** The instant Rome's clocks show `hh:mm` on `days` from today (a throwaway, close to the helpers' romeAt). */
const romeDate = (days: number, hour: number) => {
  const d = new Date(Date.now() + days * 86_400_000)
  const ymd = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Rome' }).format(d)
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Rome', timeZoneName: 'longOffset' })
    .formatToParts(d)
    .find((p) => p.type === 'timeZoneName')
    ?.value.replace('GMT', '')
  return new Date(`${ymd}T${String(hour).padStart(2, '0')}:00:00${offset || '+01:00'}`).toISOString()
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  adminHeaders = { authorization: `JWT ${(await login.json()).token}` }
  valle = (await api(request, '/systems?where[shortName][equals]=Valle%20Seriana&depth=0')).docs[0]
  const created = await request.post(`${CMS}/api/users`, {
    headers: adminHeaders,
    data: { ...editor, name: 'Bibliotecaria Valle Seriana', roles: ['system-editor'], system: valle.id },
  })
  expect(created.status(), await created.text()).toBe(201)
})

/** An event of the editor's system created through the API with the editor's own session. */
const createEvent = async (page: Page, data: Record<string, unknown>, draft = false) => {
  const libraries = await api(page.request, `/libraries?where[system][equals]=${valle.id}&depth=0&limit=1`)
  const res = await page.request.post(`${CMS}/api/events${draft ? '?draft=true' : ''}`, {
    headers: { origin: CMS },
    data: {
      title: 'Evento di prova',
      system: valle.id,
      library: libraries.docs[0].id,
      start: romeDate(7, 10),
      end: romeDate(7, 11),
      recurrence: { frequency: 'none' },
      _status: draft ? 'draft' : 'published',
      ...data,
    },
  })
  expect(res.status(), await res.text()).toBe(201)
  return (await res.json()).doc as { id: number; slug: string; title: string }
}

test('dates are typed and shown the Italian way: 09/01/2027 is 9 January 2027, with its year', async ({
  page,
  request,
}) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events/create`)
  await page.locator('#field-title').fill('Letture d’inverno')
  await page.getByRole('button', { name: 'Quando', exact: true }).click()
  const start = page.locator('#field-start .react-datepicker__input-container input')
  const end = page.locator('#field-end .react-datepicker__input-container input')
  await expect(start).toHaveAttribute('placeholder', 'gg/mm/aaaa hh:mm')
  // Typed, as a librarian does: day first, 24-hour time.
  await start.click()
  await page.keyboard.type('09/01/2027 18:30')
  await page.keyboard.press('Enter')
  await end.click()
  await page.keyboard.type('09/01/2027 19:45')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Tab')
  await expect(start).toHaveValue('09/01/2027 18:30')
  await expect(end).toHaveValue('09/01/2027 19:45')
  await noAxeViolations(page, '.date-time-field')

  await page.getByRole('button', { name: 'Dove', exact: true }).click()
  await page.locator('#field-library').click()
  await page.keyboard.type('Albino')
  await page
    .getByRole('option', { name: /Albino/ })
    .first()
    .click()
  await page.getByRole('button', { name: /^Salva bozza$/i }).click()
  await expect(page).toHaveURL(/\/admin\/collections\/events\/\d+/, { timeout: 15_000 })
  const id = page.url().match(/events\/(\d+)/)?.[1]
  const saved = await api(request, `/events/${id}?draft=true&depth=0`)
  // 18:30 in Rome on 9 January is 17:30 UTC (winter time).
  expect(saved.start).toBe('2027-01-09T17:30:00.000Z')
  expect(saved.end).toBe('2027-01-09T18:45:00.000Z')

  await page.reload()
  await page.getByRole('button', { name: 'Quando', exact: true }).click()
  await expect(start).toHaveValue('09/01/2027 18:30')
  // The recurrence's end date is a day, written the same way.
  const until = page.locator('#field-recurrence__until .react-datepicker__input-container input')
  await expect(until).toHaveCount(0) // shown only for a repeating event
})

test('a date of a series is cancelled by picking it from the dates the series generates', async ({ page, request }) => {
  await logIn(page)
  const series = await createEvent(page, {
    title: 'Letture del sabato (serie di prova)',
    start: romeDate(8, 10),
    end: romeDate(8, 11),
    recurrence: { frequency: 'weekly', interval: 1, count: 4 },
  })
  const occurrences = await api(
    request,
    `/occurrences?where[event][equals]=${series.id}&sort=start&depth=0&limit=10&select[originalStart]=true`,
  )
  const second = occurrences.docs[1].originalStart as string
  expect(occurrences.docs).toHaveLength(4)

  await page.goto(`${CMS}/admin/collections/events/${series.id}`)
  await page.getByRole('button', { name: 'Quando', exact: true }).click()
  await page.getByRole('button', { name: 'Aggiungi Data modificata' }).click()
  const original = page.getByLabel('Data originale')
  await expect(original).toBeVisible()
  // Four generated dates to choose from (after the prompt), labelled with weekday, day, month, year and time.
  await expect(original.locator('option')).toHaveCount(5)
  await expect(original.locator('option').nth(2)).toHaveText(/^\w{3} \d{1,2} \w{3} \d{4}, \d{2}:\d{2}$/)
  // Keyboard: focus the list and move to the second date.
  await original.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(original).toHaveValue(second)
  // The picker itself (the array's own chrome is Payload's).
  await noAxeViolations(page, '.original-start-field')

  await page.getByRole('button', { name: /^Salva bozza$/i }).click()
  await expect(page.getByText(/Bozza salvata/).first()).toBeVisible({ timeout: 15_000 })
  const saved = await api(request, `/events/${series.id}?draft=true&depth=0`)
  expect(saved.changedDates).toHaveLength(1)
  expect(saved.changedDates[0].originalStart).toBe(second)
})

test('the admin speaks correct Italian: agreement with every name, "Ritira dal sito", Italian field errors', async ({
  page,
}) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/series/create`)
  await expect(page.getByText('Nuova scheda: Rassegna')).toBeVisible()
  await page.locator('#field-title').fill(`Rassegna di prova ${Date.now()}`)
  await page.getByRole('button', { name: 'Salva', exact: true }).click()
  await expect(page.getByText('Rassegna: creazione riuscita.')).toBeVisible({ timeout: 15_000 })
  // The document's tab (the active one is not a link).
  await expect(page.locator('.doc-tab').filter({ hasText: /^Modifica$/ })).toBeVisible()

  // A new event is published "sul sito"; a published one is taken off the site with words that say so.
  await page.goto(`${CMS}/admin/collections/events/create`)
  await expect(page.getByRole('button', { name: 'Pubblica sul sito' })).toBeVisible()
  const published = await createEvent(page, { title: 'Evento pubblicato di prova' })
  await page.goto(`${CMS}/admin/collections/events/${published.id}`)
  // In the document's "…" menu (Payload's own, unnamed button).
  await page.locator('.doc-controls__dots').click()
  await expect(page.getByRole('button', { name: 'Ritira dal sito' })).toBeVisible()
  await expect(page.getByText('Annulla pubblicazione')).toHaveCount(0)

  const newsletter = await page.request.post(`${CMS}/api/newsletters`, {
    headers: { origin: CMS },
    data: { subject: 'Senza data', status: 'scheduled', system: valle.id },
  })
  expect(newsletter.status()).toBe(400)
  expect((await newsletter.json()).errors[0].message).toBe('Il seguente campo non è valido: Invio programmato')
})

test('the events list opens on my system from today, upcoming first; others are one click away; another system’s event says why it is read-only', async ({
  page,
  request,
}) => {
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/events`)
  await expect(page).toHaveURL(new RegExp(`where%5Bor%5D%5B0%5D%5Band%5D%5B0%5D%5Bsystem%5D%5Bequals%5D=${valle.id}`))
  const views = page.getByRole('navigation', { name: 'Viste dell’elenco degli eventi' })
  await expect(views.getByRole('link', { name: 'In programma nel mio sistema' })).toHaveAttribute(
    'aria-current',
    'page',
  )
  await noAxeViolations(page, 'nav[aria-label="Viste dell’elenco degli eventi"]')

  const rows = page.locator('table tbody tr')
  await expect(rows.first()).toBeVisible()
  const headers = (await page.locator('table thead th').allTextContents()).map((h) => h.trim())
  const [systemIndex, reviewIndex, statusIndex] = ['Sistema', 'Revisione', 'Stato'].map((h) => headers.indexOf(h))
  // Relationship cells load when they scroll into view.
  await rows.first().scrollIntoViewIfNeeded()
  await expect(rows.first().locator('td').nth(systemIndex)).toContainText('Valle Seriana')
  for (const row of await rows.all()) {
    const cells = row.locator('td')
    // A published event has no review state.
    if ((await cells.nth(statusIndex).textContent())?.includes('Pubblicato'))
      await expect(cells.nth(reviewIndex)).toHaveText('–')
  }
  // The list's own query, read through the API: only my system, still in programme, in date order.
  const query = new URL(page.url()).searchParams
  for (const [k, v] of Object.entries({ depth: '0', draft: 'true', limit: '100' })) query.set(k, v)
  const listed = await api(request, `/events?${query}`)
  expect(listed.totalDocs).toBeGreaterThan(0)
  const docs = listed.docs as { system: number; start: string; lastEnd: string }[]
  expect(docs.every((e) => e.system === valle.id)).toBe(true)
  expect(docs.every((e) => e.lastEnd >= romeDate(0, 0))).toBe(true)
  const starts = docs.map((e) => e.start)
  expect([...starts].sort()).toEqual(starts)

  // Keyboard: to the whole network's view.
  const network = views.getByRole('link', { name: 'In programma in tutta la rete' })
  await network.focus()
  await page.keyboard.press('Enter')
  await expect(page).not.toHaveURL(/%5Bsystem%5D/)
  await expect(page.locator('table tbody tr').filter({ hasNotText: 'Valle Seriana' }).first()).toBeVisible()

  const others = await api(
    request,
    `/events?where[system][not_equals]=${valle.id}&where[_status][equals]=published&where[staffOnly][equals]=false&limit=1&depth=0`,
  )
  await page.goto(`${CMS}/admin/collections/events/${others.docs[0].id}`)
  const notice = page.getByTestId('read-only-notice')
  await expect(notice).toContainText('Evento di un altro sistema: solo lettura')
  await noAxeViolations(page, '[data-testid="read-only-notice"]')
})

test('a published event links to its page on the site; a draft is previewed through a signed link the public cannot use', async ({
  page,
  browser,
}) => {
  await logIn(page)
  const event = await createEvent(page, { title: 'Incontro pubblicato di prova' })
  await page.goto(`${CMS}/admin/collections/events/${event.id}`)
  const onSite = page.getByRole('link', { name: /Vedi sul sito/ })
  await expect(onSite).toHaveAttribute('href', `${SITE}/eventi/${event.slug}`)
  await noAxeViolations(page, '#view-on-site')

  await page.locator('#field-title').fill('Incontro con titolo nuovo (bozza)')
  await page.getByRole('button', { name: /^Salva bozza$/i }).click()
  await expect(page.getByText(/Bozza salvata/).first()).toBeVisible({ timeout: 15_000 })
  const preview = page.getByRole('link', { name: /Anteprima sul sito/ })
  const href = (await preview.getAttribute('href')) as string
  expect(href).toMatch(new RegExp(`^${SITE}/anteprima/eventi/${event.id}\\?token=\\d+\\.[\\w-]+$`))
  await noAxeViolations(page, '#draft-preview-link')

  // Anyone with the link (no admin session) sees the draft, marked as a preview and never cached.
  const visitorContext = await browser.newContext()
  const visitor = await visitorContext.newPage()
  const shown = await visitor.goto(href)
  expect(shown?.status()).toBe(200)
  expect(shown?.headers()['cache-control']).toBe('no-store')
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Incontro con titolo nuovo (bozza)')
  await expect(visitor.getByRole('note')).toContainText('Anteprima')
  await noAxeViolations(visitor)

  // The public page still shows the published title; a forged or missing token gets 404.
  await visitor.goto(`${SITE}/eventi/${event.slug}`)
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText('Incontro pubblicato di prova')
  const token = new URL(href).searchParams.get('token') as string
  const forged = `${token.split('.')[0]}.${'x'.repeat(24)}`
  for (const bad of [`?token=${forged}`, '', `?token=${Number(token.split('.')[0]) + 60}.${token.split('.')[1]}`])
    expect((await visitor.request.get(`${SITE}/anteprima/eventi/${event.id}${bad}`)).status(), bad).toBe(404)
  await visitorContext.close()
})

test('a new colleague is invited by mail and chooses their own password; the admin types none', async ({ page }) => {
  test.setTimeout(90_000) // two sign-ins, a mail and a password reset through the admin's own forms
  const email = `invitata.${Date.now()}@test.example.org`
  await logIn(page, ADMIN)
  await page.goto(`${CMS}/admin/collections/users/create`)
  const invite = page.getByLabel('Invia un invito via email')
  await expect(invite).toBeChecked()
  await expect(page.locator('#field-password')).toBeHidden()
  await noAxeViolations(page, '.field-type.checkbox:has(#field-invite)')
  await page.locator('#field-email').fill(email)
  await page.locator('#field-name').fill('Collega Invitata')
  await page.locator('#field-system').click()
  await page.keyboard.type('Valle Seriana')
  await page
    .getByRole('option', { name: /Valle Seriana/ })
    .first()
    .click()
  await page.getByRole('button', { name: 'Salva', exact: true }).click()
  await expect(page.getByText('Utente: creazione riuscita.')).toBeVisible({ timeout: 15_000 })

  const mail = await nthMail(email, 1)
  expect(mail.subject).toBe('Il tuo account per l’Agenda delle biblioteche')
  const setPassword = link(mail, '/admin/reset/')

  const colleague = await page.context().browser()?.newContext()
  const fresh = await colleague?.newPage()
  if (!fresh) throw new Error('no page')
  await fresh.goto(setPassword.toString())
  await expect(fresh.getByRole('heading', { name: 'Scegli la tua password' })).toBeVisible()
  await fresh.getByLabel('Nuova password').fill('La-Mia-Password-2026!')
  await fresh.getByLabel('Conferma la password').fill('La-Mia-Password-2026!')
  await fresh.keyboard.press('Enter')
  // On a busy machine the first Enter can land before the form is ready: a person presses the button again.
  await expect(async () => {
    if (fresh.url().includes('/admin/reset/'))
      await fresh.getByRole('button', { name: 'Scegli la tua password' }).click({ timeout: 2_000 })
    await expect(fresh).toHaveURL(/\/admin\/?$/, { timeout: 8_000 })
  }).toPass({ timeout: 40_000 })
  await colleague?.close()

  const login = await page.request.post(`${CMS}/api/users/login`, {
    data: { email, password: 'La-Mia-Password-2026!' },
  })
  expect(login.ok()).toBe(true)
})

test('the dashboard starts the librarian’s day: review, next dates, drafts, changed dates, newsletter, quick actions', async ({
  page,
}) => {
  await logIn(page)
  await createEvent(page, { title: 'Bozza per la giornata' }, true)
  await page.goto(`${CMS}/admin`)
  const day = page.getByTestId('librarian-day')
  await expect(day.getByRole('heading', { name: `La tua giornata · ${valle.name}` })).toBeVisible()
  for (const title of [
    'In attesa di revisione',
    'Le prossime date (14 giorni)',
    'Bozze',
    'Date con modifiche',
    'Ultima newsletter',
  ])
    await expect(day.getByRole('heading', { name: title })).toBeVisible()
  await expect(day.getByRole('region', { name: 'Bozze' })).toContainText('Bozza per la giornata')
  await noAxeViolations(page, '[data-testid="librarian-day"]')

  // Keyboard: from the quick actions to a new event.
  const newEvent = day.getByRole('link', { name: 'Nuovo evento' })
  await newEvent.focus()
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/admin\/collections\/events\/create/)
})
