import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Payload } from 'payload'
import { SLUGS } from '../../collections/slugs'
import { appRoot } from '../../shared/paths'
import { syncSource } from '../import'

type Id = number | string

const DAY = 86_400_000
/** The Monday the bundled calendar's dates are written around. */
const ANCHOR = Date.UTC(2027, 2, 1)
const DATED = /^(DTSTART|DTEND|RECURRENCE-ID|EXDATE|RDATE)([;:].*)$/

/** The bundled calendar moved by whole weeks (weekdays stay), so its first week is the one after `today`. */
export const demoCalendar = (today: Date): string => {
  const monday = Date.UTC(
    today.getUTCFullYear(),
    today.getUTCMonth(),
    today.getUTCDate() + ((8 - today.getUTCDay()) % 7 || 7),
  )
  const shift = Math.round((monday - ANCHOR) / (7 * DAY)) * 7 * DAY
  const text = readFileSync(path.join(appRoot(), 'cms', 'seed', 'data', 'calendario-dimostrativo.ics'), 'utf8')
  return text
    .split('\r\n')
    .map((line) =>
      line.replace(
        DATED,
        (_, name: string, rest: string) =>
          name +
          rest.replace(/(\d{4})(\d{2})(\d{2})/g, (date: string, y: string, m: string, d: string) => {
            // Only the calendar's own years move: the item dated 1999 stays outside the agenda's years on purpose.
            if (Number(y) < 2020) return date
            return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)) + shift)
              .toISOString()
              .slice(0, 10)
              .replaceAll('-', '')
          }),
      ),
    )
    .join('\r\n')
}

/**
 * A calendar source of the demo network with one completed run (issue 16): a library's Google calendar, imported
 * by the same sync as a real one, from a file bundled in the repository (no network). It imports as a library
 * contributor, so its events wait in review as drafts and the public agenda is unchanged. Disabled: the address
 * is an example, the scheduler must not read it.
 */
export const seedCalendarImport = async (
  payload: Payload,
  at: { system: Id; library: Id; today: Date; log: (line: string) => void },
) => {
  const base = { overrideAccess: true, depth: 0, context: { seed: true } } as const
  const user = await payload.create({
    collection: SLUGS.users,
    data: {
      email: 'calendario.dimostrativo@rbbg.example.org',
      // Nobody logs in as this account: it only gives the demo import a contributor's rights.
      password: randomBytes(24).toString('base64url'),
      name: 'Collaborazione dimostrativa (importazione calendario)',
      roles: ['library-contributor'],
      system: at.system as number,
      library: at.library as number,
    },
    ...base,
  })
  const source = await payload.create({
    collection: SLUGS.calendarSources,
    data: {
      name: 'Calendario Google della biblioteca (dimostrativo)',
      url: 'https://calendar.example.org/biblioteca-dimostrativa/basic.ics',
      system: at.system as number,
      library: at.library as number,
      runAs: user.id,
      enabled: false,
      authority: 'source',
      vanished: 'cancel',
      intervalHours: '6',
    },
    ...base,
  })
  const result = await syncSource(payload, source.id, { trigger: 'seed', ics: demoCalendar(at.today), now: at.today })
  at.log(`calendario importato: ${result.counts.created} eventi in revisione`)
}
