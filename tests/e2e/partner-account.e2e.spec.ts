// A partner organisation's account (issue 16) in the admin, over the real built platform: it logs in, its new
// event has its organisation preselected and offers no publishing, and through the same API the admin uses it saves a draft for its own organisation, cannot publish
// it, and cannot name another organiser (refused, nothing written).
import { type APIRequestContext, expect, test } from '@playwright/test'
import { ADMIN, CMS } from '../../playwright.config'

test.describe.configure({ mode: 'serial', timeout: 120_000 })

const account = { email: `teatro.${Date.now()}@test.example.org`, password: 'Partner-Teatro-2026!' }
let adminHeaders: Record<string, string>
let own: number
let other: number
let system: number
let library: number

const get = async (request: APIRequestContext, path: string) => {
  const res = await request.get(`${CMS}/api${path}`, { headers: adminHeaders })
  expect(res.ok(), path).toBe(true)
  return res.json()
}

test.beforeAll(async ({ request }) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: ADMIN })
  adminHeaders = { authorization: `JWT ${(await login.json()).token}` }
  const theatre = (await get(request, '/partners?where[slug][equals]=teatro-del-borgo&depth=0')).docs[0]
  own = theatre.id
  system = theatre.systems[0]
  other = (await get(request, '/partners?where[slug][equals]=associazione-genitori-valle-seriana&depth=0')).docs[0].id
  library = (await get(request, `/libraries?where[system][equals]=${system}&limit=1&depth=0`)).docs[0].id
  const created = await request.post(`${CMS}/api/users`, {
    headers: adminHeaders,
    data: { ...account, name: 'Teatro del Borgo', roles: ['partner'], partner: own },
  })
  expect(created.status(), await created.text()).toBe(201)
})

test('the partner logs in; its new event has its organisation preselected and offers no publishing', async ({
  page,
}) => {
  await page.goto(`${CMS}/admin/login`)
  await page.getByLabel('Email').fill(account.email)
  await page.getByLabel('Password').fill(account.password)
  await page.getByRole('button', { name: 'Login' }).click()
  await expect(page).toHaveURL(/\/admin\/?$/)
  await page.goto(`${CMS}/admin/collections/events/create`)
  await expect(page.getByRole('textbox', { name: /Titolo/ }).first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Salva bozza' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Pubblica sul sito' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Collegamenti' }).click()
  await expect(page.locator('#field-organiser')).toContainText('Teatro del Borgo')
})

test('a draft for its own organisation is saved; publishing it and naming another organiser are refused', async ({
  request,
}) => {
  const login = await request.post(`${CMS}/api/users/login`, { data: account })
  const headers = { authorization: `JWT ${(await login.json()).token}` }
  const start = new Date(Date.now() + 20 * 86_400_000).toISOString()
  const event = (title: string, organiser: number) => ({
    title,
    start,
    system,
    library,
    organiser,
    _status: 'draft',
    booking: { mode: 'none' },
  })
  const title = `Spettacolo del teatro ${Date.now()}`
  const draft = await request.post(`${CMS}/api/events?draft=true`, { headers, data: event(title, own) })
  expect(draft.status(), await draft.text()).toBe(201)
  const id = (await draft.json()).doc.id

  const publish = await request.patch(`${CMS}/api/events/${id}`, { headers, data: { _status: 'published' } })
  expect(publish.status()).toBe(403)
  expect((await get(request, `/events/${id}?draft=true&depth=0`))._status).toBe('draft')

  const foreign = `Evento di un altro organizzatore ${Date.now()}`
  const refused = await request.post(`${CMS}/api/events?draft=true`, { headers, data: event(foreign, other) })
  expect(refused.status()).toBeGreaterThanOrEqual(400)
  expect(refused.status()).toBeLessThan(500)
  const written = await get(request, `/events?where[title][equals]=${encodeURIComponent(foreign)}&draft=true&depth=0`)
  expect(written.totalDocs).toBe(0)
})
