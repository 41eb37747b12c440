// Newsletter bench: the weekly digest to 50,000 subscribers (≥ 500 distinct preference sets) into a local
// SMTP sink, against a raw nodemailer pool sending one pre-rendered message to the same sink in the same
// run. Targets: digest throughput ≥ 70 % of the raw pool's, peak RSS of the sending process ≤ 300 MB.
//
//   node --import tsx bench/newsletter.ts        (BENCH_SUBSCRIBERS, BENCH_BASELINE_MESSAGES to resize)
//
// Each phase runs in its own process (seed, baseline, digest) so the RSS figure is the sender's alone;
// the sink runs in another, so it does not share the sender's CPU.
import { type ChildProcess, fork, spawn } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { print } from './lib'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000)
const BASELINE_MESSAGES = Number(process.env.BENCH_BASELINE_MESSAGES ?? 10_000)
const PREFERENCE_SETS = 600
const SELF = path.join('bench', 'newsletter.ts')

type Phase = 'seed' | 'baseline' | 'digest'
const result = (value: unknown) => process.stdout.write(`@@result ${JSON.stringify(value)}\n`)

// ---------------------------------------------------------------- phases (child processes)

const seedPhase = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { seedNetwork } = await import('../cms/seed/index')
  const { matchesOccurrence, preferencesKey, emptyPreferences } = await import('../collections/Subscribers/preferences')
  const { digestWindow, DIGEST_WINDOW_LIMIT } = await import('../emails/campaigns/kinds')
  const { findEventItems } = await import('../emails/campaigns/events')
  const { newNonce } = await import('../collections/Subscribers/tokens')
  const payload = await getPayload()
  await seedNetwork(payload, { events: Number(process.env.BENCH_EVENTS ?? 200) })
  const all = async (collection: 'systems' | 'categories') =>
    (await payload.find({ collection, limit: 0, pagination: false, depth: 0, overrideAccess: true })).docs.map(
      (d) => d.id as number,
    )
  const systems = await all('systems')
  const categories = await all('categories')
  const systemSets: number[][] = [[]]
  for (const [i, a] of systems.entries()) {
    systemSets.push([a])
    for (const b of systems.slice(i + 1)) systemSets.push([a, b])
  }
  const ageSets = [[], [0], [1], [4], [2, 5], [3, 8], [7], [10], [15]]
  const categorySets = [[], ...categories.map((c) => [c])]
  const { from, to } = digestWindow(new Date())
  const window = await findEventItems(
    payload,
    {
      and: [
        { end: { greater_than: from.toISOString() } },
        { start: { less_than: to.toISOString() } },
        { status: { not_in: ['cancelled', 'postponed'] } },
      ],
    },
    DIGEST_WINDOW_LIMIT,
  )
  // Keep only preference sets that match at least one event, so every subscriber gets a digest.
  const sets: ReturnType<typeof emptyPreferences>[] = []
  for (const s of systemSets)
    for (const ages of ageSets)
      for (const cats of categorySets) {
        if (sets.length >= PREFERENCE_SETS) break
        const p = { ...emptyPreferences(), systems: s, ages, categories: cats }
        if (window.some((o) => matchesOccurrence(p, o))) sets.push(p)
      }
  // Bulk insert straight into the tables (what the Local API would write, 50,000 times faster to seed).
  const db = (
    payload.db as unknown as { client: { execute: (q: { sql: string; args: unknown[] } | string) => Promise<unknown> } }
  ).client
  const now = new Date().toISOString()
  let relId = 1
  let numId = 1
  await db.execute('BEGIN')
  for (let start = 0; start < SUBSCRIBERS; start += 500) {
    const rows: unknown[] = []
    const rels: unknown[] = []
    const nums: unknown[] = []
    for (let i = start; i < Math.min(SUBSCRIBERS, start + 500); i++) {
      const p = sets[i % sets.length] as (typeof sets)[number]
      const id = i + 1
      rows.push(
        id,
        `iscritto${i}@bench.example.org`,
        'confirmed',
        i % 10 === 0 ? 'en' : 'it',
        1,
        preferencesKey(p),
        newNonce(),
        now,
        now,
        now,
        now,
      )
      for (const [order, s] of p.systems.entries()) rels.push(relId++, order + 1, id, 'preferences.systems', s, null)
      for (const [order, c] of p.categories.entries())
        rels.push(relId++, order + 1, id, 'preferences.categories', null, c)
      for (const [order, a] of p.ages.entries()) nums.push(numId++, a, order + 1, id, 'preferences.ages')
    }
    const values = (n: number, width: number) =>
      Array.from({ length: n }, () => `(${Array(width).fill('?').join(',')})`).join(',')
    await db.execute({
      sql: `INSERT INTO subscribers (id, email, status, language, preferences_weekly_digest, preferences_key, token_nonce, consent_requested_at, consent_confirmed_at, created_at, updated_at) VALUES ${values(rows.length / 11, 11)}`,
      args: rows,
    })
    if (rels.length)
      await db.execute({
        sql: `INSERT INTO subscribers_rels (id, "order", parent_id, path, systems_id, categories_id) VALUES ${values(rels.length / 6, 6)}`,
        args: rels,
      })
    if (nums.length)
      await db.execute({
        sql: `INSERT INTO subscribers_numbers (id, number, "order", parent_id, path) VALUES ${values(nums.length / 5, 5)}`,
        args: nums,
      })
  }
  await db.execute('COMMIT')
  // The bulk rows read back exactly as the Local API reads them.
  const probe = await payload.findByID({ collection: 'subscribers', id: 2, depth: 0, overrideAccess: true })
  const { preferencesOf } = await import('../collections/Subscribers/preferences')
  if (preferencesKey(preferencesOf(probe.preferences)) !== probe.preferencesKey)
    throw new Error('bench seed: stored preferences disagree with their key')
  result({ subscribers: SUBSCRIBERS, preferenceSets: new Set(sets.map(preferencesKey)).size })
  process.exit(0)
}

