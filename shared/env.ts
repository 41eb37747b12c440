import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { appRoot, dataDir } from './paths'

let loaded = false
/** Reads `.env` once (variables already set win). */
export const loadEnv = () => {
  if (loaded) return
  loaded = true
  const file = path.join(appRoot(), '.env')
  if (existsSync(file)) process.loadEnvFile(file)
}

const isProduction = () => process.env.NODE_ENV === 'production'

/**
 * PAYLOAD_SECRET signs sessions and newsletter tokens. Production refuses to start without one;
 * development generates one into data/ once, so it survives restarts and is never committed.
 */
/** At least 32 characters (e.g. `openssl rand -hex 32`): sessions and newsletter links are only as strong as it. */
export const MIN_SECRET_LENGTH = 32

export const payloadSecret = (): string => {
  loadEnv()
  const fromEnv = process.env.PAYLOAD_SECRET?.trim()
  const generatedAllowed = process.env.ALLOW_GENERATED_SECRET === '1'
  if (fromEnv) {
    if (isProduction() && fromEnv.length < MIN_SECRET_LENGTH)
      throw new Error(
        `PAYLOAD_SECRET must be at least ${MIN_SECRET_LENGTH} characters in production (see .env.example).`,
      )
    return fromEnv
  }
  const file = path.join(dataDir(), '.payload-secret')
  // A file left by a development run must not quietly become the production secret.
  if (isProduction() && !generatedAllowed)
    throw new Error(
      existsSync(file)
        ? `PAYLOAD_SECRET is required when NODE_ENV=production; ${file} was generated for development and is not used (ALLOW_GENERATED_SECRET=1 to use it).`
        : 'PAYLOAD_SECRET is required when NODE_ENV=production (see .env.example).',
    )
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  mkdirSync(path.dirname(file), { recursive: true })
  const secret = randomBytes(32).toString('hex')
  writeFileSync(file, secret, { mode: 0o600, flag: 'wx' })
  return secret
}

export const databaseUrl = (): string => {
  loadEnv()
  return process.env.DATABASE_URL?.trim() || `file:${path.join(dataDir(), 'agenda.db')}`
}

export const cmsPort = () => Number(process.env.CMS_PORT ?? 3000)
export const sitePort = () => Number(process.env.SITE_PORT ?? 4321)
export const cmsUrl = (): string => {
  loadEnv()
  return (process.env.CMS_URL ?? `http://localhost:${cmsPort()}`).replace(/\/$/, '')
}
export const siteUrl = (): string => {
  loadEnv()
  return (process.env.SITE_URL ?? `http://localhost:${sitePort()}`).replace(/\/$/, '')
}

/**
 * IMPORT_ALLOW_LOOPBACK=1 lets the calendar import read from 127.0.0.0/8 and ::1 (tests that serve fixtures from a
 * local server). Off by default: every other private, local or reserved address stays refused either way.
 */
export const importAllowLoopback = (): boolean => {
  loadEnv()
  return process.env.IMPORT_ALLOW_LOOPBACK === '1'
}
