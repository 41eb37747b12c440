// Setup of the `stack` test project: the real platform (`node scripts/start.mjs` on free ports, its own data
// folder, the existing builds), started before the test file is imported, so that the file's Local API
// (fixtures, reads that bypass access) opens the same SQLite database the HTTP server writes.
import path from 'node:path'
import { afterAll } from 'vitest'
import { STACK_SECRET, startStack } from './stack'

const stack = await startStack({ seedEvents: 0 })
process.env.APP_ROOT = process.cwd()
process.env.DATA_DIR = stack.dataDir
process.env.DATABASE_URL = `file:${path.join(stack.dataDir, 'agenda.db')}`
process.env.PAYLOAD_SECRET = STACK_SECRET
process.env.CMS_URL = stack.cms
process.env.SITE_URL = stack.site
process.env.STACK_CMS = stack.cms
delete process.env.SMTP_URL
delete process.env.JOBS_AUTORUN

afterAll(async () => {
  stack.process.kill('SIGTERM')
  await stack.exited
})
