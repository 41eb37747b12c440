// Every integration test file gets its own data folder and database, created fresh and migrated by Payload: a
// SQLite file, or under `npm run test:mongo` (INT_MONGODB_URL) a database of its own on that MongoDB server,
// dropped when the file ends.
import { randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll } from 'vitest'
import { withDatabaseName } from './db-kind'

const dir = mkdtempSync(path.join(tmpdir(), 'agenda-int-'))
process.env.APP_ROOT = process.cwd()
process.env.DATA_DIR = dir
const mongo = process.env.INT_MONGODB_URL
if (mongo) {
  const url = withDatabaseName(mongo, `agenda_int_${randomBytes(6).toString('hex')}`)
  process.env.DATABASE_URL = url
  afterAll(async () => {
    const require = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-mongodb'))
    const { MongoClient } = require('mongodb') as typeof import('mongodb')
    const client = new MongoClient(url)
    try {
      await client.db().dropDatabase()
    } finally {
      await client.close()
    }
  })
} else process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
process.env.PAYLOAD_SECRET = 'integration-test-secret'
process.env.CMS_URL = 'http://localhost:3000'
process.env.SITE_URL = 'http://localhost:4321'
process.env.HEALTH_CACHE_MS = '0' // the health tests change the state between calls
delete process.env.SMTP_URL
delete process.env.JOBS_AUTORUN
