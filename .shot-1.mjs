import { chromium } from '@playwright/test'
const base = 'http://localhost:4411'
const urls = process.argv.slice(2)
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] })
for (const [w, h, tag] of [[1280, 900, 'd'], [390, 844, 'm']]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } })
  for (const u of urls) {
    await page.goto(base + u)
    const name = u.replace(/[^a-z0-9]+/gi, '_') || 'home'
    await page.screenshot({ path: `/tmp/shots/${tag}${name}.png`, fullPage: process.env.FULL === '1' })
  }
  await page.close()
}
await browser.close()
