import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from './helpers/stack'

/**
 * `npm run backup` / `npm run restore` round trip on a seeded demo network: the restored database holds
 * exactly what was backed up (every row of every table), the media come back byte for byte, and a restore
 * is refused while another process has the database open.
 */

const ROOT = path.resolve(import.meta.dirname, '../..')
const dataDir = mkdtempSync(path.join(tmpdir(), 'agenda-backup-'))
const dbFile = path.join(dataDir, 'agenda.db')
const media = path.join(dataDir, 'media')
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

let env: NodeJS.ProcessEnv
const run = (script: string, args: string[] = []) =>
  spawnSync(process.execPath, [script, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 240_000 })

/**
 * SQL run in a separate Node process: an in-process libsql connection keeps its file lock until garbage
 * collection, which would make the restore (rightly) see the database as in use.
 */
const SQL_CHILD = `
import { createClient } from '@libsql/client'
const [file, mode, ...statements] = process.argv.slice(1)
const db = createClient({ url: 'file:' + file })
await db.execute('PRAGMA busy_timeout = 5000')
const out = {}
if (mode === 'dump') {
  const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
  for (const { name } of tables.rows) out[name] = (await db.execute('SELECT * FROM "' + name + '" ORDER BY rowid')).rows.map((r) => ({ ...r }))
} else {
  for (const [i, sql] of statements.entries()) out[i] = (await db.execute(sql)).rows.map((r) => ({ ...r }))
}
process.stdout.write(JSON.stringify(out, (_, v) => (typeof v === 'bigint' ? Number(v) : v)) + '\\n')
if (mode === 'hold') { process.stdin.resume(); process.stdin.on('end', () => process.exit(0)) }
else db.close()
`
const sqlChild = (file: string, mode: 'dump' | 'run' | 'hold', statements: string[] = []) =>
  spawn(process.execPath, ['--input-type=module', '-e', SQL_CHILD, file, mode, ...statements], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
const sql = (file: string, mode: 'dump' | 'run', statements: string[] = []): Promise<Record<string, any[]>> =>
  new Promise((resolve, reject) => {
    const child = sqlChild(file, mode, statements)
    let out = ''
    child.stdout.on('data', (d) => {
      out += d
    })
    child.stdin.end()
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`sql child exited ${code}`))))
  })
/** Every row of every table, in a stable order: "the content" of the database. */
const dump = (file: string) => sql(file, 'dump')

