// Following an event by email (issue 17) on the production build: with JavaScript off and the keyboard only, a
// visitor follows an event from its page, confirms from the mail, finds the follow in the preference centre
// and stops following it there; every page of the way passes axe.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'
import { link, nthMail } from '../helpers/outbox'

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** The first event of the agenda: its path and title. */
const firstEvent = async (page: Page) => {
  await page.goto('/eventi')
  const card = page.locator('ol.cards a[href^="/eventi/"]').first()
  const href = (await card.getAttribute('href')) as string
  await page.goto(href.split('?')[0] as string)
  const title = (await page.getByRole('heading', { level: 1 }).textContent())?.trim() as string
  return { path: new URL(page.url()).pathname, title }
}

test.describe.configure({ mode: 'serial', timeout: 120_000 })

test('the editor sees, before saving, how many people a change will notify, and the box that silences it', async ({
  page,
}) => {
  const login = await page.request.post(`${CMS}/api/users/login`, { data: ADMIN })
  const token = (await login.json()).token as string
  // The demo seed: two addresses follow a rassegna, one of them also its first event (this test runs first).
  const found = await page.request.get(`${CMS}/api/follows?where[kind][equals]=events&sort=createdAt&limit=1`, {
    headers: { authorization: `JWT ${token}` },
  })
  const eventId = (await found.json()).docs[0].targetId as number
  // The login above also set the session cookie of this page's context.
  await page.goto(`${CMS}/admin/collections/events/${eventId}`)
  const box = page.getByTestId('followers-notice')
  await expect(box).toContainText('2 persone seguono questo evento.')
  await expect(box.getByRole('checkbox', { name: 'Avvisa chi segue l’evento' })).toBeChecked()
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="followers-notice"]').analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
  await expect(async () => {
    await page.getByRole('textbox', { name: 'In breve' }).fill(`Storie per bambini, ${Date.now()}.`)
    await expect(box).toContainText('Questa modifica avviserà 2 persone', { timeout: 2_000 })
  }).toPass({ timeout: 30_000 })
  await box.getByRole('checkbox', { name: 'Avvisa chi segue l’evento' }).press('Space')
  await expect(box.getByRole('checkbox', { name: 'Avvisa chi segue l’evento' })).not.toBeChecked()

  // A status change saved with the box unticked opens no notice; the same change with it ticked opens one.
  const notices = async () =>
    (
      await (
        await page.request.get(`${CMS}/api/follow-notices?where[event][equals]=${eventId}&limit=0`, {
          headers: { authorization: `JWT ${token}` },
        })
      ).json()
    ).totalDocs as number
  const chooseStatus = async (label: string) => {
    const option = page.getByRole('option', { name: label, exact: true })
    await expect(async () => {
      await page.locator('#field-status .rs__control').click()
      await expect(option).toBeVisible({ timeout: 2_000 })
    }).toPass({ timeout: 30_000 })
    await option.click()
    await expect(page.locator('#field-status')).toContainText(label)
  }
  await chooseStatus('Rinviato')
  await page.getByRole('button', { name: 'Pubblica sul sito' }).click()
  await expect(page.getByText(/aggiornat|salvat/i).first()).toBeVisible({ timeout: 15_000 })
  expect(await notices()).toBe(0)
  await page.reload()
  await expect(box.getByRole('checkbox', { name: 'Avvisa chi segue l’evento' })).toBeChecked()
  await chooseStatus('In programma')
  await page.getByRole('button', { name: 'Pubblica sul sito' }).click()
  await expect(page.getByText(/aggiornat|salvat/i).first()).toBeVisible({ timeout: 15_000 })
  await expect.poll(notices, { timeout: 15_000 }).toBe(1)
})

test('the follow box and the pages it leads to pass axe', async ({ page }) => {
  const { path } = await firstEvent(page)
  await expect(page.getByRole('heading', { name: 'Segui', exact: true, level: 2 })).toBeVisible()
  await noAxeViolations(page)
  await page.goto('/rassegne')
  const rassegna = page.locator('a[href^="/rassegne/"]').first()
  await page.goto((await rassegna.getAttribute('href')) as string)
  await expect(page.getByRole('heading', { name: 'Segui', exact: true, level: 2 })).toBeVisible()
  await noAxeViolations(page)
  // A form sent without an address or consent: 400, the reasons in words.
  await page.goto(path)
  const box = page.locator('.follow-box')
  await box.getByLabel('La tua email').fill('non-una-mail')
  await box.getByRole('checkbox').check()
  await box.evaluate((el) => el.querySelector('form')?.setAttribute('novalidate', ''))
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.url().endsWith('/segui') && r.request().method() === 'POST'),
    box.getByRole('button', { name: 'Segui', exact: true }).click(),
  ])
  expect(response.status()).toBe(400)
  await expect(page.getByRole('alert')).toContainText('Scrivi un indirizzo email valido')
  await noAxeViolations(page)
})

