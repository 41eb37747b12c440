// Reports (issue 15), over the real built platform with the demo network: /dati and /en/dati show the network's
// yearly figures with every count under 5 as "<5", without JavaScript, axe clean; the CSV and JSON downloads parse
// and carry the CC BY 4.0 licence and the same suppression; a network coordinator downloads the Maggio dei Libri
// export from a campaign's edit view and the yearly summary from its page, by keyboard.
import AxeBuilder from '@axe-core/playwright'
import { expect, type Page, test } from '@playwright/test'
import { ADMIN, CMS, SITE } from '../../playwright.config'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const noAxeViolations = async (page: Page, include?: string) => {
  const axe = new AxeBuilder({ page })
  const { violations } = await (include ? axe.include(include) : axe).analyze()
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([])
}

/** CSV as Italian Excel reads it: BOM, `;`, quoted cells with `""`, CRLF rows. */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const body = text.replace(/^\uFEFF/, '')
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else cell += ch
    } else if (ch === '"') quoted = true
    else if (ch === ';') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' && body[i + 1] === '\n') {
      rows.push([...row, cell])
      row = []
      cell = ''
      i++
    } else cell += ch
  }
  if (cell || row.length) rows.push([...row, cell])
  return rows
}

/** A published count: "<5", or a whole number of at least 5 (Italian or English digit grouping). */
const published = (text: string) => {
  const t = text.trim()
  if (t === '<5') return true
  const n = Number(t.replace(/[.,\s]/g, ''))
  return Number.isInteger(n) && n >= 5
}

const logIn = async (page: Page) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(ADMIN.email)
  await page.getByLabel('Password').fill(ADMIN.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
}

test.describe('/dati without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  test('shows the last and the current year, every count under 5 as "<5", the licence, and is linked from the footer', async ({
    page,
  }) => {
    await page.goto(`${SITE}/`)
    await page
      .getByRole('contentinfo')
      .getByRole('link', { name: 'Dati aperti: le attività delle biblioteche' })
      .click()
    await expect(page).toHaveURL(/\/dati$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dati aperti: le attività delle biblioteche')
    const year = new Date().getFullYear()
    await expect(page.getByRole('heading', { level: 2, name: String(year - 1) })).toBeVisible()
    await expect(page.getByRole('heading', { level: 2, name: `${year} (anno in corso)` })).toBeVisible()
    await expect(page.locator('.data-page').getByRole('link', { name: /CC BY 4\.0/ })).toHaveAttribute('rel', 'license')
    const cells = await page.locator('.data-page td, .data-page dd').allTextContents()
    expect(cells.length).toBeGreaterThan(0)
    expect(cells.filter((c) => !published(c))).toEqual([])
  })

  test('in English at /en/dati (and /en/data)', async ({ page }) => {
    await page.goto(`${SITE}/en/data`)
    await expect(page).toHaveURL(/\/en\/dati$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Open data: the libraries’ activities')
    const cells = await page.locator('.data-page td, .data-page dd').allTextContents()
    expect(cells.filter((c) => !published(c))).toEqual([])
  })
})

// axe runs scripts in the page, so it checks the same pages with JavaScript on.
test('/dati and /en/dati pass axe', async ({ page }) => {
  for (const path of ['/dati', '/en/dati']) {
    await page.goto(`${SITE}${path}`)
    await expect(page.locator('.data-page h1'), path).toBeVisible()
    await noAxeViolations(page)
  }
})

test('the CSV and JSON downloads parse, suppress counts under 5 and state the licence', async ({ request }) => {
  const year = new Date().getFullYear()
  const csv = await request.get(`${SITE}/dati.csv?anno=${year}`)
  expect(csv.status()).toBe(200)
  expect(csv.headers().link).toContain('creativecommons.org/licenses/by/4.0')
  const [header, ...rows] = parseCsv(await csv.text())
  expect(header).toEqual(['anno', 'gruppo', 'nome', 'eventi', 'date', 'presenze'])
  expect(rows.length).toBeGreaterThan(0)
  for (const row of rows) for (const cell of row.slice(3)) expect(published(cell), row.join(';')).toBe(true)
  const json = await request.get(`${SITE}/dati.json?anno=${year}`)
  const body = await json.json()
  expect(body.license).toBe('CC-BY-4.0')
  const values = [body.total, ...body.bySystem, ...body.byCategory, ...body.byAudience].flatMap((r) => [
    r.events,
    r.dates,
    r.attendance,
  ])
  for (const v of values) expect(v === '<5' || (typeof v === 'number' && v >= 5), String(v)).toBe(true)
})

test('a coordinator downloads the Maggio dei Libri export from a campaign and the yearly summary by keyboard', async ({
  page,
  request,
}) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const campaign = (await (await request.get(`${CMS}/api/campaigns?limit=1&depth=0`, { headers })).json()).docs[0]
  expect(campaign, 'a seeded campaign').toBeDefined()
  await logIn(page)
  await page.goto(`${CMS}/admin/collections/campaigns/${campaign.id}`)
  const box = page.locator('.report-links')
  await expect(box.getByRole('heading', { name: 'Esporta per il Maggio dei Libri' })).toBeVisible()
  await noAxeViolations(page, '.report-links')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    box.getByRole('link', { name: 'Esporta per il Maggio dei Libri (CSV)' }).click(),
  ])
  expect(download.suggestedFilename()).toMatch(/^maggio-dei-libri-.*\.csv$/)
  const path = await download.path()
  const text = (await import('node:fs')).readFileSync(path, 'utf8')
  const [head, ...rest] = parseCsv(text)
  expect(head).toEqual([
    'Titolo',
    'Date',
    'Attività (date)',
    'Luogo',
    'Indirizzo',
    'Comune',
    'Organizzatore',
    'Pubblico',
    'Descrizione',
  ])
  const total = rest.at(-1) as string[]
  expect(total[0]).toBe('Totale attività')
  const perEvent = rest.slice(0, -1).reduce((n, r) => n + Number(r[2]), 0)
  expect(Number(total[2])).toBe(perEvent)

  await page.goto(`${CMS}/admin/riepilogo-annuale`)
  await expect(page.getByRole('heading', { level: 1, name: 'Riepilogo annuale per biblioteca' })).toBeVisible()
  await noAxeViolations(page, '#desk-main')
  await page.getByLabel('Anno').focus()
  await page.keyboard.press('Tab') // into the format's radio group, on XLSX (checked)
  await page.keyboard.press('ArrowDown')
  await expect(page.getByRole('radio', { name: 'CSV' })).toBeChecked()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: 'Scarica' })).toBeFocused()
  const [summary] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
  expect(summary.suggestedFilename()).toMatch(/^riepilogo-annuale-per-biblioteca-\d{4}\.csv$/)
  const rows = parseCsv((await import('node:fs')).readFileSync(await summary.path(), 'utf8'))
  expect(rows[0]?.slice(0, 5)).toEqual(['Biblioteca', 'Comune', 'Sistema', 'Eventi', 'Date svolte'])
  expect(rows.length).toBeGreaterThan(1)
})
