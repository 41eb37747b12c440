#!/usr/bin/env node
// `npm run backup [-- --out <dir>]`: a consistent copy of the database and the uploaded media, safe while
// the servers run, in data/backups/<timestamp>/ (see docs/operations-backup.md).
//   SQLite: `VACUUM INTO` (one read transaction: a snapshot of committed data, compacted, never a torn copy).
//   MongoDB: `mongodump --archive --gzip` (needs the MongoDB Database Tools on PATH).
// BACKUP_KEEP=N keeps only the N newest backups in the backups folder.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import {
  backupsDir,
  databaseUrl,
  dataDir,
  folderStats,
  integrityCheck,
  isMongo,
  loadEnv,
  mediaDir,
  openSqlite,
  sqlitePath,
  tableCounts,
  timestamp,
} from './lib/data-files.mjs'

loadEnv()
const args = process.argv.slice(2)
const outIndex = args.indexOf('--out')
const started = Date.now()
const finalDir = path.resolve(outIndex >= 0 ? args[outIndex + 1] : path.join(backupsDir(), timestamp()))
if (existsSync(finalDir)) {
  console.error(`[backup] ${finalDir} already exists`)
  process.exit(1)
}
// Written under a temporary name and renamed at the end: a folder with the final name is always complete.
const work = `${finalDir}.partial`
// A backup holds personal data and the secret: only the operator's account reads it (folders 0700, files 0600).
process.umask(0o077)
const privateTree = (dir) => {
  chmodSync(dir, 0o700)
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) privateTree(file)
    else chmodSync(file, 0o600)
  }
}
rmSync(work, { recursive: true, force: true })
mkdirSync(work, { recursive: true })

const url = databaseUrl()
const manifest = { format: 1, createdAt: new Date().toISOString(), database: isMongo(url) ? 'mongodb' : 'sqlite' }

try {
  if (isMongo(url)) {
    const r = spawnSync('mongodump', [`--uri=${url}`, `--archive=${path.join(work, 'mongo.archive.gz')}`, '--gzip'], {
      stdio: 'inherit',
    })
    if (r.error || r.status !== 0)
      throw new Error(`mongodump failed${r.error ? `: ${r.error.message} (install the MongoDB Database Tools)` : ''}`)
  } else {
    const source = sqlitePath(url)
    if (!existsSync(source)) throw new Error(`no database at ${source}`)
    const target = path.join(work, 'agenda.db')
    const db = openSqlite(source)
    try {
      await db.execute('PRAGMA busy_timeout = 10000')
      await db.execute(`VACUUM INTO '${target.replaceAll("'", "''")}'`)
    } finally {
      db.close()
    }
    const integrity = await integrityCheck(target)
    if (integrity !== 'ok') throw new Error(`the copy failed its integrity check: ${integrity}`)
    manifest.sqlite = {
      file: 'agenda.db',
      sha256: createHash('sha256').update(readFileSync(target)).digest('hex'),
      tables: await tableCounts(target),
    }
  }

  // After the database: a file uploaded meanwhile is at worst an extra file, never a missing one.
  const media = mediaDir()
  if (existsSync(media)) cpSync(media, path.join(work, 'media'), { recursive: true, preserveTimestamps: true })
  manifest.media = folderStats(path.join(work, 'media'))

  // Newsletter tokens and sessions are signed with this secret: without it, links in mails already sent stop working.
  const secret = path.join(dataDir(), '.payload-secret')
  if (existsSync(secret)) {
    copyFileSync(secret, path.join(work, 'payload-secret'))
    chmodSync(path.join(work, 'payload-secret'), 0o600)
  }

  writeFileSync(path.join(work, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`)
  privateTree(work) // copied media keep their source's mode otherwise
  mkdirSync(path.dirname(finalDir), { recursive: true })
  renameSync(work, finalDir)
} catch (error) {
  rmSync(work, { recursive: true, force: true })
  console.error(`[backup] failed: ${error instanceof Error ? error.message : error}`)
  process.exit(1)
}

const keep = Number(process.env.BACKUP_KEEP ?? 0)
if (keep > 0 && path.dirname(finalDir) === backupsDir()) {
  const old = readdirSync(backupsDir())
    .filter((name) => /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/.test(name))
    .sort()
    .slice(0, -keep)
  for (const name of old) rmSync(path.join(backupsDir(), name), { recursive: true, force: true })
}

const rows = manifest.sqlite ? Object.values(manifest.sqlite.tables).reduce((a, b) => a + b, 0) : null
console.error(
  `[backup] done in ${Date.now() - started} ms: ${manifest.database}${rows === null ? '' : ` (${rows} rows)`}, ` +
    `${manifest.media.files} media files`,
)
// The last line on stdout is the backup folder, for scripts.
console.log(finalDir)
