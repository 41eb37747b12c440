// Registrations on the big network (BENCH_EVENTS, default 20,000): the booking POST's latency with 50,000
// bookings already in the database, the event page of a registrable event (places read on every request), and
// 200 families pressing "Iscriviti" at once for a date with 20 places. Setup writes go straight to the database
// with the sqlite3 client (the bench database may have no admin account), while the platform runs.
import { databaseFile, percentile, sqliteRows } from '../tests/helpers/flood'
import { type Platform, print } from './lib'

const EXISTING = 50_000

const stats = (label: string, timings: number[], target = '') => {
  const sorted = [...timings].sort((a, b) => a - b)
  print(`${label} p50${target}`, percentile(sorted, 0.5), 'ms')
  print(`${label} p95`, percentile(sorted, 0.95), 'ms')
  print(`${label} p99`, percentile(sorted, 0.99), 'ms')
  print(`${label} max`, percentile(sorted, 1), 'ms')
}

const post = (site: string, i: number, fields: Record<string, string>) =>
  fetch(`${site}/iscrizioni`, {
    method: 'POST',
    headers: {
      origin: site,
      'content-type': 'application/x-www-form-urlencoded',
      // One family per address: the per-address limit is not what is measured.
      'x-forwarded-for': `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`,
    },
    body: new URLSearchParams({
      nome: `Famiglia ${i}`,
      email: `bench-famiglia${i}@example.org`,
      consenso: 'si',
      ...fields,
    }),
    signal: AbortSignal.timeout(120_000),
  })

export const bench = async (platform: Platform) => {
  const db = databaseFile(platform.dataDir)
  const q = <T>(sql: string) => sqliteRows<T>(db, sql)

  const [{ n: existing } = { n: 0 }] = q<{ n: number }>(`SELECT count(*) AS n FROM registrations`)
  if (existing < EXISTING) {
    const started = performance.now()
    q(`INSERT INTO registrations (event_id, start, status, people, adults, source, name, email, language, system_id,
         library_id, token_nonce, updated_at, created_at)
       SELECT o.event_id, o.start, 'confirmed', 2, 2, 'web', 'Bench ' || o.id, 'bench-' || o.id || '@example.org', 'it',
         o.system_id, o.library_id, hex(randomblob(9)), strftime('%Y-%m-%dT%H:%M:%fZ','now'), strftime('%Y-%m-%dT%H:%M:%fZ','now')
       FROM occurrences o ORDER BY o.id LIMIT ${EXISTING - existing}`)
    console.log(`# ${EXISTING - existing} bookings inserted in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  }
  const [{ n: total } = { n: 0 }] = q<{ n: number }>(`SELECT count(*) AS n FROM registrations`)
  print('bookings in the database', total, 'rows')

  // Twenty upcoming published events take registrations with room to spare; each booking picks one of their dates.
  const dates = q<{ event: number; start: string; slug: string }>(
    `SELECT o.event_id AS event, o.start AS start, e.slug AS slug FROM occurrences o JOIN events e ON e.id = o.event_id
     WHERE o.start > strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+2 days') AND e._status = 'published'
       AND e.status = 'scheduled' AND o.status = 'scheduled' AND e.staff_only IS NOT 1
     GROUP BY o.event_id ORDER BY o.start LIMIT 21`,
  )
  if (dates.length < 21) throw new Error('registrations bench: not enough upcoming events')
  const ids = dates.map((d) => d.event).join(',')
  q(`UPDATE events SET registration_mode = 'required', registration_places = 100000, registration_max_per_booking = 6,
       registration_closes_hours_before = 0, registration_waiting_list = 1 WHERE id IN (${ids})`)
  const race = dates.pop() as (typeof dates)[number]
  q(`UPDATE events SET registration_places = 20, registration_waiting_list = 0 WHERE id = ${race.event}`)
  q(`DELETE FROM registrations WHERE event_id = ${race.event}`)

  // Sequential bookings, each a real check, count, insert and queued mail.
  const timings: number[] = []
  for (let i = 0; i < 240; i++) {
    const date = dates[i % dates.length] as (typeof dates)[number]
    const t = performance.now()
    const res = await post(platform.site, i, {
      evento: String(date.event),
      slug: date.slug,
      data: date.start,
      adulti: '1',
    })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`booking answered ${res.status}`)
    if (i >= 40) timings.push(performance.now() - t)
  }
  stats('booking POST /iscrizioni (sequential, 200)', timings, ' (target p95 ≤ 100 ms)')

  const pages: number[] = []
  for (let i = 0; i < 120; i++) {
    const date = dates[i % dates.length] as (typeof dates)[number]
    const t = performance.now()
    const res = await fetch(`${platform.site}/eventi/${date.slug}`)
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`event page answered ${res.status}`)
    if (i >= 20) pages.push(performance.now() - t)
  }
  stats('event page with places per date (no-cache)', pages)

  const started = performance.now()
  const answers = await Promise.all(
    Array.from({ length: 200 }, async (_, i) => {
      const t = performance.now()
      const res = await post(platform.site, 10_000 + i, {
        evento: String(race.event),
        slug: race.slug,
        data: race.start,
        adulti: '1',
      })
      await res.arrayBuffer()
      return { status: res.status, ms: performance.now() - t }
    }),
  )
  const wall = performance.now() - started
  const byStatus: Record<number, number> = {}
  for (const a of answers) byStatus[a.status] = (byStatus[a.status] ?? 0) + 1
  const [held] = q<{ people: number | null }>(
    `SELECT sum(people) AS people FROM registrations WHERE event_id = ${race.event} AND start = '${race.start}'
       AND status IN ('confirmed', 'attended', 'offered')`,
  )
  console.log(`# 200 concurrent bookings for 20 places: ${JSON.stringify(byStatus)}`)
  print('200 concurrent bookings for 20 places: people confirmed (must be 20)', held?.people ?? 0, 'people')
  print('200 concurrent bookings: 5xx answers (must be 0)', answers.filter((a) => a.status >= 500).length, 'answers')
  print('200 concurrent bookings: all answered in', wall / 1000, 's')
  stats(
    '200 concurrent bookings: latency',
    answers.map((a) => a.ms),
  )
}
