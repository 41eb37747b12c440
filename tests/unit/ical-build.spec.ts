import { execFile } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { buildCalendar, type FeedEvent } from '../../collections/lib/ical/build'
import { expandSchedule, type ScheduleInput } from '../../collections/lib/recurrence'
import { CASES, calendarOf, NOW } from '../fixtures/ical/events'
import { expandIcs, parseCalendar } from '../helpers/ical-expand'

const GOLDEN = path.join(process.cwd(), 'tests/fixtures/ical/golden')
const run = promisify(execFile)

const golden = (name: string, ics: string) => {
  const file = path.join(GOLDEN, `${name}.ics`)
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, ics)
  if (!existsSync(file)) throw new Error(`${file} is missing: run with UPDATE_GOLDEN=1 and review it`)
  return readFileSync(file, 'utf8')
}

const lines = (ics: string) => ics.replace(/\r\n /g, '').split('\r\n')
/** The unfolded lines of one property in the VEVENTs (not in the calendar or its VTIMEZONE). */
const prop = (ics: string, name: string) => {
  let inEvent = false
  return lines(ics).filter((l) => {
    if (l === 'BEGIN:VEVENT') inEvent = true
    if (l === 'END:VEVENT') inEvent = false
    return inEvent && (l.startsWith(`${name}:`) || l.startsWith(`${name};`))
  })
}
const rome = (iso: string) =>
  new Date(iso).toLocaleString('it-IT', { timeZone: 'Europe/Rome', dateStyle: 'short', timeStyle: 'short' })

describe('iCalendar golden files (pinned inputs, byte for byte)', () => {
  for (const name of Object.keys(CASES)) {
    it(`renders "${name}" exactly as the checked-in golden file`, () => {
      const ics = buildCalendar(calendarOf(name))
      expect(ics).toBe(golden(name, ics))
    })
  }

  it('renders the same bytes with the process in TZ=UTC and in TZ=Europe/Rome', async () => {
    const render = async (tz: string) =>
      JSON.parse(
        (
          await run(process.execPath, ['--import', 'tsx', 'tests/helpers/ical-render-goldens.ts'], {
            env: { ...process.env, TZ: tz },
            maxBuffer: 10_000_000,
          })
        ).stdout,
      ) as Record<string, string>
    const [utc, romeTz, newYork] = await Promise.all([render('UTC'), render('Europe/Rome'), render('America/New_York')])
    expect(Object.keys(utc)).toEqual(Object.keys(CASES))
    for (const name of Object.keys(CASES)) {
      expect(romeTz[name], name).toBe(utc[name])
      expect(newYork[name], name).toBe(utc[name])
      expect(utc[name], name).toBe(readFileSync(path.join(GOLDEN, `${name}.ics`), 'utf8'))
    }
  }, 60_000)
})

