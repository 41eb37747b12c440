#!/usr/bin/env node
// `npm run seed [-- --events N] [--if-empty]`. `payload run` drops flags, so they travel as environment variables.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

const args = process.argv.slice(2)
const i = args.indexOf('--events')
const env = { ...process.env }
if (i >= 0) env.SEED_EVENTS = args[i + 1] ?? ''
if (args.includes('--if-empty')) env.SEED_IF_EMPTY = '1'
const payloadCli = path.join(import.meta.dirname, 'payload.mjs')
const r = spawnSync(process.execPath, [payloadCli, 'run', 'cms/seed/run.ts'], { stdio: 'inherit', env })
process.exit(r.status ?? 1)
