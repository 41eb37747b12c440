// "Vicino a": distances between comuni come from the GeoNames coordinates copied into collections/data, and the
// filter's radius is one of a few choices, kept in the URL only when it is not the default.
import { describe, expect, it } from 'vitest'
import { COMUNI } from '../../collections/data/comuni'
import { COMUNE_COORDINATES } from '../../collections/data/comuni-geo'
import { comuneDistanceKm, comuniWithin } from '../../collections/filter-registry'
import { FilterError, filtersToParams, parseFilters } from '../../site/lib/filters'

const ISTAT = { albino: '016004', nembro: '016144', bergamo: '016024', dalmine: '016091', stezzano: '016207' }

describe('the coordinates of the comuni', () => {
  it('cover every comune but Capizzone (missing from the source), all inside the province', () => {
    const missing = COMUNI.filter((c) => !(c.istat in COMUNE_COORDINATES)).map((c) => c.name)
    expect(missing).toEqual(['Capizzone'])
    for (const [istat, [lat, lng]] of Object.entries(COMUNE_COORDINATES)) {
      expect(lat, istat).toBeGreaterThan(45.4)
      expect(lat, istat).toBeLessThan(46.2)
      expect(lng, istat).toBeGreaterThan(9.3)
      expect(lng, istat).toBeLessThan(10.4)
    }
  })

  it('give the distances a map gives: Albino–Nembro 3.7 km, Bergamo–Albino 12.8 km, Dalmine–Albino 19.7 km', () => {
    expect(comuneDistanceKm(ISTAT.albino, ISTAT.nembro)).toBeCloseTo(3.7, 1)
    expect(comuneDistanceKm(ISTAT.bergamo, ISTAT.albino)).toBeCloseTo(12.8, 1)
    expect(comuneDistanceKm(ISTAT.dalmine, ISTAT.albino)).toBeCloseTo(19.7, 1)
    expect(comuneDistanceKm(ISTAT.albino, ISTAT.albino)).toBe(0)
  })

  it('comuni within a radius include the place itself, and grow with the radius', () => {
    const ten = comuniWithin([ISTAT.albino], 10)
    expect(ten).toEqual(expect.arrayContaining([ISTAT.albino, ISTAT.nembro]))
    expect(ten).not.toContain(ISTAT.bergamo)
    expect(comuniWithin([ISTAT.albino], 20)).toEqual(expect.arrayContaining([ISTAT.bergamo, ISTAT.dalmine]))
    expect(comuniWithin(['016050'], 5)).toContain('016050') // Capizzone, without coordinates: itself only
    expect(comuniWithin(['016050'], 5)).toHaveLength(1)
  })
})

describe('the vicino and raggio parameters', () => {
  const param = (query: string) => {
    try {
      parseFilters(new URLSearchParams(query))
      return null
    } catch (error) {
      return error instanceof FilterError ? error.param : 'other'
    }
  }

  it('accept a comune and one of the radius choices; the default radius stays out of the URL', () => {
    const f = parseFilters(new URLSearchParams('vicino=albino&raggio=20'))
    expect([f.vicino, f.raggio]).toEqual([['albino'], 20])
    expect(filtersToParams(f).toString()).toBe('vicino=albino&raggio=20')
    expect(filtersToParams(parseFilters(new URLSearchParams('vicino=albino&raggio=10'))).toString()).toBe(
      'vicino=albino',
    )
  })

  it('refuse another radius with a message naming the parameter, and drop a radius without a place', () => {
    expect(param('vicino=albino&raggio=7')).toBe('raggio')
    expect(param('vicino=albino&raggio=abc')).toBe('raggio')
    expect(param('vicino=albino&raggio=10&raggio=20')).toBe('raggio')
    expect(param('vicino=Albino!')).toBe('vicino')
    expect(parseFilters(new URLSearchParams('raggio=20')).raggio).toBeNull()
  })
})