describe('what a calendar client shows from the golden calendars', () => {
  it('single: 10:30–11:30 Rome time, with a TZID and one Europe/Rome VTIMEZONE', () => {
    const ics = buildCalendar(calendarOf('single'))
    expect(prop(ics, 'DTSTART')).toEqual(['DTSTART;TZID=Europe/Rome:20260207T103000'])
    expect(prop(ics, 'DTEND')).toEqual(['DTEND;TZID=Europe/Rome:20260207T113000'])
    expect(ics.match(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Rome/g)).toHaveLength(1)
    const [o] = expandIcs(ics)
    expect(o).toMatchObject({ start: '2026-02-07T09:30:00.000Z', end: '2026-02-07T10:30:00.000Z', status: 'CONFIRMED' })
  })

  it('all-day: DATE values with an exclusive DTEND on the next day', () => {
    const ics = buildCalendar(calendarOf('all-day'))
    expect(prop(ics, 'DTSTART')).toContain('DTSTART;VALUE=DATE:20260423')
    expect(prop(ics, 'DTEND')).toContain('DTEND;VALUE=DATE:20260424')
    expect(expandIcs(ics)).toMatchObject([{ start: '2026-04-23', end: '2026-04-24' }])
    expect(prop(ics, 'GEO')).toEqual([])
  })

  it('multi-day: an all-day exhibition ends after its last day, a timed one crosses midnight', () => {
    expect(expandIcs(buildCalendar(calendarOf('multi-day')))).toMatchObject([
      { uid: '103@agenda.example.org', start: '2026-05-02', end: '2026-05-11' },
      { uid: '104@agenda.example.org', start: '2026-06-05T16:00:00.000Z', end: '2026-06-06T10:00:00.000Z' },
    ])
  })

  it('weekly across the March DST change: one VEVENT, every date at 10:30 Rome time', () => {
    const ics = buildCalendar(calendarOf('weekly-march-dst'))
    expect(prop(ics, 'UID')).toEqual(['UID:105@agenda.example.org'])
    expect(prop(ics, 'RRULE').at(-1)).toBe('RRULE:FREQ=WEEKLY;BYDAY=SA;COUNT=5;WKST=MO')
    const dates = expandIcs(ics).map((o) => o.start)
    expect(dates.map(rome)).toEqual([
      '14/03/26, 10:30',
      '21/03/26, 10:30',
      '28/03/26, 10:30',
      '04/04/26, 10:30',
      '11/04/26, 10:30',
    ])
    expect(dates[3]).toBe('2026-04-04T08:30:00.000Z') // UTC+2 after the change
  })

  it('weekly across the October DST change: every Thursday at 17:00, up to the "until" day included', () => {
    const dates = expandIcs(buildCalendar(calendarOf('weekly-october-dst'))).map((o) => o.start)
    expect(dates.map(rome)).toEqual(['15/10/26, 17:00', '22/10/26, 17:00', '29/10/26, 17:00', '05/11/26, 17:00'])
    expect(dates[2]).toBe('2026-10-29T16:00:00.000Z') // UTC+1 after the change
  })

  it('excluded dates become EXDATE and extra dates RDATE', () => {
    const ics = buildCalendar(calendarOf('excluded-dates'))
    expect(prop(ics, 'EXDATE')).toEqual(['EXDATE;TZID=Europe/Rome:20260218T163000'])
    expect(prop(ics, 'RDATE')).toEqual(['RDATE;TZID=Europe/Rome:20260221T100000'])
    expect(expandIcs(ics).map((o) => rome(o.start))).toEqual([
      '04/02/26, 16:30',
      '11/02/26, 16:30',
      '21/02/26, 10:00',
      '25/02/26, 16:30',
      '04/03/26, 16:30',
      '11/03/26, 16:30',
    ])
  })

  it('an edited date is a RECURRENCE-ID override: moved with its note, or cancelled alone', () => {
    const ics = buildCalendar(calendarOf('edited-occurrence'))
    expect(prop(ics, 'RECURRENCE-ID')).toEqual([
      'RECURRENCE-ID;TZID=Europe/Rome:20260317T170000',
      'RECURRENCE-ID;TZID=Europe/Rome:20260324T170000',
    ])
    expect(prop(ics, 'SEQUENCE')).toEqual(['SEQUENCE:5', 'SEQUENCE:5', 'SEQUENCE:5'])
    const dates = expandIcs(ics)
    expect(dates.map((o) => [rome(o.start), o.status, o.summary])).toEqual([
      ['03/03/26, 17:00', 'CONFIRMED', 'Laboratorio di fumetto'],
      ['10/03/26, 17:00', 'CONFIRMED', 'Laboratorio di fumetto'],
      ['19/03/26, 17:00', 'CONFIRMED', 'Laboratorio di fumetto'],
      ['24/03/26, 17:00', 'CANCELLED', 'Annullato: Laboratorio di fumetto'],
    ])
    expect(lines(ics).find((l) => l.includes('Spostato a giovedì'))).toMatch(/^DESCRIPTION:Nota: Spostato a giovedì/)
  })

  it('cancelled: kept with STATUS:CANCELLED, "Annullato: " in the title and the reason first in the text', () => {
    const ics = buildCalendar(calendarOf('cancelled'))
    expect(prop(ics, 'STATUS')).toEqual(['STATUS:CANCELLED'])
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:Annullato: Incontro con l’autore'])
    expect(prop(ics, 'DESCRIPTION')[0]).toMatch(/^DESCRIPTION:EVENTO ANNULLATO\.\\n/)
  })

  it('postponed and full events say so in the title and the description', () => {
    const [event] = CASES.single as FeedEvent[]
    const ics = buildCalendar(
      calendarOf('statuses', [
        { ...(event as FeedEvent), status: 'postponed' },
        { ...(event as FeedEvent), uid: 'x@agenda.example.org', status: 'full' },
      ]),
    )
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:Rinviato: Letture animate', 'SUMMARY:Esaurito: Letture animate'])
    expect(prop(ics, 'STATUS')).toEqual(['STATUS:TENTATIVE', 'STATUS:CONFIRMED'])
    expect(prop(ics, 'DESCRIPTION')[0]).toContain('Evento rinviato')
    expect(prop(ics, 'DESCRIPTION')[1]).toContain('Posti esauriti')
  })

  it('an event moved online has no physical place: LOCATION says Online, no GEO, the link is in the text', () => {
    const [event] = CASES.single as FeedEvent[]
    const ics = buildCalendar(
      calendarOf('online', [
        { ...(event as FeedEvent), status: 'movedOnline', onlineUrl: 'https://meet.example.org/x' },
      ]),
    )
    expect(prop(ics, 'SUMMARY')).toEqual(['SUMMARY:Spostato online: Letture animate'])
    expect(prop(ics, 'LOCATION')).toEqual(['LOCATION:Online'])
    expect(prop(ics, 'GEO')).toEqual([])
    expect(prop(ics, 'DESCRIPTION')[0]).toContain('Online: https://meet.example.org/x')
    expect(prop(ics, 'DESCRIPTION')[0]).not.toContain('Dove:')
  })
})

