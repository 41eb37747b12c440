#!/usr/bin/env node
// Runs the Payload CLI with tsx preloaded. Payload's own launcher imports its CLI through tsx's scoped
// `tsImport`, which on Node 20 never resolves the TypeScript config and exits silently.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import path from 'node:path'

const require = createRequire(import.meta.url)
const bin = path.join(path.dirname(require.resolve('payload')), '..', 'bin.js')
const result = spawnSync(
  process.execPath,
  ['--conditions=production', '--import', 'tsx', bin, ...process.argv.slice(2), '--disable-transpile'],
  {
    stdio: 'inherit',
    env: { PAYLOAD_CONFIG_PATH: 'cms/payload.config.ts', ...process.env },
  },
)
process.exit(result.status ?? 1)
