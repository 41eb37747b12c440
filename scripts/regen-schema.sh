#!/usr/bin/env bash
# Regenerates everything derived from the Payload config after a schema change: the single initial SQLite
# migration (nothing has shipped yet, so there is one), the generated types and the admin import map.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f cms/migrations/2*.ts cms/migrations/2*.json
echo 'export const migrations = []' > cms/migrations/index.ts
node scripts/payload.mjs migrate:create initial
node scripts/payload.mjs generate:types
node scripts/payload.mjs generate:importmap

