// Where the application's data lives (database + uploaded media), shared by backup.mjs and restore.mjs.
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { createClient } from '@libsql/client'

export const root = path.resolve(import.meta.dirname, '..', '..')

export const loadEnv = () => {
  process.chdir(root)
  if (existsSync('.env')) process.loadEnvFile('.env')
}

export const dataDir = () => path.resolve(process.env.DATA_DIR ?? 'data')
export const mediaDir = () => path.resolve(process.env.MEDIA_DIR ?? path.join(dataDir(), 'media'))
export const backupsDir = () => path.resolve(process.env.BACKUP_DIR ?? path.join(dataDir(), 'backups'))
export const databaseUrl = () => process.env.DATABASE_URL?.trim() || `file:${path.join(dataDir(), 'agenda.db')}`
export const isMongo = (url) => /^mongodb(\+srv)?:\/\//.test(url)

/** The SQLite file behind a `file:` URL (query parameters dropped). */
export const sqlitePath = (url) => {
  if (!url.startsWith('file:')) throw new Error(`not a SQLite file URL: ${url.split(':')[0]}:`)
  return path.resolve(url.slice('file:'.length).split('?')[0])
}

export const openSqlite = (file) => createClient({ url: `file:${file}` })

/** SQLite's own verdict on a database file: 'ok' or the list of problems. */
export const integrityCheck = async (file) => {
  const db = openSqlite(file)
  try {
    const { rows } = await db.execute('PRAGMA integrity_check')
    return rows.map((r) => String(Object.values(r)[0])).join('; ')
  } finally {
    db.close()
  }
}

/** Row counts of every table: what a backup holds, written to its manifest and compared after a restore. */
export const tableCounts = async (file) => {
  const db = openSqlite(file)
  try {
    const { rows } = await db.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const counts = {}
    for (const { name } of rows) {
      const result = await db.execute(`SELECT count(*) AS n FROM "${String(name).replaceAll('"', '""')}"`)
      counts[name] = Number(result.rows[0].n)
    }
    return counts
  } finally {
    db.close()
  }
}

/**
 * Whether another process has the database open: an exclusive lock is refused while any other connection
 * (a running CMS or site) holds it. Returns false when the file does not exist.
 */
export const databaseInUse = async (file) => {
  if (!existsSync(file)) return false
  const db = openSqlite(file)
  try {
    await db.execute('PRAGMA locking_mode=EXCLUSIVE')
    await db.execute('BEGIN EXCLUSIVE')
    await db.execute('SELECT count(*) FROM sqlite_master')
    await db.execute('COMMIT')
    return false
  } catch (error) {
    if (/SQLITE_BUSY|locked/i.test(String(error?.code ?? error?.message))) return true
    throw error
  } finally {
    db.close()
  }
}

/** Whether a server answers its health check (a running CMS or site that has not opened the database yet). */
export const answers = async (url) => {
  try {
    const res = await fetch(`${url.replace(/\/$/, '')}/healthz`, { signal: AbortSignal.timeout(1500) })
    return res.status > 0
  } catch {
    return false
  }
}

export const folderStats = (dir) => {
  let files = 0
  let bytes = 0
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const f = path.join(d, name)
      const s = statSync(f)
      if (s.isDirectory()) walk(f)
      else {
        files += 1
        bytes += s.size
      }
    }
  }
  if (existsSync(dir)) walk(dir)
  return { files, bytes }
}

/** A sortable, filesystem-safe UTC timestamp: 2026-11-25T08-50-12Z. */
export const timestamp = (date = new Date()) =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')
