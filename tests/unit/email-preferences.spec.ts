import { describe, expect, it } from 'vitest'
import { parseAges } from '../../cms/newsletter/options'
import { truncateIp } from '../../cms/newsletter/subscribers'
import { cleanName } from '../../collections/Subscribers/hooks/normalizeSubscriber'
import {
  type AudienceContext,
  emptyPreferences,
  inSystemAudience,
  type MatchableOccurrence,
  matchesNarrowing,
  matchesOccurrence,
  parsePreferencesKey,
  preferencesKey,
  preferencesOf,
} from '../../collections/Subscribers/preferences'

const occurrence = (o: Partial<MatchableOccurrence>): MatchableOccurrence => ({
  system: 1,
  comune: '016004',
  audiences: [],
  categories: [],
  campaigns: [],
  ageMin: 0,
  ageMax: 120,
  ...o,
})
const prefs = (p: Partial<ReturnType<typeof emptyPreferences>>) => ({ ...emptyPreferences(), ...p })

describe('preference sets', () => {
  it('have one canonical key whatever the order or the shape of the stored relations', () => {
    const a = preferencesOf({ systems: [3, { id: 1 }], ages: [5, 2, 5], categories: [], comuni: ['016004'] })
    const b = preferencesOf({ systems: [1, 3], ages: [2, 5], comuni: ['016004'] })
    expect(preferencesKey(a)).toBe(preferencesKey(b))
    expect(parsePreferencesKey(preferencesKey(a))).toEqual(b)
    expect(preferencesKey(emptyPreferences())).toBe('[[],[],[],[],[],[]]')
  })
})

describe('matching an occurrence', () => {
  it('no preference matches everything', () => {
    expect(matchesOccurrence(emptyPreferences(), occurrence({}))).toBe(true)
  })
  it('place: systems OR comuni', () => {
    expect(matchesOccurrence(prefs({ systems: [2] }), occurrence({ system: 1 }))).toBe(false)
    expect(matchesOccurrence(prefs({ systems: [2], comuni: ['016004'] }), occurrence({ system: 1 }))).toBe(true)
    expect(matchesOccurrence(prefs({ comuni: ['016091'] }), occurrence({}))).toBe(false)
  })
  it('who: audiences OR ages, ages inside the event’s age range', () => {
    const npl = occurrence({ audiences: [7], ageMin: 0, ageMax: 6 })
    expect(matchesOccurrence(prefs({ ages: [2, 5] }), npl)).toBe(true)
    expect(matchesOccurrence(prefs({ ages: [9] }), npl)).toBe(false)
    expect(matchesOccurrence(prefs({ ages: [9], audiences: [7] }), npl)).toBe(true)
    expect(matchesOccurrence(prefs({ audiences: [8] }), npl)).toBe(false)
  })
  it('categories and campaigns narrow (AND with the rest)', () => {
    const o = occurrence({ categories: [4], campaigns: [9] })
    expect(matchesOccurrence(prefs({ categories: [4], campaigns: [9], systems: [1] }), o)).toBe(true)
    expect(matchesOccurrence(prefs({ categories: [5] }), o)).toBe(false)
    expect(matchesOccurrence(prefs({ campaigns: [10] }), o)).toBe(false)
  })
})

describe('the audience of a system', () => {
  const ctx: AudienceContext = {
    systemComuni: new Set(['016004']),
    audienceAges: new Map([
      ['7', { min: 0, max: 6 }],
      ['8', { min: 18, max: 120 }],
    ]),
  }
  it('is who picked it, or picked no system but one of its comuni, or picked no place at all', () => {
    expect(inSystemAudience(prefs({ systems: [1] }), 1, ctx)).toBe(true)
    expect(inSystemAudience(prefs({ systems: [2] }), 1, ctx)).toBe(false)
    expect(inSystemAudience(prefs({ comuni: ['016004'] }), 1, ctx)).toBe(true)
    expect(inSystemAudience(prefs({ comuni: ['016091'] }), 1, ctx)).toBe(false)
    expect(inSystemAudience(emptyPreferences(), 1, ctx)).toBe(true)
  })
  it('narrowed by audience keeps those whose ages fall in it and those who gave no audience or age', () => {
    const narrow = prefs({ audiences: [7] })
    expect(matchesNarrowing(prefs({ ages: [4] }), narrow, ctx)).toBe(true)
    expect(matchesNarrowing(prefs({ ages: [40] }), narrow, ctx)).toBe(false)
    expect(matchesNarrowing(prefs({ audiences: [8] }), narrow, ctx)).toBe(false)
    expect(matchesNarrowing(emptyPreferences(), narrow, ctx)).toBe(true)
  })
})

describe('personal data as typed in the form', () => {
  it('a name is one line of plain text', () => {
    expect(cleanName('  Ada\r\nBcc: x@y.z  ')).toBe('Ada Bcc: x@y.z')
    expect(cleanName('<img src=x onerror=alert(1)>')).toBe('img src=x onerror=alert(1)')
    expect(cleanName('a'.repeat(100))).toHaveLength(60)
  })
  it('an IP is kept truncated', () => {
    expect(truncateIp('203.0.113.77')).toBe('203.0.113.0')
    expect(truncateIp('::ffff:198.51.100.9')).toBe('198.51.100.0')
    expect(truncateIp('2001:db8:85a3:8d3:1319:8a2e:370:7348')).toBe('2001:db8:85a3::')
    expect(truncateIp('unknown')).toBeNull()
  })
  it('ages are whole years, at most ten', () => {
    expect(parseAges('2, 5')).toEqual([2, 5])
    expect(parseAges('5 2 2')).toEqual([2, 5])
    expect(parseAges('')).toEqual([])
    expect(parseAges('due')).toBeNull()
    expect(parseAges('3.5')).toBeNull()
    expect(parseAges('130')).toBeNull()
    expect(parseAges('1,2,3,4,5,6,7,8,9,10,11')).toBeNull()
  })
})
