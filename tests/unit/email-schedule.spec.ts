import { describe, expect, it } from 'vitest'
import { nextDigestRun } from '../../cms/jobs/weekly-digest'
import { digestWindow } from '../../cms/newsletter/campaigns/kinds'

const rome = (d: Date) =>
  new Intl.DateTimeFormat('it-IT', {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Rome',
  }).format(d)

describe('the weekly digest schedule', () => {
  it('is Thursday 07:00 on Rome’s clocks, in winter and in summer time', () => {
    const winter = nextDigestRun(new Date('2026-11-23T10:00:00Z')) // a Monday
    expect(winter.toISOString()).toBe('2026-11-26T06:00:00.000Z')
    const summer = nextDigestRun(new Date('2026-06-01T10:00:00Z'))
    expect(summer.toISOString()).toBe('2026-06-04T05:00:00.000Z')
    expect(rome(winter)).toBe('giovedì 07:00')
    expect(rome(summer)).toBe('giovedì 07:00')
  })

  it('on a Thursday before 07:00 is that morning; at or after 07:00 it is next week', () => {
    expect(nextDigestRun(new Date('2026-11-26T05:59:00Z')).toISOString()).toBe('2026-11-26T06:00:00.000Z')
    expect(nextDigestRun(new Date('2026-11-26T06:00:00Z')).toISOString()).toBe('2026-12-03T06:00:00.000Z')
  })

  it('crosses the March DST change keeping 07:00', () => {
    const run = nextDigestRun(new Date('2027-03-27T12:00:00Z')) // Saturday before the change
    expect(run.toISOString()).toBe('2027-04-01T05:00:00.000Z')
  })

  it('covers ten Rome days from the run', () => {
    const { from, to } = digestWindow(new Date('2026-11-26T06:00:00Z'))
    expect(from.toISOString()).toBe('2026-11-26T06:00:00.000Z')
    expect(to.toISOString()).toBe('2026-12-05T23:00:00.000Z') // midnight of 6 December, Rome
  })
})
