#!/usr/bin/env node
// `npm run test:mongo`: the integration suite against the MongoDB server named by MONGODB_URL (a replica set:
// Payload's transactions need one). Each test file gets its own database on that server, dropped when the file
// ends. Without MONGODB_URL, or when no server answers there, it says so and exits non-zero: a run that tested
// nothing must not look like a pass.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const url = process.env.MONGODB_URL ?? ''
const fail = (message, code = 2) => {
  console.error(`test:mongo: ${message}`)
  process.exit(code)
}

if (!url)
  fail(
    'MONGODB_URL is not set, so nothing was tested. Point it at a MongoDB replica set, e.g.\n' +
      '  MONGODB_URL="mongodb://localhost:27017/?replicaSet=rs0" npm run test:mongo\n' +
      "(no MongoDB server can be installed on this project's development and CI machines; see docs/operations.md).",
  )
if (!/^mongodb(\+srv)?:\/\//.test(url))
  fail(`MONGODB_URL must start with mongodb:// or mongodb+srv:// (got "${url.split(':')[0]}:").`)

// The driver Payload's adapter uses, resolved from the adapter itself rather than as a dependency of ours.
const require = createRequire(createRequire(import.meta.url).resolve('@payloadcms/db-mongodb'))
const { MongoClient } = require('mongodb')
const probeMs = Number(process.env.MONGODB_PROBE_MS ?? 5000)
const client = new MongoClient(url, { serverSelectionTimeoutMS: probeMs, connectTimeoutMS: probeMs })
try {
  await client.connect()
  const hello = await client.db('admin').command({ hello: 1 })
  if (!hello.setName)
    fail(`the server at MONGODB_URL is not a replica set member; Payload's transactions need a replica set.`, 1)
} catch (error) {
  fail(`no MongoDB server answers at MONGODB_URL within ${probeMs} ms (${error?.message ?? error}).`, 1)
} finally {
  await client.close().catch(() => {})
}

/**
 * Files that test SQLite itself (its locks, WAL, connections, query plans, the sqlite3 client, the file backup).
 * Files that compare a SQL statement with its adapter-neutral twin run here with the twin only (tests/helpers/db-kind.ts).
 */
const SQLITE_ONLY = [
  'tests/int/events-range.int.spec.ts',
  'tests/int/sqlite-client.int.spec.ts',
  'tests/int/sqlite-connections.int.spec.ts',
  'tests/int/sqlite-readers.int.spec.ts',
  'tests/int/statistics-sums.int.spec.ts',
  'tests/int/transactions-end.int.spec.ts',
  'tests/security/atomic-writes.int.spec.ts',
  'tests/security/backup-restore.int.spec.ts',
]

const exclude = SQLITE_ONLY.flatMap((file) => ['--exclude', file])
const child = spawn('npx', ['vitest', 'run', '--project', 'int', ...exclude, ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, INT_MONGODB_URL: url },
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
