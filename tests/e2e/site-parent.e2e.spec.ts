import AxeBuilder from '@axe-core/playwright'
import { type Browser, expect, type Page, test } from '@playwright/test'

// A parent in Albino with children of 2 and 5, on a phone (issue 19), on the seeded demo network.

const PHONE = { width: 390, height: 844 }

const phone = (browser: Browser, javaScriptEnabled = true) =>
  browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true, javaScriptEnabled })

const cards = (page: Page) => page.getByRole('main').locator('ol.cards > li')

const noAxeViolations = async (page: Page) => {
  const { violations } = await new AxeBuilder({ page }).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** Presses Tab until `predicate` holds for the focused element; fails after `max` presses. */
const tabUntil = async (page: Page, predicate: (el: Element) => boolean, max = 80) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const active = await page.evaluateHandle(() => document.activeElement as Element)
    if (await active.evaluate(predicate)) return
  }
  throw new Error('focus never reached the target')
}

test('on a phone the first result is on the first screen; the filters wait behind “Filtra”, the active ones are chips', async ({
  browser,
}) => {
  const context = await phone(browser, false)
  const page = await context.newPage()
  await page.goto('/eventi?quando=weekend')
  const first = cards(page).first()
  await expect(first).toBeVisible()
  const top = (await first.boundingBox())?.y ?? Number.POSITIVE_INFINITY
  expect(top).toBeLessThan(PHONE.height - 100) // its time and title, not just its border
  await expect(page.getByLabel('Sistema bibliotecario', { exact: true })).toBeHidden()
  const chip = page.getByRole('link', { name: 'Rimuovi il filtro Quando: Questo fine settimana' })
  expect((await chip.boundingBox())?.y).toBeLessThan(top)

  // Without JavaScript the disclosure opens and the form filters.
  await page.getByText('Filtra (1 attivo)').click()
  await page.getByLabel('Sistema bibliotecario', { exact: true }).selectOption({ label: 'Valle Seriana' })
  await page.getByRole('button', { name: 'Mostra gli eventi' }).click()
  await expect(page).toHaveURL(/\/eventi\?quando=weekend&sistema=valle-seriana$/)
  await expect(page.getByLabel('Sistema bibliotecario', { exact: true })).toBeHidden()
  for (const text of await cards(page).allInnerTexts()) expect(text).toContain('Valle Seriana')
  await page.getByRole('link', { name: 'Rimuovi il filtro Sistema bibliotecario: Valle Seriana' }).click()
  await expect(page).toHaveURL(/\/eventi\?quando=weekend$/)
  await context.close()
})

test('on a phone the closed and the open filter panel pass axe and work by keyboard', async ({ browser }) => {
  const context = await phone(browser)
  const page = await context.newPage()
  await page.goto('/eventi?quando=weekend&eta=4')
  await noAxeViolations(page)
  await tabUntil(page, (el) => el.matches('summary.filter-toggle'))
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Quando', { exact: true })).toBeVisible()
  await tabUntil(page, (el) => el.id === 'f-quando')
  await noAxeViolations(page)
  await context.close()
})

test('on a wide screen the filter panel is open beside the results without a click', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.goto('/eventi')
  await expect(page.getByLabel('Sistema bibliotecario', { exact: true })).toBeVisible()
  await expect(page.locator('summary.filter-toggle')).toBeHidden()
  const form = await page.locator('form.filters').boundingBox()
  const list = await cards(page).first().boundingBox()
  expect(list?.x).toBeGreaterThan((form?.x ?? 0) + (form?.width ?? 0) - 1)
})
