// Every integration test file gets its own data folder and SQLite file, created fresh and migrated by Payload.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

const dir = mkdtempSync(path.join(tmpdir(), 'agenda-int-'))
process.env.APP_ROOT = process.cwd()
process.env.DATA_DIR = dir
process.env.DATABASE_URL = `file:${path.join(dir, 'test.db')}`
process.env.PAYLOAD_SECRET = 'integration-test-secret'
process.env.CMS_URL = 'http://localhost:3000'
process.env.SITE_URL = 'http://localhost:4321'
process.env.HEALTH_CACHE_MS = '0' // the health tests change the state between calls
delete process.env.SMTP_URL
delete process.env.JOBS_AUTORUN
