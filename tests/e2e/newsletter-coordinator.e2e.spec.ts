import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'
import { link, mailsTo, nthMail } from '../helpers/outbox'

// The network coordinator's newsletter (issue 19): events told apart in the picker and added by campaign or by a
// pasted agenda address, "Invia ora" with a confirmation, and a campaign whose own dates disagree with its events'
// dates.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const me = { email: `coordinatrice.${Date.now()}@test.example.org`, password: 'Coordinatrice-2026!' }

/** axe on the page, or on one part of it (`include`). */
const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  const created = await request.post(`${CMS}/api/users`, {
    headers: { authorization: `JWT ${(await login.json()).token}` },
    data: { ...me, name: 'Coordinatrice della rete', roles: ['network-admin'] },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test.beforeEach(async ({ page }) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(me.email)
  await page.getByLabel('Password').fill(me.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/, { timeout: 20_000 })
})

/** A draft newsletter to the whole network, opened in the admin. */
const openNewsletter = async (page: Page, subject: string) => {
  const created = await page.request.post(`${CMS}/api/newsletters`, {
    headers: { origin: CMS },
    data: { subject, status: 'draft', system: null },
  })
  expect(created.status(), await created.text()).toBe(201)
  const { doc } = await created.json()
  await page.goto(`${CMS}/admin/collections/newsletters/${doc.id}`)
  await expect(page.getByText('Destinatari previsti:')).toBeVisible()
  return doc.id as number
}

const DATED = /— \p{L}{3} \d{1,2} \p{L}{3} \d{4}(, \d{2}:\d{2})?( e altre date)?, .+ \(.+\)$/u

test('the event picker tells “Incontro con l’autrice” apart and adds a whole campaign, by keyboard', async ({
  page,
}) => {
  const subject = `Maggio dei Libri ${Date.now()}`
  await openNewsletter(page, subject)
  await expect(page.getByRole('heading', { name: 'Eventi scelti' })).toBeVisible()
  await expect(page.getByText('Nessun evento scelto.')).toBeVisible()

  // Search by keyboard: the results carry date (with the year), library and system, each one different.
  await page.getByLabel('Cerca un evento da aggiungere').fill('incontro autrice')
  await page.getByLabel('Cerca un evento da aggiungere').press('Enter')
  const results = page.getByRole('list', { name: 'Eventi trovati' }).getByRole('listitem')
  await expect(results.first()).toBeVisible()
  const labels = (await results.allInnerTexts()).map((t) => t.replace(/\s*Aggiungi\s*$/, '').trim())
  expect(labels.length).toBeGreaterThan(1)
  expect(new Set(labels).size).toBe(labels.length)
  for (const label of labels) expect(label).toMatch(DATED)
  await expect(page).toHaveURL(/\/admin\/collections\/newsletters\/\d+/) // Enter searched, it did not save
  await noAxeViolations(page, '.event-picker')

  const first = page.getByRole('button', { name: `Aggiungi: ${labels[0]}` })
  await first.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: '1 evento scelto' })).toBeVisible()
  await expect(page.getByRole('button', { name: `Rimuovi: ${labels[0]}` })).toBeVisible()

  // All the coming events of a campaign at once.
  const group = page.getByLabel('Aggiungi tutti gli eventi in programma di una campagna, rassegna o festival')
  await group.focus()
  await group.selectOption({ label: 'Il Maggio dei Libri' })
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Aggiungi gli eventi' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: /di «Il Maggio dei Libri»/ })).toBeVisible()
  const chosen = page.getByRole('heading', { name: /eventi scelti$/ })
  await expect(chosen).toBeVisible()
  const count = Number((await chosen.textContent())?.split(' ')[0])
  expect(count).toBeGreaterThan(1)
  await noAxeViolations(page, '.event-picker')

  // Saved: the choice comes back with its labels, and the preview lists the events with their dates.
  await page.getByRole('button', { name: 'Salva', exact: true }).click()
  await expect(page.getByText(/modifiche salvate/i).first()).toBeVisible()
  await page.reload()
  await expect(page.getByRole('heading', { name: `${count} eventi scelti` })).toBeVisible()
  // The labels of the saved choice are read once the page is interactive (slow on a busy machine).
  await expect(page.getByRole('button', { name: `Rimuovi: ${labels[0]}` })).toBeVisible({ timeout: 20_000 })
  const preview = page.frameLocator('iframe[title="Anteprima della newsletter"]')
  await expect(preview.getByRole('heading', { level: 1, name: subject })).toBeVisible()
  await expect(preview.getByText(/2027/).first()).toBeVisible()
})

