import { expect, type Page, test } from '@playwright/test'

// The site works without JavaScript and with the keyboard alone.

test('with JavaScript disabled the filter form still filters', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false })
  const page = await context.newPage()
  await page.goto('/eventi')
  await page.getByLabel('Sistema bibliotecario').selectOption({ label: 'Valle Seriana' })
  await page.getByLabel('Tipo di evento').selectOption({ label: 'Laboratorio' })
  await page.getByRole('button', { name: 'Mostra gli eventi' }).click()
  // Untouched fields are dropped by a redirect: the address stays short and shareable.
  await expect(page).toHaveURL(/\/eventi\?sistema=valle-seriana&categoria=laboratorio$/)
  const rows = page.getByRole('main').locator('ol.cards > li')
  expect(await rows.count()).toBeGreaterThan(0)
  for (const text of await rows.allInnerTexts()) {
    expect(text).toContain('Valle Seriana')
    expect(text).toContain('Laboratorio')
  }
  await expect(page.getByLabel('Sistema bibliotecario', { exact: true })).toHaveValue('valle-seriana')
  // The remaining filters open without script too (a native disclosure).
  await page.getByText('Altri filtri').click()
  await expect(page.getByLabel('Dal giorno')).toBeVisible()
  await context.close()
})

/** Presses Tab until `predicate` holds for the focused element; fails after `max` presses. */
const tabUntil = async (page: Page, predicate: (el: Element) => boolean, max = 120) => {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const active = await page.evaluateHandle(() => document.activeElement as Element)
    if (await active.evaluate(predicate)) return
  }
  throw new Error('focus never reached the target')
}

test('keyboard only: skip link, filter the agenda, open an event, reach “add to calendar”', async ({ page }) => {
  await page.goto('/eventi')
  await page.keyboard.press('Tab')
  const skip = page.getByRole('link', { name: 'Vai al contenuto' })
  await expect(skip).toBeFocused()
  await expect(skip).toBeInViewport()

  await tabUntil(page, (el) => el.id === 'f-q')
  const search = page.getByLabel('Cerca', { exact: true })
  await expect(search).toBeFocused()
  // The focus indicator is visible (not only the browser default on some elements).
  expect(await search.evaluate((el) => getComputedStyle(el).outlineStyle)).not.toBe('none')
  await page.keyboard.type('laboratorio')
  await page.keyboard.press('Enter')
  await expect(page).toHaveURL(/\/eventi\?q=laboratorio$/)

  await tabUntil(page, (el) => el.matches('ol.cards h3 a'))
  const title = await page.evaluate(() => (document.activeElement as HTMLElement).textContent ?? '')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(title)

  await tabUntil(page, (el) => (el.getAttribute('href') ?? '').endsWith('.ics'))
  const focused = page.locator(':focus')
  await expect(focused).toHaveText(/Scarica il file \.ics|Aggiungi questa data/)
  // A real, visible control (not a visually hidden one); where the window is scrolled to depends on when the
  // page's pictures finish loading, so the position itself is not asserted.
  await expect(focused).toBeVisible()
  const box = await focused.boundingBox()
  expect((box?.width ?? 0) > 1 && (box?.height ?? 0) > 1).toBe(true)
})
