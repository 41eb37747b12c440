// Partner organisations (issue 16), over the real built platform with the demo network: an event organised by the
// demo theatre says so and links to the theatre's page, its JSON-LD names the theatre as organizer; the partner's
// page (Italian and English) shows its description, website, coming events and feed, is reached and used with the
// keyboard, and has no axe violation; an unknown partner is the Italian 404 page.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { SITE } from '../../playwright.config'

test.describe.configure({ timeout: 120_000 })

const THEATRE = 'Teatro del Borgo (compagnia dimostrativa)'
const SLUG = 'teatro-del-borgo'

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** The demo theatre's coming events, as the agenda's JSON lists them. */
const organised = async (page: Page) => {
  const res = await page.request.get(`${SITE}/eventi.json?organizzatore=${SLUG}`)
  expect(res.status()).toBe(200)
  const { items } = (await res.json()) as { items: { slug: string; title: string }[] }
  return items
}

test('the agenda filters by organiser: only the theatre’s events, and an unknown organiser is a 404', async ({
  page,
}) => {
  const items = await organised(page)
  expect(items.length).toBeGreaterThan(0)
  const res = await page.goto(`${SITE}/eventi?organizzatore=${SLUG}`)
  expect(res?.status()).toBe(200)
  const titles = await page.locator('main .card-title').allInnerTexts()
  expect(titles.length).toBeGreaterThan(0)
  for (const title of titles) expect(items.map((i) => i.title)).toContain(title.trim())
  expect((await page.request.get(`${SITE}/eventi.json?organizzatore=nessuno-cosi`)).status()).toBe(404)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('the event page says who organises it, links to its page, and JSON-LD names it as organizer', async ({
    page,
  }) => {
    const [first] = await organised(page)
    await page.goto(`${SITE}/eventi/${first?.slug}`)
    const link = page.getByRole('link', { name: THEATRE })
    await expect(page.locator('dt', { hasText: 'Organizzato da' })).toBeVisible()
    await expect(link).toHaveAttribute('href', `/organizzatori/${SLUG}`)
    const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}')
    expect(jsonLd.organizer).toEqual({
      '@type': 'Organization',
      name: THEATRE,
      url: expect.stringMatching(new RegExp(`^https?://[^/]+/organizzatori/${SLUG}$`)),
      sameAs: 'https://teatro-del-borgo.example.org',
    })

    await page.goto(`${SITE}/en/eventi/${first?.slug}`)
    await expect(page.locator('dt', { hasText: 'Organised by' })).toBeVisible()
    await expect(page.getByRole('link', { name: THEATRE })).toHaveAttribute('href', `/en/organizzatori/${SLUG}`)
  })

  test('the partner’s page: kind, description, website, its coming events and its feed', async ({ page }) => {
    const items = await organised(page)
    const res = await page.goto(`${SITE}/organizzatori/${SLUG}`)
    expect(res?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(THEATRE)
    await expect(page.locator('p.kind')).toHaveText('Teatro')
    await expect(page.getByText('Compagnia teatrale di Bergamo')).toBeVisible()
    await expect(page.getByRole('link', { name: 'https://teatro-del-borgo.example.org' })).toHaveAttribute(
      'href',
      'https://teatro-del-borgo.example.org',
    )
    const coming = page.getByRole('region', { name: 'Prossimi eventi' })
    await expect(coming.getByRole('listitem').first()).toBeVisible()
    for (const title of await coming.locator('.card-title').allInnerTexts())
      expect(items.map((i) => i.title)).toContain(title.trim())

    const feed = await page.request.get(`${SITE}/organizzatori/${SLUG}/calendario.ics`)
    expect(feed.status()).toBe(200)
    expect(feed.headers()['content-type']).toMatch(/text\/calendar/)
    // Lines of an .ics are folded at 75 octets: unfolded, each event's page address is whole.
    const ics = (await feed.text()).replace(/\r?\n[ \t]/g, '')
    expect((ics.match(/BEGIN:VEVENT/g) ?? []).length).toBeGreaterThan(0)
    for (const slug of new Set(items.map((i) => i.slug))) expect(ics).toContain(`/eventi/${slug}`)

    await page.goto(`${SITE}/en/organizzatori/${SLUG}`)
    await expect(page.locator('p.kind')).toHaveText('Theatre')
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  })

  test('an unknown partner is the Italian 404 page', async ({ page }) => {
    const res = await page.goto(`${SITE}/organizzatori/nessuno-cosi`)
    expect(res?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pagina non trovata')
  })
})

test('from the event page to the partner’s page and its website with the keyboard alone', async ({ page }) => {
  const [first] = await organised(page)
  await page.goto(`${SITE}/eventi/${first?.slug}`)
  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')
  let reached = false
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = (await focusedText()) === THEATRE
  }
  expect(reached, 'the organiser link is in the tab order').toBe(true)
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(new RegExp(`/organizzatori/${SLUG}$`))
  reached = false
  for (let i = 0; i < 120 && !reached; i++) {
    await page.keyboard.press('Tab')
    reached = (await focusedText()) === 'https://teatro-del-borgo.example.org'
  }
  expect(reached, 'the website link is in the tab order').toBe(true)
})

// axe is JavaScript itself and cannot run where JavaScript is off: the same page with its scripts refused.
test('with its scripts refused, the partner’s page and its follow form have no axe violation', async ({ browser }) => {
  const context = await browser.newContext()
  const page = await context.newPage()
  await page.route(/\.js(\?|$)/, (route) => route.abort())
  expect((await page.goto(`${SITE}/organizzatori/${SLUG}`))?.status()).toBe(200)
  const follow = page.locator('form[method="post"][action="/segui"]')
  await expect(follow.getByRole('button', { name: 'Segui' })).toBeVisible()
  await noAxeViolations(page)
  await context.close()
})

for (const path of [`/organizzatori/${SLUG}`, `/en/organizzatori/${SLUG}`])
  test(`axe finds no violation on ${path}`, async ({ page }) => {
    expect((await page.goto(`${SITE}${path}`))?.status()).toBe(200)
    await noAxeViolations(page)
  })
