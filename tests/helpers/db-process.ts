/**
 * Another process on the same database, as the CMS, the site or the worker is: it loads Payload with the
 * test's DATABASE_URL and PAYLOAD_SECRET, then does what DB_PROCESS_MODE says and prints one JSON line:
 * - `write`: creates a category named DB_PROCESS_NAME through the Local API;
 * - `fail-in-hook`: saves a category whose beforeChange hook writes another row and then throws, so the
 *   save's transaction must roll back; then writes as in `write`.
 * - `digest`: adds DB_PROCESS_SUBSCRIBERS confirmed subscribers who want the weekly digest and starts today's
 *   digest as its Thursday schedule does (the newsletter worker sends it); prints the newsletter's id.
 * - `book`: prints `{"ready":true}`, waits for a line on stdin, then fires DB_PROCESS_BOOKINGS parallel
 *   `book()` calls of the registrations wing with the input in DB_PROCESS_BOOK (JSON) and prints their
 *   outcomes by kind (confirmed, waiting, or the refusal's message; `error:` for a throw), then exits.
 * - `remind`: prints `{"ready":true}`, waits for a line on stdin, then runs the registrations wing's
 *   `sendReminders` at the instant DB_PROCESS_NOW and prints `{"outcomes":{"reminded":n}}`, then exits.
 * `ms` is how long the write took once Payload was ready.
 */
import type { CollectionBeforeChangeHook } from 'payload'
import { getPayload } from '../../cms/local-api'

const payload = await getPayload()
const name = process.env.DB_PROCESS_NAME ?? 'scritta da un altro processo'
const result: Record<string, unknown> = {}

if (process.env.DB_PROCESS_MODE === 'fail-in-hook') {
  const failing: CollectionBeforeChangeHook = async ({ data, req }) => {
    if (data.name !== 'fallisce') return data
    await req.payload.create({
      collection: 'audiences',
      data: { name: 'scritta e poi annullata' },
      req,
      overrideAccess: true,
    })
    throw new Error('injected failure inside the transaction')
  }
  payload.collections.categories.config.hooks.beforeChange.push(failing)
  result.failed = await payload
    .create({ collection: 'categories', data: { name: 'fallisce' }, overrideAccess: true })
    .then(() => false)
    .catch((error: Error) => error.message)
}

if (process.env.DB_PROCESS_MODE === 'book') {
  const { book } = await import('../../cms/registrations')
  const input = JSON.parse(process.env.DB_PROCESS_BOOK ?? '{}')
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
  await new Promise((resolve) => process.stdin.once('data', resolve))
  const outcomes: Record<string, number> = {}
  await Promise.all(
    Array.from({ length: Number(process.env.DB_PROCESS_BOOKINGS ?? 100) }, async (_, i) => {
      const key = await book(payload, { ...input, email: `figlio${i}@example.org` })
        .then((r) => (r.ok ? r.status : r.message))
        .catch((error: Error) => `error: ${error.message}`)
      outcomes[key] = (outcomes[key] ?? 0) + 1
    }),
  )
  process.stdout.write(`${JSON.stringify({ outcomes })}\n`)
  process.exit(0)
}

if (process.env.DB_PROCESS_MODE === 'remind') {
  const { sendReminders } = await import('../../cms/registrations')
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`)
  await new Promise((resolve) => process.stdin.once('data', resolve))
  const reminded = await sendReminders(payload, new Date(process.env.DB_PROCESS_NOW ?? Date.now()))
  process.stdout.write(`${JSON.stringify({ outcomes: { reminded } })}\n`)
  process.exit(0)
}

if (process.env.DB_PROCESS_MODE === 'digest') {
  const { startDigest } = await import('../../cms/jobs/weekly-digest')
  for (let i = 0; i < Number(process.env.DB_PROCESS_SUBSCRIBERS ?? 50); i++)
    await payload.create({
      collection: 'subscribers',
      data: {
        email: `settimanale${i}@example.org`,
        status: 'confirmed',
        language: 'it',
        preferences: { weeklyDigest: true },
      },
      overrideAccess: true,
    })
  result.newsletter = (await startDigest(payload)).id
}

const started = performance.now()
const doc = await payload.create({ collection: 'categories', data: { name }, overrideAccess: true })
result.id = doc.id
result.ms = Math.round(performance.now() - started)
process.stdout.write(`${JSON.stringify(result)}\n`)
process.exit(0)