describe('RFC 5545 shape of every golden calendar', () => {
  for (const name of Object.keys(CASES)) {
    it(`${name}: CRLF lines of at most 75 octets, UTC DTSTAMP = updatedAt, plain-text description ending with the URL`, () => {
      const ics = buildCalendar(calendarOf(name))
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true)
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75)
      const vevents = prop(ics, 'UID').length
      expect(prop(ics, 'DTSTAMP')).toEqual(Array(vevents).fill('DTSTAMP:20260110T081530Z'))
      expect(prop(ics, 'LAST-MODIFIED')).toEqual(Array(vevents).fill('LAST-MODIFIED:20260110T081530Z'))
      for (const d of prop(ics, 'DESCRIPTION')) {
        expect(d).not.toMatch(/<[a-z]/i)
        expect(d).toMatch(/Dettagli: https:\/\/agenda\.example\.org\/eventi\/[a-z0-9-]+$/)
      }
      const cal = parseCalendar(ics)
      expect(cal.getFirstPropertyValue('name')).toBe(`Eventi – Valle Seriana – ${name}`)
      expect(cal.getFirstPropertyValue('x-wr-calname')).toBe(`Eventi – Valle Seriana – ${name}`)
      expect(cal.getFirstPropertyValue('description')).toBe('Calendario di prova: date, fusi orari e stati.')
      expect(lines(ics)).toContain('REFRESH-INTERVAL;VALUE=DURATION:PT6H')
      expect(lines(ics)).toContain('X-PUBLISHED-TTL:PT6H')
      const event = cal.getFirstSubcomponent('vevent')
      expect(event?.getFirstPropertyValue('location')).toMatch(/^Biblioteca di Albino, Via Mazzini 68, Albino$/)
      expect(event?.getFirstProperty('organizer')?.getParameter('cn')).toBe('Sistema Bibliotecario Valle Seriana')
      expect(event?.getFirstProperty('categories')?.getValues()).toEqual(['Lettura ad alta voce', 'Laboratori'])
    })
  }
})

