import { expect, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

test('the home page shows events of the seeded network', async ({ page }) => {
  await page.goto('/')
  await expect(page.locator('html')).toHaveAttribute('lang', 'it')
  await expect(page.getByRole('listitem').first()).toBeVisible()
})

test('an admin logs in and sees the events list in Italian', async ({ page }) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto(`${CMS}/admin/collections/events`)
  await expect(page.getByRole('heading', { name: 'Eventi', level: 1 })).toBeVisible()
  await expect(page.getByText('Crea nuovo').first()).toBeVisible()
})

test('both servers answer /healthz', async ({ request }) => {
  for (const url of ['/healthz', `${CMS}/healthz`]) {
    const res = await request.get(url)
    expect(res.status()).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok', checks: { database: 'ok', write: 'ok', queues: 'ok' } })
  }
})
