// Run by scripts/seed.mjs (`npm run seed -- --events N --if-empty`): the demo network, and the first admin from the environment.
import { getPayload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { databaseUrl } from '../../shared/env'
import config from '../payload.config'
import { isEmpty, seedNetwork } from './index'
import { clearMarker, databaseFileOf, writeMarker } from './marker'

const payload = await getPayload({ config })
const log = (line: string) => console.log(`[seed] ${line}`)

const { ADMIN_EMAIL, ADMIN_PASSWORD } = process.env
if (
  ADMIN_EMAIL &&
  ADMIN_PASSWORD &&
  (await payload.count({ collection: SLUGS.users, overrideAccess: true })).totalDocs === 0
) {
  await payload.create({
    collection: SLUGS.users,
    data: { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, name: 'Amministratore di rete', roles: ['network-admin'] },
    overrideAccess: true, // bootstrapping the first account
  })
  log(`amministratore creato: ${ADMIN_EMAIL}`)
}

const events = Number(process.env.SEED_EVENTS || 300)
if (!Number.isInteger(events) || events < 0) {
  console.error('--events must be a whole number')
  process.exit(2)
}
if (process.env.SEED_IF_EMPTY === '1' && !(await isEmpty(payload))) {
  log('database già popolato: nessun dato dimostrativo aggiunto')
} else if (!(await isEmpty(payload))) {
  console.error(
    '[seed] the database already has content: use an empty DATABASE_URL (or delete data/agenda.db) to seed again',
  )
  process.exit(1)
} else {
  // The marker goes only after the last event: a database seeded halfway has none (bench/lib.ts reseeds it).
  const databaseFile = databaseFileOf(databaseUrl())
  if (databaseFile) clearMarker(databaseFile)
  const started = performance.now()
  await seedNetwork(payload, { events, log })
  const seconds = (performance.now() - started) / 1000
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024)
  log(`completato in ${seconds.toFixed(1)} s, memoria massima ${peakRssMb} MB`)
  if (databaseFile)
    writeMarker(databaseFile, {
      events,
      seconds: Math.round(seconds * 10) / 10,
      eventsPerSecond: Math.round((events / seconds) * 10) / 10,
      peakRssMb,
      finishedAt: new Date().toISOString(),
    })
}
await payload.destroy()