test('follow an event with JavaScript off and the keyboard, confirm from the mail, stop following in the preference centre', async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `segue-${Date.now()}@example.org`
  const { path, title } = await firstEvent(page)

  const box = page.locator('.follow-box')
  await box.getByLabel('La tua email').focus()
  await page.keyboard.type(email)
  await page.keyboard.press('Tab')
  await expect(box.getByRole('checkbox')).toBeFocused()
  await page.keyboard.press('Space')
  await page.keyboard.press('Tab')
  await expect(box.getByRole('link', { name: 'Informativa sulla privacy' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(box.getByRole('button', { name: 'Segui', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Controlla la tua posta', level: 1 })).toBeVisible()
  await expect(page.getByRole('link', { name: 'Torna alla pagina' })).toHaveAttribute('href', path)

  const confirmation = await nthMail(email, 1)
  expect(confirmation.subject).toBe(`Conferma: segui «${title}»`)
  const confirmUrl = link(confirmation, '/segui/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  // Opening the link confirms nothing: the button does.
  await page.getByRole('button', { name: 'Conferma', exact: true }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText(`Fatto: ti scriveremo quando «${title}» cambia.`)).toBeVisible()

  await page.getByRole('link', { name: 'Le pagine che segui' }).click()
  // An address that only follows has no newsletter preferences to set, only a way to ask for it.
  await expect(page.getByText('Questo indirizzo riceve solo gli aggiornamenti delle pagine che segue.')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Salva le preferenze' })).toHaveCount(0)
  const list = page.getByTestId('follows')
  await expect(list.getByText(title)).toBeVisible()
  await list.getByRole('button', { name: `Smetti di seguire ${title}` }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByText('Non segui più quella pagina.')).toBeVisible()
  await expect(page.getByText('Non segui nessuna pagina.')).toBeVisible()
  // Nothing but the confirmation was mailed.
  await nthMail(email, 1)
  await context.close()
})

test('the confirmation and preference pages pass axe', async ({ page }) => {
  const email = `axe-segue-${Date.now()}@example.org`
  const { title } = await firstEvent(page)
  const box = page.locator('.follow-box')
  await box.getByLabel('La tua email').fill(email)
  await box.getByRole('checkbox').check()
  await box.getByRole('button', { name: 'Segui', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Controlla la tua posta', level: 1 })).toBeVisible()
  await noAxeViolations(page)
  const confirmUrl = link(await nthMail(email, 1), '/segui/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await noAxeViolations(page)
  await page.getByRole('button', { name: 'Conferma', exact: true }).click()
  await noAxeViolations(page)
  await page.getByRole('link', { name: 'Le pagine che segui' }).click()
  await expect(page.getByTestId('follows').getByText(title)).toBeVisible()
  await noAxeViolations(page)
})

test('a notice’s “stop following” link asks first, works with JavaScript off, and passes axe', async ({
  browser,
  request,
}) => {
  // An event of its own, so that changing it disturbs no other test.
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const library = (await (await request.get(`${CMS}/api/libraries?limit=1&depth=0`, { headers })).json()).docs[0]
  const start = new Date(Date.now() + 12 * 86_400_000)
  start.setUTCHours(15, 0, 0, 0)
  const title = `Lettura da seguire ${Date.now()}`
  const created = await request.post(`${CMS}/api/events`, {
    headers,
    data: {
      title,
      system: library.system,
      library: library.id,
      start: start.toISOString(),
      end: new Date(start.getTime() + 3_600_000).toISOString(),
      recurrence: { frequency: 'none' },
      _status: 'published',
    },
  })
  expect(created.status(), await created.text()).toBe(201)
  const event = (await created.json()).doc as { id: number; slug: string }

  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  const email = `smette-${Date.now()}@example.org`
  await page.goto(`/eventi/${event.slug}`)
  const box = page.locator('.follow-box')
  await box.getByLabel('La tua email').fill(email)
  await box.getByRole('checkbox').check()
  await box.getByRole('button', { name: 'Segui', exact: true }).click()
  const confirmUrl = link(await nthMail(email, 1), '/segui/conferma?token=')
  await page.goto(`${confirmUrl.pathname}${confirmUrl.search}`)
  await page.getByRole('button', { name: 'Conferma', exact: true }).click()
  await expect(page.getByText(`Fatto: ti scriveremo quando «${title}» cambia.`)).toBeVisible()

  // The date is postponed: once the window has passed (E2E_FOLLOW_WINDOW_MS) the follower is told, with the link.
  const changed = await request.patch(`${CMS}/api/events/${event.id}`, { headers, data: { status: 'postponed' } })
  expect(changed.status(), await changed.text()).toBe(200)
  const notice = await nthMail(email, 2, { broadcasts: true })
  expect(notice.subject).toBe(`Cambiamenti: ${title}`)
  const stopUrl = link(notice, '/segui/smetti?token=')

  // Opening the link removes nothing: the page asks.
  await page.goto(`${stopUrl.pathname}${stopUrl.search}`)
  await expect(page.getByText(`Non vuoi più ricevere aggiornamenti su «${title}»?`)).toBeVisible()
  await context.close()
  // axe runs in a context of its own (its Playwright driver needs one) with JavaScript on.
  const axeContext = await browser.newContext()
  const axePage = await axeContext.newPage()
  await axePage.goto(`${stopUrl.pathname}${stopUrl.search}`)
  await expect(axePage.getByRole('button', { name: 'Smetti di seguire' })).toBeVisible()
  await noAxeViolations(axePage)
  await axeContext.close()

  const noScript = await browser.newContext({ javaScriptEnabled: false })
  const again = await noScript.newPage()
  await again.goto(`${stopUrl.pathname}${stopUrl.search}`)
  await again.getByRole('button', { name: 'Smetti di seguire' }).focus()
  await again.keyboard.press('Enter')
  await expect(again.getByText(`Non ti scriveremo più su «${title}». Le altre pagine che segui restano.`)).toBeVisible()
  await noScript.close()
})
