import { describe, expect, it } from 'vitest'
import { emptyFilters, FilterError, filtersToParams, parseFilters } from '../../site/lib/filters'
import { cleanUrl } from '../../site/lib/urls'

const errorParam = (query: string) => {
  try {
    parseFilters(new URLSearchParams(query))
  } catch (error) {
    if (error instanceof FilterError) return error.param
    throw error
  }
  return null
}

describe('agenda filters round-trip through the URL', () => {
  it('parse(toParams(f)) gives back f, for every kind of filter', () => {
    const f = {
      ...emptyFilters(),
      sistema: ['valle-seriana', 'area-di-dalmine'],
      biblioteca: ['biblioteca-civica-angelo-mai'],
      comune: ['bergamo'],
      categoria: ['laboratorio'],
      pubblico: ['famiglie', '3-6-anni'],
      rassegna: ['cineforum-d-inverno'],
      festival: ['festival-della-lettura-della-bassa'],
      campagna: ['nati-per-leggere'],
      accessibilita: ['lis', 'step-free'] as ('lis' | 'step-free')[],
      eta: [2, 5],
      da: '2026-12-01',
      a: '2026-12-31',
      quando: 'weekend' as const,
      q: 'città di Bergamo',
      gratuito: true,
      pagina: 3,
    }
    const back = parseFilters(filtersToParams(f))
    // Repeated values come back in canonical (sorted) order.
    expect(back).toEqual({
      ...f,
      sistema: ['area-di-dalmine', 'valle-seriana'],
      pubblico: ['3-6-anni', 'famiglie'],
      accessibilita: ['lis', 'step-free'],
    })
    expect(parseFilters(filtersToParams(back))).toEqual(back)
  })

  it('gives one canonical query string whatever the order of the parameters', () => {
    const a = filtersToParams(parseFilters(new URLSearchParams('q=x&sistema=b-b&eta=3&sistema=a-a&pagina=2')))
    const b = filtersToParams(parseFilters(new URLSearchParams('pagina=2&sistema=a-a&eta=3&q=x&sistema=b-b')))
    expect(a.toString()).toBe(b.toString())
    expect(a.toString()).toBe('sistema=a-a&sistema=b-b&eta=3&q=x&pagina=2')
    expect(filtersToParams(parseFilters(a), { page: false }).has('pagina')).toBe(false)
  })

  it('ignores unknown parameters and empty values (an untouched form field)', () => {
    expect(parseFilters(new URLSearchParams('utm_source=x&q=&eta=&sistema='))).toEqual(emptyFilters())
  })

  it.each([
    ['eta=abc', 'eta'],
    ['eta=121', 'eta'],
    ['da=2026-02-30', 'da'],
    ['a=31/12/2026', 'a'],
    ['da=2026-12-10&a=2026-12-01', 'a'],
    ['quando=ieri', 'quando'],
    ['gratuito=si', 'gratuito'],
    ['pagina=0', 'pagina'],
    ['sistema=Valle Seriana', 'sistema'],
    ['accessibilita=rampa', 'accessibilita'],
    ['eta=2&eta=tre', 'eta'],
    ['eta=1,2,3,4,5,6,7,8,9,10,11', 'eta'],
    [`q=${'a'.repeat(2000)}`, 'q'],
  ])('"%s" is refused naming «%s»', (query, param) => {
    expect(errorParam(query)).toBe(param)
  })
})

describe('several ages: a family with children of 2 and 5', () => {
  it('reads repeated and comma-separated ages alike, in one canonical order', () => {
    expect(parseFilters(new URLSearchParams('eta=5&eta=2')).eta).toEqual([2, 5])
    expect(parseFilters(new URLSearchParams('eta=2, 5')).eta).toEqual([2, 5])
    expect(parseFilters(new URLSearchParams('eta=5;2&eta=2')).eta).toEqual([2, 5])
    expect(filtersToParams(parseFilters(new URLSearchParams('eta=5&eta=2'))).toString()).toBe('eta=2&eta=5')
  })
})

describe('cleanUrl (form submissions)', () => {
  it('drops empty fields so the address stays short', () => {
    expect(cleanUrl(new URL('http://x/eventi?q=&quando=&sistema=valle-seriana&eta='))).toBe(
      '/eventi?sistema=valle-seriana',
    )
    expect(cleanUrl(new URL('http://x/eventi?q=&da='))).toBe('/eventi')
    expect(cleanUrl(new URL('http://x/eventi?sistema=valle-seriana'))).toBeNull()
  })

  it("turns the age field's list into repeated parameters, and leaves a malformed one to the 400 page", () => {
    expect(cleanUrl(new URL('http://x/eventi?q=&eta=2%2C+5&pubblico=famiglie'))).toBe(
      '/eventi?eta=2&eta=5&pubblico=famiglie',
    )
    expect(cleanUrl(new URL('http://x/eventi?eta=2&eta=5'))).toBeNull()
    expect(cleanUrl(new URL('http://x/eventi?eta=due+e+cinque'))).toBeNull()
  })

  it('drops the radius the form always sends when no place to be near was chosen, and keeps it with one', () => {
    expect(cleanUrl(new URL('http://x/eventi?q=&vicino=&raggio=10&quando=weekend'))).toBe('/eventi?quando=weekend')
    expect(cleanUrl(new URL('http://x/eventi?raggio=20'))).toBe('/eventi')
    expect(cleanUrl(new URL('http://x/eventi?q=&vicino=albino&raggio=20'))).toBe('/eventi?vicino=albino&raggio=20')
    expect(cleanUrl(new URL('http://x/eventi?vicino=albino&raggio=20'))).toBeNull()
  })
})