const sampleDigestBody = async () => {
  const { renderEmail, TEMPLATES } = await import('../emails/render')
  const preview = TEMPLATES.digest.component.PreviewProps
  const day = preview.days[0] as (typeof preview.days)[number]
  const days = Array.from({ length: 5 }, (_, i) => ({
    ...day,
    label: `${day.label} ${i}`,
    events: [...day.events, ...day.events],
  }))
  return renderEmail('digest', { ...preview, days })
}

const baselinePhase = async () => {
  const { createTransport } = await import('../emails/transport')
  const transport = createTransport(process.env.SMTP_URL)
  const body = await sampleDigestBody()
  const started = performance.now()
  const inFlight = new Set<Promise<unknown>>()
  for (let i = 0; i < BASELINE_MESSAGES; i++) {
    const p = transport
      .sendMail({
        from: 'agenda@rbbg.example.org',
        to: `raw${i}@bench.example.org`,
        subject: body.subject,
        html: body.html,
        text: body.text,
      })
      .finally(() => inFlight.delete(p))
    inFlight.add(p)
    if (inFlight.size >= 200) await Promise.race(inFlight)
  }
  await Promise.all(inFlight)
  const seconds = (performance.now() - started) / 1000
  transport.close()
  result({ messages: BASELINE_MESSAGES, seconds, bytes: body.html.length + body.text.length })
  process.exit(0)
}

const inMb = (usage: NodeJS.MemoryUsage) =>
  Object.fromEntries(Object.entries(usage).map(([k, v]) => [k, Math.round(Number(v) / 2 ** 20)]))

const digestPhase = async () => {
  let peak = 0
  let breakdown: NodeJS.MemoryUsage | null = null
  const sampler = setInterval(() => {
    const m = process.memoryUsage()
    if (m.rss > peak) [peak, breakdown] = [m.rss, m]
  }, 100)
  const { getPayload } = await import('../cms/local-api')
  const { startDigest } = await import('../cms/jobs/weekly-digest')
  const payload = await getPayload()
  const readyUsage = process.memoryUsage()
  const ready = readyUsage.rss
  const started = performance.now()
  const { id } = await startDigest(payload)
  for (let i = 0; i < 1000; i++)
    if ((await payload.jobs.run({ queue: 'newsletter', limit: 1, silent: true })).noJobsRemaining) break
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const doc = await payload.findByID({ collection: 'newsletters', id, overrideAccess: true })
  result({
    status: doc.status,
    progress: doc.progress,
    seconds,
    peakRssMb: Math.max(peak, process.memoryUsage().rss) / 2 ** 20,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    readyRssMb: ready / 2 ** 20,
    atReadyMb: inMb(readyUsage),
    atPeakMb: breakdown ? inMb(breakdown) : null,
  })
  process.exit(0)
}

// ---------------------------------------------------------------- orchestration

/** A kept database: forget earlier digest runs so the next one sends to everybody again. */
const dropDigests = async (env: Record<string, string>) => {
  const { createClient } = await import('@libsql/client')
  const client = createClient({ url: env.DATABASE_URL as string })
  await client.execute('DELETE FROM deliveries')
  await client.execute("DELETE FROM newsletters WHERE kind = 'digest'")
  await client.execute('DELETE FROM payload_jobs')
  client.close()
}

const runPhase = (phase: Phase, env: Record<string, string>, nodeFlags: string[] = []) =>
  new Promise<Record<string, unknown>>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--conditions=production', '--import', 'tsx', SELF], {
      env: { ...process.env, ...env, BENCH_NEWSLETTER_PHASE: phase },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('@@result '))
      if (code !== 0 || !line) reject(new Error(`bench phase ${phase} failed (${code}):\n${out.slice(-2000)}`))
      else resolve(JSON.parse(line.slice(9)))
    })
  })

