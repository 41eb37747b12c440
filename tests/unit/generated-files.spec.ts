import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const cli = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, ['scripts/payload.mjs', ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      PAYLOAD_SECRET: 'unit-secret-not-for-production-0123456789',
      DATA_DIR: mkdtempSync(path.join(tmpdir(), 'agenda-gen-')),
      ...env,
    },
  })

describe('generated files are committed up to date', () => {
  it('cms/payload-types.ts matches the Payload config (run `npm run regen:schema`)', () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'agenda-types-')), 'payload-types.ts')
    const r = cli(['generate:types'], { PAYLOAD_TS_OUTPUT_PATH: out })
    expect(r.status, r.stderr).toBe(0)
    expect(readFileSync(out, 'utf8')).toBe(readFileSync('cms/payload-types.ts', 'utf8'))
  }, 60_000)

  it('the committed SQLite migrations describe the whole schema (run `npm run regen:schema`)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'agenda-migrations-'))
    cpSync('cms/migrations', dir, { recursive: true })
    const before = readdirSync(dir).sort()
    const r = cli(['migrate:create', 'drift', '--skip-empty'], { PAYLOAD_MIGRATION_DIR: dir })
    expect(r.status, r.stderr).toBe(0)
    expect(readdirSync(dir).sort(), r.stdout).toEqual(before)
  }, 60_000)
})