/** Schedules the admin can produce, against the site's own expansion (collections/lib/recurrence.ts). */
const SCHEDULES: Record<string, ScheduleInput> = {
  'daily, interval 2, until a day': {
    start: '2026-03-20T17:00:00.000Z',
    end: '2026-03-20T18:00:00.000Z',
    recurrence: { frequency: 'daily', interval: 2, until: '2026-04-10T22:00:00.000Z' },
  },
  'weekly on two days, every other week, count 9': {
    start: '2026-10-01T07:00:00.000Z',
    end: '2026-10-01T08:00:00.000Z',
    recurrence: { frequency: 'weekly', interval: 2, byWeekday: ['MO', 'TH'], count: 9 },
  },
  'weekly, start not on a rule day (Thursday start, Saturday rule)': {
    start: '2026-03-12T09:30:00.000Z',
    end: '2026-03-12T10:30:00.000Z',
    recurrence: { frequency: 'weekly', byWeekday: ['SA'], count: 4 },
  },
  'monthly on the 31st (months without one are skipped)': {
    start: '2026-01-31T17:00:00.000Z',
    end: '2026-01-31T18:00:00.000Z',
    recurrence: { frequency: 'monthly', count: 6 },
  },
  'count and until together: the earlier wins': {
    start: '2026-02-02T16:00:00.000Z',
    end: '2026-02-02T17:00:00.000Z',
    recurrence: { frequency: 'weekly', count: 10, until: '2026-03-01T23:00:00.000Z' },
  },
  'all-day weekly with an excluded day, an extra day and a cancelled date': {
    allDay: true,
    start: '2026-06-05T22:00:00.000Z',
    end: '2026-06-06T22:00:00.000Z',
    recurrence: {
      frequency: 'weekly',
      count: 5,
      excludedDates: [{ date: '2026-06-12T22:00:00.000Z' }],
      extraDates: [{ start: '2026-06-16T22:00:00.000Z' }],
    },
    changedDates: [{ originalStart: '2026-06-19T22:00:00.000Z', status: 'cancelled' }],
  },
  'one-off with extra dates, one of them moved': {
    start: '2026-02-01T15:00:00.000Z',
    end: '2026-02-01T16:00:00.000Z',
    recurrence: {
      frequency: 'none',
      extraDates: [{ start: '2026-02-08T15:00:00.000Z' }, { start: '2026-02-15T15:00:00.000Z' }],
    },
    changedDates: [{ originalStart: '2026-02-08T15:00:00.000Z', start: '2026-02-09T15:00:00.000Z' }],
  },
  'open-ended daily rule (cut by the 2-year horizon)': {
    start: '2026-01-20T08:00:00.000Z',
    end: '2026-01-20T09:00:00.000Z',
    recurrence: { frequency: 'daily' },
  },
}

const siteDates = (schedule: ScheduleInput, from?: Date, until?: Date) =>
  expandSchedule(schedule, NOW)
    .occurrences.filter((o) => (!from || o.end > from) && (!until || o.start < until))
    .map((o) => ({
      start: schedule.allDay ? rome(o.start.toISOString()).slice(0, 8) : o.start.toISOString(),
      status: o.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    }))

const clientDates = (ics: string, allDay: boolean) =>
  expandIcs(ics).map((o) => ({
    start: allDay
      ? rome(`${o.start}T12:00:00Z`).slice(0, 8) // a DATE is a Rome day: compare as such
      : o.start,
    status: o.status as string,
  }))

describe('clients expand exactly the dates the site lists', () => {
  const [template] = CASES.single as FeedEvent[]
  for (const [name, schedule] of Object.entries(SCHEDULES)) {
    it(name, () => {
      const event = { ...(template as FeedEvent), schedule }
      const ics = buildCalendar(calendarOf(name, [event]))
      expect(clientDates(ics, !!schedule.allDay)).toEqual(siteDates(schedule))
      expect(prop(ics, 'UID').every((u) => u === 'UID:101@agenda.example.org')).toBe(true)
    })
  }

  it('a feed horizon keeps only the dates that overlap it, and clients see no others', () => {
    const schedule = SCHEDULES['open-ended daily rule (cut by the 2-year horizon)'] as ScheduleInput
    const from = new Date('2026-03-01T00:00:00.000Z')
    const until = new Date('2026-03-10T00:00:00.000Z')
    const ics = buildCalendar({ ...calendarOf('cut', [{ ...(template as FeedEvent), schedule }]), from, until })
    const dates = clientDates(ics, false)
    expect(dates).toEqual(siteDates(schedule, from, until))
    expect(dates).toHaveLength(9)
  })

  it('the 2-year horizon of an open rule is expressed as a COUNT, so clients stop where the site stops', () => {
    const ics = buildCalendar(
      calendarOf('open', [
        {
          ...(template as FeedEvent),
          schedule: SCHEDULES['open-ended daily rule (cut by the 2-year horizon)'] as ScheduleInput,
        },
      ]),
    )
    const count = Number(
      prop(ics, 'RRULE')
        .at(-1)
        ?.match(/COUNT=(\d+)/)?.[1],
    )
    expect(count).toBe(
      expandSchedule(SCHEDULES['open-ended daily rule (cut by the 2-year horizon)'] as ScheduleInput, NOW).occurrences
        .length,
    )
  })
})