const ask = <T>(sink: ChildProcess, type: string) =>
  new Promise<T>((resolve) => {
    sink.once('message', (m) => resolve(m as T))
    sink.send({ type })
  })

export const bench = async () => {
  // BENCH_NEWSLETTER_DIR keeps the seeded database between runs (profiling); by default it is thrown away.
  const keep = process.env.BENCH_NEWSLETTER_DIR
  const dir = keep ? path.resolve(keep) : mkdtempSync(path.join(os.tmpdir(), 'agenda-bench-newsletter-'))
  const seeded = !!keep && existsSync(path.join(dir, 'bench.db'))
  const sink = fork(path.join('bench', 'newsletter-sink.ts'), [], {
    execArgv: ['--conditions=production', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  try {
    const { port } = await new Promise<{ port: number }>((resolve) =>
      sink.once('message', (m) => resolve(m as { port: number })),
    )
    const env = {
      APP_ROOT: process.cwd(),
      DATA_DIR: dir,
      DATABASE_URL: `file:${path.join(dir, 'bench.db')}`,
      PAYLOAD_SECRET: 'newsletter-bench',
      CMS_URL: 'https://cms.rbbg.example.org',
      SITE_URL: 'https://agenda.rbbg.example.org',
      SMTP_URL: `smtp://127.0.0.1:${port}?tls=off`,
      SMTP_MAX_CONNECTIONS: '5',
      NEWSLETTER_BATCH_SECONDS: '3600',
      JOBS_AUTORUN: '0',
    }
    console.log(
      `# newsletter bench: ${SUBSCRIBERS} subscribers, baseline ${BASELINE_MESSAGES} messages, sink on 127.0.0.1:${port}`,
    )
    if (seeded) await dropDigests(env)
    const seed = seeded
      ? { preferenceSets: Number(process.env.BENCH_PREFERENCE_SETS ?? PREFERENCE_SETS) }
      : await runPhase('seed', env)
    print('newsletter: distinct preference sets', Number(seed.preferenceSets), 'sets')

    const baseline = await runPhase('baseline', env)
    const rawRate = Number(baseline.messages) / Number(baseline.seconds)
    const afterBaseline = await ask<{ messages: number }>(sink, 'count')
    print('newsletter: raw nodemailer pool, one pre-rendered message (5 connections)', rawRate, 'msg/s')
    await ask(sink, 'reset')

    // The sending worker's heap is capped as in production (NODE_OPTIONS of the job runner): V8 otherwise
    // lets garbage pile up to hundreds of MB on a machine with free memory before collecting it.
    const heapFlags = (process.env.BENCH_DIGEST_NODE_FLAGS ?? '--max-old-space-size=160').split(' ').filter(Boolean)
    const digest = await runPhase('digest', env, heapFlags)
    const progress = digest.progress as { total: number; sent: number; failed: number }
    const counted = await ask<{ messages: number; recipients: number; repeated: number }>(sink, 'count')
    const rate = progress.sent / Number(digest.seconds)
    print('newsletter: weekly digest end to end (audience, render, delivery log, send)', rate, 'msg/s')
    print('newsletter: digest time for all subscribers', Number(digest.seconds), 's')
    print('newsletter: digest ÷ raw pool (target ≥ 0.70)', rate / rawRate, 'ratio')
    print('newsletter: peak RSS of the sending process (target ≤ 300)', Number(digest.peakRssMb), 'MB')
    print('newsletter: RSS of that process once Payload is up, before the digest', Number(digest.readyRssMb), 'MB')
    console.log(`newsletter: memory when ready (MB): ${JSON.stringify(digest.atReadyMb)}`)
    console.log(`newsletter: memory at the peak (MB): ${JSON.stringify(digest.atPeakMb)}`)
    print(
      'newsletter: messages at the sink / distinct recipients / repeats',
      counted.messages,
      `/ ${counted.recipients} / ${counted.repeated}`,
    )
    const ok =
      digest.status === 'sent' &&
      progress.sent === SUBSCRIBERS &&
      counted.messages === SUBSCRIBERS &&
      counted.recipients === SUBSCRIBERS &&
      counted.repeated === 0 &&
      afterBaseline.messages === BASELINE_MESSAGES &&
      Number(seed.preferenceSets) >= 500 &&
      rate / rawRate >= 0.7 &&
      Number(digest.peakRssMb) <= 300
    console.log(`newsletter bench: ${ok ? 'PASS' : 'FAIL'}`)
    if (!ok) process.exitCode = 1
  } finally {
    sink.send({ type: 'stop' })
    if (!keep) rmSync(dir, { recursive: true, force: true })
  }
}

const phase = process.env.BENCH_NEWSLETTER_PHASE as Phase | undefined
if (phase === 'seed') await seedPhase()
else if (phase === 'baseline') await baselinePhase()
else if (phase === 'digest') await digestPhase()
else if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) await bench()
