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
import { print, runPhase as runChildPhase, writeResult } from './lib'

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000)
const BASELINE_MESSAGES = Number(process.env.BENCH_BASELINE_MESSAGES ?? 10_000)
const PREFERENCE_SETS = 600
const SELF = path.join('bench', 'newsletter.ts')

type Phase = 'seed' | 'baseline' | 'trigger'
const result = writeResult

// ---------------------------------------------------------------- phases (child processes)

const seedPhase = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { seedNetwork } = await import('../cms/seed/index')
  const { matchesOccurrence, preferencesKey, emptyPreferences } = await import('../collections/Subscribers/preferences')
  const { digestWindow, findDigestWindowEvents } = await import('../cms/newsletter/campaigns/kinds')
  const { newNonce } = await import('../cms/newsletter/tokens')
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
  const window = await findDigestWindowEvents(payload, digestWindow(new Date()))
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

/** Creates today's digest run and queues its first batch, as the Thursday schedule does; the worker sends it. */
const triggerPhase = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { startDigest } = await import('../cms/jobs/weekly-digest')
  const { id } = await startDigest(await getPayload())
  result({ id })
  process.exit(0)
}

type WorkerLog = { msg?: string; memory?: Record<string, number>; maxRssMb?: number }

/**
 * Runs the production newsletter worker (the bundle `npm start` runs, with the same Node flags) until the
 * digest is sent, then stops it with SIGTERM; its last log line carries its peak RSS (getrusage).
 */
const runWorker = async (env: Record<string, string>, newsletterId: number) => {
  const { buildWorker, WORKER_ENV, WORKER_NODE_FLAGS } = await import('../scripts/lib/jobs-worker.mjs')
  const bundle = await buildWorker(process.cwd(), path.resolve('dist-bench-jobs'))
  const { createClient } = await import('@libsql/client')
  const db = createClient({ url: env.DATABASE_URL as string })
  const spawned = performance.now()
  const child = spawn(process.execPath, [...WORKER_NODE_FLAGS, bundle], {
    env: { ...process.env, ...env, ...WORKER_ENV, JOBS_AUTORUN: '1', JOBS_QUEUES: 'newsletter' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const lines: WorkerLog[] = []
  let ready = 0
  let buffer = ''
  child.stdout.on('data', (d) => {
    buffer += d
    const parts = buffer.split('\n')
    buffer = parts.pop() ?? ''
    for (const line of parts) {
      if (!line.startsWith('{')) continue
      const entry = JSON.parse(line) as WorkerLog
      if (entry.msg === 'job worker ready') ready = performance.now()
      lines.push(entry)
    }
  })
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  let status = ''
  while (status !== 'sent' && child.exitCode === null) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const { rows } = await db.execute({ sql: 'SELECT status FROM newsletters WHERE id = ?', args: [newsletterId] })
    status = String(rows[0]?.status ?? '')
  }
  const done = performance.now()
  child.kill('SIGTERM')
  const code = await exited
  const { rows } = await db.execute({
    sql: 'SELECT progress_total AS total, progress_sent AS sent, progress_failed AS failed FROM newsletters WHERE id = ?',
    args: [newsletterId],
  })
  db.close()
  const stoppedLog = lines.find((l) => l.msg === 'job worker stopped')
  if (status !== 'sent' || code !== 0 || !stoppedLog || !ready)
    throw new Error(`newsletter worker: status ${status}, exit ${code}\n${JSON.stringify(lines.slice(-5))}`)
  return {
    status,
    progress: rows[0] as unknown as { total: number; sent: number; failed: number },
    startupSeconds: (ready - spawned) / 1000,
    seconds: (done - ready) / 1000,
    readyMemory: lines.find((l) => l.msg === 'job worker ready')?.memory,
    stopMemory: stoppedLog.memory,
    peakRssMb: Number(stoppedLog.maxRssMb),
  }
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
  runChildPhase<Record<string, unknown>>(SELF, { ...env, BENCH_NEWSLETTER_PHASE: phase }, nodeFlags)

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
      PAYLOAD_SECRET: 'newsletter-bench-not-for-production-01234567',
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

    const { id } = await runPhase('trigger', env)
    const digest = await runWorker(env, Number(id))
    const progress = digest.progress
    const counted = await ask<{ messages: number; recipients: number; repeated: number }>(sink, 'count')
    const rate = progress.sent / digest.seconds
    print('newsletter: weekly digest end to end in the worker (audience, render, delivery log, send)', rate, 'msg/s')
    print('newsletter: digest time for all subscribers (worker ready → sent)', digest.seconds, 's')
    print('newsletter: worker start-up (spawn → ready)', digest.startupSeconds, 's')
    print('newsletter: digest ÷ raw pool (target ≥ 0.70)', rate / rawRate, 'ratio')
    print('newsletter: peak RSS of the worker process, getrusage (target ≤ 300)', digest.peakRssMb, 'MB')
    console.log(`newsletter: worker memory when ready (MB): ${JSON.stringify(digest.readyMemory)}`)
    console.log(`newsletter: worker memory after the digest (MB): ${JSON.stringify(digest.stopMemory)}`)
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
else if (phase === 'trigger') await triggerPhase()
else if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) await bench()
