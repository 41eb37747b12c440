import { expect, test } from '@playwright/test'
import { databaseFile, sqliteRows } from '../helpers/flood'
import { ADMIN_EMAIL, ADMIN_PASSWORD, type Stack, startStack } from '../security/helpers/stack'

// Never overbooked, over the real servers: 200 families press "Prenota" at once for a date with 20 places.

test.describe.configure({ mode: 'serial', timeout: 240_000 })

let stack: Stack

test.afterAll(async () => {
  if (stack?.process.exitCode === null) stack.process.kill('SIGTERM')
  await stack?.exited
})

test('200 concurrent bookings for 20 places: exactly 20 confirmed, the rest refused in Italian, no 5xx', async () => {
  stack = await startStack({ seedEvents: 30 })
  const db = databaseFile(stack.dataDir)
  const [date] = sqliteRows<{ event: number; start: string; slug: string }>(
    db,
    `SELECT o.event_id AS event, o.start AS start, e.slug AS slug FROM occurrences o JOIN events e ON e.id = o.event_id
     WHERE o.start > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+2 days') AND e._status = 'published' AND e.status = 'scheduled'
       AND NOT EXISTS (SELECT 1 FROM registrations r WHERE r.event_id = o.event_id)
     ORDER BY o.start LIMIT 1`,
  )
  expect(date).toBeDefined()
  const login = await fetch(`${stack.cms}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  const opened = await fetch(`${stack.cms}/api/events/${date?.event}`, {
    method: 'PATCH',
    headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ registration: { mode: 'required', places: 20, maxPerBooking: 6, waitingList: false } }),
  })
  expect(opened.status, await opened.text()).toBe(200)

  const answers = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const res = await fetch(`${stack.site}/iscrizioni`, {
        method: 'POST',
        headers: {
          origin: stack.site,
          'content-type': 'application/x-www-form-urlencoded',
          // Each family from its own address: the per-address limit is not what this test is about.
          'x-forwarded-for': `198.18.${Math.floor(i / 200)}.${(i % 200) + 1}`,
        },
        body: new URLSearchParams({
          evento: String(date?.event),
          slug: String(date?.slug),
          data: String(date?.start),
          nome: `Famiglia ${i}`,
          email: `famiglia${i}@example.org`,
          adulti: '1',
          consenso: 'si',
        }),
        signal: AbortSignal.timeout(120_000),
      })
      return { status: res.status, html: await res.text() }
    }),
  )
  const byStatus = answers.reduce<Record<number, number>>((acc, a) => {
    acc[a.status] = (acc[a.status] ?? 0) + 1
    return acc
  }, {})
  const refusals = new Set(
    answers.filter((a) => a.status !== 200).map((a) => a.html.match(/role="alert"[^>]*>([^<]*)/)?.[1]),
  )
  console.log(`200 concurrent bookings: ${JSON.stringify(byStatus)}; refusals: ${JSON.stringify([...refusals])}`)
  expect(byStatus).toEqual({ 200: 20, 409: 180 })
  expect([...refusals]).toEqual(['Data: i posti per questa data sono esauriti.'])

  const [booked] = sqliteRows<{ n: number; people: number }>(
    db,
    `SELECT count(*) AS n, sum(people) AS people FROM registrations
     WHERE event_id = ${date?.event} AND start = '${date?.start}' AND status = 'confirmed'`,
  )
  expect(booked).toEqual({ n: 20, people: 20 })
})