test('an agenda address pasted in the picker adds every coming event of that search, by keyboard', async ({ page }) => {
  const query = 'sistema=valle-seriana&eta=3'
  // What the public agenda lists for the same search: its events, each once, less the cancelled ones.
  const listed = new Set<string>()
  for (let n = 1; ; n++) {
    const res = await page.request.get(`${SITE}/eventi.json?${query}&pagina=${n}`)
    expect(res.status()).toBe(200)
    const data = await res.json()
    for (const item of data.items as { slug: string; status: string }[])
      if (item.status !== 'cancelled') listed.add(item.slug)
    if (!data.hasNextPage) break
  }
  expect(listed.size).toBeGreaterThan(1)

  await openNewsletter(page, `Per i più piccoli ${Date.now()}`)
  const field = page.getByLabel('Da una ricerca dell’agenda')
  await expect(field).toHaveAccessibleDescription(/Incolla l’indirizzo di una ricerca del sito/)

  // A bad address: the reason, in Italian, and nothing added.
  await field.focus()
  await page.keyboard.type('/eventi?sistema=valle-serianna&eta=3')
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Aggiungi dalla ricerca' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: 'Indirizzo dell’agenda non valido. Nessun elemento «valle-serianna» per «sistema».' }),
  ).toBeVisible()
  await expect(page.getByText('Nessun evento scelto.')).toBeVisible()

  // The address as copied from the site's address bar; Enter adds (and does not save the document).
  await field.fill(`${SITE}/eventi?${query}`)
  await field.press('Enter')
  const added = `Aggiunti ${listed.size} eventi della ricerca.`
  await expect(page.getByRole('status').filter({ hasText: added })).toBeVisible()
  await expect(page).toHaveURL(/\/admin\/collections\/newsletters\/\d+/)
  await expect(page.getByRole('heading', { name: `${listed.size} eventi scelti` })).toBeVisible()
  const chosen = page.getByRole('list', { name: `${listed.size} eventi scelti` }).getByRole('listitem')
  await expect(chosen).toHaveCount(listed.size)
  // Each with its date (and year), library and system, read once the labels have arrived.
  await expect(chosen.first()).toContainText('(Valle Seriana)')
  const labels = (await chosen.allInnerTexts()).map((t) => t.replace(/\s*Rimuovi\s*$/, '').trim())
  for (const label of labels) expect(label).toMatch(DATED)
  for (const label of labels) expect(label).toContain('(Valle Seriana)')
  await noAxeViolations(page, '.event-picker')

  // The same search again adds nothing twice.
  await field.press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: `Aggiunti 0 eventi della ricerca (${listed.size} già nell’elenco).` }),
  ).toBeVisible()
  await expect(chosen).toHaveCount(listed.size)
})

test('“Invia ora” asks for confirmation, then the newsletter goes out through the queue', async ({ page, request }) => {
  // A confirmed subscriber to receive it.
  const email = `invia-ora-${Date.now()}@example.org`
  const signup = await request.post(`${SITE}/newsletter?_action=subscribe`, {
    headers: { origin: SITE },
    form: { email, consenso: 'on', sistema: 'valle-seriana' },
  })
  expect(signup.status()).toBe(200)
  const confirmUrl = link(await nthMail(email, 1), '/newsletter/conferma?token=')
  const confirmPage = await page.context().newPage()
  await confirmPage.goto(`${SITE}${confirmUrl.pathname}${confirmUrl.search}`)
  await confirmPage.getByRole('button', { name: 'Conferma l’iscrizione' }).click()
  await expect(confirmPage.getByRole('heading', { name: 'Iscrizione confermata' })).toBeVisible()
  await confirmPage.close()

  const subject = `Subito ${Date.now()}`
  const id = await openNewsletter(page, subject)
  const open = page.getByRole('button', { name: 'Invia ora…' })
  await expect(open).toBeVisible()

  // Unsaved changes: it asks to save first and offers no way to send.
  await page.getByLabel('Oggetto').fill(`${subject} (modificato)`)
  await open.click()
  await expect(page.getByText('Ci sono modifiche non salvate')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sì, invia ora' })).toHaveCount(0)
  await expect(page.getByRole('button', { name: 'Non ora' })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(open).toBeFocused()
  await page.getByLabel('Oggetto').fill(subject)
  await page.getByRole('button', { name: 'Salva', exact: true }).click()
  await expect(page.getByText(/modifiche salvate/i).first()).toBeVisible()

  // By keyboard: open, read the question, step back, open again and confirm.
  await open.focus()
  await page.keyboard.press('Enter')
  const question = page.getByRole('group', { name: new RegExp(`^Inviare ora «${subject}» a \\d+ iscritt`) })
  await expect(question).toBeVisible()
  await expect(page.getByRole('button', { name: 'Sì, invia ora' })).toBeFocused()
  await noAxeViolations(page, '.send-now')
  await page.getByRole('button', { name: 'Non ora' }).press('Enter')
  await expect(open).toBeFocused()
  expect(
    (await (await page.request.get(`${CMS}/api/newsletters/${id}`, { headers: { origin: CMS } })).json()).status,
  ).toBe('draft')
  await open.press('Enter')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Invio avviato' })).toBeVisible()

  // The start job picks it up (the newsletter queue runs every 10 s) and the subscriber gets it.
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`${CMS}/api/newsletters/${id}`, { headers: { origin: CMS } })).json()).status,
      {
        timeout: 60_000,
        intervals: [1000, 2000],
      },
    )
    .toBe('sent')
  await expect
    .poll(async () => (await mailsTo(email)).some((m) => m.subject === subject), { timeout: 30_000 })
    .toBe(true)
  // The admin's editor mounts client-side after the reload: slow on a loaded machine.
  await page.reload()
  await expect(page.getByText('Inviata').first()).toBeVisible({ timeout: 20_000 })
  await expect(page.getByRole('button', { name: 'Invia ora…' })).toHaveCount(0)
})

