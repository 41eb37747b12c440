// Calendar import (issue 16): a generated calendar of BENCH_IMPORT_EVENTS (default 5,000) events, served on
// 127.0.0.1, imported end to end by the sync (fetch, parse, validation, events and their dates, items, run log) as
// a system editor, then synced again unchanged. Targets: ≥ 200 events/s, re-sync ≤ 2 s. Printed, not asserted.
//
//   BENCH_ONLY=import npm run bench            (within the whole bench; the platform's database is not used)
//   node --conditions=production --import tsx bench/import.ts
//
// The measuring runs in a process of its own on a fresh database in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { print, runPhase, writeResult } from './lib'

const SELF = path.join('bench', 'import.ts')
const EVENTS = Number(process.env.BENCH_IMPORT_EVENTS ?? 5000)

type Result = {
  events: number
  bytes: number
  firstMs: number
  created: number
  refused: number
  againMs: number
  unchanged: number
}

const pad = (n: number) => String(n).padStart(2, '0')
const local = (d: Date) =>
  `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}00`

/** A library's busy calendar: one event in ten a weekly series of 8 dates, the rest single dates, over two years. */
export const generatedCalendar = (events: number, from: Date) => {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//bench//import//IT', 'X-WR-TIMEZONE:Europe/Rome']
  const titles = [
    'Letture animate',
    'Laboratorio di fumetto',
    'Incontro con l’autore',
    'Gruppo di lettura',
    'Storie piccine',
  ]
  for (let i = 0; i < events; i++) {
    const start = new Date(from.getTime() + Math.floor((i * 730 * 86_400_000) / events))
    start.setUTCHours(9 + (i % 9), (i % 4) * 15, 0, 0)
    const end = new Date(start.getTime() + 90 * 60_000)
    lines.push(
      'BEGIN:VEVENT',
      `UID:bench-${i}@calendar.example.org`,
      `DTSTAMP:20270101T000000Z`,
      `DTSTART;TZID=Europe/Rome:${local(start)}`,
      `DTEND;TZID=Europe/Rome:${local(end)}`,
      `SUMMARY:${titles[i % titles.length]} n. ${i}`,
      `DESCRIPTION:Evento generato per la misura dell’importazione\\, numero ${i}.`,
      `LOCATION:Sala ${1 + (i % 3)}`,
      ...(i % 10 === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=8'] : []),
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.join('\r\n')}\r\n`
}

const measure = async () => {
  const { getPayload } = await import('../cms/local-api')
  const { syncSource } = await import('../cms/import')
  const payload = await getPayload()
  const base = { overrideAccess: true, depth: 0 } as const
  const system = await payload.create({
    collection: 'systems',
    data: { name: 'Sistema di prova', shortName: 'Prova' },
    ...base,
  })
  const library = await payload.create({
    collection: 'libraries',
    data: { name: 'Biblioteca di prova', system: system.id, comune: '016091' as never, address: 'Via Roma 1' },
    ...base,
  })
  const editor = await payload.create({
    collection: 'users',
    data: {
      email: 'bench@test.example.org',
      password: 'Bench-Password-2026',
      roles: ['system-editor'],
      system: system.id,
    },
    ...base,
  })
  const ics = generatedCalendar(EVENTS, new Date(Date.now() + 86_400_000))
  const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/calendar' }).end(ics))
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const source = await payload.create({
    collection: 'calendar-sources',
    data: {
      name: 'Calendario generato',
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bench.ics`,
      system: system.id,
      library: library.id,
      runAs: editor.id,
    } as never,
    ...base,
  })
  let t = performance.now()
  const first = await syncSource(payload, source.id, { trigger: 'manual' })
  const firstMs = performance.now() - t
  t = performance.now()
  const again = await syncSource(payload, source.id, { trigger: 'manual' })
  const againMs = performance.now() - t
  server.close()
  writeResult({
    events: EVENTS,
    bytes: Buffer.byteLength(ics),
    firstMs,
    created: first.counts.created,
    refused: first.counts.refused,
    againMs,
    unchanged: again.counts.unchanged,
  } satisfies Result)
  process.exit(0)
}

export const bench = async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'agenda-bench-import-'))
  try {
    const r = await runPhase<Result>(SELF, {
      APP_ROOT: process.cwd(),
      DATA_DIR: dataDir,
      DATABASE_URL: `file:${path.join(dataDir, 'agenda.db')}`,
      PAYLOAD_SECRET: process.env.PAYLOAD_SECRET ?? 'bench-secret-not-for-production-0123456789',
      IMPORT_ALLOW_LOOPBACK: '1',
      BENCH_IMPORT_PHASE: 'measure',
      JOBS_AUTORUN: '0',
    })
    console.log(
      `# import: ${r.events} events (${Math.round(r.bytes / 1024)} KB of iCalendar), ${r.created} created, ${r.refused} refused`,
    )
    print('import: first sync, end to end', r.firstMs, 'ms')
    print('import: first sync (target ≥ 200 events/s)', (r.created / r.firstMs) * 1000, 'events/s')
    print(`import: re-sync without changes, ${r.unchanged} unchanged (target ≤ 2000 ms)`, r.againMs, 'ms')
  } finally {
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(path.resolve(process.argv[1] ?? '')).href) {
  if (process.env.BENCH_IMPORT_PHASE === 'measure') await measure()
  else await bench()
}