describe('backup and restore', () => {
  let backup = ''
  let snapshot: Record<string, unknown[]>
  /** The demo seed's own images (each in several sizes and formats), before the test adds its cover. */
  let seededMedia = 0

  beforeAll(async () => {
    const base: NodeJS.ProcessEnv = { ...process.env }
    for (const name of ['DATABASE_URL', 'MEDIA_DIR', 'BACKUP_DIR', 'BACKUP_KEEP', 'NODE_ENV']) delete base[name]
    env = {
      ...base,
      DATA_DIR: dataDir,
      PAYLOAD_SECRET: 'backup-test-secret-not-for-production-01234',
      SEED_EVENTS: '12',
      // Nothing listens there: the restore's "is a server running?" probe must only see the database lock.
      CMS_URL: `http://localhost:${await freePort()}`,
      SITE_URL: `http://localhost:${await freePort()}`,
    }
    const seeded = run('scripts/seed.mjs')
    expect(seeded.status, seeded.stderr + seeded.stdout).toBe(0)
    mkdirSync(media, { recursive: true })
    seededMedia = readdirSync(media).length
    writeFileSync(path.join(media, 'copertina.png'), PNG)
    snapshot = await dump(dbFile)
    // The 12 demo events plus what the seed always adds: the staff-only training, the demo calendar import's four
    // drafts and the demo proposal's draft.
    expect(snapshot.events?.length).toBe(18)
    expect(snapshot.occurrences?.length).toBeGreaterThan(12)
  }, 300_000)
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

  it('writes a complete, verified backup to data/backups/<timestamp>/ while a writer is busy', async () => {
    // A concurrent writer in another process: the backup must still be one consistent snapshot.
    await sql(dbFile, 'run', ['CREATE TABLE backup_probe (n INTEGER NOT NULL)'])
    const writer = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { createClient } from '@libsql/client'
         const db = createClient({ url: 'file:${dbFile}' })
         await db.execute('PRAGMA busy_timeout = 5000')
         let n = 0
         process.on('SIGTERM', () => { console.log(n); process.exit(0) })
         for (;;) { await db.execute({ sql: 'INSERT INTO backup_probe (n) VALUES (?)', args: [n] }); n++; if (n === 50) console.error('writing'); await new Promise((r) => setImmediate(r)) }`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    let writerOut = ''
    writer.stdout.on('data', (d) => {
      writerOut += d
    })
    await new Promise((resolve) => writer.stderr.once('data', resolve))
    const result = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['scripts/backup.mjs'], { cwd: ROOT, env })
      let stdout = ''
      let stderr = ''
      child.stdout.on('data', (d) => {
        stdout += d
      })
      child.stderr.on('data', (d) => {
        stderr += d
      })
      child.on('exit', (status) => resolve({ status, stdout, stderr }))
    })
    writer.kill('SIGTERM')
    await new Promise((resolve) => writer.on('exit', resolve))
    const inserted = Number(writerOut.trim())
    expect(inserted).toBeGreaterThan(50)
    expect(result.status, result.stderr).toBe(0)
    backup = result.stdout.trim().split('\n').at(-1) ?? ''
    expect(path.dirname(backup)).toBe(path.join(dataDir, 'backups'))
    expect(path.basename(backup)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}Z$/)
    expect(readdirSync(path.join(dataDir, 'backups')).some((n) => n.endsWith('.partial'))).toBe(false)

    // Personal data and the secret: readable by the operator's account only.
    const modes = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const file = path.join(dir, e.name)
        const mode = (statSync(file).mode & 0o777).toString(8)
        return e.isDirectory() ? [`${e.name}/ ${mode}`, ...modes(file)] : [`${e.name} ${mode}`]
      })
    expect((statSync(backup).mode & 0o777).toString(8)).toBe('700')
    for (const entry of modes(backup)) expect(entry).toMatch(/\/ 700$| 600$/)

    const manifest = JSON.parse(readFileSync(path.join(backup, 'manifest.json'), 'utf8'))
    expect(manifest.database).toBe('sqlite')
    expect(manifest.media.files).toBe(seededMedia + 1)
    expect(readFileSync(path.join(backup, 'media', 'copertina.png'))).toEqual(PNG)
    const copied = await sql(path.join(backup, 'agenda.db'), 'run', [
      'PRAGMA integrity_check',
      'SELECT count(*) AS c, coalesce(max(n), -1) AS m FROM backup_probe',
    ])
    const check = { rows: copied[0] ?? [] }
    const probe = copied[1]?.[0]
    expect(check.rows[0] && Object.values(check.rows[0])[0]).toBe('ok')
    // The inserts are 0, 1, 2…: a consistent snapshot holds an unbroken prefix of them.
    expect(Number(probe?.c)).toBe(Number(probe?.m) + 1)
    expect(Number(probe?.c)).toBeLessThanOrEqual(inserted)
    expect(manifest.sqlite.tables.backup_probe).toBe(Number(probe?.c))

    // The demo network is in the backup, untouched.
    const content = await dump(path.join(backup, 'agenda.db'))
    for (const table of ['events', 'occurrences', 'libraries', 'systems', 'users'])
      expect(content[table], table).toEqual(snapshot[table])
    snapshot = content
  })

  it('refuses to restore while another process has the database open, and changes nothing', async () => {
    const holder = sqlChild(dbFile, 'hold', [
      "UPDATE events SET title = 'Titolo modificato dopo il backup'",
      'DELETE FROM occurrences WHERE id IN (SELECT id FROM occurrences ORDER BY id LIMIT 5)',
    ])
    await new Promise((resolve) => holder.stdout.once('data', resolve))
    writeFileSync(path.join(media, 'copertina.png'), Buffer.from('not the same image'))
    writeFileSync(path.join(media, 'nuova.png'), PNG)
    const refused = run('scripts/restore.mjs', [backup])
    holder.stdin.end()
    await new Promise((resolve) => holder.on('exit', resolve))
    expect(refused.status).toBe(1)
    expect(refused.stderr).toMatch(/open in another process/)
    const titles = await sql(dbFile, 'run', ['SELECT DISTINCT title FROM events'])
    expect(titles[0]?.map((r) => r.title)).toEqual(['Titolo modificato dopo il backup'])
    expect(readFileSync(path.join(media, 'nuova.png'))).toEqual(PNG)
  })

  it('restores exactly the backed-up content and media, keeping the replaced data aside', async () => {
    const restored = run('scripts/restore.mjs', [backup])
    expect(restored.status, restored.stderr).toBe(0)
    expect(await dump(dbFile)).toEqual(snapshot)
    expect(readFileSync(path.join(media, 'copertina.png'))).toEqual(PNG)
    expect(existsSync(path.join(media, 'nuova.png'))).toBe(false)

    const aside = readdirSync(path.join(dataDir, 'backups')).find((n) => n.startsWith('before-restore-'))
    expect(aside).toBeDefined()
    const previous = await sql(path.join(dataDir, 'backups', aside as string, 'agenda.db'), 'run', [
      'SELECT DISTINCT title FROM events',
    ])
    expect(previous[0]?.map((r) => r.title)).toEqual(['Titolo modificato dopo il backup'])
  })

  it('refuses a folder that is not a backup, and a backup whose database was tampered with', () => {
    const notBackup = run('scripts/restore.mjs', [dataDir])
    expect(notBackup.status).toBe(1)
    expect(notBackup.stderr).toMatch(/not a backup/)
    writeFileSync(
      path.join(backup, 'agenda.db'),
      Buffer.concat([readFileSync(path.join(backup, 'agenda.db')), Buffer.from('x')]),
    )
    const tampered = run('scripts/restore.mjs', [backup])
    expect(tampered.status).toBe(1)
    expect(tampered.stderr).toMatch(/does not match its manifest/)
  })
})