/** The Rome day `days` from now at `hour`, as an ISO instant, and the same day as the admin writes it. */
const romeDay = (days: number, hour = 12) => {
  const at = new Date(Date.now() + days * 86_400_000)
  const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(at)
  return { ymd, iso: new Date(`${ymd}T${String(hour - 1).padStart(2, '0')}:00:00.000Z`).toISOString() }
}
const shortDay = (ymd: string) =>
  new Intl.DateTimeFormat('it-IT', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${ymd}T12:00:00Z`),
  )

test('a campaign warns when its events fall outside its period, takes the events’ period, and the event warns too', async ({
  page,
}) => {
  const api = async (method: 'post' | 'patch', path: string, data: unknown) => {
    const res = await page.request[method](`${CMS}/api${path}`, { headers: { origin: CMS }, data })
    expect(res.ok(), await res.text()).toBe(true)
    return (await res.json()).doc
  }
  const stamp = Date.now()
  const title = `Campagna di prova ${stamp}`
  const campaign = await api('post', '/campaigns', {
    title,
    startDate: `${romeDay(300).ymd}T12:00:00.000Z`,
    endDate: `${romeDay(310).ymd}T12:00:00.000Z`,
  })
  const libraries = await page.request.get(
    `${CMS}/api/libraries?where[name][equals]=Biblioteca%20comunale%20di%20Albino&depth=0`,
  )
  const library = (await libraries.json()).docs[0]
  const when = romeDay(20, 17)
  const eventTitle = `Incontro di prova ${stamp}`
  const event = await api('post', '/events', {
    title: eventTitle,
    system: library.system,
    library: library.id,
    start: when.iso,
    end: new Date(Date.parse(when.iso) + 3_600_000).toISOString(),
    recurrence: { frequency: 'none' },
    campaigns: [campaign.id],
    _status: 'published',
  })

  await page.goto(`${CMS}/admin/collections/campaigns/${campaign.id}`)
  await expect(page.getByRole('heading', { name: 'Date degli eventi della campagna' })).toBeVisible()
  await expect(page.getByText(`1 evento pubblicato, dal ${shortDay(when.ymd)} al ${shortDay(when.ymd)}.`)).toBeVisible()
  await expect(page.getByText(/^Attenzione: 1 evento ha date fuori dal periodo della campagna/)).toBeVisible()
  await expect(page.getByRole('link', { name: eventTitle })).toHaveAttribute(
    'href',
    `/admin/collections/events/${event.id}`,
  )
  await noAxeViolations(page, '.campaign-events')

  // By keyboard: take the events' period, save, and the warning is gone.
  const take = page.getByRole('button', { name: /^Usa il periodo degli eventi/ })
  await take.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Periodo aggiornato con le date degli eventi')).toBeVisible()
  await expect(page.getByText(/^Attenzione:/)).toHaveCount(0)
  await page.getByRole('button', { name: 'Salva', exact: true }).click()
  await expect(page.getByText(/modifiche salvate/i).first()).toBeVisible()
  const saved = await (await page.request.get(`${CMS}/api/campaigns/${campaign.id}`)).json()
  expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(saved.startDate))).toBe(when.ymd)
  expect(new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome' }).format(new Date(saved.endDate))).toBe(when.ymd)

  // The event is inside now: no warning. Narrow the campaign again: the event's "Collegamenti" tab warns.
  await page.goto(`${CMS}/admin/collections/events/${event.id}`)
  await page.getByRole('button', { name: 'Collegamenti', exact: true }).click()
  await expect(page.getByText(/cadono fuori dal periodo della campagna/)).toHaveCount(0)
  await api('patch', `/campaigns/${campaign.id}`, {
    startDate: `${romeDay(300).ymd}T12:00:00.000Z`,
    endDate: `${romeDay(310).ymd}T12:00:00.000Z`,
  })
  await page.reload()
  await page.getByRole('button', { name: 'Collegamenti', exact: true }).click()
  await expect(
    page.getByText(
      `Le date di questo evento (${shortDay(when.ymd)}) cadono fuori dal periodo della campagna «${title}» (dal ${shortDay(romeDay(300).ymd)} al ${shortDay(romeDay(310).ymd)}).`,
    ),
  ).toBeVisible()
  await noAxeViolations(page, '.campaign-period-notice')
})
