import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type APIRequestContext, expect, type Page, test } from '@playwright/test'
import { signCheckInToken } from '../../cms/registrations/tokens'
import { ADMIN, CMS, E2E_SECRET } from '../../playwright.config'
import { databaseFile, sqliteRows } from '../helpers/flood'

// The librarian's registrations desk (issue 14) in Chromium: a system editor opens the desk, opens a date, adds
// a phone booking, ticks an arrival (by keyboard), records the headcount, downloads the CSV and the PDF; on a
// phone, the QR code of a confirmation opens the check-in page (through the login) and records the arrival.
// axe finds nothing on any of the new pages.

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const DB = databaseFile(path.resolve(process.env.E2E_DATA_DIR ?? '.e2e-data'))
const editor = { email: `sportello.${Date.now()}@test.example.org`, password: 'Sportello-2026!' }
let date: { event: number; start: string; title: string; day: string }

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

const adminHeaders = async (request: APIRequestContext) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  expect(login.ok()).toBe(true)
  return { authorization: `JWT ${(await login.json()).token}` }
}

/** The Rome calendar day of an instant, as a date input takes it. */
const romeDay = (iso: string) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Rome',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso))

test.beforeAll(async ({ request }) => {
  // A coming date of a demo event with registration and nobody booked yet, and an editor of its system.
  const [found] = sqliteRows<{ event: number; start: string; title: string; system: number }>(
    DB,
    `SELECT o.event_id AS event, o.start AS start, e.title AS title, o.system_id AS system
       FROM occurrences o JOIN events e ON e.id = o.event_id
      WHERE e.registration_mode = 'required' AND e._status = 'published' AND o.status = 'scheduled'
        AND o.start > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+1 day')
        AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = o.event_id)
      ORDER BY o.start LIMIT 1`,
  )
  expect(found, 'a demo date with registration').toBeDefined()
  date = { ...found!, start: new Date(found!.start).toISOString(), day: romeDay(found!.start) }
  const created = await request.post(`${CMS}/api/users`, {
    headers: await adminHeaders(request),
    data: { ...editor, name: 'Bibliotecaria allo sportello', roles: ['system-editor'], system: found!.system },
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

test('the desk: a date’s sheet, a phone booking, an arrival ticked by keyboard, the headcount, CSV and PDF', async ({
  page,
}) => {
  await logIn(page)
  // The admin's navigation starts closed at this width: open it, as a librarian would.
  const menu = page.getByRole('button', { name: 'Apri Menù' })
  if (await menu.isVisible()) await menu.click()
  await page.getByRole('link', { name: 'Sportello iscrizioni' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Sportello iscrizioni' })).toBeVisible()
  await noAxeViolations(page)

  // The date, through the period filter.
  await page.getByLabel('Dal giorno').fill(date.day)
  await page.getByLabel('Fino al giorno (facoltativo)').fill(date.day)
  await page.getByRole('button', { name: 'Mostra le date' }).click()
  // Demo titles repeat: the row of this event's date.
  await page
    .getByRole('link', { name: date.title })
    .and(page.locator(`[href$="/${date.event}/${date.start}"]`))
    .click()
  await expect(page).toHaveURL(new RegExp(`/admin/iscrizioni/${date.event}/`))
  await expect(page.getByRole('heading', { level: 1, name: date.title })).toBeVisible()
  await expect(page.getByText('Nessuna iscrizione per questa data.')).toBeVisible()
  await noAxeViolations(page)

  // A booking taken over the phone: no email, a phone number.
  const add = page.locator('#aggiungi')
  await add.getByLabel('Per telefono').check()
  await add.getByLabel('Nome e cognome di un adulto').fill('Marta Colombo')
  await add.getByLabel('Telefono', { exact: true }).fill('035 555 1234')
  await add.getByLabel('Adulti', { exact: true }).fill('1')
  await add.getByLabel('3–5 anni', { exact: true }).fill('1')
  await add.getByRole('button', { name: 'Aggiungi l’iscrizione' }).click()
  await expect(
    page.getByRole('status').filter({ hasText: 'Iscrizione aggiunta: il posto è confermato.' }),
  ).toBeVisible()
  const row = page.getByRole('row', { name: /Marta Colombo/ })
  await expect(row).toContainText('035 555 1234')
  await expect(row).toContainText('Per telefono')
  await expect(row).toContainText('Confermata')

  // A bad booking: the Italian message beside the form, nothing added.
  await add.getByLabel('Nome e cognome di un adulto').fill('Senza Contatto')
  await add.getByRole('button', { name: 'Aggiungi l’iscrizione' }).click()
  await expect(page.locator('#aggiungi').getByRole('alert')).toHaveText(
    'Contatto: serve almeno un’email o un numero di telefono della persona.',
  )
  await expect(page.getByRole('row', { name: /Senza Contatto/ })).toHaveCount(0)
  await noAxeViolations(page)

  // The arrival, ticked and saved with the keyboard only.
  const tick = page.getByRole('checkbox', { name: 'Arrivato: Marta Colombo' })
  await tick.focus()
  await page.keyboard.press('Space')
  await expect(tick).toBeChecked()
  await page.getByRole('button', { name: 'Salva gli arrivi' }).focus()
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Arrivi salvati: 1 arrivo segnato, 0 annullati.' }),
  ).toBeVisible()
  await expect(page.getByRole('checkbox', { name: 'Arrivato: Marta Colombo' })).toBeChecked()
  await expect(page.getByRole('row', { name: /Marta Colombo/ })).toContainText('Presente')

  // By keyboard only: a booking at the desk (typed, sent with Enter), then cancelled after its confirmation step.
  await page.locator('#desk-name').focus()
  await page.keyboard.type('Paolo Sala')
  await page.keyboard.press('Tab')
  await page.keyboard.type('035 777 8888')
  await page.keyboard.press('Enter')
  await expect(
    page.getByRole('status').filter({ hasText: 'Iscrizione aggiunta: il posto è confermato.' }),
  ).toBeVisible()
  await page.getByRole('link', { name: 'Annulla l’iscrizione di Paolo Sala' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Annullare questa iscrizione?' })).toBeVisible()
  await expect(page.locator('#conferma')).toContainText('La persona non ha un indirizzo email: avvisala per telefono.')
  await noAxeViolations(page)
  await page.getByRole('button', { name: 'Sì, annulla l’iscrizione' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('status').filter({ hasText: 'Iscrizione annullata.' })).toBeVisible()
  await expect(page.getByRole('row', { name: /Paolo Sala/ })).toContainText('Annullata')

  // The headcount: two people came without booking; the total follows.
  const headcount = page.locator('#presenze')
  await expect(headcount).toContainText('Arrivi registrati (con iscrizione): 2 persone')
  await headcount.getByLabel('Persone venute senza iscrizione').fill('2')
  await headcount.getByLabel('All’aperto').check()
  await headcount.getByRole('button', { name: 'Salva le presenze' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Presenze salvate.' })).toBeVisible()
  await expect(page.locator('#presenze').getByLabel('Totale dei presenti')).toHaveValue('4')
  await expect(page.locator('#presenze').getByLabel('All’aperto')).toBeChecked()
  await noAxeViolations(page)

  // The CSV for Excel.
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Scarica l’elenco (CSV per Excel)' }).click(),
  ])
  expect(csv.suggestedFilename()).toMatch(/^iscrizioni-.+\.csv$/)
  const text = readFileSync(await csv.path(), 'utf8')
  expect(text.charCodeAt(0)).toBe(0xfeff)
  const lines = text.slice(1).split('\r\n')
  const head = (lines[0] ?? '').split(';')
  expect(head.slice(0, 4)).toEqual(['Nome', 'Email', 'Telefono', 'Adulti'])
  expect(head.slice(-5)).toEqual(['Persone', 'Stato', 'Canale', 'Iscritto il', 'Arrivo'])
  const cells = (lines[1] ?? '').split(';')
  const cell = (column: string) => cells[head.indexOf(column)]
  expect([cell('Nome'), cell('Email'), cell('Telefono'), cell('Adulti'), cell('3–5 anni'), cell('Persone')]).toEqual([
    'Marta Colombo',
    '',
    '035 555 1234',
    '1',
    '1',
    '2',
  ])
  expect([cell('Stato'), cell('Canale')]).toEqual(['Presente', 'Per telefono'])
  expect(cell('Arrivo')).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/)

  // The PDF: asked for, prepared by the job queue, then downloaded.
  await page.getByRole('button', { name: 'Prepara il PDF da stampare' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'PDF richiesto: è in preparazione.' })).toBeVisible()
  const ready = page.getByRole('link', { name: /^Scarica il PDF/ })
  await expect
    .poll(
      async () => {
        await page.reload()
        return ready.count()
      },
      { timeout: 60_000, intervals: [2000] },
    )
    .toBe(1)
  const [pdf] = await Promise.all([page.waitForEvent('download'), ready.click()])
  expect(pdf.suggestedFilename()).toMatch(/^iscrizioni-.+\.pdf$/)
  const pdfText = execFileSync('pdftotext', ['-layout', await pdf.path(), '-'], { encoding: 'utf8' })
  expect(pdfText).toContain(date.title)
  expect(pdfText).toContain('Marta Colombo')
  expect(pdfText).toContain('Arrivati: 2')
})

test('on a phone, the QR code of a confirmation opens the check-in page after the login and records the arrival', async ({
  browser,
  request,
}) => {
  // A family books on the site's API path the desk uses too; its confirmation's QR code holds this address.
  const booked = await request.post(`${CMS}/api/registrations/desk/book`, {
    headers: await adminHeaders(request),
    data: {
      event: date.event,
      start: date.start,
      source: 'desk',
      name: 'Luca Ferri',
      email: `luca.${Date.now()}@example.org`,
      adults: 2,
    },
  })
  expect(booked.status(), await booked.text()).toBe(201)
  const { id } = await booked.json()
  const [{ nonce }] = sqliteRows<{ nonce: string }>(
    DB,
    `SELECT token_nonce AS nonce FROM registrations WHERE id = ${Number(id)}`,
  )
  // The key Payload derives from PAYLOAD_SECRET, as the CMS signs the QR code's address.
  const secret = createHash('sha256').update(E2E_SECRET).digest('hex').slice(0, 32)
  const t = signCheckInToken(secret, id, nonce as string, new Date(new Date(date.start).getTime() + 86_400_000))
  const url = `${CMS}/admin/iscrizioni/arrivo?t=${encodeURIComponent(t)}`

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  const page = await phone.newPage()
  await page.goto(url)
  // Not logged in: the admin's login, which brings the librarian back to the check-in page.
  await expect(page).toHaveURL(/\/admin\/login\?redirect=/)
  await page.getByLabel('Email').fill(editor.email)
  await page.getByLabel('Password').fill(editor.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Registra l’arrivo' })).toBeVisible()
  await expect(page.getByText('Luca Ferri')).toBeVisible()
  await expect(page.getByText('2 persone')).toBeVisible()
  await noAxeViolations(page)
  const button = page.getByRole('button', { name: 'Registra arrivo' })
  const box = await button.boundingBox()
  expect(box?.height ?? 0).toBeGreaterThanOrEqual(44)
  await button.tap()
  await expect(page.getByRole('main').getByRole('status')).toHaveText('Arrivo registrato.')
  await expect(page.getByText('Presente', { exact: true })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Registra arrivo' })).toHaveCount(0)
  await noAxeViolations(page)
  const [stored] = sqliteRows<{ status: string }>(DB, `SELECT status FROM registrations WHERE id = ${Number(id)}`)
  expect(stored?.status).toBe('attended')

  // A forged code says so, and records nothing.
  await page.goto(
    `${CMS}/admin/iscrizioni/arrivo?t=${encodeURIComponent(`${t.split('.')[0]}.AAAAAAAAAAAAAAAAAAAAAAAA`)}`,
  )
  // (Next's route announcer is an alert too: the page's own is in its main.)
  await expect(page.getByRole('main').getByRole('alert')).toHaveText(
    'Codice non valido: inquadra di nuovo il codice QR della mail di conferma.',
  )
  await phone.close()
})
