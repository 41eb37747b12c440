#!/usr/bin/env node
// `npm run restore -- <backup folder>`: puts a backup made by `npm run backup` back in place.
// Refuses while the CMS or the site is running (stop them first). The data it replaces is moved, not
// deleted, to data/backups/before-restore-<timestamp>/, so a wrong restore can itself be undone.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import path from 'node:path'
import {
  answers,
  backupsDir,
  databaseInUse,
  databaseUrl,
  dataDir,
  integrityCheck,
  isMongo,
  loadEnv,
  mediaDir,
  sqlitePath,
  tableCounts,
  timestamp,
} from './lib/data-files.mjs'

const cwd = process.cwd()
loadEnv()
const fail = (message) => {
  console.error(`[restore] ${message}`)
  process.exit(1)
}

const arg = process.argv.slice(2).find((a) => !a.startsWith('--'))
if (!arg) fail('usage: npm run restore -- <backup folder> (e.g. data/backups/2026-11-25T08-50-12Z)')
const from = path.resolve(cwd, arg)
const manifestFile = path.join(from, 'manifest.json')
if (!existsSync(manifestFile)) fail(`${from} is not a backup (no manifest.json)`)
const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'))

const cmsUrl = process.env.CMS_URL ?? `http://localhost:${process.env.CMS_PORT ?? 3000}`
const siteUrl = process.env.SITE_URL ?? `http://localhost:${process.env.SITE_PORT ?? 4321}`
for (const url of [cmsUrl, siteUrl])
  if (await answers(url)) fail(`a server answers at ${url}: stop the CMS and the site before restoring`)

const url = databaseUrl()
if ((manifest.database === 'mongodb') !== isMongo(url))
  fail(`the backup holds a ${manifest.database} database but DATABASE_URL points to another kind`)

// Created only once every check has passed: a refused restore leaves nothing behind.
const aside = path.join(backupsDir(), `before-restore-${timestamp()}`)

if (isMongo(url)) {
  const archive = path.join(from, 'mongo.archive.gz')
  const r = spawnSync('mongorestore', [`--uri=${url}`, `--archive=${archive}`, '--gzip', '--drop'], {
    stdio: 'inherit',
  })
  if (r.error || r.status !== 0) fail(`mongorestore failed${r.error ? `: ${r.error.message}` : ''}`)
  mkdirSync(aside, { recursive: true })
} else {
  const source = path.join(from, manifest.sqlite?.file ?? 'agenda.db')
  if (!existsSync(source)) fail(`${source} is missing`)
  const sha = createHash('sha256').update(readFileSync(source)).digest('hex')
  if (manifest.sqlite?.sha256 && sha !== manifest.sqlite.sha256) fail('the backup database does not match its manifest')
  const integrity = await integrityCheck(source)
  if (integrity !== 'ok') fail(`the backup database fails its integrity check: ${integrity}`)

  const target = sqlitePath(url)
  if (await databaseInUse(target)) fail(`${target} is open in another process: stop the CMS and the site first`)
  mkdirSync(path.dirname(target), { recursive: true })
  mkdirSync(aside, { recursive: true })
  // Copy next to the target first, then swap by rename, so the database file is never half-written.
  const incoming = `${target}.restoring`
  copyFileSync(source, incoming)
  for (const suffix of ['', '-wal', '-shm', '-journal'])
    if (existsSync(target + suffix)) renameSync(target + suffix, path.join(aside, path.basename(target) + suffix))
  renameSync(incoming, target)
  const restored = await tableCounts(target)
  if (manifest.sqlite?.tables && JSON.stringify(restored) !== JSON.stringify(manifest.sqlite.tables))
    fail('the restored database does not hold the rows the manifest lists')
}

const media = mediaDir()
if (existsSync(media)) renameSync(media, path.join(aside, 'media'))
if (existsSync(path.join(from, 'media')))
  cpSync(path.join(from, 'media'), media, { recursive: true, preserveTimestamps: true })

const secret = path.join(from, 'payload-secret')
if (existsSync(secret) && !process.env.PAYLOAD_SECRET) {
  const current = path.join(dataDir(), '.payload-secret')
  if (existsSync(current)) renameSync(current, path.join(aside, '.payload-secret'))
  copyFileSync(secret, current)
}

console.error(`[restore] restored ${from} (${manifest.createdAt}); the previous data is in ${aside}`)
